#pragma once
// The lock timeline: above, one lane per lock ("lock" for mutex/spin, "s0".."s7" per stripe, or
// "stripes" for more than eight) showing who holds it; below, one lane per worker showing when
// it waited (dark red, half height) and held a lock (its colour). Drawn per pixel column from
// shm::LockActivity's rasteriser: a bar's height is the share of the column's time spent
// holding/waiting, so two workers alternating on one mutex each show about half, never both
// full. Follows the newest events while a run is live; wheel zooms, drag pans, double-click
// returns to following. Events stay after the run for inspection. Messages across hosts: the
// ranks' lanes are grouped by host, each group under a strip with the host's name. More workers
// than lanes of a readable height (256 workers): consecutive workers share a lane
// (analysis/lane_groups.h); the lock lane above still sums every worker's holds.
#include "analysis/host_groups.h"
#include "analysis/lane_groups.h"
#include "analysis/lock_lanes.h"
#include "analysis/time_mapping.h"

#include <QWidget>

class LockEventsModel;
class LaneBars; // lock_timeline.cpp: where the lanes' bars are drawn

class LockTimeline : public QWidget {
    Q_OBJECT
  public:
    explicit LockTimeline(QWidget* parent = nullptr);
    void setModel(const LockEventsModel* model) { m_model = model; }
    // Takes the model's run (activity, release time, workers, sync, newest time), moves the
    // followed window to the newest time and repaints.
    void refresh();
    void clear();
    bool following() const { return m_follow; }
    // --transport mpi: the same lanes read as messages (rank k's sends, rank 0's receives and
    // its waits for them); captions and labels say so.
    void setMessageMode(bool on);
    double spanNs() const { return m_map.t1 - m_map.t0; }
    double startNs() const { return m_map.t0; }
    // Shows [t0Ns, t1Ns) after the release and stops following (side by side: every column on
    // one time axis). A double click follows again.
    void setSpan(double t0Ns, double t1Ns);
    // The worker lanes at the current size: one per worker, or groups of consecutive workers
    // when one lane per worker would be too thin to read (empty in messages mode across hosts,
    // where every rank keeps its lane under its host).
    std::vector<shm::LaneGroup> laneGroups() const;

  protected:
    void paintEvent(QPaintEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;

  private:
    QRect lanesRect() const;
    int labelWidth() const; // wider when a label names a range of workers
    bool grouped() const { return m_groupSize > 1; }
    void drawHeader(QPainter& p, const QFont& small) const;
    void drawAxis(QPainter& p, const QRect& area) const;
    void drawPartialNotice(QPainter& p, const QRect& area) const;
    void drawLaneLabel(QPainter& p, double top, double laneH, const QString& text,
                       const QColor* swatch) const;
    // holds: every worker's hold coverage per column, computed once per paint for both.
    void drawLockLanes(QPainter& p, LaneBars& out, const QRect& area, const shm::TimeColumns& cols,
                       double top, double laneH, uint64_t openEndNs,
                       const std::vector<std::vector<double>>& holds) const;
    void drawWorkerLanes(QPainter& p, LaneBars& out, const QRect& area,
                         const shm::TimeColumns& cols, double top, double laneH, uint64_t openEndNs,
                         const std::vector<std::vector<double>>& holds) const;
    void drawGroupLanes(QPainter& p, LaneBars& out, const QRect& area, const shm::TimeColumns& cols,
                        double top, double laneH, uint64_t openEndNs,
                        const std::vector<std::vector<double>>& holds,
                        const std::vector<shm::LaneGroup>& groups) const;

    // A row of the worker lanes: a rank's lane, or (rank -1) the strip naming host m_hosts[host].
    struct Row {
        int rank;
        int host;
    };
    std::vector<Row> rows() const;
    int hostStripHeight() const;
    void drawHostStrip(QPainter& p, const QRect& area, double top, const shm::HostGroup& g) const;

    const LockEventsModel* m_model = nullptr;
    std::vector<shm::HostGroup> m_hosts; // --transport mpi: the ranks by host, as refreshed
    // The model's run as of the last refresh(), read by the paint code.
    const shm::LockActivity* m_activity = nullptr;
    uint64_t m_dropped = 0;
    uint64_t m_releaseNs = 0;
    uint32_t m_workers = 0;
    shm::TimeMapping m_map;
    bool m_follow = true;
    bool m_messages = false;
    QString m_lockTip;
    double m_endNs = 0; // newest time known (ns since the barrier)
    double m_dragT = 0;
    double m_dragX = 0;
    uint32_t m_groupSize = 1; // workers a lane as of the last paint
};
