#include "pages/target_dialog.h"

#include "scrape/scrape_manager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::ui {

TargetDialog::TargetDialog(runtime::Engine *engine, const store::StoredTarget &existing, QWidget *parent)
    : QDialog(parent), engine_(engine), id_(existing.id)
{
    setWindowTitle(existing.id ? tr("Edit target") : tr("Add target"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    address_ = new QLineEdit(QString::fromStdString(existing.address), this);
    address_->setObjectName(QStringLiteral("address"));
    address_->setPlaceholderText(tr("host:port or http://host:port/metrics"));
    job_ = new QLineEdit(QString::fromStdString(existing.job), this);
    job_->setObjectName(QStringLiteral("job"));
    job_->setPlaceholderText(tr("e.g. node"));
    scheme_ = new QComboBox(this);
    scheme_->addItems({QStringLiteral("http"), QStringLiteral("https")});
    scheme_->setCurrentText(QString::fromStdString(existing.scheme));
    path_ = new QLineEdit(QString::fromStdString(existing.metricsPath), this);
    interval_ = new QSpinBox(this);
    interval_->setObjectName(QStringLiteral("interval"));
    interval_->setRange(1, 3600);
    interval_->setSuffix(tr(" s"));
    interval_->setValue(int(existing.intervalMs / 1000));
    timeout_ = new QSpinBox(this);
    timeout_->setObjectName(QStringLiteral("timeout"));
    timeout_->setRange(1, 3600);
    timeout_->setSuffix(tr(" s"));
    timeout_->setValue(int(existing.timeoutMs / 1000));
    labels_ = new QPlainTextEdit(this);
    labels_->setObjectName(QStringLiteral("labels"));
    labels_->setPlaceholderText(tr("One label per line: name=value"));
    labels_->setFixedHeight(80);
    QStringList lines;
    for (const auto &[n, v] : existing.labels) lines << QString::fromStdString(n + "=" + v);
    labels_->setPlainText(lines.join(QLatin1Char('\n')));
    insecure_ = new QCheckBox(tr("Skip TLS certificate verification (insecure)"), this);
    insecure_->setChecked(existing.tlsInsecureSkipVerify);
    form->addRow(tr("Address or URL:"), address_);
    form->addRow(tr("Job:"), job_);
    form->addRow(tr("Scheme:"), scheme_);
    form->addRow(tr("Metrics path:"), path_);
    form->addRow(tr("Scrape interval:"), interval_);
    form->addRow(tr("Scrape timeout:"), timeout_);
    form->addRow(tr("Extra labels:"), labels_);
    form->addRow(insecure_);
    layout->addLayout(form);

    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("result"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(result_);

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
    resize(560, sizeHint().height());
}

bool TargetDialog::formTarget(store::StoredTarget &out, QString &error) const
{
    out = {};
    out.id = id_;
    QString address = address_->text().trimmed();
    out.scheme = scheme_->currentText().toStdString();
    out.metricsPath = path_->text().trimmed().toStdString();
    if (address.contains(QLatin1String("://"))) {
        const QUrl url(address);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            error = tr("The URL is not valid: use http://host:port/path.");
            return false;
        }
        out.scheme = url.scheme().toStdString();
        const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
        address = QStringLiteral("%1:%2").arg(url.host()).arg(port);
        if (!url.path().isEmpty()) out.metricsPath = url.path().toStdString();
    }
    static const QRegularExpression hostPort(QStringLiteral("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})$"));
    const auto m = hostPort.match(address);
    if (!m.hasMatch() || m.captured(2).toInt() < 1 || m.captured(2).toInt() > 65535) {
        error = tr("The address must be host:port (for example 127.0.0.1:9100) or a URL.");
        return false;
    }
    out.address = address.toStdString();
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    const QString job = job_->text().trimmed();
    if (job.isEmpty()) {
        error = tr("A job name is required.");
        return false;
    }
    out.job = job.toStdString();
    if (out.metricsPath.empty() || out.metricsPath[0] != '/') {
        error = tr("The metrics path must start with /.");
        return false;
    }
    out.intervalMs = int64_t(interval_->value()) * 1000;
    out.timeoutMs = int64_t(timeout_->value()) * 1000;
    if (out.timeoutMs > out.intervalMs) {
        error = tr("The scrape timeout cannot be longer than the scrape interval.");
        return false;
    }
    const QStringList lines = labels_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        const int eq = line.indexOf(QLatin1Char('='));
        const QString name = line.left(eq).trimmed();
        if (eq <= 0 || !labelName.match(name).hasMatch() || name.startsWith(QLatin1String("__"))) {
            error = tr("Label line “%1” must look like name=value with a valid label name.").arg(line);
            return false;
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) {
            value = value.mid(1, value.size() - 2);
        }
        out.labels.emplace_back(name.toStdString(), value.toStdString());
    }
    out.tlsInsecureSkipVerify = insecure_->isChecked();
    return true;
}

QString TargetDialog::resultText() const { return result_->text(); }

void TargetDialog::showResult(bool ok, const QString &text)
{
    result_->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b3261e;"));
    result_->setText(text);
}

void TargetDialog::test()
{
    store::StoredTarget t;
    QString error;
    if (!formTarget(t, error)) {
        showResult(false, error);
        Q_EMIT testFinished(false);
        return;
    }
    if (!engine_->scraper()) {
        showResult(false, tr("The engine is not running."));
        Q_EMIT testFinished(false);
        return;
    }
    auto job = scrape::ScrapeConfig::withDefaults(t.job);
    job.scheme = t.scheme;
    job.metricsPath = t.metricsPath;
    job.scrapeIntervalMs = t.intervalMs;
    job.scrapeTimeoutMs = t.timeoutMs;
    job.http.tls.insecureSkipVerify = t.tlsInsecureSkipVerify;
    std::vector<model::Label> labels;
    for (const auto &[n, v] : t.labels) labels.push_back({n, v});
    testButton_->setEnabled(false);
    showResult(true, tr("Scraping…"));
    auto *watcher = new QFutureWatcher<scrape::TestScrapeResult>(this);
    connect(watcher, &QFutureWatcher<scrape::TestScrapeResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        testButton_->setEnabled(true);
        if (watcher->future().resultCount() == 0) {
            showResult(false, tr("The test was cancelled."));
            Q_EMIT testFinished(false);
            return;
        }
        const scrape::TestScrapeResult r = watcher->result();
        if (!r.status.isOk()) {
            showResult(false, tr("Failed: %1").arg(QString::fromStdString(r.status.message())));
            Q_EMIT testFinished(false);
            return;
        }
        const QLocale loc;
        showResult(true, tr("OK: %1 samples from %2 in %3 ms.")
                             .arg(loc.toString(qulonglong(r.samplesPostRelabel)), QString::fromStdString(r.url),
                                  loc.toString(qlonglong(r.durationMs))));
        Q_EMIT testFinished(true);
    });
    watcher->setFuture(engine_->scraper()->testScrape(job, t.address, model::Labels::fromUnsorted(labels)));
}

void TargetDialog::save()
{
    store::StoredTarget t;
    QString error;
    if (!formTarget(t, error)) {
        showResult(false, error);
        return;
    }
    saveButton_->setEnabled(false);
    auto *watcher = new QFutureWatcher<runtime::Engine::TargetOpResult>(this);
    connect(watcher, &QFutureWatcher<runtime::Engine::TargetOpResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        saveButton_->setEnabled(true);
        const auto r = watcher->result();
        if (!r.status.isOk()) {
            showResult(false, tr("Not saved: %1").arg(QString::fromStdString(r.status.message())));
            return;
        }
        Q_EMIT saved(r.id);
        accept();
    });
    watcher->setFuture(engine_->saveTarget(t));
}

}  // namespace vigil::ui
