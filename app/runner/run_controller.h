#pragma once
// RunController: one experiment run. Creates the segment, starts one shmscope-worker process
// per worker, opens the start barrier, watches exits/heartbeats, ends the run (verifying the
// array), and removes the segment. Views poll snapshot() and read the mapped array; nothing
// here ever takes a worker's lock, so a stuck worker cannot freeze the caller.
#include "report.h"
#include "segment.h"
#include "snapshot.h"
#include "verify.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <deque>
#include <memory>
#include <thread>
#include <vector>

class RunController : public QObject {
    Q_OBJECT
  public:
    enum class Phase { Idle, Starting, Running, Paused, Stopping, Finished };
    Q_ENUM(Phase)

    // A worker as the window shows it: what it published plus how its process ended.
    struct WorkerView {
        shm::WorkerSnapshot live;
        shm::WorkerState state = shm::WorkerState::Starting; // Crashed/Failed from the exit
        int exitCode = -1;
        int signal = 0;
        bool terminatedByUs = false; // killed because another worker failed or stop timed out
        bool diedHoldingLock = false;
        bool exited = false;
    };
    struct Snapshot {
        Phase phase = Phase::Idle;
        double elapsedSeconds = 0; // since the barrier opened (0 before)
        uint64_t processed = 0;
        shm::LockStats lock;
        uint64_t droppedEvents = 0;
        std::vector<WorkerView> workers;
    };

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Path of shmscope-worker; default: next to the running executable.
    void setWorkerPath(const QString& path) { m_workerPath = path; }
    // Segment name to use for the next run (tests pick their own); empty = generated.
    void setSegmentName(const QString& name) { m_requestedName = name; }
    // Keep events in memory for timelines (the GUI); headless runs only count them.
    void setKeepEvents(bool keep) { m_keepEvents = keep; }

    // Starts a run. Returns false with a one-line message if the segment cannot be made.
    bool start(const shm::ExperimentConfig& cfg, QString* error);
    void pause();
    void resume();
    void stop();                 // ask workers to stop; killed if they do not within 3 s
    void killWorker(uint32_t k); // fault injection: SIGKILL
    void setDelayUs(uint32_t us);
    // Forgets the finished run and unmaps its array.
    void reset();

    Phase phase() const { return m_phase; }
    bool isActive() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }
    Snapshot snapshot() const;
    const shm::ExperimentConfig& config() const { return m_cfg; }
    // The run's mapping: live during a run, kept (name already unlinked) after it ends.
    const shm::Segment* segment() const { return m_segment.get(); }
    const shm::RunReport& report() const { return m_report; }
    uint64_t releaseNs() const { return m_releaseNs; }
    // Lock events drained from worker k's ring, oldest first, bounded to the newest ones.
    const std::deque<shm::Event>& events(uint32_t k) const { return m_events.at(k); }
    // Drains the rings now (the poll timer does this every 10 ms).
    void drainEvents();

  signals:
    void phaseChanged(RunController::Phase phase);
    void workerExited(uint32_t k, int exitCode, int signal, bool heldLock);
    void finished(); // report() is complete and the segment removed

  private:
    void poll();
    void onWorkerFinished(uint32_t k, int exitCode, QProcess::ExitStatus status);
    void onWorkerError(uint32_t k, QProcess::ProcessError err);
    void fail(const QString& why);
    void killAll();
    void maybeFinish();
    void finish();
    void setPhase(Phase p);
    void completeFinish(const shm::VerifyResult& vr);

    QString m_workerPath;
    QString m_requestedName;
    bool m_keepEvents = false;
    shm::ExperimentConfig m_cfg;
    std::unique_ptr<shm::Segment> m_segment;
    std::vector<QProcess*> m_procs;
    std::vector<WorkerView> m_exit; // exit part of WorkerView, per worker
    std::vector<std::deque<shm::Event>> m_events;
    Phase m_phase = Phase::Idle;
    QTimer m_poll;
    QTimer m_stopDeadline;
    QElapsedTimer m_wall;
    QElapsedTimer m_attachClock;
    uint64_t m_releaseNs = 0;
    uint32_t m_lastAttached = 0;
    uint64_t m_pauseStartNs = 0;  // while paused: when the pause began
    uint64_t m_pausedTotalNs = 0; // finished pauses, excluded from elapsed time
    bool m_verifying = false;
    std::thread m_verifyThread;
    uint64_t m_eventsSeen = 0;
    bool m_failed = false;
    bool m_stopRequested = false;
    shm::RunReport m_report;
};
