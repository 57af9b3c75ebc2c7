#pragma once
// The run's watchdog as pure functions: what the controller read (each worker's published
// slot, its process's exit, whether /proc says it is stopped) and the time it read it go in; a
// verdict and the watchdog's updated memory come out. No clock, no segment, no Qt: a test feeds
// it a fake clock and hand-made workers, and the controller turns verdicts into messages (tr())
// and failed runs.
#include "model/run_data.h"
#include "model/settings.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace watchdog {

// A deadlock is declared once every survivor has looked blocked for this long (the window
// shows them waiting meanwhile); a worker silent for kSilentNs counts as blocked even without
// lock timings (--no-instrument does not publish "waiting for lock").
inline constexpr uint64_t kDeadlockConfirmNs = 500'000'000;
inline constexpr uint64_t kSilentNs = 1'000'000'000;
// Polls are 10 ms apart: a gap of ten means the app itself did not run (a loaded machine, a VM
// paused by its host, a debugger), and nobody's silence counts from before it.
inline constexpr uint64_t kPollGapNs = 100'000'000;
// Every MPI rank says Done but mpirun has not exited for this long: end it.
inline constexpr uint64_t kMpiExitGraceNs = 5'000'000'000;
// A lock that reads as taken, with no live holder and no acquisition since, for this long (or
// stall-timeout-ms if shorter) is orphaned: nobody will ever release it.
inline constexpr uint64_t kOrphanConfirmNs = 1'000'000'000;

// One worker as the controller saw it at one poll.
struct Worker {
    int64_t pid = 0; // the process's, as the OS gave it (0: not started)
    // Published in its slot.
    shm::WorkerState state = shm::WorkerState::Starting;
    uint64_t heartbeatNs = 0;
    uint32_t holdingLock = 0; // 0 = none, else lock id + 1
    // The controller's own knowledge of the process.
    bool exited = false;
    bool suspended = false; // as last judged by checkSuspended() (the stall check skips it)
    bool stopped = false;   // /proc says stopped (state T or t) right now; false once exited
    bool foreign = false;   // runs the user's --worker-command, not shmscope-worker
};

// What the controller read at one poll.
struct Reading {
    uint64_t nowNs = 0;
    uint64_t releaseNs = 0; // when the barrier opened (0: not yet)
    std::vector<Worker> workers;
};

// The header's live control: only the app writes these. What it wrote last, or what it reads.
struct Control {
    uint32_t runState = 0; // shm::RunState
    uint32_t parkWorker = 0;
    uint32_t hangWorker = 0;
    uint32_t delayUs = 0;
    bool operator==(const Control&) const = default;
};
enum class Field : uint8_t { None, RunState, ParkWorker, HangWorker, DelayUs };
std::string_view toString(Field);

// One of the segment's locks as the controller read it (its bytes, and /proc for the owner).
struct LockSeen {
    uint32_t id = 0;           // as a slot's holdingLock says it: lock index + 1
    bool taken = false;        // its bytes read as locked
    int64_t ownerTid = 0;      // the thread its bytes name as owner (0: none recorded)
    bool ownerLive = false;    // that thread is one of a live worker's
    uint64_t acquisitions = 0; // the lock's acquisition sequence
};

// What the watchdog remembers between polls; one per run.
struct State {
    uint64_t lastPollNs = 0;   // when the controller last polled
    uint64_t stallEpochNs = 0; // silence is counted from here at the earliest
    int deadHolder = -1;       // died holding a lock that is not robust: deadlock watch
    uint64_t allBlockedNs = 0; // since when every survivor looks blocked
    std::vector<uint64_t> suspendedSinceNs; // per worker, 0 = running
    std::vector<uint32_t> awaitingRecovery; // died holding the robust mutex
    uint64_t mpiAllDoneNs = 0;              // since when every rank says Done
    bool shrinkReported = false;            // the segment's shrink was reported (once)
    bool nameReported = false;              // its name's removal was reported (once)
    // Per lock (LockSeen order): since when it has looked orphaned (0: not), and its
    // acquisition sequence then.
    std::vector<uint64_t> orphanSinceNs;
    std::vector<uint64_t> orphanAcquisitions;
    bool queueShrinkReported = false;  // the result queue's shrink was reported (once)
    bool queueCorruptReported = false; // its corrupt message was reported (once)
    uint64_t mpirunStoppedSinceNs = 0; // since when /proc says mpirun is stopped (0: not)
    bool suspended(uint32_t k) const { return k < suspendedSinceNs.size() && suspendedSinceNs[k]; }
    static State forRun(uint32_t workers);
    bool operator==(const State&) const = default;
};

