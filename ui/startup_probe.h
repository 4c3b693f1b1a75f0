// Start-up probe: logs when the console's window is first painted, for bench/startup.
// Category "vigil.ui.startup", debug level, so it is silent unless enabled
// (QT_LOGGING_RULES="vigil.ui.startup.debug=true"). The line reads
//   first page painted: epoch_ms=<wall clock ms> console_ms=<ms since runConsole() began>
// GUI thread only; the probe removes itself after the first paint.
#pragma once

#include <QElapsedTimer>

class QWidget;

namespace vigil::ui {

// Watches `window` (not owned; the probe is its child) until its first paint event has been delivered.
void watchFirstPaint(QWidget *window, const QElapsedTimer &consoleStarted);

}  // namespace vigil::ui
