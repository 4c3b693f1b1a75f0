#include "alerts/emergency_window.h"

#include "alerts/alert_links.h"
#include "widgets/graph_panel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

EmergencyWindow::EmergencyWindow(runtime::Engine *engine, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint | Qt::CustomizeWindowHint | Qt::WindowTitleHint)
{
    setObjectName(QStringLiteral("emergencyWindow"));
    setWindowTitle(tr("Vigil: EMERGENCY"));
    setStyleSheet(QStringLiteral("EmergencyWindow { border: 4px solid #6a1b9a; }"));
    auto *v = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: bold; color: white; background: #6a1b9a; "
                                         "padding: 8px;"));
    title_->setWordWrap(true);
    alerts_ = new QLabel(this);
    alerts_->setWordWrap(true);
    alerts_->setTextFormat(Qt::RichText);
    runbook_ = new QLabel(this);
    runbook_->setOpenExternalLinks(true);
    runbook_->setTextFormat(Qt::RichText);
    graph_ = new GraphPanel(engine, this);
    graph_->setToolbarVisible(false);
    graph_->setMinimumHeight(220);
    output_ = new QPlainTextEdit(this);
    output_->setReadOnly(true);
    output_->setPlaceholderText(tr("No action output yet."));
    output_->setMaximumHeight(110);
    v->addWidget(title_);
    v->addWidget(alerts_);
    v->addWidget(runbook_);
    v->addWidget(graph_, 1);
    v->addWidget(new QLabel(tr("Action output:"), this));
    v->addWidget(output_);
    auto *form = new QFormLayout;
    owner_ = new QLineEdit(osUserName(), this);
    comment_ = new QLineEdit(this);
    comment_->setPlaceholderText(tr("Required: what are you doing about it?"));
    form->addRow(tr("Owner"), owner_);
    form->addRow(tr("Comment"), comment_);
    v->addLayout(form);
    status_ = new QLabel(tr("This window stays until the alert is acknowledged."), this);
    status_->setWordWrap(true);
    v->addWidget(status_);
    auto *buttons = new QHBoxLayout;
    ackButton_ = new QPushButton(tr("Acknowledge"), this);
    ackButton_->setDefault(true);
    auto *graph = new QPushButton(tr("Open graph"), this);
    buttons->addWidget(ackButton_);
    buttons->addWidget(graph);
    buttons->addStretch(1);
    v->addLayout(buttons);
    connect(ackButton_, &QPushButton::clicked, this, [this] {
        if (owner_->text().trimmed().isEmpty() || comment_->text().trimmed().isEmpty()) {
            setError(tr("An emergency needs an owner and a comment to be acknowledged."));
            return;
        }
        ackButton_->setEnabled(false);
        Q_EMIT acknowledgeRequested(QString::fromStdString(n_.groupKey), owner_->text().trimmed(),
                                    comment_->text().trimmed());
    });
    connect(graph, &QPushButton::clicked, this, [this] { Q_EMIT openGraphRequested(n_); });
    beepTimer_ = new QTimer(this);
    beepTimer_->setInterval(2000);
    connect(beepTimer_, &QTimer::timeout, this, &EmergencyWindow::beep);
    resize(720, 640);
}

void EmergencyWindow::setNotification(const notify::DesktopNotification &n)
{
    n_ = n;
    title_->setText(QString::fromStdString(n.title));
    const QLocale loc;
    QString html;
    for (const model::Alert &a : n.alerts) {
        const std::string_view summary = a.annotations.get("summary");
        html += QStringLiteral("<p><b>%1</b> %2<br>%3 <b>%4</b></p>")
                    .arg(QString::fromStdString(a.labels.toString()).toHtmlEscaped(),
                         QString::fromUtf8(summary.data(), qsizetype(summary.size())).toHtmlEscaped(), tr("Value:"),
                         loc.toString(a.value, 'g', 6));
    }
    alerts_->setText(html);
    const QUrl url = runbookUrl(n.alerts);
    runbook_->setText(url.isEmpty() ? tr("No runbook for this alert.")
                                    : tr("Runbook: <a href=\"%1\">%2</a>")
                                          .arg(url.toString(QUrl::FullyEncoded), url.toDisplayString().toHtmlEscaped()));
    const QString expr = n.alerts.empty() ? QString() : expressionOfAlert(n.alerts.front());
    if (!expr.isEmpty()) {
        PanelConfig c;
        c.title = tr("Last hour");
        c.queries = {PanelQuery{expr, {}}};
        c.lastSeconds = 3600;
        c.legendTable = false;
        graph_->setConfig(c);
        graph_->refresh();
    }
}

void EmergencyWindow::appendActionOutput(const QString &text) { output_->appendPlainText(text); }

QString EmergencyWindow::statusText() const { return status_->text(); }

void EmergencyWindow::setAcknowledged(const QString &owner, const QString &comment)
{
    acknowledged_ = true;
    beepTimer_->stop();
    status_->setText(tr("Acknowledged by %1: %2").arg(owner, comment));
    close();
}

void EmergencyWindow::setError(const QString &message)
{
    status_->setText(message);
    ackButton_->setEnabled(!acknowledged_);
}

void EmergencyWindow::beep()
{
    ++beeps_;
    QApplication::beep();
}

void EmergencyWindow::showEvent(QShowEvent *e)
{
    QWidget::showEvent(e);
    beep();
    if (!acknowledged_) beepTimer_->start();
}

void EmergencyWindow::closeEvent(QCloseEvent *e)
{
    // Stays until someone takes ownership.
    if (!acknowledged_) {
        e->ignore();
        setError(tr("Acknowledge the emergency first (owner and comment)."));
        return;
    }
    beepTimer_->stop();
    e->accept();
}

}  // namespace vigil::ui
