#include "pages/remote_write_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace vigil::ui {

namespace {
const char *kRelabelKey = "write_relabel_configs:\n";

// YAML double-quoted scalar.
QString quoted(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}
}  // namespace

RemoteWriteDialog::RemoteWriteDialog(const runtime::StoredRemoteWrite &existing, QWidget *parent)
    : QDialog(parent), existing_(existing)
{
    setWindowTitle(existing.name.empty() ? tr("Add remote write destination") : tr("Edit remote write destination"));
    setObjectName(QStringLiteral("remoteWriteDialog"));
    resize(640, 0);
    auto *form = new QFormLayout(this);
    name_ = new QLineEdit(QString::fromStdString(existing.name), this);
    name_->setObjectName(QStringLiteral("rwName"));
    name_->setEnabled(existing.name.empty());  // the name is the key in app.db
    form->addRow(tr("Name"), name_);
    url_ = new QLineEdit(this);
    url_->setObjectName(QStringLiteral("rwUrl"));
    url_->setPlaceholderText(tr("e.g. http://mimir:9009/api/v1/push"));
    form->addRow(tr("URL"), url_);
    auth_ = new QComboBox(this);
    auth_->addItem(tr("None"), QStringLiteral("none"));
    auth_->addItem(tr("Basic (username and password)"), QStringLiteral("basic"));
    auth_->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    form->addRow(tr("Authentication"), auth_);
    username_ = new QLineEdit(this);
    form->addRow(tr("Username"), username_);
    secret_ = new QLineEdit(this);
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setPlaceholderText(existing.secretRef.empty() ? tr("kept in the system keychain")
                                                           : tr("unchanged (kept in the system keychain)"));
    form->addRow(tr("Password or token"), secret_);
    auto spin = [this](int lo, int hi, int v) {
        auto *s = new QSpinBox(this);
        s->setRange(lo, hi);
        s->setValue(v);
        return s;
    };
    const scrape::QueueConfig defaults;
    capacity_ = spin(1, 1000000, defaults.capacity);
    minShards_ = spin(1, 1000, defaults.minShards);
    maxShards_ = spin(1, 1000, defaults.maxShards);
    maxSamples_ = spin(1, 100000, defaults.maxSamplesPerSend);
    deadline_ = spin(1, 600, int(defaults.batchSendDeadlineMs / 1000));
    deadline_->setSuffix(tr(" s"));
    form->addRow(tr("Queue capacity"), capacity_);
    form->addRow(tr("Shards (min / max)"), [&] {
        auto *w = new QWidget(this);
        auto *h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(minShards_);
        h->addWidget(maxShards_);
        return w;
    }());
    form->addRow(tr("Samples per request"), maxSamples_);
    form->addRow(tr("Batch send deadline"), deadline_);
    relabel_ = new QPlainTextEdit(this);
    relabel_->setObjectName(QStringLiteral("rwRelabel"));
    relabel_->setPlaceholderText(QStringLiteral("- source_labels: [__name__]\n  regex: 'up|node_.*'\n  action: keep"));
    relabel_->setFixedHeight(relabel_->fontMetrics().lineSpacing() * 6 + 12);
    form->addRow(tr("write_relabel_configs (YAML)"), relabel_);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("rwError"));
    error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error_->setWordWrap(true);
    form->addRow(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Fill the fields from the stored entry (the same loader reads it back).
    if (!existing.yaml.empty()) {
        if (auto cfg = runtime::parseRemoteWriteEntry(existing.yaml, ""); cfg.isOk()) {
            url_->setText(QString::fromStdString(cfg->url));
            if (cfg->http.basicAuth) {
                auth_->setCurrentIndex(1);
                username_->setText(QString::fromStdString(cfg->http.basicAuth->username));
            } else if (cfg->http.authorization) {
                auth_->setCurrentIndex(2);
            }
            capacity_->setValue(cfg->queue.capacity);
            minShards_->setValue(cfg->queue.minShards);
            maxShards_->setValue(cfg->queue.maxShards);
            maxSamples_->setValue(cfg->queue.maxSamplesPerSend);
            deadline_->setValue(int(cfg->queue.batchSendDeadlineMs / 1000));
        }
        // The relabel YAML is the last section this dialog wrote, indented by two.
        const QString y = QString::fromStdString(existing.yaml);
        const int at = y.indexOf(QLatin1String(kRelabelKey));
        if (at >= 0) {
            QStringList lines = y.mid(at + int(qstrlen(kRelabelKey))).split(QLatin1Char('\n'));
            for (QString &l : lines) l = l.mid(2);
            relabel_->setPlainText(lines.join(QLatin1Char('\n')).trimmed());
        }
    }
    for (QLineEdit *e : {name_, url_, username_, secret_}) connect(e, &QLineEdit::textChanged, this, &RemoteWriteDialog::validate);
    connect(relabel_, &QPlainTextEdit::textChanged, this, &RemoteWriteDialog::validate);
    connect(auth_, &QComboBox::currentIndexChanged, this, &RemoteWriteDialog::validate);
    for (QSpinBox *s : {capacity_, minShards_, maxShards_, maxSamples_, deadline_})
        connect(s, &QSpinBox::valueChanged, this, &RemoteWriteDialog::validate);
    validate();
}

