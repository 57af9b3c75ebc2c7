#pragma once
// RunController supervises one experiment run: creates the segment, starts one
// shmscope-worker process per worker, opens the start barrier, watches exits and heartbeats,
// ends the run (verifying the array off this thread) and removes the segment.
//
// Data flows one way: it publishes values (RunSnapshot, or a RunFrame with the lock events
// drained since the last frame) and a final RunReport built by core's buildReport(). Nothing
// here ever takes a worker's lock, so a stuck worker cannot freeze the caller.
#include "analysis/report.h"
#include "analysis/verify.h"
#include "cli/worker_command.h"
#include "model/run_data.h"
#include "runner/cpu_sampler.h"
#include "runner/watchdog.h"
#include "runner/worker_output.h"
#include "runner/worker_processes.h"
#include "segment/result_queue.h"
#include "segment/segment.h"
#include "work/worker_priority.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <stop_token>
#include <thread>
#include <vector>

class RunController : public QObject {
    Q_OBJECT
  public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // Path of shmscope-worker; default: next to the running executable.
    void setWorkerPath(const QString& path) { m_workerPath = path; }
    const QString& workerPath() const { return m_workerPath; }
    // --worker-command: the workers it names run that command instead (every run from now on).
    void setWorkerCommand(const WorkerCommand& command) { m_command = command; }
    // The window shows the runs: worker-priority auto then keeps crowds of workers at idle
    // priority (work/worker_priority.h).
    void setWindowed(bool windowed) { m_windowed = windowed; }
    const WorkerCommand& workerCommand() const { return m_command; }
    // --transport mpi: extra mpirun arguments (hostfile, hosts, BTLs), split like a shell;
    // shmscope-mpi-worker's path (default: next to the running executable).
    void setMpiArgs(const QStringList& args) { m_mpiArgs = args; }
    void setMpiWorkerPath(const QString& path) { m_mpiWorkerPath = path; }
    // The mpirun command line a run with cfg would use (shown in the report and --help).
    QStringList mpirunCommand(const shm::ExperimentConfig& cfg, const std::string& segment) const;
    // Segment name to use for the next run (tests pick their own); empty = generated.
    void setSegmentName(const QString& name) { m_requestedName = name; }
    const QString& requestedSegmentName() const { return m_requestedName; }
    // Hand lock events to takeFrame() (the window); headless runs only count them.
    void setKeepEvents(bool keep) { m_keepEvents = keep; }
    // A second taker of every run's frames (a recorder), beside the window's takeFrame(): every
    // kTapNs and once more when the run ended (m_final, its array still mapped) it gets the
    // snapshot and every lock event drained since its last frame, whether or not events are
    // kept for takeFrame(). Called on this thread; empty = none.
    static constexpr uint64_t kTapNs = 50'000'000;
    void setFrameTap(std::function<void(shm::RunFrame)> tap) { m_tap = std::move(tap); }

    // Starts a run. Returns false with a one-line message if the segment cannot be made.
    bool start(const shm::ExperimentConfig& cfg, QString* error);
    void pause();
    void resume();
    // Ask workers to stop; killed if they do not within 3 s. While the array is being verified
    // (every worker has exited): stop the verification, and the run is reported not verified.
    void stop();
    // The app was asked to quit by signal sig: stop, and report the run as terminated.
    void terminate(int sig);
    // Fault injection: now, or (Holding) at the worker's next lock acquisition, while it holds
    // the lock: SIGKILL (the worker then counts as crashed, as if it had died on its own),
    // SIGSTOP (suspended) or a hang (it stops publishing), as `action` says.
    void killWorker(uint32_t k, shm::KillWhen when = shm::KillWhen::Time,
                    shm::FaultAction action = shm::FaultAction::Kill);
    void setDelayUs(uint32_t us);
    // SIGCONT to every worker that is suspended (stopped); false if none was.
    bool continueWorkers();
    // Forgets the finished run (a model holding its ArrayRef keeps the mapping alive).
    void reset();

