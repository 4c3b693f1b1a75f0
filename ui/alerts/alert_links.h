// Small pure helpers shared by the desktop alert path (ui/alerts): where an
// alert's graph, runbook and silence come from, and who "I" am.
// Thread safety: pure functions.
#pragma once

#include "model/alert.h"
#include "notify/label_matchers.h"

#include <QString>
#include <QUrl>

#include <vector>

namespace vigil::ui {

// The PromQL expression of a rule's generator URL ("…/graph?g0.expr=…"); empty if none.
QString expressionOfAlert(const model::Alert &alert);
// The first alert's runbook_url annotation (empty when none or not http(s)/file).
QUrl runbookUrl(const std::vector<model::Alert> &alerts);
// Equality matchers on the labels every alert shares (the group's identity):
// a silence made from them mutes exactly that alert group.
notify::LabelMatchers silenceMatchers(const std::vector<model::Alert> &alerts);
// The operating-system user name (acknowledgement and silence owner).
QString osUserName();

}  // namespace vigil::ui
