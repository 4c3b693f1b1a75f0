// KubernetesJobDialog: the Targets page's "Kubernetes pods (annotations)"
// template. The user picks a kubeconfig file and one of its contexts (read
// off the GUI thread), a job name, the scrape interval and how the pod
// proxy is used; the dialog shows the resulting scrape_configs entry
// (scrape::kubernetesPodsAnnotationsJobYaml) and saves it through
// Engine::saveDiscoveryJob (asynchronous). Discovered pods then appear in
// the Targets table. The kubeconfig's credentials stay in that file: only
// its path and the context name are stored.
#pragma once

#include "runtime/engine.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vigil::ui {

class KubernetesJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit KubernetesJobDialog(runtime::Engine *engine, QWidget *parent = nullptr);

    // The job as prometheus.yml text ("- job_name: ...").
    QString jobYaml() const;
    // Contexts offered (after contextsLoaded()).
    QStringList contexts() const;
    QString statusText() const;
    // Reads the contexts of the kubeconfig named in the form.
    void loadContexts();
    void save();

Q_SIGNALS:
    void contextsLoaded(bool ok);
    void saved(const QString &jobName);
    void saveFailed();

private:
    void updatePreview();
    void showStatus(bool ok, const QString &text);

    runtime::Engine *engine_;
    QLineEdit *job_ = nullptr;
    QLineEdit *kubeconfig_ = nullptr;
    QComboBox *context_ = nullptr;
    QSpinBox *interval_ = nullptr;
    QComboBox *proxy_ = nullptr;
    QPlainTextEdit *preview_ = nullptr;
    QLabel *status_ = nullptr;
    QPushButton *saveButton_ = nullptr;
    int loadGeneration_ = 0;
};

}  // namespace vigil::ui