    shm::Phase phase() const { return m_phase; }
    // Every worker has exited and the array is being checked (phase still Stopping).
    bool isVerifying() const { return m_verifying; }
    // Elements the verification has checked so far, of config().elements.
    uint64_t verifiedElements() const { return m_verifyChecked.load(std::memory_order_relaxed); }
    bool isActive() const { return m_phase != shm::Phase::Idle && m_phase != shm::Phase::Finished; }
    const shm::ExperimentConfig& config() const { return m_cfg; }
    // The run as it is now.
    shm::RunSnapshot snapshot() const;
    // The run as it is now plus the lock events drained since the previous frame.
    shm::RunFrame takeFrame();
    // Complete once finished() was emitted.
    const shm::RunReport& report() const { return m_report; }
    // What the report was built from (complete once finished() was emitted).
    const shm::VerifyResult& verified() const { return m_verified; }
    const shm::RunMeta& meta() const { return m_meta; }
    // The segment's name, size and whether it is gone ("" before the first run).
    const std::string& segmentName() const { return m_meta.segmentName; }
    uint64_t segmentBytes() const { return m_meta.segmentBytes; }
    bool segmentRemoved() const { return m_meta.segmentRemoved; }

  signals:
    void phaseChanged(shm::Phase phase);
    void workerExited(uint32_t k);
    void verifying(); // every worker has exited; the array's check has begun
    void finished();  // report() is complete and the segment removed

  private:
    // Supervision (run_supervision.cpp): the poll, the barrier, exits and the end of the run.
    void poll();
    void drainRings();
    void tapFrame(const shm::RunSnapshot& s); // hands the tap s and the events since the last
    void pollBarrier();
    void onCrash(uint32_t k, int signal);
    void onExit(uint32_t k, int exitCode);
    void onWorkerFinished(uint32_t k, WorkerProcesses::Exit exit);
    void onWorkerStartFailed(uint32_t k, const QString& why);
    void fail(const QString& why);
    void killAll();
    void maybeFinish();
    void finish();
    void finishDrained();
    void completeFinish(const shm::VerifyResult& vr, shm::CollisionReport collisions);
    // The watchdog (run_watch.cpp): read what it judges, hand it to watchdog.h's functions,
    // act on their verdicts.
    watchdog::Reading readWatch(bool withProc) const;
    bool checkSegmentIntact(); // false (and the run failed) once another process shrank it
    void checkSegmentName();   // fails the run once another process removed its name
    void watchSuspended(watchdog::Reading& r);
    void watchRunning(const watchdog::Reading& r); // deadlock, then stall
    void applyVerdict(const watchdog::Verdict& v);
    void applyExitVerdict(const watchdog::Verdict& v); // ExitedEarly, ExitedHolding
    void applyDeadHolder(const watchdog::Verdict& v);  // Deadlock, Unrecovered, DeadHolderLeft
    void applySegmentRemoved(const watchdog::Verdict& v);
    void applyQueueVerdict(const watchdog::Verdict& v); // QueueShrunk, QueueCorrupt
    void applyForeignWrite(const watchdog::Verdict& v);
    void applyOrphanLock(const watchdog::Verdict& v);
    QString lockName(uint32_t holdingLock) const;
    QString endedAs(uint32_t k) const; // "died", or "exited with code 0"
    // The header's live control: every write goes through these, so the watchdog knows what
    // the app wrote last (m_control) and can tell a foreign write from its own.
    void writeRunState(shm::RunState s);
    void writeControl(std::atomic<uint32_t> shm::SegmentHeader::*field, uint32_t value);
    void checkControl();                         // every poll: fails the run on a foreign write
    void watchLocks(const watchdog::Reading& r); // orphaned locks
    std::vector<watchdog::LockSeen> readLocks(const watchdog::Reading& r) const;
    void killLeftBehind(); // a worker's descendants still running once it exited
    void beginWatch(const shm::ExperimentConfig& cfg); // start(): what the watchdog remembers

