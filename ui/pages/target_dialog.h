// TargetDialog: the form to add or edit a console target — address or URL,
// job, extra labels, interval, timeout, scheme, path; basic or bearer auth
// whose secret goes to the system keychain (never app.db, never a log); TLS
// files, server name and verification; relabel_configs with a step-by-step
// preview. The Test button scrapes once (on the engine's scrape thread) and
// shows the sample count or the exact error, and lints the exposition as
// `vigil check metrics` does. Saving goes through the engine asynchronously;
// the dialog closes when the engine confirms.
//
// When no keychain answers, the form says so and refuses to save a secret
// (targets without auth still save).
#pragma once

#include "model/labels.h"
#include "runtime/engine.h"
#include "store/app_store.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace vigil::ui {

class TargetDialog : public QDialog {
    Q_OBJECT
public:
    // `existing` with id != 0 edits that target.
    TargetDialog(runtime::Engine *engine, const store::StoredTarget &existing, QWidget *parent = nullptr);

    // The form's content as a target (authSecretRef is the existing one); on
    // error returns false and sets `error` to a translated message naming
    // the field.
    bool formTarget(store::StoredTarget &out, QString &error) const;
    QString resultText() const;
    QString lintText() const;
    // The relabel preview's verdict ("Kept" / "Dropped by rule 2" / an error).
    QString relabelVerdict() const;
    // Whether the keychain answered (known after keychainChecked()).
    bool keychainAvailable() const { return keychainAvailable_; }

    void test();
    void save();
    void updateRelabelPreview();

Q_SIGNALS:
    void testFinished(bool ok);
    void saved(qint64 id);
    // The form failed to save (the reason is shown in the result line).
    void saveFailed();
    void keychainChecked(bool available);

private:
    QWidget *buildTargetTab(const store::StoredTarget &t);
    QWidget *buildAuthTab(const store::StoredTarget &t);
    QWidget *buildTlsTab(const store::StoredTarget &t);
    QWidget *buildRelabelTab(const store::StoredTarget &t);
    QLineEdit *fileField(const QString &name, const std::string &value, QWidget *parent, QWidget **row);
    void showResult(bool ok, const QString &text);
    void updateAuthFields();
    // Calls `then` with the secret to use: the typed one, else the stored
    // one read from the keychain; on failure shows it and calls nothing.
    void withSecret(const store::StoredTarget &t, std::function<void(const std::string &)> then);
    void saveWithRef(store::StoredTarget t);

    runtime::Engine *engine_;
    int64_t id_ = 0;
    std::string existingRef_;
    bool enabled_ = true;  // editing keeps a paused target paused
    bool keychainAvailable_ = false;
    QLineEdit *address_ = nullptr;
    QLineEdit *job_ = nullptr;
    QComboBox *scheme_ = nullptr;
    QLineEdit *path_ = nullptr;
    QSpinBox *interval_ = nullptr;
    QSpinBox *timeout_ = nullptr;
    QPlainTextEdit *labels_ = nullptr;
    QComboBox *authType_ = nullptr;
    QLineEdit *authUser_ = nullptr;
    QLineEdit *authSecret_ = nullptr;
    QLabel *keychainStatus_ = nullptr;
    QLineEdit *caFile_ = nullptr;
    QLineEdit *certFile_ = nullptr;
    QLineEdit *keyFile_ = nullptr;
    QLineEdit *serverName_ = nullptr;
    QCheckBox *insecure_ = nullptr;
    QPlainTextEdit *relabel_ = nullptr;
    QTableWidget *relabelPreview_ = nullptr;
    QLabel *relabelVerdict_ = nullptr;
    QTimer *previewTimer_ = nullptr;
    QLabel *result_ = nullptr;
    QLabel *lint_ = nullptr;
    QPushButton *testButton_ = nullptr;
    QPushButton *saveButton_ = nullptr;
};

// "a=\"1\", b=\"2\"" for the UI.
QString labelPairsText(const model::Labels &labels);

}  // namespace vigil::ui
