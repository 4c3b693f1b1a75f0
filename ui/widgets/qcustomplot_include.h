// Includes QCustomPlot under Vigil's QT_NO_KEYWORDS: its header still uses the
// `signals`, `slots`, `emit` and `foreach` keywords, so they are defined for
// the include only.
#pragma once

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
