#pragma once
// A sweep played in the window: every run of the plan in its interleaved order through the
// window's run controller (so each run is watched live like any other), each run's report kept
// for its point, and the summary (speedup, fits) recomputed after every run. The Sweep panel
// and the Sweep view's model read it.
#include "analysis/sweep.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class RunController;

class SweepSession : public QObject {
    Q_OBJECT
  public:
    using StartRun = std::function<bool(const shm::ExperimentConfig& cfg, QString* error)>;
    SweepSession(RunController& run, StartRun startRun, QObject* parent = nullptr);

    bool start(const shm::SweepPlan& plan, QString* error);
    void stop(); // the current run is stopped; what was measured stays
    bool running() const { return m_next >= 0; }
    // Runs done (finished or failed) of plan().order.size().
    int runsDone() const { return m_done; }
    int runsTotal() const { return int(m_plan.order.size()); }
    // Seconds left at the mean pace of the runs so far (0 before the first one ends).
    double etaSeconds() const;
    const shm::SweepPlan& plan() const { return m_plan; }
    const shm::SweepSummary& summary() const { return m_summary; }
    bool hasResults() const { return !m_summary.points.empty(); }
    QString lastError() const { return m_error; }

  signals:
    void changed();
    void finished(); // the last run ended, or the sweep was stopped

  private:
    void onRunFinished();
    void startNext();
    void end();

    RunController& m_run;
    StartRun m_startRun;
    shm::SweepPlan m_plan;
    shm::SweepSummary m_summary;
    std::vector<std::vector<shm::RunReport>> m_reports; // per point
    int m_next = -1;     // index into plan.order of the run to start or running; -1 = idle
    bool m_ours = false; // the controller's current run is one of ours
    bool m_stopped = false;
    int m_done = 0;
    QElapsedTimer m_clock;
    QTimer m_pause; // a moment between runs so the end of each is seen
    QString m_error;
};
