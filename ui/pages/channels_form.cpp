#include "pages/channels_form.h"

#include "runtime/engine.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

using notify::ConsoleTier;
constexpr ConsoleTier kTiers[] = {ConsoleTier::Warning, ConsoleTier::Critical, ConsoleTier::Emergency};

QString tierHeading(ConsoleTier t)
{
    switch (t) {
    case ConsoleTier::Warning: return ChannelsForm::tr("Warning");
    case ConsoleTier::Critical: return ChannelsForm::tr("Critical");
    case ConsoleTier::Emergency: return ChannelsForm::tr("Emergency");
    }
    return {};
}

std::string refName(ConsoleTier t, const char *channel)
{
    return std::string("notify-") + notify::consoleTierName(t) + "-" + channel;
}

QLineEdit *secretField(QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setEchoMode(QLineEdit::Password);
    return e;
}

}  // namespace

ChannelsForm::ChannelsForm(runtime::Engine *engine, store::SecretStore *secrets, QWidget *parent)
    : QWidget(parent), engine_(engine), service_(std::make_unique<runtime::AlertingService>(engine, secrets))
{
    auto *outer = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where each tier's alerts go besides the desktop. Webhook URLs and passwords are "
                                "kept in the system keychain, never in Vigil's database. Quiet hours mute "
                                "notifications of a tier; emergency alerts are never muted."),
                             this);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *inner = new QWidget(scroll);
    auto *columns = new QHBoxLayout(inner);
    for (ConsoleTier t : kTiers) columns->addWidget(buildTier(t), 1);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);
    auto *row = new QHBoxLayout;
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("channelsMessage"));
    message_->setWordWrap(true);
    saveButton_ = new QPushButton(tr("Save channels"), this);
    auto *reload = new QPushButton(tr("Revert"), this);
    row->addWidget(message_, 1);
    row->addWidget(reload);
    row->addWidget(saveButton_);
    outer->addLayout(row);
    connect(saveButton_, &QPushButton::clicked, this, &ChannelsForm::save);
    connect(reload, &QPushButton::clicked, this, &ChannelsForm::load);
    connect(engine_, &runtime::Engine::stateChanged, this, [this](runtime::Engine::State s) {
        if (s == runtime::Engine::State::Running) load();
    });
    if (engine_->state() == runtime::Engine::State::Running) load();
}

ChannelsForm::~ChannelsForm() = default;

QWidget *ChannelsForm::buildTier(ConsoleTier t)
{
    TierWidgets &w = tiers_[size_t(t)];
    auto *box = new QGroupBox(tierHeading(t), this);
    box->setObjectName(QStringLiteral("tier-%1").arg(QString::fromLatin1(notify::consoleTierName(t))));
    auto *form = new QFormLayout(box);
    w.slackUrl = secretField(box);
    w.emailTo = new QLineEdit(box);
    w.emailTo->setPlaceholderText(tr("ops@example.org"));
    w.emailFrom = new QLineEdit(box);
    w.emailFrom->setPlaceholderText(QStringLiteral("vigil@localhost"));
    w.smarthost = new QLineEdit(box);
    w.smarthost->setPlaceholderText(tr("smtp.example.org:587"));
    w.smtpUser = new QLineEdit(box);
    w.smtpPassword = secretField(box);
    w.requireTls = new QCheckBox(tr("Require TLS"), box);
    w.requireTls->setChecked(true);
    w.smsUrl = secretField(box);
    w.actionCommand = new QLineEdit(box);
    w.actionCommand->setPlaceholderText(tr("/usr/local/bin/page-oncall"));
    form->addRow(tr("Slack webhook URL"), w.slackUrl);
    form->addRow(tr("Email to"), w.emailTo);
    form->addRow(tr("Email from"), w.emailFrom);
    form->addRow(tr("SMTP server"), w.smarthost);
    form->addRow(tr("SMTP user"), w.smtpUser);
    form->addRow(tr("SMTP password"), w.smtpPassword);
    form->addRow(QString(), w.requireTls);
    form->addRow(tr("SMS webhook URL"), w.smsUrl);
    form->addRow(tr("Action command"), w.actionCommand);
    if (t != ConsoleTier::Emergency) {
        w.quietEnabled = new QCheckBox(tr("Quiet hours"), box);
        w.quietFrom = new QTimeEdit(QTime(22, 0), box);
        w.quietTo = new QTimeEdit(QTime(7, 0), box);
        w.quietFrom->setDisplayFormat(QStringLiteral("HH:mm"));
        w.quietTo->setDisplayFormat(QStringLiteral("HH:mm"));
        w.quietWeekdaysOnly = new QCheckBox(tr("Monday to Friday only"), box);
        auto *times = new QHBoxLayout;
        times->addWidget(w.quietFrom);
        times->addWidget(new QLabel(tr("to"), box));
        times->addWidget(w.quietTo);
        form->addRow(w.quietEnabled, times);
        form->addRow(QString(), w.quietWeekdaysOnly);
    } else {
        auto *never = new QLabel(tr("Emergency alerts are never muted by quiet hours."), box);
        never->setWordWrap(true);
        form->addRow(never);
    }
    w.sendTest = new QPushButton(tr("Send test"), box);
    w.sendTest->setToolTip(tr("Send a test notification through this tier's channels as entered above"));
    w.testResult = new QLabel(box);
    w.testResult->setWordWrap(true);
    w.testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(w.sendTest);
    form->addRow(w.testResult);
    connect(w.sendTest, &QPushButton::clicked, this, [this, t] { sendTest(t); });
    return box;
}