enum class Finding : uint8_t {
    None,
    StalledWorker,  // a running worker published nothing for stall-timeout-ms
    StalledRun,     // uninstrumented lock run: no live worker published anything for that long
    Deadlock,       // every survivor blocked behind a worker that died holding a lock
    Suspended,      // a worker stopped (SIGSTOP) for suspend-timeout-ms
    SegmentShrunk,  // another process shrank the segment
    SegmentRemoved, // another process removed (or replaced) the segment's name in /dev/shm
    QueueShrunk,    // another process shrank the result queue (--transport queue)
    QueueCorrupt,   // the queue's receiver read a cell or message that does not check out
    MpirunStopped,  // mpirun stopped (SIGSTOP) for the suspend or stall timeout, if shorter
    MpiNotExited,   // every rank finished, mpirun did not exit
    Crashed,        // a worker died on its own, and that fails the run at once
    Unrecovered,    // (end of run) died holding the robust mutex, nobody took its work over
    DeadHolderLeft, // (end of run) died holding a lock; the survivors ended without a deadlock
    ForeignWrite,   // a header field only the app writes changed under it
    OrphanLock,     // a lock stays taken with no live holder
    ExitedEarly,    // a worker exited 0 without saying Done (never attached, or left its share)
    ExitedHolding,  // a worker exited while its slot says it holds a lock (a second holder)
};
std::string_view toString(Finding);

struct Verdict {
    Finding finding = Finding::None;
    uint32_t worker = 0;       // the worker named (the dead holder for Deadlock)
    int64_t pid = 0;           // its pid (StalledWorker, Suspended)
    uint64_t silentNs = 0;     // StalledWorker, StalledRun: how long nothing was heard
    uint32_t holdingLock = 0;  // the lock it holds (0 = none; lock id + 1)
    uint32_t blocked = 0;      // Deadlock: the survivors blocked
    uint64_t shrunkTo = 0;     // SegmentShrunk, QueueShrunk: the file's size now
    Field field = Field::None; // ForeignWrite: the field
    uint64_t value = 0;        // ForeignWrite: what it reads now
    // ForeignWrite: `worker` is the one worker that runs --worker-command (the likely writer);
    // OrphanLock: `worker` is the exited worker whose thread owns the lock.
    bool named = false;
    // OrphanLock with no owner (its bytes written by another process): the pid of the one
    // worker that runs --worker-command, the likely writer (`worker` is its index); 0 when
    // there is none or more than one.
    int64_t writerPid = 0;
    shm::WorkerState state = shm::WorkerState::Starting; // ExitedEarly: how far it got
    explicit operator bool() const { return finding != Finding::None; }
    bool operator==(const Verdict&) const = default;
};

struct Step {
    State state;
    Verdict verdict;
};

// Each poll, first: a gap since the previous poll moves the stall epoch to now.
State notePoll(State s, uint64_t nowNs);

// Hung, not slow: a worker that runs (not suspended) but has published nothing for
// stall-timeout-ms (+ twice the per-element delay). A worker that says it waits for a lock
// (instrumented runs) is never judged; without instrumentation waiters do not say so, and
// only the run as a whole is (no live worker published anything).
Step checkStall(const State& s, const Reading& r, const shm::ExperimentConfig& cfg);