QString RemoteWriteDialog::yaml() const
{
    QString y = QStringLiteral("url: %1\nname: %2\n").arg(quoted(url_->text().trimmed()), quoted(name_->text().trimmed()));
    const QString auth = auth_->currentData().toString();
    if (auth == QLatin1String("basic")) y += QStringLiteral("basic_auth:\n  username: %1\n").arg(quoted(username_->text()));
    else if (auth == QLatin1String("bearer")) y += QStringLiteral("authorization:\n  type: Bearer\n");
    y += QStringLiteral("queue_config:\n  capacity: %1\n  min_shards: %2\n  max_shards: %3\n"
                        "  max_samples_per_send: %4\n  batch_send_deadline: %5s\n")
             .arg(capacity_->value())
             .arg(minShards_->value())
             .arg(maxShards_->value())
             .arg(maxSamples_->value())
             .arg(deadline_->value());
    const QString relabel = relabel_->toPlainText().trimmed();
    if (!relabel.isEmpty()) {
        y += QLatin1String(kRelabelKey);
        for (const QString &l : relabel.split(QLatin1Char('\n'))) y += QStringLiteral("  ") + l + QLatin1Char('\n');
    }
    return y;
}

runtime::StoredRemoteWrite RemoteWriteDialog::entry() const
{
    runtime::StoredRemoteWrite e;
    e.name = name_->text().trimmed().toStdString();
    e.yaml = yaml().toStdString();
    if (auth_->currentData().toString() != QLatin1String("none")) e.secretRef = existing_.secretRef;
    return e;
}

std::string RemoteWriteDialog::secret() const
{
    return auth_->currentData().toString() == QLatin1String("none") ? std::string() : secret_->text().toStdString();
}

void RemoteWriteDialog::validate()
{
    const bool needsUser = auth_->currentData().toString() == QLatin1String("basic");
    username_->setEnabled(needsUser);
    secret_->setEnabled(auth_->currentData().toString() != QLatin1String("none"));
    QString message;
    if (name_->text().trimmed().isEmpty()) message = tr("Give the destination a name.");
    else if (needsUser && username_->text().isEmpty()) message = tr("Basic authentication needs a username.");
    else if (minShards_->value() > maxShards_->value()) message = tr("The minimum number of shards is above the maximum.");
    else if (auto cfg = runtime::parseRemoteWriteEntry(yaml().toStdString(), ""); !cfg.isOk())
        message = QString::fromStdString(cfg.status().message());
    error_->setText(message);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

}  // namespace vigil::ui
