// AlertPopup: the critical tier's pop-up — a window that stays until the user
// dismisses it (or acknowledges the alert), with a beep when it appears and
// every 15 s while it is open. It shows the notification's title and alerts,
// and offers Acknowledge (with owner and comment), Silence 1 h and Open graph.
// A new notification of the same group updates it in place.
//
// Threading: GUI thread only.
#pragma once

#include "notify/desktop_sink.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace vigil::ui {

class AlertPopup : public QWidget {
    Q_OBJECT
public:
    explicit AlertPopup(QWidget *parent = nullptr);

    void setNotification(const notify::DesktopNotification &n);
    const notify::DesktopNotification &notification() const { return n_; }
    // Shows who acknowledged; the Acknowledge controls are disabled.
    void setAcknowledged(const QString &owner, const QString &comment);
    bool isAcknowledged() const { return acknowledged_; }
    void setError(const QString &message);
    int beepCount() const { return beeps_; }

    QLineEdit *ownerEdit() const { return owner_; }
    QLineEdit *commentEdit() const { return comment_; }
    QPushButton *acknowledgeButton() const { return ackButton_; }

Q_SIGNALS:
    void acknowledgeRequested(const QString &groupKey, const QString &owner, const QString &comment);
    void silenceRequested(const vigil::notify::DesktopNotification &n);
    void openGraphRequested(const vigil::notify::DesktopNotification &n);
    void dismissed(const QString &groupKey);

protected:
    void showEvent(QShowEvent *e) override;
    void closeEvent(QCloseEvent *e) override;

private:
    void beep();

    notify::DesktopNotification n_;
    QLabel *title_;
    QLabel *body_;
    QLabel *status_;
    QLineEdit *owner_;
    QLineEdit *comment_;
    QPushButton *ackButton_;
    QTimer *beepTimer_;
    bool acknowledged_ = false;
    int beeps_ = 0;
};

}  // namespace vigil::ui