void ChannelsForm::setConfig(const notify::ConsoleNotifyConfig &c)
{
    stored_ = c;
    for (ConsoleTier t : kTiers) {
        const TierWidgets &w = tiers_[size_t(t)];
        const notify::TierSettings &s = c.tier(t);
        const auto secret = [](QLineEdit *e, const std::string &ref) {
            e->clear();
            e->setPlaceholderText(ref.empty() ? QString() : ChannelsForm::tr("stored in the keychain; type to replace"));
        };
        secret(w.slackUrl, s.channels.slackUrl);
        secret(w.smtpPassword, s.channels.smtpPassword);
        secret(w.smsUrl, s.channels.smsUrl);
        w.emailTo->setText(QString::fromStdString(s.channels.emailTo));
        w.emailFrom->setText(QString::fromStdString(s.channels.emailFrom));
        w.smarthost->setText(QString::fromStdString(s.channels.smtpSmarthost));
        w.smtpUser->setText(QString::fromStdString(s.channels.smtpUsername));
        w.requireTls->setChecked(s.channels.smtpRequireTls);
        QString command = QString::fromStdString(s.channels.actionCommand);
        for (const auto &a : s.channels.actionArgs) command += QLatin1Char(' ') + QString::fromStdString(a);
        w.actionCommand->setText(command);
        if (w.quietEnabled) {
            w.quietEnabled->setChecked(!s.quiet.empty());
            if (!s.quiet.empty()) {
                const notify::QuietWindow &q = s.quiet.front();
                w.quietFrom->setTime(QTime::fromString(QString::fromStdString(q.start), QStringLiteral("HH:mm")));
                w.quietTo->setTime(q.end == "24:00" ? QTime(0, 0)
                                                    : QTime::fromString(QString::fromStdString(q.end), QStringLiteral("HH:mm")));
                w.quietWeekdaysOnly->setChecked(!q.weekdays.empty());
            }
        }
    }
}

