#include "tray/alert_feed.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QTimer>

namespace vigil::ui {

AlertFeed::AlertFeed(runtime::Engine *engine, int intervalMs, QObject *parent)
    : QObject(parent), engine_(engine), timer_(new QTimer(this))
{
    timer_->setInterval(intervalMs);
    connect(timer_, &QTimer::timeout, this, &AlertFeed::poll);
    connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
        if (s == runtime::Engine::State::Running) {
            poll();
            timer_->start();
        } else {
            timer_->stop();
            if (token_) token_->cancel();
        }
    });
    if (engine_->state() == runtime::Engine::State::Running) {
        timer_->start();
        QTimer::singleShot(0, this, &AlertFeed::poll);
    }
}

AlertFeed::~AlertFeed()
{
    if (token_) token_->cancel();
}

void AlertFeed::poll()
{
    runtime::QueryService *qs = engine_->queryService();
    if (!qs) return;
    if (token_) token_->cancel();
    token_ = std::make_shared<promql::CancellationToken>();
    const uint64_t gen = ++generation_;
    auto *w = new QFutureWatcher<runtime::QueryOutcome>(this);
    connect(w, &QFutureWatcher<runtime::QueryOutcome>::finished, this, [this, w, gen] {
        w->deleteLater();
        if (gen != generation_) return;
        token_.reset();
        const auto f = w->future();
        if (f.resultCount() == 0) return;
        const auto out = f.result();
        if (out.status.isOk()) {
            const auto *v = std::get_if<promql::Vector>(&out.result.value);
            QVector<ActiveAlert> now = v ? alertsFromVector(*v) : QVector<ActiveAlert>{};
            if (now != alerts_) {
                alerts_ = now;
                Q_EMIT alertsChanged(alerts_);
            }
        }
        Q_EMIT polled();
    });
    w->setFuture(qs->instantQuery("ALERTS{alertstate=\"firing\"}", QDateTime::currentMSecsSinceEpoch(), token_));
}

}  // namespace vigil::ui
