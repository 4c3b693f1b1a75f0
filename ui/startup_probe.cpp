#include "startup_probe.h"

#include <QDateTime>
#include <QEvent>
#include <QLoggingCategory>
#include <QTimer>
#include <QWidget>

Q_LOGGING_CATEGORY(lcUiStartup, "vigil.ui.startup", QtInfoMsg)

namespace vigil::ui {
namespace {

class FirstPaintFilter : public QObject {
public:
    FirstPaintFilter(QWidget *window, const QElapsedTimer &started) : QObject(window), started_(started)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !logged_) {
            logged_ = true;
            // The window's paint event comes first in a repaint; the backing store is flushed to the
            // screen before control returns to the event loop, so log from there.
            QTimer::singleShot(0, this, [this, watched] {
                qCDebug(lcUiStartup).nospace() << "first page painted: epoch_ms=" << QDateTime::currentMSecsSinceEpoch()
                                               << " console_ms=" << started_.elapsed();
                watched->removeEventFilter(this);
                deleteLater();
            });
        }
        return false;
    }

private:
    QElapsedTimer started_;
    bool logged_ = false;
};

}  // namespace

void watchFirstPaint(QWidget *window, const QElapsedTimer &consoleStarted)
{
    if (!lcUiStartup().isDebugEnabled()) return;
    new FirstPaintFilter(window, consoleStarted);
}

}  // namespace vigil::ui