notify::ConsoleNotifyConfig ChannelsForm::config(std::vector<runtime::SecretWrite> *secrets) const
{
    notify::ConsoleNotifyConfig c;
    for (ConsoleTier t : kTiers) {
        const TierWidgets &w = tiers_[size_t(t)];
        notify::TierSettings &s = c.tier(t);
        const notify::TierChannels &old = stored_.tier(t).channels;
        // Typed secret: to the keychain; empty: keep what is stored.
        const auto secret = [&](QLineEdit *e, const char *channel, const std::string &stored) -> std::string {
            const QString typed = e->text().trimmed();
            if (typed.isEmpty()) return stored;
            const std::string name = refName(t, channel);
            if (secrets) secrets->push_back({name, typed.toStdString()});
            return "${keychain:" + name + "}";
        };
        s.channels.slackUrl = secret(w.slackUrl, "slack", old.slackUrl);
        s.channels.smsUrl = secret(w.smsUrl, "sms", old.smsUrl);
        s.channels.emailTo = w.emailTo->text().trimmed().toStdString();
        s.channels.emailFrom = w.emailFrom->text().trimmed().toStdString();
        s.channels.smtpSmarthost = w.smarthost->text().trimmed().toStdString();
        s.channels.smtpUsername = w.smtpUser->text().trimmed().toStdString();
        s.channels.smtpPassword =
            s.channels.smtpUsername.empty() ? std::string() : secret(w.smtpPassword, "smtp", old.smtpPassword);
        s.channels.smtpRequireTls = w.requireTls->isChecked();
        const QStringList words = w.actionCommand->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!words.isEmpty()) {
            s.channels.actionCommand = words.first().toStdString();
            for (int i = 1; i < words.size(); ++i) s.channels.actionArgs.push_back(words[i].toStdString());
        }
        if (w.quietEnabled && w.quietEnabled->isChecked()) {
            notify::QuietWindow q;
            q.start = w.quietFrom->time().toString(QStringLiteral("HH:mm")).toStdString();
            q.end = w.quietTo->time().toString(QStringLiteral("HH:mm")).toStdString();
            if (q.end == "00:00") q.end = "24:00";
            if (w.quietWeekdaysOnly->isChecked()) q.weekdays = {"monday:friday"};
            q.location = "Local";
            s.quiet.push_back(q);
        }
    }
    return c;
}

void ChannelsForm::load()
{
    service_->notifySettings().then(this, [this](const runtime::NotifySettingsOutcome &o) {
        if (!o.status.isOk()) {
            message_->setText(tr("Could not read the notification settings: %1").arg(QString::fromStdString(o.status.message())));
            Q_EMIT loaded(message_->text());
            return;
        }
        setConfig(o.config);
        saveButton_->setEnabled(!o.fileInUse);
        message_->setText(o.fileInUse ? tr("Notifications are configured by --notifier.config.file; these settings "
                                           "apply when Vigil runs without it. Send test works.")
                                      : QString());
        Q_EMIT loaded(QString());
    });
}

void ChannelsForm::save()
{
    std::vector<runtime::SecretWrite> secrets;
    const notify::ConsoleNotifyConfig c = config(&secrets);
    if (Status v = c.validate(); !v.isOk()) {
        message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
        message_->setText(QString::fromStdString(v.message()));
        Q_EMIT saved(message_->text());
        return;
    }
    saveButton_->setEnabled(false);
    message_->setStyleSheet(QString());
    message_->setText(tr("Saving…"));
    service_->saveNotifySettings(c, std::move(secrets)).then(this, [this, c](const Status &s) {
        saveButton_->setEnabled(true);
        message_->setStyleSheet(s.isOk() ? QString() : QStringLiteral("color: #b3261e;"));
        message_->setText(s.isOk() ? tr("Saved; the notifier uses the new channels now.")
                                   : tr("Not saved: %1").arg(QString::fromStdString(s.message())));
        if (s.isOk()) setConfig(c);
        Q_EMIT saved(s.isOk() ? QString() : QString::fromStdString(s.message()));
    });
}

void ChannelsForm::sendTest(ConsoleTier t)
{
    TierWidgets &w = tiers_[size_t(t)];
    std::vector<runtime::SecretWrite> secrets;
    const notify::ConsoleNotifyConfig c = config(&secrets);
    w.sendTest->setEnabled(false);
    w.testResult->setStyleSheet(QString());
    w.testResult->setText(tr("Sending…"));
    service_->sendTest(c, t, std::move(secrets)).then(this, [this, t](const runtime::TestSendOutcome &o) {
        TierWidgets &w = tiers_[size_t(t)];
        w.sendTest->setEnabled(true);
        QStringList lines;
        bool allOk = o.status.isOk();
        if (!o.status.isOk()) lines << tr("Not sent: %1").arg(QString::fromStdString(o.status.message()));
        else if (o.results.empty()) lines << tr("This tier has no channel besides the desktop.");
        for (const auto &r : o.results) {
            allOk = allOk && r.ok;
            lines << (r.ok ? tr("%1: delivered").arg(QString::fromStdString(r.integration))
                           : tr("%1: failed — %2").arg(QString::fromStdString(r.integration), QString::fromStdString(r.error)));
        }
        w.testResult->setStyleSheet(allOk ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b3261e;"));
        w.testResult->setText(lines.join(QLatin1Char('\n')));
        Q_EMIT testFinished(t, w.testResult->text());
    });
}

}  // namespace vigil::ui
