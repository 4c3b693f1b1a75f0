// TargetDialog: validation, Test, Save and the relabel preview.
#include "pages/target_dialog.h"

#include "exposition/content_type.h"
#include "runtime/stored_target_config.h"
#include "scrape/relabel_trace.h"
#include "scrape/scrape_manager.h"
#include "store/secret_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>

namespace vigil::ui {

namespace {

QString formatTitle(exposition::Format f)
{
    return f == exposition::Format::OpenMetrics ? QStringLiteral("OpenMetrics")
                                                : QStringLiteral("Prometheus text");
}

// What a relabel step did: "+name="value"" for a new or changed label,
// "−name" for a removed one; "no change" when nothing changed.
QString labelsChange(const model::Labels &before, const model::Labels &after)
{
    QStringList parts;
    for (const auto &l : after) {
        if (before.get(l.name) != l.value || !before.has(l.name)) {
            parts << QStringLiteral("+%1=\"%2\"")
                         .arg(QString::fromStdString(l.name), QString::fromStdString(l.value));
        }
    }
    for (const auto &l : before) {
        if (!after.has(l.name)) parts << QStringLiteral("−%1").arg(QString::fromStdString(l.name));
    }
    return parts.isEmpty() ? TargetDialog::tr("no change") : parts.join(QStringLiteral(", "));
}

}  // namespace

bool TargetDialog::formTarget(store::StoredTarget &out, QString &error) const
{
    out = {};
    out.id = id_;
    out.enabled = enabled_;
    QString address = address_->text().trimmed();
    out.scheme = scheme_->currentText().toStdString();
    out.metricsPath = path_->text().trimmed().toStdString();
    if (address.contains(QLatin1String("://"))) {
        const QUrl url(address);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            error = tr("The URL is not valid: use http://host:port/path.");
            return false;
        }
        out.scheme = url.scheme().toStdString();
        const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
        address = QStringLiteral("%1:%2").arg(url.host()).arg(port);
        if (!url.path().isEmpty()) out.metricsPath = url.path().toStdString();
    }
    static const QRegularExpression hostPort(
        QStringLiteral("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})$"));
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

    // Authentication: the secret itself stays in the form until Save puts it
    // into the keychain; the target only carries the reference.
    out.authType = authType_->currentData().toString().toStdString();
    if (out.authType == "basic") {
        out.authUser = authUser_->text().trimmed().toStdString();
        if (out.authUser.empty()) {
            error = tr("Basic authentication needs a username.");
            return false;
        }
    }
    if (!out.authType.empty()) {
        out.authSecretRef = existingRef_;
        if (existingRef_.empty() && authSecret_->text().isEmpty()) {
            error = out.authType == "basic" ? tr("Enter the password.") : tr("Enter the bearer token.");
            return false;
        }
    }

    // TLS files must be readable now (the scraper reads them at scrape time).
    const std::pair<QLineEdit *, std::string *> files[] = {
        {caFile_, &out.tlsCaFile}, {certFile_, &out.tlsCertFile}, {keyFile_, &out.tlsKeyFile}};
    for (const auto &[edit, field] : files) {
        const QString path = edit->text().trimmed();
        if (path.isEmpty()) continue;
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            error = tr("The TLS file “%1” does not exist or cannot be read.").arg(path);
            return false;
        }
        *field = info.absoluteFilePath().toStdString();
    }
    if (out.tlsCertFile.empty() != out.tlsKeyFile.empty()) {
        error = tr("A client certificate needs its key file, and a key file its certificate.");
        return false;
    }
    out.tlsServerName = serverName_->text().trimmed().toStdString();
    out.tlsInsecureSkipVerify = insecure_->isChecked();

    out.relabelYaml = relabel_->toPlainText().trimmed().toStdString();
    if (!out.relabelYaml.empty()) out.relabelYaml += '\n';
    if (auto job = runtime::scrapeConfigFor(out, {}); !job.isOk()) {
        error = tr("Relabeling: %1").arg(QString::fromStdString(job.status().message()));
        return false;
    }
    return true;
}

