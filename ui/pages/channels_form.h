// ChannelsForm: the notification channels of each tier (warning, critical,
// emergency) — Slack-compatible webhook, email over SMTP, SMS webhook,
// action command — and the quiet hours of warning and critical, edited as
// a notify::ConsoleNotifyConfig. Save stores and applies them
// (AlertingService::saveNotifySettings); Send test delivers a test
// notification through one tier's channels as the form holds them and shows
// each channel's result or error.
//
// Secrets (the webhook URLs, the SMTP password) are never shown or kept in
// the form's settings: what is typed goes to the keychain as
// "notify-<tier>-<channel>" and the settings refer to it as
// ${keychain:notify-<tier>-<channel>}. An empty secret field keeps the
// stored entry; Remove drops the channel. Emergency has no quiet hours
// (never muted). GUI thread only.
#pragma once

#include "notify/console_notify_config.h"
#include "runtime/alerting_service.h"

#include <QWidget>

#include <array>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimeEdit;

namespace vigil::runtime { class Engine; }

namespace vigil::ui {

class ChannelsForm : public QWidget {
    Q_OBJECT
public:
    // `secrets`: where typed secrets go (null: the system keychain).
    explicit ChannelsForm(runtime::Engine *engine, store::SecretStore *secrets = nullptr, QWidget *parent = nullptr);
    ~ChannelsForm() override;

    struct TierWidgets {
        QLineEdit *slackUrl = nullptr;
        QLineEdit *emailTo = nullptr;
        QLineEdit *emailFrom = nullptr;
        QLineEdit *smarthost = nullptr;
        QLineEdit *smtpUser = nullptr;
        QLineEdit *smtpPassword = nullptr;
        QCheckBox *requireTls = nullptr;
        QLineEdit *smsUrl = nullptr;
        QLineEdit *actionCommand = nullptr;
        QCheckBox *quietEnabled = nullptr;  // null for emergency
        QTimeEdit *quietFrom = nullptr;
        QTimeEdit *quietTo = nullptr;
        QCheckBox *quietWeekdaysOnly = nullptr;
        QPushButton *sendTest = nullptr;
        QLabel *testResult = nullptr;
    };
    const TierWidgets &tier(notify::ConsoleTier t) const { return tiers_[size_t(t)]; }
    QLabel *messageLabel() const { return message_; }

    // The settings as the form holds them, and the secrets to write first.
    notify::ConsoleNotifyConfig config(std::vector<runtime::SecretWrite> *secrets) const;

public Q_SLOTS:
    void load();
    void save();
    void sendTest(notify::ConsoleTier tier);

Q_SIGNALS:
    void loaded(const QString &error);
    void saved(const QString &error);
    void testFinished(notify::ConsoleTier tier, const QString &summary);

private:
    QWidget *buildTier(notify::ConsoleTier t);
    void setConfig(const notify::ConsoleNotifyConfig &c);

    runtime::Engine *engine_;
    std::unique_ptr<runtime::AlertingService> service_;
    std::array<TierWidgets, 3> tiers_;
    notify::ConsoleNotifyConfig stored_;  // what was loaded: secret references to keep
    QLabel *message_ = nullptr;
    QPushButton *saveButton_ = nullptr;
};

}  // namespace vigil::ui
