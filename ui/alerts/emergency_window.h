// EmergencyWindow: the emergency tier's alert window — always on top, a beep
// every 2 s, and it cannot be closed until the alert is acknowledged with an
// owner and a comment (Acknowledge → acknowledgeRequested; the AlertDesk
// calls the engine and answers with setAcknowledged() or setError()). It
// shows the alerts with their values, a graph of the alert's expression
// over the last hour (GraphPanel on the engine's QueryService), the runbook
// link and the output of the receiver's action.
//
// Threading: GUI thread only.
#pragma once

#include "notify/desktop_sink.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace vigil::runtime { class Engine; }

namespace vigil::ui {

class GraphPanel;

class EmergencyWindow : public QWidget {
    Q_OBJECT
public:
    // `engine` (may be null: no graph data) must outlive the window.
    explicit EmergencyWindow(runtime::Engine *engine, QWidget *parent = nullptr);

    void setNotification(const notify::DesktopNotification &n);
    const notify::DesktopNotification &notification() const { return n_; }
    void appendActionOutput(const QString &text);
    // Acknowledged: the sound stops and the window closes.
    void setAcknowledged(const QString &owner, const QString &comment);
    void setError(const QString &message);
    bool isAcknowledged() const { return acknowledged_; }
    int beepCount() const { return beeps_; }

    QLineEdit *ownerEdit() const { return owner_; }
    QLineEdit *commentEdit() const { return comment_; }
    QPushButton *acknowledgeButton() const { return ackButton_; }
    GraphPanel *graph() const { return graph_; }
    QLabel *runbookLabel() const { return runbook_; }
    QPlainTextEdit *actionOutput() const { return output_; }
    QString statusText() const;

Q_SIGNALS:
    void acknowledgeRequested(const QString &groupKey, const QString &owner, const QString &comment);
    void openGraphRequested(const vigil::notify::DesktopNotification &n);

protected:
    void showEvent(QShowEvent *e) override;
    void closeEvent(QCloseEvent *e) override;

private:
    void beep();

    notify::DesktopNotification n_;
    QLabel *title_;
    QLabel *alerts_;
    QLabel *runbook_;
    QLabel *status_;
    GraphPanel *graph_;
    QPlainTextEdit *output_;
    QLineEdit *owner_;
    QLineEdit *comment_;
    QPushButton *ackButton_;
    QTimer *beepTimer_;
    bool acknowledged_ = false;
    int beeps_ = 0;
};

}  // namespace vigil::ui