void TargetDialog::withSecret(const store::StoredTarget &t, std::function<void(const std::string &)> then)
{
    if (t.authType.empty()) return then({});
    if (!authSecret_->text().isEmpty()) return then(authSecret_->text().toStdString());
    engine_->secrets()->read(t.authSecretRef).then(this, [this, then](const store::SecretResult &r) {
        if (!r.status.isOk()) {
            showResult(false, tr("The stored secret could not be read: %1")
                                  .arg(QString::fromStdString(r.status.message())));
            testButton_->setEnabled(true);
            Q_EMIT testFinished(false);
            return;
        }
        then(r.secret);
    });
}

void TargetDialog::test()
{
    store::StoredTarget t;
    QString error;
    lint_->clear();
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
    testButton_->setEnabled(false);
    showResult(true, tr("Scraping…"));
    withSecret(t, [this, t](const std::string &secret) {
        auto job = runtime::scrapeConfigFor(t, secret);
        if (!engine_->scraper() || !job.isOk()) {
            testButton_->setEnabled(true);
            showResult(false, job.isOk() ? tr("The engine is not running.")
                                         : QString::fromStdString(job.status().message()));
            Q_EMIT testFinished(false);
            return;
        }
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
            const QLocale loc;
            const auto format = exposition::formatFromContentType(r.contentType);
            if (!r.status.isOk()) {
                showResult(false, tr("Failed: %1").arg(QString::fromStdString(r.status.message())));
                if (!r.lint.isOk()) {  // a body arrived but does not parse: say where
                    lint_->setStyleSheet(QStringLiteral("color: #b3261e;"));
                    lint_->setText(tr("Exposition check (%1) found a problem at %2")
                                       .arg(formatTitle(format), QString::fromStdString(r.lint.message())));
                }
                Q_EMIT testFinished(false);
                return;
            }
            showResult(true, tr("OK: %1 samples from %2 in %3 ms.")
                                 .arg(loc.toString(qulonglong(r.samplesPostRelabel)),
                                      QString::fromStdString(r.url), loc.toString(qlonglong(r.durationMs))));
            if (r.lint.isOk()) {
                lint_->setStyleSheet(QStringLiteral("color: #2e7d32;"));
                lint_->setText(tr("Exposition check (%1): no problems in %2 series and %3 metadata lines.")
                                   .arg(formatTitle(format), loc.toString(qulonglong(r.lintSeries)),
                                        loc.toString(qulonglong(r.lintMetadata))));
            } else {
                lint_->setStyleSheet(QStringLiteral("color: #b3261e;"));
                lint_->setText(tr("Exposition check (%1) found a problem at %2")
                                   .arg(formatTitle(format), QString::fromStdString(r.lint.message())));
            }
            Q_EMIT testFinished(true);
        });
        watcher->setFuture(engine_->scraper()->testScrape(*job, t.address, runtime::storedTargetLabels(t)));
    });
}

void TargetDialog::save()
{
    store::StoredTarget t;
    QString error;
    if (!formTarget(t, error)) {
        showResult(false, error);
        Q_EMIT saveFailed();
        return;
    }
    const std::string secret = authSecret_->text().toStdString();
    if (t.authType.empty() || secret.empty()) {
        saveWithRef(t);
        return;
    }
    // A new or changed secret goes to the keychain first; without one the
    // target is not saved (there is no plain-text fallback).
    const std::string ref = existingRef_.empty() ? store::SecretStore::newRef() : existingRef_;
    saveButton_->setEnabled(false);
    showResult(true, tr("Saving the secret in the system keychain…"));
    engine_->secrets()->write(ref, secret).then(this, [this, t, ref](const Status &s) mutable {
        if (!s.isOk()) {
            saveButton_->setEnabled(true);
            showResult(
                false,
                tr("Not saved: the secret could not be stored in the system keychain (%1). Vigil never "
                   "stores passwords or tokens in plain text.")
                    .arg(QString::fromStdString(s.message())));
            Q_EMIT saveFailed();
            return;
        }
        t.authSecretRef = ref;
        saveWithRef(t);
    });
}