// While a worker is dead holding a non-robust lock: Deadlock once every survivor has looked
// blocked (waiting for a lock, or silent for kSilentNs + twice the delay) for
// kDeadlockConfirmNs in a row.
Step checkDeadlock(const State& s, const Reading& r, const shm::ExperimentConfig& cfg);

// Tracks which workers /proc says are stopped and since when; Suspended once one has been
// for suspend-timeout-ms. A SIGCONT before that resets its clock.
Step checkSuspended(const State& s, const Reading& r, const shm::ExperimentConfig& cfg);

// shrunkTo: the segment's size if another process shrank it (nullopt: intact). The shrink is
// reported once.
Step checkSegment(const State& s, std::optional<uint64_t> shrunkTo);

// gone: /dev/shm no longer has the segment under its name; replaced: another file has it now
// (Verdict.value 1). Reported once.
Step checkSegmentName(const State& s, bool gone, bool replaced);
// The same for the result queue (--transport queue); corrupt: its receiver stopped at a cell or
// message it could not trust. A shrink explains the corruption it causes (the rest of the file
// reads as zeros): it is reported instead, and a corruption after it is not reported at all.
Step checkQueue(const State& s, std::optional<uint64_t> shrunkTo, bool corrupt);

// --transport mpi: every rank says Done for kMpiExitGraceNs and mpirun still runs (once).
Step checkMpiEnded(const State& s, const Reading& r);

// --transport mpi: mpirun itself is stopped (SIGSTOP; /proc state T) as read at r.nowNs. Its
// ranks may run on, but the job cannot end: MpirunStopped (silentNs: for how long) once it
// has been stopped for suspend-timeout-ms or stall-timeout-ms, whichever is shorter. A
// SIGCONT before that resets the clock.
Step checkMpirunStopped(const State& s, const Reading& r, bool stopped,
                        const shm::ExperimentConfig& cfg);

// A worker was killed by a signal. holdingLock: what its slot says it held when it died.
// Only a worker that died on its own (not terminatedByUs) can have left a lock held; while
// the run has not failed, such a death is watched (robust: for a survivor to recover it;
// otherwise: for a deadlock) and any other fails the run (Finding::Crashed).
struct CrashStep {
    State state;
    Verdict verdict;
    bool diedHoldingLock = false; // for the worker's record, whatever the verdict
};
CrashStep onCrash(const State& s, uint32_t k, uint32_t holdingLock, bool terminatedByUs,
                  bool runFailed, shm::SyncMode sync);

// A worker exited normally with exitCode (a signal goes to onCrash). holdingLock and state: what
// its slot says. A worker that exits holding a lock is handled as one that died holding it
// (robust: a survivor recovers it; otherwise the deadlock watch); one that exits 0 without
// saying Done never attached or left its share undone: that fails the run (ExitedEarly).
CrashStep onExit(const State& s, uint32_t k, int64_t pid, int exitCode, uint32_t holdingLock,
                 shm::WorkerState state, bool runFailed, shm::SyncMode sync);

// The header's live control as the app wrote it last vs as it reads now: any difference was
// written by another process (a --worker-command worker, most likely) and fails the run.
Verdict checkControl(const Reading& r, const Control& wrote, const Control& reads);

// A lock taken (its bytes say so) with no live holder (neither its owner thread nor any live
// worker's slot) and no acquisition since, for kOrphanConfirmNs or stall-timeout-ms, whichever
// is shorter. Not judged while a worker is suspended (checkSuspended) or a dead holder is
// watched (checkDeadlock): those name the cause themselves.
Step checkLocks(const State& s, const Reading& r, const std::vector<LockSeen>& locks,
                const shm::ExperimentConfig& cfg);

// The run ended (every worker exited) and has not failed: a robust-mutex death nobody
// recovered (recovered[k]: a survivor's recovery recorded in k's slot) or a dead holder
// still fails it.
Verdict atEnd(const State& s, const std::vector<bool>& recovered);

} // namespace watchdog
