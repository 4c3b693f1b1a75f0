#include "pages/data_source_dialog.h"

#include "runtime/data_source_registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace vigil::ui {

DataSourceDialog::DataSourceDialog(const runtime::DataSource &existing, QWidget *parent)
    : QDialog(parent), existing_(existing)
{
    setWindowTitle(existing.name.empty() ? tr("Add data source") : tr("Edit data source"));
    setObjectName(QStringLiteral("dataSourceDialog"));
    resize(600, 0);
    auto *form = new QFormLayout(this);
    name_ = new QLineEdit(QString::fromStdString(existing.name), this);
    name_->setObjectName(QStringLiteral("dsName"));
    name_->setEnabled(existing.name.empty());
    form->addRow(tr("Name"), name_);
    type_ = new QComboBox(this);
    type_->addItem(QStringLiteral("Prometheus"), QStringLiteral("prometheus"));
    type_->addItem(QStringLiteral("Thanos Query"), QStringLiteral("thanos"));
    type_->addItem(QStringLiteral("Mimir"), QStringLiteral("mimir"));
    type_->addItem(QStringLiteral("VictoriaMetrics"), QStringLiteral("victoriametrics"));
    type_->setCurrentIndex(std::max(0, type_->findData(QString::fromStdString(existing.type))));
    form->addRow(tr("Kind"), type_);
    url_ = new QLineEdit(QString::fromStdString(existing.url), this);
    url_->setObjectName(QStringLiteral("dsUrl"));
    url_->setPlaceholderText(tr("e.g. http://prometheus:9090 or https://mimir/prometheus"));
    form->addRow(tr("URL"), url_);
    auth_ = new QComboBox(this);
    auth_->addItem(tr("None"), int(runtime::DataSource::Auth::None));
    auth_->addItem(tr("Basic (username and password)"), int(runtime::DataSource::Auth::Basic));
    auth_->addItem(tr("Bearer token"), int(runtime::DataSource::Auth::Bearer));
    auth_->setCurrentIndex(auth_->findData(int(existing.auth)));
    form->addRow(tr("Authentication"), auth_);
    username_ = new QLineEdit(QString::fromStdString(existing.username), this);
    form->addRow(tr("Username"), username_);
    secret_ = new QLineEdit(this);
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setPlaceholderText(existing.secretRef.empty() ? tr("kept in the system keychain")
                                                           : tr("unchanged (kept in the system keychain)"));
    form->addRow(tr("Password or token"), secret_);
    caFile_ = new QLineEdit(QString::fromStdString(existing.caFile), this);
    certFile_ = new QLineEdit(QString::fromStdString(existing.certFile), this);
    keyFile_ = new QLineEdit(QString::fromStdString(existing.keyFile), this);
    form->addRow(tr("CA file"), caFile_);
    form->addRow(tr("Client certificate"), certFile_);
    form->addRow(tr("Client key"), keyFile_);
    insecure_ = new QCheckBox(tr("Do not verify the server's certificate"), this);
    insecure_->setChecked(existing.insecureSkipVerify);
    form->addRow(QString(), insecure_);
    testButton_ = new QPushButton(tr("Test"), this);
    testButton_->setObjectName(QStringLiteral("dsTest"));
    testResult_ = new QLabel(this);
    testResult_->setObjectName(QStringLiteral("dsTestResult"));
    testResult_->setWordWrap(true);
    form->addRow(testButton_, testResult_);
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error_->setWordWrap(true);
    form->addRow(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(testButton_, &QPushButton::clicked, this, &DataSourceDialog::test);
    for (QLineEdit *e : {name_, url_, username_, secret_, caFile_, certFile_, keyFile_})
        connect(e, &QLineEdit::textChanged, this, &DataSourceDialog::validate);
    connect(auth_, &QComboBox::currentIndexChanged, this, &DataSourceDialog::validate);
    validate();
}

runtime::DataSource DataSourceDialog::source() const
{
    runtime::DataSource d = existing_;
    d.name = name_->text().trimmed().toStdString();
    d.type = type_->currentData().toString().toStdString();
    d.url = url_->text().trimmed().toStdString();
    d.auth = runtime::DataSource::Auth(auth_->currentData().toInt());
    d.username = d.auth == runtime::DataSource::Auth::Basic ? username_->text().toStdString() : std::string();
    d.caFile = caFile_->text().trimmed().toStdString();
    d.certFile = certFile_->text().trimmed().toStdString();
    d.keyFile = keyFile_->text().trimmed().toStdString();
    d.insecureSkipVerify = insecure_->isChecked();
    return d;
}

std::string DataSourceDialog::secret() const
{
    return secret_->text().toStdString();
}

void DataSourceDialog::validate()
{
    const auto auth = runtime::DataSource::Auth(auth_->currentData().toInt());
    username_->setEnabled(auth == runtime::DataSource::Auth::Basic);
    secret_->setEnabled(auth != runtime::DataSource::Auth::None);
    const Status s = source().validate();
    error_->setText(s.isOk() ? QString() : QString::fromStdString(s.message()));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(s.isOk());
    testButton_->setEnabled(s.isOk());
}

void DataSourceDialog::test()
{
    // Tests what is typed; an unchanged secret of a stored source is not
    // re-read here (type it again to test it).
    testResult_->setStyleSheet(QString());
    testResult_->setText(tr("Testing…"));
    testButton_->setEnabled(false);
    auto *w = new QFutureWatcher<Status>(this);
    connect(w, &QFutureWatcher<Status>::finished, this, [this, w] {
        w->deleteLater();
        testButton_->setEnabled(true);
        const Status s = w->future().resultCount() ? w->future().result() : Status::cancelled("cancelled");
        testResult_->setStyleSheet(s.isOk() ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b3261e;"));
        testResult_->setText(s.isOk() ? tr("The server answers PromQL queries.") : QString::fromStdString(s.message()));
    });
    w->setFuture(runtime::DataSourceRegistry::test(source(), secret()));
}

}  // namespace vigil::ui