void TargetDialog::saveWithRef(store::StoredTarget t)
{
    saveButton_->setEnabled(false);
    const bool newRef = !t.authSecretRef.empty() && t.authSecretRef != existingRef_;
    auto *watcher = new QFutureWatcher<runtime::Engine::TargetOpResult>(this);
    connect(watcher, &QFutureWatcher<runtime::Engine::TargetOpResult>::finished, this,
            [this, watcher, t, newRef] {
                watcher->deleteLater();
                saveButton_->setEnabled(true);
                if (watcher->future().resultCount() == 0) {  // the engine went away
                    showResult(false, tr("Not saved: the engine stopped."));
                    Q_EMIT saveFailed();
                    return;
                }
                const auto r = watcher->result();
                if (!r.status.isOk()) {
                    if (newRef) engine_->secrets()->remove(t.authSecretRef);  // no orphan entry
                    showResult(false, tr("Not saved: %1").arg(QString::fromStdString(r.status.message())));
                    Q_EMIT saveFailed();
                    return;
                }
                // Authentication switched off: its old secret leaves the keychain.
                if (t.authType.empty() && !existingRef_.empty()) engine_->secrets()->remove(existingRef_);
                Q_EMIT saved(r.id);
                accept();
            });
    watcher->setFuture(engine_->saveTarget(t));
}

void TargetDialog::updateRelabelPreview()
{
    relabelPreview_->setRowCount(0);
    auto addRow = [this](const QString &step, const QString &labels, const QString &change = {}) {
        const int row = relabelPreview_->rowCount();
        relabelPreview_->insertRow(row);
        relabelPreview_->setItem(row, 0, new QTableWidgetItem(step));
        relabelPreview_->setItem(row, 1, new QTableWidgetItem(change));
        relabelPreview_->setItem(row, 2, new QTableWidgetItem(labels));
    };
    auto verdict = [this](bool ok, const QString &text) {
        relabelVerdict_->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;")
                                          : QStringLiteral("color: #b3261e;"));
        relabelVerdict_->setText(text);
    };
    store::StoredTarget t;
    QString error;
    if (!formTarget(t, error)) {
        verdict(false, tr("No preview: %1").arg(error));
        return;
    }
    auto job = runtime::scrapeConfigFor(t, {});
    if (!job.isOk()) {
        verdict(false, QString::fromStdString(job.status().message()));
        return;
    }
    const scrape::RelabelTrace trace =
        scrape::traceTargetRelabel(t.address, runtime::storedTargetLabels(t), *job);
    addRow(tr("Discovered"), labelPairsText(trace.discovered));
    const model::Labels *previous = &trace.discovered;
    for (size_t i = 0; i < trace.steps.size(); ++i) {
        const auto &rc = job->relabelConfigs[i];
        const QString name =
            tr("Rule %1 (%2)").arg(i + 1).arg(QString::fromUtf8(scrape::relabelActionName(rc.action)));
        if (!trace.steps[i].kept) {
            addRow(name, tr("— dropped —"), tr("target dropped"));
            break;
        }
        addRow(name, labelPairsText(trace.steps[i].labels), labelsChange(*previous, trace.steps[i].labels));
        previous = &trace.steps[i].labels;
    }
    if (!trace.status.isOk()) {
        verdict(
            false,
            tr("Invalid target after relabeling: %1").arg(QString::fromStdString(trace.status.message())));
    } else if (!trace.kept) {
        verdict(false, tr("Dropped by rule %1: this target would not be scraped.").arg(trace.steps.size()));
    } else {
        addRow(tr("Target labels"), labelPairsText(trace.final));
        verdict(true, tr("Kept: scraped with the labels %1.").arg(labelPairsText(trace.final)));
    }
}

}  // namespace vigil::ui