    // Faults (run_faults.cpp).
    void fireScriptedFault();
    void checkParked();
    // Lifecycle (run_controller.cpp).
    void setPhase(shm::Phase p);
    void clearRun(); // the last run's processes, segment and figures; the phase stays
    QString whyNotStartable(const shm::ExperimentConfig& cfg) const;
    void spawnWorker(uint32_t k, const std::string& name);
    // --transport mpi (run_controller_mpi.cpp): the ranks come from one mpirun.
    QString checkMpi(const shm::ExperimentConfig& cfg) const;
    void spawnMpirun(const std::string& name);
    void onMpirunFinished(int exitCode, QProcess::ExitStatus status);
    void killRank(uint32_t k, shm::FaultAction action);
    void checkMpiEnded(const watchdog::Reading& r); // every rank done, mpirun does not exit
    void watchMpirun(const watchdog::Reading& r);   // mpirun itself stopped (SIGSTOP)
    void removeMpiDir();                            // Open MPI's files of the run (mpi_dir.h)
    QString createQueue(); // --transport queue: "" or why the queue could not be made
    bool mpi() const { return m_cfg.transport == shm::Transport::Mpi; }
    QString workerName(uint32_t k) const; // "worker 2", or "rank 2" for an MPI run
    // "worker 2 (pid 123)"; an MPI rank with the pid and host it reported: "rank 2 (pid 123 on
    // shmscope-b)" (a rank on another host has no pid here, pid is 0 then)
    QString workerWithPid(uint32_t k, int64_t pid) const;
    void failDeadRank(uint32_t k, const QString& node, int signal);

    QString m_workerPath;
    bool m_windowed = false;
    shm::WorkerScheduling m_scheduling;
    QString m_mpiWorkerPath;
    QStringList m_mpiArgs;
    QProcess* m_mpirun = nullptr; // --transport mpi: the launcher of every rank
    qint64 m_mpirunPid = 0;       // kept: processId() is 0 once it has exited
    std::string m_mpiDir;         // the run's directory for Open MPI's files ("": none)
    uint64_t m_mpirunStartNs = 0;
    WorkerCommand m_command;
    QString m_requestedName;
    bool m_keepEvents = false;
    shm::ExperimentConfig m_cfg;
    std::shared_ptr<shm::Segment> m_segment;        // shared with ArrayRefs handed out
    std::unique_ptr<shm::QueueReceiver> m_receiver; // --transport queue
    QTimer m_drainWait; // finish(): until the receiver has written every queued result
    QElapsedTimer m_drainClock;
    WorkerProcesses m_procs;                      // local workers (--transport mpi: m_mpirun)
    std::vector<shm::WorkerRecord> m_exits;       // the controller's part of each record
    std::vector<worker_output::Capture> m_stderr; // each worker's stderr, bounded, read as it comes
    std::vector<std::vector<shm::Event>> m_pendingEvents; // drained, not yet taken
    uint64_t m_eventsDiscarded = 0; // drained while nobody took frames (pending was full)
    std::function<void(shm::RunFrame)> m_tap;
    std::vector<std::vector<shm::Event>> m_tapEvents; // drained, not handed to the tap yet
    uint64_t m_tapDiscarded = 0;
    uint64_t m_lastTapNs = 0;
    shm::Phase m_phase = shm::Phase::Idle;
    QTimer m_poll;
    QTimer m_stopDeadline;
    QTimer m_faultTimer;   // the scripted fault, armed when the barrier opens
    int m_parkWanted = -1; // asked to park inside its next critical section
    shm::FaultAction m_parkAction = shm::FaultAction::Kill; // what happens to it there
    watchdog::State m_watch;     // what the watchdog remembers of this run
    watchdog::Control m_control; // the header's live control as the app wrote it last
    int m_pollTick = 0;
    QElapsedTimer m_wall;
    QElapsedTimer m_attachClock;
    uint64_t m_releaseNs = 0;
    uint32_t m_lastAttached = 0;
    uint64_t m_pauseStartNs = 0;  // while paused: when the pause began
    uint64_t m_pausedTotalNs = 0; // finished pauses, excluded from elapsed time
    bool m_verifying = false;
    // From the barrier to the end: every worker's CPU time, for the report's overlap.
    std::unique_ptr<CpuSampler> m_sampler;
    std::vector<std::pair<uint64_t, uint64_t>> m_pauses; // [begin, end) of each pause
    void measureOverlap();                               // stops the sampler; m_meta.overlap
    std::thread m_verifyThread;
    std::stop_source m_verifyStop; // requested by stop(), terminate() and the destructor
    std::atomic<uint64_t> m_verifyChecked{0};
    bool m_failed = false;
    bool m_stopRequested = false;
    shm::RunSnapshot m_final; // taken when the last worker exited (and the queue drained)
    bool m_haveFinal = false;
    shm::RunMeta m_meta;
    shm::RunReport m_report;
    shm::VerifyResult m_verified;
};
