// OverviewPage: the engine at a glance — state, series, ingestion rate,
// targets, disk and where the API answers. Fed by EngineStatus snapshots.
#pragma once

#include "runtime/engine.h"

#include <QWidget>

class QLabel;

namespace vigil::ui {

class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(runtime::Engine *engine, QWidget *parent = nullptr);

    // The value text of a card, for tests ("state", "series", "rate", "targets", "disk", "api", "data").
    QString cardText(const QString &key) const;

private:
    void onStatus(const runtime::EngineStatus &s);
    void onState(runtime::Engine::State state);
    QLabel *addCard(const QString &key, const QString &title, int row, int column);

    runtime::Engine *engine_;
    QHash<QString, QLabel *> cards_;
};

}  // namespace vigil::ui
