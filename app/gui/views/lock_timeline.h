#pragma once
// The lock timeline: above, one lane per lock ("lock" for mutex/spin, "s0".."s7" per stripe, or
// "stripes" for more than eight) showing who holds it; below, one lane per worker showing when
// it waited (dark red, half height) and held a lock (its colour). Drawn per pixel column from
// shm::LockActivity's rasteriser: a bar's height is the share of the column's time spent
// holding/waiting, so two workers alternating on one mutex each show about half, never both
// full. Follows the newest events while a run is live; wheel zooms, drag pans, double-click
// returns to following. Events stay after the run for inspection.
#include "lock_lanes.h"
#include "time_mapping.h"

#include <QWidget>

class LockTimeline : public QWidget {
    Q_OBJECT
  public:
    explicit LockTimeline(QWidget* parent = nullptr);
    // What to draw: the activity (owned by the caller, may be null), the barrier's release
    // time (0 = not started), the worker count and the sync mode.
    void setActivity(const shm::LockActivity* activity, uint64_t releaseNs, uint32_t workers,
                     shm::SyncMode sync);
    // Moves the followed window to the run's newest time; repaints.
    void refresh(uint64_t nowNs, bool active);
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
    void drawHeader(QPainter& p, const QFont& small) const;
    void drawAxis(QPainter& p, const QRect& area) const;
    void drawLaneLabel(QPainter& p, double top, double laneH, const QString& text,
                       const QColor* swatch) const;
    void drawLockLanes(QPainter& p, const QRect& area, const shm::TimeColumns& cols, double top,
                       double laneH, uint64_t openEndNs) const;
    void drawWorkerLanes(QPainter& p, const QRect& area, const shm::TimeColumns& cols, double top,
                         double laneH, uint64_t openEndNs) const;

    const shm::LockActivity* m_activity = nullptr;
    uint64_t m_releaseNs = 0;
    uint32_t m_workers = 0;
    shm::SyncMode m_sync = shm::SyncMode::Mutex;
    TimeMapping m_map;
    bool m_follow = true;
    double m_endNs = 0; // newest time known (ns since the barrier)
    double m_dragT = 0;
    double m_dragX = 0;
};
