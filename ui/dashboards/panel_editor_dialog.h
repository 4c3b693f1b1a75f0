// PanelEditorDialog: edits one dashboard panel — title, type, up to four
// queries with legend templates, unit, thresholds ("70 #f2c037, 85 #f57c00"),
// gauge min/max and the grid size. Each query is checked with Vigil's PromQL
// parser as it is typed (variables expanded with placeholder values) and OK
// stays disabled while one does not parse.
// Threading: GUI thread only.
#pragma once

#include "dashboards/dashboard.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace vigil::ui {

class PanelEditorDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMaxQueries = 4;
    explicit PanelEditorDialog(const DashboardPanel &panel, QWidget *parent = nullptr);

    DashboardPanel panel() const;

    // "70 #f2c037, 85 #f57c00" <-> thresholds; false with a message on bad text.
    static bool parseThresholds(const QString &text, QList<Threshold> *out, QString *error);
    static QString thresholdsText(const QList<Threshold> &thresholds);

private:
    void validate();

    DashboardPanel original_;
    QLineEdit *title_ = nullptr;
    QComboBox *type_ = nullptr;
    QComboBox *dataSource_ = nullptr;
    QList<QLineEdit *> exprs_;
    QList<QLineEdit *> legends_;
    QComboBox *unit_ = nullptr;
    QLineEdit *thresholds_ = nullptr;
    QDoubleSpinBox *min_ = nullptr;
    QDoubleSpinBox *max_ = nullptr;
    QSpinBox *width_ = nullptr;
    QSpinBox *height_ = nullptr;
    QLabel *error_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
};

}  // namespace vigil::ui
