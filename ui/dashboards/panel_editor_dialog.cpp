#include "dashboards/panel_editor_dialog.h"

#include "data_sources.h"

#include "dashboards/variable_expansion.h"
#include "promql/parser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace vigil::ui {

PanelEditorDialog::PanelEditorDialog(const DashboardPanel &panel, QWidget *parent) : QDialog(parent), original_(panel)
{
    setWindowTitle(tr("Edit panel"));
    setObjectName(QStringLiteral("panelEditor"));
    resize(720, 0);
    auto *form = new QFormLayout(this);
    title_ = new QLineEdit(panel.config.title, this);
    form->addRow(tr("Title"), title_);
    type_ = new QComboBox(this);
    type_->addItem(tr("Time series graph"), int(PanelType::Graph));
    type_->addItem(tr("Single stat"), int(PanelType::Stat));
    type_->addItem(tr("Gauge"), int(PanelType::Gauge));
    type_->addItem(tr("Table"), int(PanelType::Table));
    type_->addItem(tr("Status grid"), int(PanelType::StatusGrid));
    type_->setCurrentIndex(type_->findData(int(panel.type)));
    form->addRow(tr("Type"), type_);
    dataSource_ = new QComboBox(this);
    dataSource_->setObjectName(QStringLiteral("panelDataSource"));
    populateDataSourceBox(dataSource_, panel.config.dataSource);
    form->addRow(tr("Data source"), dataSource_);
    auto *queries = new QGridLayout;
    queries->addWidget(new QLabel(tr("PromQL query"), this), 0, 0);
    queries->addWidget(new QLabel(tr("Legend, e.g. {{instance}}"), this), 0, 1);
    for (int i = 0; i < kMaxQueries; ++i) {
        const PanelQuery q = panel.config.queries.value(i);
        auto *e = new QLineEdit(q.expr, this);
        e->setObjectName(QStringLiteral("query%1").arg(i));
        auto *l = new QLineEdit(q.legend, this);
        queries->addWidget(e, i + 1, 0);
        queries->addWidget(l, i + 1, 1);
        queries->setColumnStretch(0, 3);
        queries->setColumnStretch(1, 1);
        exprs_ << e;
        legends_ << l;
        connect(e, &QLineEdit::textChanged, this, &PanelEditorDialog::validate);
    }
    form->addRow(tr("Queries"), queries);
    unit_ = new QComboBox(this);
    for (ValueUnit u : {ValueUnit::None, ValueUnit::Percent, ValueUnit::Bytes, ValueUnit::Seconds, ValueUnit::OpsPerSecond})
        unit_->addItem(unitName(u), int(u));
    unit_->setCurrentIndex(unit_->findData(int(panel.config.unit)));
    form->addRow(tr("Unit"), unit_);
    thresholds_ = new QLineEdit(thresholdsText(panel.config.thresholds), this);
    thresholds_->setPlaceholderText(tr("e.g. 70 #f2c037, 85 #f57c00, 95 #d32f2f"));
    connect(thresholds_, &QLineEdit::textChanged, this, &PanelEditorDialog::validate);
    form->addRow(tr("Thresholds"), thresholds_);
    min_ = new QDoubleSpinBox(this);
    max_ = new QDoubleSpinBox(this);
    for (auto *s : {min_, max_}) s->setRange(-1e12, 1e12);
    min_->setValue(panel.min);
    max_->setValue(panel.max);
    auto *scale = new QHBoxLayout;
    scale->addWidget(min_);
    scale->addWidget(max_);
    form->addRow(tr("Gauge min / max"), scale);
    width_ = new QSpinBox(this);
    width_->setRange(1, Dashboard::kColumns);
    width_->setValue(panel.grid.width());
    height_ = new QSpinBox(this);
    height_->setRange(1, 40);
    height_->setValue(panel.grid.height());
    auto *size = new QHBoxLayout;
    size->addWidget(width_);
    size->addWidget(height_);
    form->addRow(tr("Width / height (cells)"), size);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("panelEditorError"));
    error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error_->setWordWrap(true);
    form->addRow(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

bool PanelEditorDialog::parseThresholds(const QString &text, QList<Threshold> *out, QString *error)
{
    QList<Threshold> list;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = part.simplified().split(QLatin1Char(' '));
        bool ok = false;
        const double v = f.value(0).toDouble(&ok);
        const QColor c(f.value(1));
        if (f.size() != 2 || !ok || !c.isValid()) {
            if (error) *error = tr("Threshold “%1”: write a value and a colour, e.g. 85 #f57c00.").arg(part.trimmed());
            return false;
        }
        list.append({v, c});
    }
    std::sort(list.begin(), list.end(), [](const Threshold &a, const Threshold &b) { return a.value < b.value; });
    *out = list;
    return true;
}

QString PanelEditorDialog::thresholdsText(const QList<Threshold> &thresholds)
{
    QStringList parts;
    for (const auto &t : thresholds) parts << QStringLiteral("%1 %2").arg(t.value).arg(t.color.name());
    return parts.join(QStringLiteral(", "));
}

void PanelEditorDialog::validate()
{
    // Variables are expanded with a placeholder so "$instance" parses.
    VariableContext placeholder;
    static const QRegularExpression var(QStringLiteral("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?"));
    QString message;
    for (int i = 0; i < exprs_.size() && message.isEmpty(); ++i) {
        const QString text = exprs_[i]->text().trimmed();
        if (text.isEmpty()) continue;
        auto it = var.globalMatch(text);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!name.startsWith(QLatin1String("__"))) placeholder.values.insert(name, {QStringLiteral("x")});
        }
        const auto parsed = promql::parseExpr(expandVariables(text, placeholder).toStdString());
        if (!parsed.isOk()) message = tr("Query %1: %2").arg(i + 1).arg(QString::fromStdString(parsed.status().message()));
    }
    QList<Threshold> ts;
    if (message.isEmpty()) parseThresholds(thresholds_->text(), &ts, &message);
    error_->setText(message);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

DashboardPanel PanelEditorDialog::panel() const
{
    DashboardPanel p = original_;
    p.type = PanelType(type_->currentData().toInt());
    if (p.config.title != title_->text()) p.titleTranslations.clear();  // a retitled panel drops stale translations
    p.config.title = title_->text();
    p.config.dataSource = dataSource_->currentData().toString();
    p.config.queries.clear();
    for (int i = 0; i < exprs_.size(); ++i) {
        if (!exprs_[i]->text().trimmed().isEmpty()) p.config.queries.append({exprs_[i]->text().trimmed(), legends_[i]->text()});
    }
    p.config.unit = ValueUnit(unit_->currentData().toInt());
    parseThresholds(thresholds_->text(), &p.config.thresholds, nullptr);
    p.min = min_->value();
    p.max = std::max(max_->value(), min_->value() + 1e-9);
    p.grid.setWidth(std::min(width_->value(), Dashboard::kColumns - p.grid.x()));
    p.grid.setHeight(height_->value());
    return p;
}

}  // namespace vigil::ui
