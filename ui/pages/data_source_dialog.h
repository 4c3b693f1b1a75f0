// DataSourceDialog: add or edit one remote query data source (Settings →
// Remote): name, kind, URL, authentication (the secret goes to the
// keychain), TLS files. Its Test button asks the server at once
// (asynchronously) with what is typed. GUI thread only.
#pragma once

#include "runtime/data_source.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil::ui {

class DataSourceDialog : public QDialog {
    Q_OBJECT
public:
    explicit DataSourceDialog(const runtime::DataSource &existing, QWidget *parent = nullptr);

    runtime::DataSource source() const;
    // "" keeps the stored secret.
    std::string secret() const;
    QLabel *testResult() const { return testResult_; }

private:
    void validate();
    void test();

    runtime::DataSource existing_;
    QLineEdit *name_;
    QComboBox *type_;
    QLineEdit *url_;
    QComboBox *auth_;
    QLineEdit *username_;
    QLineEdit *secret_;
    QLineEdit *caFile_;
    QLineEdit *certFile_;
    QLineEdit *keyFile_;
    QCheckBox *insecure_;
    QPushButton *testButton_;
    QLabel *testResult_;
    QLabel *error_;
    QDialogButtonBox *buttons_;
};

}  // namespace vigil::ui
