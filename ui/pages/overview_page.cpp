#include "pages/overview_page.h"

#include "main_window.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace vigil::ui {

OverviewPage::OverviewPage(runtime::Engine *engine, QWidget *parent) : QWidget(parent), engine_(engine)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(tr("Overview"), this);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: 600;"));
    layout->addWidget(title);
    auto *subtitle = new QLabel(tr("Health of the built-in monitoring engine on this workstation."), this);
    subtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(subtitle);

    auto *grid = new QGridLayout;
    grid->setSpacing(16);
    addCard(QStringLiteral("state"), tr("Engine"), 0, 0);
    addCard(QStringLiteral("series"), tr("Active series"), 0, 1);
    addCard(QStringLiteral("rate"), tr("Samples per second"), 0, 2);
    addCard(QStringLiteral("targets"), tr("Targets up"), 1, 0);
    addCard(QStringLiteral("disk"), tr("Disk used"), 1, 1);
    addCard(QStringLiteral("api"), tr("Prometheus-compatible API"), 1, 2);
    for (auto it = cards_.begin(); it != cards_.end(); ++it) grid->addWidget(it.value()->parentWidget(),
        it.value()->property("row").toInt(), it.value()->property("column").toInt());
    layout->addLayout(grid);

    auto *dataDir = new QLabel(this);
    dataDir->setObjectName(QStringLiteral("dataDir"));
    dataDir->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cards_.insert(QStringLiteral("data"), dataDir);
    layout->addWidget(dataDir);
    layout->addStretch(1);

    connect(engine_, &runtime::Engine::statusUpdated, this, &OverviewPage::onStatus);
    connect(engine_, &runtime::Engine::stateChanged, this, &OverviewPage::onState);
    onState(engine_->state());
    onStatus(engine_->status());
}

QLabel *OverviewPage::addCard(const QString &key, const QString &title, int row, int column)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setMinimumSize(220, 110);
    auto *v = new QVBoxLayout(frame);
    auto *t = new QLabel(title, frame);
    t->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 10pt;"));
    auto *value = new QLabel(frame);
    value->setObjectName(key);
    value->setStyleSheet(QStringLiteral("font-size: 22pt; font-weight: 600;"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setProperty("row", row);
    value->setProperty("column", column);
    v->addWidget(t);
    v->addWidget(value);
    v->addStretch(1);
    cards_.insert(key, value);
    return value;
}

QString OverviewPage::cardText(const QString &key) const
{
    const QLabel *l = cards_.value(key);
    return l ? l->text() : QString();
}

void OverviewPage::onState(runtime::Engine::State state)
{
    cards_.value(QStringLiteral("state"))->setText(stateTitle(state));
}

void OverviewPage::onStatus(const runtime::EngineStatus &s)
{
    const QLocale loc;
    cards_.value(QStringLiteral("series"))->setText(loc.toString(qlonglong(s.headSeries)));
    cards_.value(QStringLiteral("rate"))->setText(loc.toString(s.samplesPerSecond, 'f', 0));
    cards_.value(QStringLiteral("targets"))->setText(
        tr("%1 / %2").arg(loc.toString(qlonglong(s.targetsUp)), loc.toString(qlonglong(s.targetsTotal))));
    cards_.value(QStringLiteral("disk"))->setText(loc.formattedDataSize(s.diskBytes));
    cards_.value(QStringLiteral("api"))->setText(s.listenAddress.isEmpty() ? tr("Off") : s.listenAddress);
    cards_.value(QStringLiteral("data"))->setText(tr("Data directory: %1").arg(s.dataDir));
}

}  // namespace vigil::ui
