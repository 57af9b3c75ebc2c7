#pragma once
// --trace FILE.json for a headless run: every lock event and a progress sample taken every
// 20 ms while the run goes, then the run written as a Perfetto / Chrome trace (core's trace.h).
#include "analysis/lock_lanes.h"
#include "analysis/trace.h"

#include <QObject>
#include <QTimer>

class RunController;

class TraceRecorder : public QObject {
    Q_OBJECT
  public:
    // Before run.start(): the controller must hand its lock events out.
    explicit TraceRecorder(RunController& run, QObject* parent = nullptr);
    void started();  // after run.start(): sizes the lanes to the run's workers and locks
    void finished(); // after the run: the last events
    std::string json(const shm::RunReport& report) const;

  private:
    void poll();

    RunController& m_run;
    QTimer m_timer;
    shm::LockActivity m_locks;
    std::vector<shm::ProgressSample> m_progress;
    shm::RunSnapshot m_last;
};
