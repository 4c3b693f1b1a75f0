// TargetDialog: construction of the form's tabs. Validation, Test, Save and
// the relabel preview are in target_dialog_actions.cpp.
#include "pages/target_dialog.h"

#include "store/secret_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil::ui {

QString labelPairsText(const model::Labels &labels)
{
    QStringList parts;
    for (const auto &l : labels) {
        parts << QStringLiteral("%1=\"%2\"")
                     .arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
    }
    return parts.join(QStringLiteral(", "));
}

TargetDialog::TargetDialog(runtime::Engine *engine, const store::StoredTarget &existing, QWidget *parent)
    : QDialog(parent),
      engine_(engine),
      id_(existing.id),
      existingRef_(existing.authSecretRef),
      enabled_(existing.enabled)
{
    setWindowTitle(existing.id ? tr("Edit target") : tr("Add target"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("tabs"));
    tabs->addTab(buildTargetTab(existing), tr("Target"));
    tabs->addTab(buildAuthTab(existing), tr("Authentication"));
    tabs->addTab(buildTlsTab(existing), tr("TLS"));
    tabs->addTab(buildRelabelTab(existing), tr("Relabeling"));
    layout->addWidget(tabs, 1);

    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("result"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(result_);
    lint_ = new QLabel(this);
    lint_->setObjectName(QStringLiteral("lint"));
    lint_->setWordWrap(true);
    lint_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(lint_);

    auto *buttons = new QDialogButtonBox(this);
    testButton_ = buttons->addButton(tr("Test"), QDialogButtonBox::ActionRole);
    testButton_->setObjectName(QStringLiteral("test"));
    saveButton_ = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    saveButton_->setObjectName(QStringLiteral("save"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(testButton_, &QPushButton::clicked, this, &TargetDialog::test);
    connect(saveButton_, &QPushButton::clicked, this, &TargetDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The relabel preview follows every field it depends on (debounced).
    previewTimer_ = new QTimer(this);
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(250);
    connect(previewTimer_, &QTimer::timeout, this, &TargetDialog::updateRelabelPreview);
    for (QLineEdit *e : {address_, job_, path_})
        connect(e, &QLineEdit::textChanged, previewTimer_, qOverload<>(&QTimer::start));
    for (QPlainTextEdit *e : {labels_, relabel_})
        connect(e, &QPlainTextEdit::textChanged, previewTimer_, qOverload<>(&QTimer::start));
    connect(scheme_, &QComboBox::currentTextChanged, previewTimer_, qOverload<>(&QTimer::start));
    updateRelabelPreview();

    // Is there a keychain? Asked once, asynchronously.
    keychainStatus_->setText(tr("Checking the system keychain…"));
    engine_->secrets()->probe().then(this, [this](const Status &s) {
        keychainAvailable_ = s.isOk();
        if (keychainAvailable_) {
            keychainStatus_->setStyleSheet(QString());
            keychainStatus_->setText(
                tr("Passwords and tokens are kept in the system keychain, never in Vigil's files."));
        } else {
            keychainStatus_->setStyleSheet(QStringLiteral("color: #b3261e;"));
            keychainStatus_->setText(
                tr("No system keychain is available (%1). Passwords and tokens cannot be saved: Vigil never "
                   "stores them in plain text. Start a Secret Service (GNOME Keyring, KeePassXC) or KWallet.")
                    .arg(QString::fromStdString(s.message())));
        }
        updateAuthFields();
        Q_EMIT keychainChecked(keychainAvailable_);
    });
    resize(720, 620);
}

QWidget *TargetDialog::buildTargetTab(const store::StoredTarget &t)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    address_ = new QLineEdit(QString::fromStdString(t.address), page);
    address_->setObjectName(QStringLiteral("address"));
    address_->setPlaceholderText(tr("host:port or http://host:port/metrics"));
    job_ = new QLineEdit(QString::fromStdString(t.job), page);
    job_->setObjectName(QStringLiteral("job"));
    job_->setPlaceholderText(tr("e.g. node"));
    scheme_ = new QComboBox(page);
    scheme_->setObjectName(QStringLiteral("scheme"));
    scheme_->addItems({QStringLiteral("http"), QStringLiteral("https")});
    scheme_->setCurrentText(QString::fromStdString(t.scheme));
    path_ = new QLineEdit(QString::fromStdString(t.metricsPath), page);
    path_->setObjectName(QStringLiteral("path"));
    interval_ = new QSpinBox(page);
    interval_->setObjectName(QStringLiteral("interval"));
    interval_->setRange(1, 3600);
    interval_->setSuffix(tr(" s"));
    interval_->setValue(int(t.intervalMs / 1000));
    timeout_ = new QSpinBox(page);
    timeout_->setObjectName(QStringLiteral("timeout"));
    timeout_->setRange(1, 3600);
    timeout_->setSuffix(tr(" s"));
    timeout_->setValue(int(t.timeoutMs / 1000));
    labels_ = new QPlainTextEdit(page);
    labels_->setObjectName(QStringLiteral("labels"));
    labels_->setPlaceholderText(tr("One label per line: name=value"));
    QStringList lines;
    for (const auto &[n, v] : t.labels) lines << QString::fromStdString(n + "=" + v);
    labels_->setPlainText(lines.join(QLatin1Char('\n')));
    form->addRow(tr("Address or URL:"), address_);
    form->addRow(tr("Job:"), job_);
    form->addRow(tr("Scheme:"), scheme_);
    form->addRow(tr("Metrics path:"), path_);
    form->addRow(tr("Scrape interval:"), interval_);
    form->addRow(tr("Scrape timeout:"), timeout_);
    form->addRow(tr("Extra labels:"), labels_);
    return page;
}

QWidget *TargetDialog::buildAuthTab(const store::StoredTarget &t)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    authType_ = new QComboBox(page);
    authType_->setObjectName(QStringLiteral("authType"));
    authType_->addItem(tr("None"), QString());
    authType_->addItem(tr("Basic (username and password)"), QStringLiteral("basic"));
    authType_->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    authType_->setCurrentIndex(std::max(0, authType_->findData(QString::fromStdString(t.authType))));
    authUser_ = new QLineEdit(QString::fromStdString(t.authUser), page);
    authUser_->setObjectName(QStringLiteral("authUser"));
    authSecret_ = new QLineEdit(page);
    authSecret_->setObjectName(QStringLiteral("authSecret"));
    authSecret_->setEchoMode(QLineEdit::Password);
    keychainStatus_ = new QLabel(page);
    keychainStatus_->setObjectName(QStringLiteral("keychainStatus"));
    keychainStatus_->setWordWrap(true);
    form->addRow(tr("Authentication:"), authType_);
    form->addRow(tr("Username:"), authUser_);
    form->addRow(tr("Password or token:"), authSecret_);
    form->addRow(keychainStatus_);
    connect(authType_, &QComboBox::currentIndexChanged, this, &TargetDialog::updateAuthFields);
    updateAuthFields();
    return page;
}

QLineEdit *TargetDialog::fileField(const QString &name, const std::string &value, QWidget *parent,
                                   QWidget **row)
{
    auto *w = new QWidget(parent);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(QString::fromStdString(value), w);
    edit->setObjectName(name);
    auto *browse = new QToolButton(w);
    browse->setText(tr("Browse…"));
    h->addWidget(edit, 1);
    h->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text());
        if (!file.isEmpty()) edit->setText(file);
    });
    *row = w;
    return edit;
}

