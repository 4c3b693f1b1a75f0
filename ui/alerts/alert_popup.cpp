#include "alerts/alert_popup.h"

#include "alerts/alert_links.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

AlertPopup::AlertPopup(QWidget *parent) : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint)
{
    setObjectName(QStringLiteral("alertPopup"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    setWindowTitle(tr("Vigil: critical alert"));
    auto *v = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold; color: #c62828;"));
    title_->setWordWrap(true);
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    v->addWidget(title_);
    v->addWidget(body_, 1);
    auto *form = new QFormLayout;
    owner_ = new QLineEdit(osUserName(), this);
    comment_ = new QLineEdit(this);
    comment_->setPlaceholderText(tr("What are you doing about it?"));
    form->addRow(tr("Owner"), owner_);
    form->addRow(tr("Comment"), comment_);
    v->addLayout(form);
    v->addWidget(status_);
    auto *buttons = new QHBoxLayout;
    ackButton_ = new QPushButton(tr("Acknowledge"), this);
    auto *silence = new QPushButton(tr("Silence 1 h"), this);
    auto *graph = new QPushButton(tr("Open graph"), this);
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    for (QPushButton *b : {ackButton_, silence, graph}) buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(dismiss);
    v->addLayout(buttons);
    connect(ackButton_, &QPushButton::clicked, this, [this] {
        if (owner_->text().trimmed().isEmpty()) {
            setError(tr("Enter who takes ownership of the alert."));
            return;
        }
        Q_EMIT acknowledgeRequested(QString::fromStdString(n_.groupKey), owner_->text().trimmed(),
                                    comment_->text().trimmed());
    });
    connect(silence, &QPushButton::clicked, this, [this] { Q_EMIT silenceRequested(n_); });
    connect(graph, &QPushButton::clicked, this, [this] { Q_EMIT openGraphRequested(n_); });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::close);
    beepTimer_ = new QTimer(this);
    beepTimer_->setInterval(15000);
    connect(beepTimer_, &QTimer::timeout, this, &AlertPopup::beep);
    resize(460, 260);
}

void AlertPopup::setNotification(const notify::DesktopNotification &n)
{
    n_ = n;
    title_->setText(QString::fromStdString(n.title));
    body_->setText(QString::fromStdString(n.body).trimmed());
}

void AlertPopup::setAcknowledged(const QString &owner, const QString &comment)
{
    acknowledged_ = true;
    beepTimer_->stop();
    ackButton_->setEnabled(false);
    owner_->setEnabled(false);
    comment_->setEnabled(false);
    status_->setText(comment.isEmpty() ? tr("Acknowledged by %1").arg(owner)
                                       : tr("Acknowledged by %1: %2").arg(owner, comment));
}

void AlertPopup::setError(const QString &message) { status_->setText(message); }

void AlertPopup::beep()
{
    ++beeps_;
    QApplication::beep();
}

void AlertPopup::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    beep();
    if (!acknowledged_) beepTimer_->start();
}

void AlertPopup::closeEvent(QCloseEvent *e)
{
    beepTimer_->stop();
    Q_EMIT dismissed(QString::fromStdString(n_.groupKey));
    e->accept();
}

}  // namespace vigil::ui
