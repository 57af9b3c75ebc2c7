#pragma once
// The run as data, in one header: what a worker is, what one frame of a run is, how a run and
// its workers end. The controller fills these values; metrics.h computes every figure from
// them; the report and the window's models read them. Plain values: cheap to copy, compared
// with ==, no Qt.
#include "model/layout.h"
#include "model/settings.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace shm {

// Where the controller is in a run's life.
enum class Phase : uint8_t { Idle, Starting, Running, Paused, Stopping, Finished };

// How a run ended: finished (every worker exited 0, whatever the array holds), failed, or
// terminated (the app was asked to quit by a signal and stopped the run).
enum class RunStatus : uint8_t { Finished, Failed, Terminated };

// What became of a worker, from its published state and its process's exit. Strings only at
// the edges: outcomeName() gives the report's "state" words.
enum class WorkerOutcome : uint8_t {
    Live,       // not exited yet
    Done,       // finished its work
    Stopped,    // exited 0 before finishing, because the run was stopped or failed
    Crashed,    // killed by a signal nobody in the app sent
    Terminated, // killed by the app (another worker failed, or a stop timed out)
    Failed,     // exited non-zero or could not be started
};

struct LockStats {
    uint64_t acquisitions = 0;
    uint64_t contended = 0; // acquisitions that found the lock taken and had to wait
    uint64_t waitNs = 0;
    uint64_t holdNs = 0;
    uint64_t maxWaitNs = 0;
    // Of waitNs / holdNs: a wait or hold that had not ended when the worker's time did (a dead
    // or stopped holder, a stop). Zero in WorkerRecord::lock, the counters as published, which
    // grow only when a wait or hold ends; lockStats() (metrics.h) adds what is still open.
    uint64_t openWaitNs = 0;
    uint64_t openHoldNs = 0;
    uint64_t openWaits = 0; // waits still going on (each also counts in meanWaitNs)
    bool operator==(const LockStats&) const = default;
    LockStats& operator+=(const LockStats& o);
};

// The one CPU-seconds figure from a published cpuNs (a worker's, or the sum over workers): the
// report, the progress and contention tables all show this.
inline double cpuSeconds(uint64_t cpuNs) {
    return double(cpuNs) / 1e9;
}

// One worker: what it published in its slot, plus how its process ended.
struct WorkerRecord {
    uint32_t id = 0;
    // Published by the worker (lock-free reads of its slot).
    int64_t pid = 0; // 0 until the worker attached
    WorkerState state = WorkerState::Starting;
    uint64_t processed = 0;
    uint64_t assigned = 0; // static: its share; dynamic/guided: claimed so far
    uint64_t heartbeatNs = 0;
    uint64_t startNs = 0; // passed the barrier
    uint64_t doneNs = 0;  // finished or stopped (0 if it never got there: killed)
    uint64_t pausedNs = 0;
    uint64_t cpuNs = 0;       // CPU time used since the barrier (published at most every ms)
    uint32_t holdingLock = 0; // 0 = none, else lock id + 1
    bool parked = false;      // holding a lock, waiting for the scripted kill
    uint64_t waitSinceNs = 0; // a wait for a lock going on since then (0 = not waiting)
    uint64_t holdSinceNs = 0; // parked: holding since then (0 = not parked in a hold)
    int32_t recoveredBy = -1; // robust: the survivor that took this dead worker's work over
    uint64_t recoveredAtNs = 0;
    uint64_t queueMessages = 0;   // --transport queue: messages sent
    uint64_t queueBytes = 0;      // and their bytes
    uint64_t queueSendWaitNs = 0; // time blocked on a full queue
    uint64_t waitCpuNs = 0;       // spin: CPU its waits burned, timed in the spin loop
    uint64_t mpiComputeNs = 0;    // --transport mpi: the rank's compute time
    uint64_t mpiCommNs = 0;       // its sends (rank 0: receives and copies into the array)
    std::string host;             // --transport mpi: where the rank runs (short name)
    uint32_t hostIndex = 0;       // which host: 0 = the app's (rank 0's), 1.. = others
    int64_t clockOffsetNs = 0;    // --transport mpi: its clock + this = rank 0's (0: same host)
    uint64_t clockErrorNs = 0;    // how far that offset may be off (half the best round trip)
    uint64_t droppedEvents = 0;
    uint64_t clampedEvents = 0; // event times the worker raised to its previous event's
    LockStats lock;
    // Added by the controller from the process's exit.
    bool exited = false;
    bool failedToStart = false;
    int exitCode = -1; // -1 when killed by a signal or not exited
    int signal = 0;
    bool terminatedByUs = false;
    // Died of a SIGINT/SIGTERM/SIGHUP the app received too: the user's Ctrl+C or kill of the
    // whole process group, which stops the run; not a crash.
    bool byUserSignal = false;
    bool diedHoldingLock = false; // crashed on its own while holding a lock
    bool suspended = false;       // its process is stopped (SIGSTOP; /proc state T)
    uint64_t exitNs = 0;          // CLOCK_MONOTONIC when the controller saw it exit
    bool external = false;        // started by --worker-command, not shmscope-worker
    bool operator==(const WorkerRecord&) const = default;
};

// Read access to the run's array. keepAlive owns the mapping, so a model may keep drawing the
// final array after the controller has moved on to the next run.
struct ArrayRef {
    const double* data = nullptr;
    const uint8_t* owner = nullptr;
    uint64_t count = 0;
    std::shared_ptr<const void> keepAlive;
    bool valid() const { return data != nullptr; }
};

// --transport queue, as the controller's receiver sees it.
struct QueueStats {
    bool active = false;
    uint64_t messages = 0; // received
    uint64_t bytes = 0;    // received
    uint64_t depth = 0;    // sent, not received yet
    uint64_t maxDepth = 0;
    uint64_t capacity = 0;
    uint64_t drainedNs = 0; // when the receiver wrote the last result (0 until then)
    bool operator==(const QueueStats&) const = default;
};

// One frame of a run: everything a view may show, read once.
struct RunSnapshot {
    Phase phase = Phase::Idle;
    ExperimentConfig config;
    uint64_t nowNs = 0;     // CLOCK_MONOTONIC when taken
    uint64_t releaseNs = 0; // when the start barrier opened; 0 before
    uint64_t pausedNs = 0;  // run-level pause time so far, the current pause included
    bool stopRequested = false;
    bool failed = false; // a worker failed or the controller gave up
    bool ended = false;  // every worker has exited: times stop at the last one's end
    uint64_t cursor = 0; // dynamic/guided: next unclaimed index
    QueueStats queue;
    std::vector<WorkerRecord> workers;
    ArrayRef array;
    bool active() const { return phase != Phase::Idle && phase != Phase::Finished; }
};

// What the controller hands the window each frame: the snapshot and the lock events drained
// since the previous frame (per worker, oldest first).
struct RunFrame {
    RunSnapshot snapshot;
    std::vector<std::vector<Event>> newEvents;
    // Events drained from the rings but never handed out because frames were not taken in
    // time (the workers' own ring drops are in WorkerRecord::droppedEvents).
    uint64_t discardedEvents = 0;
};

// Names at the edges (JSON, labels). nameOf, not toString: QTest's toString must stay the one
// that QCOMPARE finds for these enums.
std::string_view nameOf(Phase);
std::string_view nameOf(RunStatus);     // finished | failed | terminated
std::string_view nameOf(WorkerOutcome); // running | done | stopped | crashed | ...
std::string_view toString(WorkerState); // what the worker says: at barrier, running, ...

} // namespace shm