QWidget *TargetDialog::buildTlsTab(const store::StoredTarget &t)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    QWidget *row = nullptr;
    caFile_ = fileField(QStringLiteral("caFile"), t.tlsCaFile, page, &row);
    form->addRow(tr("CA certificate file:"), row);
    certFile_ = fileField(QStringLiteral("certFile"), t.tlsCertFile, page, &row);
    form->addRow(tr("Client certificate file:"), row);
    keyFile_ = fileField(QStringLiteral("keyFile"), t.tlsKeyFile, page, &row);
    form->addRow(tr("Client key file:"), row);
    serverName_ = new QLineEdit(QString::fromStdString(t.tlsServerName), page);
    serverName_->setObjectName(QStringLiteral("serverName"));
    serverName_->setPlaceholderText(tr("the name the server certificate must match (optional)"));
    form->addRow(tr("Server name:"), serverName_);
    insecure_ = new QCheckBox(tr("Skip TLS certificate verification (insecure)"), page);
    insecure_->setObjectName(QStringLiteral("insecure"));
    insecure_->setChecked(t.tlsInsecureSkipVerify);
    form->addRow(insecure_);
    return page;
}

QWidget *TargetDialog::buildRelabelTab(const store::StoredTarget &t)
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    auto *help =
        new QLabel(tr("relabel_configs as in prometheus.yml (YAML). The preview applies them to this "
                      "target's labels one rule at a time."),
                   page);
    help->setWordWrap(true);
    v->addWidget(help);
    relabel_ = new QPlainTextEdit(QString::fromStdString(t.relabelYaml), page);
    relabel_->setObjectName(QStringLiteral("relabel"));
    relabel_->setPlaceholderText(
        QStringLiteral("- source_labels: [__address__]\n  regex: '(.*):.*'\n  target_label: host"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    relabel_->setFont(mono);
    v->addWidget(relabel_, 1);
    relabelVerdict_ = new QLabel(page);
    relabelVerdict_->setObjectName(QStringLiteral("relabelVerdict"));
    relabelVerdict_->setWordWrap(true);
    v->addWidget(relabelVerdict_);
    relabelPreview_ = new QTableWidget(0, 3, page);
    relabelPreview_->setObjectName(QStringLiteral("relabelPreview"));
    relabelPreview_->setHorizontalHeaderLabels({tr("Step"), tr("Change"), tr("Labels after the step")});
    relabelPreview_->verticalHeader()->hide();
    // Row heights follow the wrapped label text as the column width changes.
    relabelPreview_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    relabelPreview_->horizontalHeader()->setStretchLastSection(true);
    relabelPreview_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    relabelPreview_->setColumnWidth(1, 150);
    relabelPreview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    relabelPreview_->setWordWrap(true);
    v->addWidget(relabelPreview_, 2);
    return page;
}

void TargetDialog::updateAuthFields()
{
    const QString type = authType_->currentData().toString();
    authUser_->setEnabled(type == QLatin1String("basic"));
    authSecret_->setEnabled(!type.isEmpty());
    authSecret_->setPlaceholderText(!existingRef_.empty() ? tr("unchanged (kept in the system keychain)")
                                                          : QString());
}

QString TargetDialog::resultText() const
{
    return result_->text();
}
QString TargetDialog::lintText() const
{
    return lint_->text();
}
QString TargetDialog::relabelVerdict() const
{
    return relabelVerdict_->text();
}

void TargetDialog::showResult(bool ok, const QString &text)
{
    result_->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b3261e;"));
    result_->setText(text);
}

}  // namespace vigil::ui
