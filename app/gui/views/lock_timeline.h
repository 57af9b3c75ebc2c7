#pragma once
// One lane per worker showing, over time, when it waited for the lock (dark red, half height)
// and when it held it (its colour). Follows the newest events while a run is live; wheel zooms,
// drag pans, double-click returns to following. Events stay after the run for inspection.
#include "time_mapping.h"

#include <QWidget>

class LockEventsModel;

class LockTimeline : public QWidget {
    Q_OBJECT
  public:
    explicit LockTimeline(QWidget* parent = nullptr);
    void setModel(const LockEventsModel* model) { m_model = model; }
    // Moves the followed window to the run's newest time; repaints.
    void refresh();
    void clear();
    bool following() const { return m_follow; }
    double spanNs() const { return m_map.t1 - m_map.t0; }

  protected:
    void paintEvent(QPaintEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;

  private:
    QRect lanesRect() const;
    void drawAxis(QPainter& p, const QRect& area) const;

    const LockEventsModel* m_model = nullptr;
    shm::TimeMapping m_map;
    bool m_follow = true;
    double m_endNs = 0; // newest time known (ns since the barrier)
    double m_dragT = 0;
    double m_dragX = 0;
};
