#include "pages/kubernetes_job_dialog.h"

#include "discovery/kubernetes_credentials.h"
#include "scrape/job_templates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil::ui {

namespace {

// $KUBECONFIG's first file, else ~/.kube/config (as kubectl looks).
QString defaultKubeconfig()
{
    const QString env = qEnvironmentVariable("KUBECONFIG").section(QLatin1Char(':'), 0, 0);
    if (!env.isEmpty()) return env;
    const QString home = QDir::home().filePath(QStringLiteral(".kube/config"));
    return QFileInfo::exists(home) ? home : QString();
}

}  // namespace

KubernetesJobDialog::KubernetesJobDialog(runtime::Engine *engine, QWidget *parent) : QDialog(parent), engine_(engine)
{
    setWindowTitle(tr("Kubernetes pods (annotations)"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Discovers the pods of a cluster and scrapes those annotated with "
                               "prometheus.io/scrape: \"true\" (prometheus.io/port, /path and /scheme are honoured). "
                               "Pods the workstation cannot reach are scraped through the API server's pod proxy."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto *form = new QFormLayout;
    job_ = new QLineEdit(QStringLiteral("kubernetes-pods"), this);
    job_->setObjectName(QStringLiteral("job"));
    form->addRow(tr("Job:"), job_);
    auto *fileRow = new QWidget(this);
    auto *h = new QHBoxLayout(fileRow);
    h->setContentsMargins(0, 0, 0, 0);
    kubeconfig_ = new QLineEdit(defaultKubeconfig(), fileRow);
    kubeconfig_->setObjectName(QStringLiteral("kubeconfig"));
    auto *browse = new QToolButton(fileRow);
    browse->setText(tr("Browse…"));
    h->addWidget(kubeconfig_, 1);
    h->addWidget(browse);
    form->addRow(tr("Kubeconfig file:"), fileRow);
    context_ = new QComboBox(this);
    context_->setObjectName(QStringLiteral("context"));
    form->addRow(tr("Context:"), context_);
    interval_ = new QSpinBox(this);
    interval_->setObjectName(QStringLiteral("interval"));
    interval_->setRange(1, 3600);
    interval_->setValue(30);
    interval_->setSuffix(tr(" s"));
    form->addRow(tr("Scrape interval:"), interval_);
    proxy_ = new QComboBox(this);
    proxy_->setObjectName(QStringLiteral("proxy"));
    proxy_->addItem(tr("Directly, through the API server when a pod cannot be reached"), int(scrape::KubernetesProxy::Auto));
    proxy_->addItem(tr("Always through the API server's pod proxy"), int(scrape::KubernetesProxy::Always));
    proxy_->addItem(tr("Directly only"), int(scrape::KubernetesProxy::Never));
    form->addRow(tr("Scrape pods:"), proxy_);
    layout->addLayout(form);
    preview_ = new QPlainTextEdit(this);
    preview_->setObjectName(QStringLiteral("preview"));
    preview_->setReadOnly(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    preview_->setFont(mono);
    layout->addWidget(preview_, 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);
    auto *buttons = new QDialogButtonBox(this);
    saveButton_ = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    saveButton_->setObjectName(QStringLiteral("save"));
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(browse, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Choose a kubeconfig file"), kubeconfig_->text());
        if (!f.isEmpty()) {
            kubeconfig_->setText(f);
            loadContexts();
        }
    });
    connect(kubeconfig_, &QLineEdit::editingFinished, this, &KubernetesJobDialog::loadContexts);
    connect(job_, &QLineEdit::textChanged, this, &KubernetesJobDialog::updatePreview);
    connect(context_, &QComboBox::currentIndexChanged, this, &KubernetesJobDialog::updatePreview);
    connect(interval_, &QSpinBox::valueChanged, this, &KubernetesJobDialog::updatePreview);
    connect(proxy_, &QComboBox::currentIndexChanged, this, &KubernetesJobDialog::updatePreview);
    connect(saveButton_, &QPushButton::clicked, this, &KubernetesJobDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
    if (!kubeconfig_->text().isEmpty()) loadContexts();
    resize(640, 560);
}

void KubernetesJobDialog::loadContexts()
{
    const std::string path = kubeconfig_->text().trimmed().toStdString();
    const int generation = ++loadGeneration_;
    context_->clear();
    if (path.empty()) {
        showStatus(false, tr("Choose a kubeconfig file."));
        Q_EMIT contextsLoaded(false);
        return;
    }
    // The file is read on the pool: the GUI never waits on disk.
    auto promise = std::make_shared<QPromise<Result<discovery::KubeconfigContexts>>>();
    QFuture<Result<discovery::KubeconfigContexts>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, path] {
        promise->addResult(discovery::kubeconfigContexts(path));
        promise->finish();
    });
    auto *watcher = new QFutureWatcher<Result<discovery::KubeconfigContexts>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != loadGeneration_) return;  // superseded
        const Result<discovery::KubeconfigContexts> r = watcher->result();
        if (!r) {
            showStatus(false, tr("Cannot read the kubeconfig: %1").arg(QString::fromStdString(r.status().message())));
            Q_EMIT contextsLoaded(false);
            return;
        }
        for (const std::string &n : r->names) context_->addItem(QString::fromStdString(n));
        if (const int i = context_->findText(QString::fromStdString(r->current)); i >= 0) context_->setCurrentIndex(i);
        if (r->names.empty())
            showStatus(false, tr("The kubeconfig has no contexts."));
        else
            showStatus(true, tr("%n context(s) found.", nullptr, int(r->names.size())));
        updatePreview();
        Q_EMIT contextsLoaded(!r->names.empty());
    });
    watcher->setFuture(future);
}

QString KubernetesJobDialog::jobYaml() const
{
    return QString::fromStdString(scrape::kubernetesPodsAnnotationsJobYaml(
        job_->text().trimmed().toStdString(), int64_t(interval_->value()) * 1000,
        kubeconfig_->text().trimmed().toStdString(), context_->currentText().toStdString(),
        scrape::KubernetesProxy(proxy_->currentData().toInt())));
}

QStringList KubernetesJobDialog::contexts() const
{
    QStringList out;
    for (int i = 0; i < context_->count(); ++i) out << context_->itemText(i);
    return out;
}

QString KubernetesJobDialog::statusText() const
{
    return status_->text();
}

void KubernetesJobDialog::updatePreview()
{
    preview_->setPlainText(jobYaml());
}

void KubernetesJobDialog::showStatus(bool ok, const QString &text)
{
    status_->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #b3261e;"));
    status_->setText(text);
}

void KubernetesJobDialog::save()
{
    if (job_->text().trimmed().isEmpty()) {
        showStatus(false, tr("The job needs a name."));
        Q_EMIT saveFailed();
        return;
    }
    if (context_->count() == 0) {
        showStatus(false, tr("Choose a kubeconfig file with at least one context."));
        Q_EMIT saveFailed();
        return;
    }
    saveButton_->setEnabled(false);
    const QString name = job_->text().trimmed();
    engine_->saveDiscoveryJob(jobYaml().toStdString()).then(this, [this, name](const Status &s) {
        saveButton_->setEnabled(true);
        if (!s.isOk()) {
            showStatus(false, tr("Not saved: %1").arg(QString::fromStdString(s.message())));
            Q_EMIT saveFailed();
            return;
        }
        Q_EMIT saved(name);
        accept();
    });
}

}  // namespace vigil::ui
