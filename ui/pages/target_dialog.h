// TargetDialog: the form to add or edit a console target — address or URL,
// job, extra labels, interval, timeout, scheme, path, TLS verification — with
// a Test button that scrapes once (on the engine's scrape thread) and shows
// the sample count or the exact error. Saving goes through the engine
// asynchronously; the dialog closes when the engine confirms.
#pragma once

#include "runtime/engine.h"
#include "store/app_store.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vigil::ui {

class TargetDialog : public QDialog {
    Q_OBJECT
public:
    // `existing` with id != 0 edits that target.
    TargetDialog(runtime::Engine *engine, const store::StoredTarget &existing, QWidget *parent = nullptr);

    // The form's content as a target; on error returns false and sets `error`
    // to a translated message naming the field.
    bool formTarget(store::StoredTarget &out, QString &error) const;
    QString resultText() const;

    void test();
    void save();

Q_SIGNALS:
    void testFinished(bool ok);
    void saved(qint64 id);

private:
    void showResult(bool ok, const QString &text);

    runtime::Engine *engine_;
    int64_t id_ = 0;
    QLineEdit *address_ = nullptr;
    QLineEdit *job_ = nullptr;
    QComboBox *scheme_ = nullptr;
    QLineEdit *path_ = nullptr;
    QSpinBox *interval_ = nullptr;
    QSpinBox *timeout_ = nullptr;
    QPlainTextEdit *labels_ = nullptr;
    QCheckBox *insecure_ = nullptr;
    QLabel *result_ = nullptr;
    QPushButton *testButton_ = nullptr;
    QPushButton *saveButton_ = nullptr;
};

}  // namespace vigil::ui
