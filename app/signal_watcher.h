// SignalWatcher: turns SIGTERM, SIGINT and SIGHUP into Qt signals on the main
// thread (self-pipe + QSocketNotifier), so shutdown and reload run as normal
// event-loop work instead of inside a signal handler.
#pragma once

#include <QObject>

class QSocketNotifier;

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminateRequested(int signo);  // SIGTERM, SIGINT
    void reloadRequested();              // SIGHUP

private:
    void onReadable();
    QSocketNotifier *notifier_ = nullptr;
};
