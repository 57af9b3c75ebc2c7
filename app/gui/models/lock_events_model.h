#pragma once
// The lock events of the current run, as the timeline and the wait histogram need them: hold
// and wait intervals per worker and lock (shm::LockActivity, bounded to the newest ones) and
// the wait-time histogram, fed the events each frame brings. Also says how complete the
// stream is: workers drop events when their ring is full, and every picture built from the
// stream must say so (the counters in the slots stay exact).
#include "analysis/host_groups.h"
#include "analysis/lock_lanes.h"
#include "analysis/wait_histogram.h"
#include "model/run_data.h"
#include "record/recorded_run.h"

#include <QObject>

// Everything the model holds about one run, as a value: a finished run's lock activity kept
// after the window's model moved on to the next run (the side-by-side view's columns).
struct LockEventsState {
    shm::ExperimentConfig cfg;
    uint32_t workers = 0;
    shm::LockActivity activity;
    shm::WaitHistogram waits;
    uint64_t releaseNs = 0;
    double endNs = 0;
    bool active = false;
    uint64_t dropped = 0;
    uint64_t contended = 0;
    std::vector<shm::HostGroup> hosts; // --transport mpi: the ranks by host (host_groups.h)
};

class LockEventsModel : public QObject {
    Q_OBJECT
  public:
    explicit LockEventsModel(QObject* parent = nullptr);

    void startRun(const shm::ExperimentConfig& cfg);
    void update(const shm::RunFrame& frame);
    void clear();
    LockEventsState state() const;
    void setState(const LockEventsState& state);
    // Replay: the activity and histogram as they were at snap.nowNs in a recorded run
    // (record/replay.h's replayLocks), with the run's drop counts; snap is frameAt's.
    void showReplay(const shm::RecordedRun& run, const shm::RunSnapshot& snap);

    const shm::ExperimentConfig& config() const { return m_s.cfg; }
    uint32_t workers() const { return m_s.workers; }
    const shm::LockActivity& activity() const { return m_s.activity; }
    uint64_t releaseNs() const { return m_s.releaseNs; }
    // Newest time of the run in ns since the barrier: now while live, the end afterwards.
    double endNs() const { return m_s.endNs; }
    bool active() const { return m_s.active; }
    bool replay() const { return m_replay; } // showReplay's moment, until startRun / clear
    // Events that never reached this model: ring overflows plus drained-but-discarded.
    uint64_t droppedEvents() const { return m_s.dropped; }
    // Contended acquisitions the counters saw (exact) vs the waits the histogram holds.
    uint64_t contendedCounted() const { return m_s.contended; }
    const shm::WaitHistogram& waits() const { return m_s.waits; }
    // --transport mpi: the hosts the ranks reported, with their ranks (empty otherwise).
    const std::vector<shm::HostGroup>& hosts() const { return m_s.hosts; }

  private:
    LockEventsState m_s; // what state() hands out and setState() takes back, whole
    bool m_replay = false;
};
