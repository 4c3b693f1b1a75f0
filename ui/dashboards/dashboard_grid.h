// DashboardGrid: lays panels out on a grid of Dashboard::kColumns columns and
// fixed-height rows, and in edit mode lets the user drag a panel by its
// title bar (the top kHandleHeight pixels) to move it and by its lower right
// corner to resize it; on release the geometry snaps to whole cells and
// geometryEdited() reports it. Panels are child widgets placed by hand (no
// QLayout); the grid's minimum height follows the lowest panel.
// Threading: GUI thread only.
#pragma once

#include <QRect>
#include <QWidget>

namespace vigil::ui {

class DashboardGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRowHeight = 44;
    static constexpr int kGap = 6;
    static constexpr int kHandleHeight = 28;
    static constexpr int kResizeCorner = 18;

    explicit DashboardGrid(QWidget *parent = nullptr);

    // Adds `panel` (reparented) at `cells`; index = position in the order added.
    void addPanel(QWidget *panel, const QRect &cells);
    void clear();
    int count() const { return int(panels_.size()); }
    QWidget *panel(int i) const { return panels_.value(i).widget; }
    QRect cells(int i) const { return panels_.value(i).cells; }
    void setCells(int i, const QRect &cells);

    void setEditing(bool on);
    bool isEditing() const { return editing_; }

    // Pixel rectangle of `cells` at the current width; and the inverse, snapped.
    QRect pixelRect(const QRect &cells) const;
    QRect snapToCells(const QRect &pixels) const;

Q_SIGNALS:
    void geometryEdited(int index, const QRect &cells);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Entry {
        QWidget *widget = nullptr;
        QRect cells;
    };
    void relayout();
    int indexOf(QObject *o) const;

    QList<Entry> panels_;
    bool editing_ = false;
    int dragging_ = -1;
    bool resizing_ = false;
    QPoint pressPos_;   // in grid coordinates
    QRect pressRect_;   // the panel's pixel rect at the press
};

}  // namespace vigil::ui
