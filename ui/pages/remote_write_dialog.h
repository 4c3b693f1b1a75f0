// RemoteWriteDialog: one remote_write destination of Settings → Remote —
// name, URL, authentication (the secret goes to the keychain), the basic
// queue_config numbers and write_relabel_configs as YAML — turned into one
// prometheus.yml `remote_write:` entry (runtime/remote_write_destinations.h)
// and checked with the same loader before OK is enabled. GUI thread only.
#pragma once

#include "runtime/remote_write_destinations.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace vigil::ui {

class RemoteWriteDialog : public QDialog {
    Q_OBJECT
public:
    // `existing` empty name: a new destination.
    explicit RemoteWriteDialog(const runtime::StoredRemoteWrite &existing, QWidget *parent = nullptr);

    // The entry to store (YAML without the secret) and the secret typed
    // ("" keeps the stored one).
    runtime::StoredRemoteWrite entry() const;
    std::string secret() const;
    // The YAML the fields describe.
    QString yaml() const;

private:
    void validate();

    runtime::StoredRemoteWrite existing_;
    QLineEdit *name_;
    QLineEdit *url_;
    QComboBox *auth_;
    QLineEdit *username_;
    QLineEdit *secret_;
    QSpinBox *capacity_;
    QSpinBox *minShards_;
    QSpinBox *maxShards_;
    QSpinBox *maxSamples_;
    QSpinBox *deadline_;
    QPlainTextEdit *relabel_;
    QLabel *error_;
    QDialogButtonBox *buttons_;
};

}  // namespace vigil::ui
