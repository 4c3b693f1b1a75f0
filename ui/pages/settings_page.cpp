#include "pages/settings_page.h"

#include "config/engine_options.h"
#include "ui_settings.h"
#include "web/web_server.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace vigil::ui {

SettingsPage::SettingsPage(const QString &dataDir, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(tr("Settings"), this);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);

    auto *general = new QGroupBox(tr("General"), this);
    auto *gf = new QFormLayout(general);
    language_ = new QComboBox(general);
    language_->setObjectName(QStringLiteral("language"));
    language_->addItem(tr("System default"), QStringLiteral("system"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    language_->setCurrentIndex(qMax(0, language_->findData(UiSettings::language())));
    gf->addRow(tr("Language:"), language_);
    auto *dir = new QLabel(dataDir, general);
    dir->setTextInteractionFlags(Qt::TextSelectableByMouse);
    gf->addRow(tr("Data directory:"), dir);
    layout->addWidget(general);

    auto *api = new QGroupBox(tr("HTTP API"), this);
    auto *af = new QFormLayout(api);
    apiEnabled_ = new QCheckBox(tr("Serve the Prometheus-compatible API (for Grafana and scripts)"), api);
    apiEnabled_->setObjectName(QStringLiteral("apiEnabled"));
    apiEnabled_->setChecked(UiSettings::apiEnabled());
    af->addRow(apiEnabled_);
    apiAddress_ = new QLineEdit(UiSettings::apiListenAddress(), api);
    apiAddress_->setObjectName(QStringLiteral("apiAddress"));
    af->addRow(tr("Listen address:"), apiAddress_);
    auto *note = new QLabel(tr("Only this computer can reach the API unless you choose a non-loopback address "
                               "(which also needs --web.allow-non-loopback)."), api);
    note->setWordWrap(true);
    af->addRow(note);
    layout->addWidget(api);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("settingsMessage"));
    message_->setWordWrap(true);
    layout->addWidget(message_);
    layout->addStretch(1);

    connect(language_, &QComboBox::currentIndexChanged, this, &SettingsPage::save);
    connect(apiEnabled_, &QCheckBox::toggled, this, &SettingsPage::save);
    connect(apiAddress_, &QLineEdit::editingFinished, this, &SettingsPage::save);
}

void SettingsPage::save()
{
    std::string host;
    uint16_t port = 0;
    if (Status s = config::splitHostPort(apiAddress_->text().toStdString(), host, port); !s.isOk()) {
        message_->setText(tr("The listen address must look like 127.0.0.1:9090."));
        message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
        return;
    }
    UiSettings::setLanguage(language_->currentData().toString());
    UiSettings::setApiEnabled(apiEnabled_->isChecked());
    UiSettings::setApiListenAddress(apiAddress_->text());
    message_->setStyleSheet(QString());
    message_->setText(tr("Saved. Changes take effect the next time Vigil starts."));
}

}  // namespace vigil::ui
