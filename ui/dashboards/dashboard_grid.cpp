#include "dashboards/dashboard_grid.h"

#include "dashboards/dashboard.h"

#include <QMouseEvent>
#include <QPainter>

namespace vigil::ui {

DashboardGrid::DashboardGrid(QWidget *parent) : QWidget(parent) { setObjectName(QStringLiteral("dashboardGrid")); }

void DashboardGrid::addPanel(QWidget *panel, const QRect &cells)
{
    panel->setParent(this);
    panel->installEventFilter(this);
    panels_.append({panel, cells});
    panel->show();
    relayout();
}

void DashboardGrid::clear()
{
    for (auto &e : panels_) delete e.widget;
    panels_.clear();
    dragging_ = -1;
    relayout();
}

void DashboardGrid::setCells(int i, const QRect &cells)
{
    if (i < 0 || i >= panels_.size()) return;
    panels_[i].cells = cells;
    relayout();
}

void DashboardGrid::setEditing(bool on)
{
    editing_ = on;
    for (auto &e : panels_) e.widget->setMouseTracking(on);
    update();
}

QRect DashboardGrid::pixelRect(const QRect &c) const
{
    const double colW = double(width()) / Dashboard::kColumns;
    const int x0 = int(c.x() * colW), x1 = int((c.x() + c.width()) * colW);
    return QRect(x0 + kGap / 2, c.y() * kRowHeight + kGap / 2, x1 - x0 - kGap, c.height() * kRowHeight - kGap);
}

QRect DashboardGrid::snapToCells(const QRect &px) const
{
    const double colW = std::max(1.0, double(width()) / Dashboard::kColumns);
    int x = int(std::lround(px.x() / colW));
    int w = std::max(1, int(std::lround((px.width() + kGap) / colW)));
    x = std::clamp(x, 0, Dashboard::kColumns - 1);
    w = std::min(w, Dashboard::kColumns - x);
    const int y = std::max(0, int(std::lround(double(px.y()) / kRowHeight)));
    const int h = std::max(1, int(std::lround(double(px.height() + kGap) / kRowHeight)));
    return QRect(x, y, w, h);
}

void DashboardGrid::relayout()
{
    int rows = 0;
    for (int i = 0; i < panels_.size(); ++i) {
        if (i != dragging_) panels_[i].widget->setGeometry(pixelRect(panels_[i].cells));
        rows = std::max(rows, panels_[i].cells.y() + panels_[i].cells.height());
    }
    setMinimumHeight(rows * kRowHeight + kGap);
}

void DashboardGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

int DashboardGrid::indexOf(QObject *o) const
{
    for (int i = 0; i < panels_.size(); ++i) {
        if (panels_[i].widget == o) return i;
    }
    return -1;
}

bool DashboardGrid::eventFilter(QObject *watched, QEvent *event)
{
    if (!editing_) return QWidget::eventFilter(watched, event);
    const int i = indexOf(watched);
    if (i < 0) return QWidget::eventFilter(watched, event);
    QWidget *w = panels_[i].widget;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *me = static_cast<QMouseEvent *>(event);
        if (me->button() != Qt::LeftButton) break;
        const QPoint local = me->position().toPoint();
        const bool corner = local.x() >= w->width() - kResizeCorner && local.y() >= w->height() - kResizeCorner;
        if (!corner && local.y() > kHandleHeight) break;
        dragging_ = i;
        resizing_ = corner;
        pressPos_ = w->mapTo(this, local);
        pressRect_ = w->geometry();
        w->raise();
        return true;
    }
    case QEvent::MouseMove: {
        auto *me = static_cast<QMouseEvent *>(event);
        const QPoint local = me->position().toPoint();
        if (dragging_ != i) {
            const bool corner = local.x() >= w->width() - kResizeCorner && local.y() >= w->height() - kResizeCorner;
            w->setCursor(corner ? Qt::SizeFDiagCursor : local.y() <= kHandleHeight ? Qt::SizeAllCursor : Qt::ArrowCursor);
            break;
        }
        const QPoint delta = w->mapTo(this, local) - pressPos_;
        if (resizing_) {
            w->setGeometry(QRect(pressRect_.topLeft(),
                                 QSize(std::max(40, pressRect_.width() + delta.x()), std::max(30, pressRect_.height() + delta.y()))));
        } else {
            QRect r = pressRect_.translated(delta);
            r.moveLeft(std::clamp(r.left(), 0, std::max(0, width() - r.width())));
            r.moveTop(std::max(0, r.top()));
            w->setGeometry(r);
        }
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (dragging_ != i) break;
        dragging_ = -1;
        const QRect cells = snapToCells(w->geometry());
        panels_[i].cells = cells;
        relayout();
        Q_EMIT geometryEdited(i, cells);
        return true;
    }
    default: break;
    }
    return QWidget::eventFilter(watched, event);
}

void DashboardGrid::paintEvent(QPaintEvent *)
{
    if (!editing_) return;
    // The cell lattice, so the user sees where a panel will snap.
    QPainter p(this);
    p.setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::DotLine));
    const double colW = double(width()) / Dashboard::kColumns;
    for (int c = 0; c <= Dashboard::kColumns; ++c) p.drawLine(QPointF(c * colW, 0), QPointF(c * colW, height()));
    for (int y = 0; y < height(); y += kRowHeight) p.drawLine(0, y, width(), y);
}

}  // namespace vigil::ui
