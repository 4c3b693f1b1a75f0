// SettingsPage: console language and the HTTP API (on/off, listen address).
// Changes are saved at once and take effect at the next start (the page
// says so); the engine is not restarted under the user's feet.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace vigil::ui {

class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(const QString &dataDir, QWidget *parent = nullptr);

private:
    void save();

    QComboBox *language_ = nullptr;
    QCheckBox *apiEnabled_ = nullptr;
    QLineEdit *apiAddress_ = nullptr;
    QLabel *message_ = nullptr;
};

}  // namespace vigil::ui
