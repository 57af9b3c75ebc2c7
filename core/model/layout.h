#pragma once
// The shared segment's layout, readable from any language.
//
// The segment is one POSIX shared-memory object, /dev/shm/shmscope-<creator pid>-<hex>, mode
// 0600. All integers are little-endian, all offsets are bytes from the start of the segment and
// every region starts at a multiple of 64 bytes (the data region at a multiple of 4096). Layout
// version 3:
//
//   offset 0            SegmentHeader (sizeof == 512)
//   slotsOffset         WorkerSlot[workers]           (256 bytes each, one per worker)
//   ringsOffset         EventRing[workers]            (ringStride bytes each: RingHeader then
//                                                      Event[ringCapacity])
//   locksOffset         PaddedMutex[1 + stripes]      (64 bytes each: pthread_mutex_t,
//                                                      process-shared, then its acquisition
//                                                      sequence; [0] is the global mutex, [1..]
//                                                      the stripes)
//   dataOffset          double[dataCount]             (the array; histogram: the bins;
//                                                      counters: uint64 counters, one slot per
//                                                      worker packed, every 16th slot padded)
//   ownerOffset         uint8_t[dataCount]            (worker id that last wrote it, 255 = never;
//                                                      with 256 workers 255 is also worker
//                                                      255's id: see ownerOf)
//   updateLogOffset     per worker: UpdateLogHeader + UpdateRecord[updateLogCapacity]
//                                                     (only when updateLogCapacity > 0: the
//                                                      collisions log, model/update_log.h)
//
// A Python reader: numpy.ndarray((dataCount,), dtype=np.float64, buffer=shm.buf,
// offset=dataOffset). Only the controller writes the configuration and run state; each worker
// writes only its own slot, its own ring, the array, the owner map, the schedule cursor and
// the locks (with their acquisition sequences).
//
// The worker protocol: what any worker (shmscope-worker, resources/python/shmscope_worker.py,
// a program of your own started by --worker-command) must do. It is started as
// `CMD --segment NAME --worker K` and needs only aligned 4- and 8-byte stores to its own slot
// and to the elements it owns; atomic read-modify-write is needed only for what it chooses to
// support (locks, dynamic/guided's cursor, histogram bins).
//   1. Open /dev/shm/NAME read-write and check it: magic, layoutVersion, headerSize, totalSize
//      == the object's size, every configuration field within the settings table's range,
//      every region offset equal to the one computed from the configuration (computeRegions in
//      segment.cpp), tickNsPerTick in [0.01, 100]. Refuse anything else: one line on stderr,
//      exit 3. Refuse a configuration it cannot run safely the same way (state Failed first).
//      Never unlink the segment: it belongs to the app (Python: see the worker's attach()).
//   2. Store its pid in WorkerSlot.pid, its share in assigned (static partitions), heartbeatNs
//      (CLOCK_MONOTONIC ns), then state = AtBarrier: the app opens the barrier once every
//      slot is past Starting.
//   3. Wait while runState == Created (sleeping; give up with exit 3 if creatorPid is gone).
//      Stopping: state = Done, exit 0. Running: startNs, state = Running.
//   4. Compute its share (partition.cpp's staticShare/staticIndex), writing each element's
//      value and owner byte (its id). After each batch (every element when delayUs > 0, which
//      is a delay per element) publish, in this order: processed, assigned, the worker's own
//      counters (lock figures, pausedNs, queue/MPI counters, its ring's dropped/clamped), cpuNs
//      (thread CPU ns since the barrier; may be refreshed less often), then heartbeatNs LAST,
//      with release. The app loads heartbeatNs with acquire and trusts the counters as of that
//      beat: the heartbeat vouches for them. C++ writers use publishSlot
//      (segment/slot_publish.h); other workers keep the order (x86 keeps stores in program
//      order, so plain stores in this order are release stores there). A running worker silent
//      for stall-timeout-ms fails the run, naming it.
//   5. Between batches honour runState: Paused: state = Paused, refresh heartbeatNs while
//      waiting, add the pause to pausedNs; Stopping: stop. hangWorker == K + 1: stop
//      publishing for good (the scripted fault).
//   A worker that times its waits for a lock also stores WorkerSlot.waitSince at a contended
//   wait's begin and 0 at its acquisition, so the app counts a wait that never ends.
//   With more workers than CPUs, shmscope-worker runs at nice 5 and sleeps (rather than spins)
//   slow-motion delays under 200 µs, except under the spin lock; a worker that shares a run
//   with it should do the same, or it takes more than its share of the cores.
//   6. At the end: a last publish, doneNs, state = Done, exit 0. The app verifies every
//      element against the workload function after every worker has exited.
//
// Version 3 (vs 2): scripted faults and the robust mutex.
//   - SegmentHeader.parkWorker: the controller asks worker parkWorker - 1 to stop inside its
//     next critical section (WorkerSlot.parked = 1 once there) so it can be killed holding it.
//   - SegmentHeader.robust: the process-shared robust mutex of sync = robust.
//   - SegmentHeader.creatorStartTicks/creatorPidNamespace: the creator, for the stale sweep.
//   - SegmentHeader.transport/counterLayout/increments (were padding): the new settings.
//   - WorkerSlot grew to 256 bytes: parked, and the robust-recovery record (the current range,
//     how much of it is committed, a one-entry undo log, who recovered it).
// Version 2 (vs 1): lock event times are exact enough to order across workers.
//   - SegmentHeader.tickNsPerTick/tickAnchor/tickAnchorNs: the run's one TSC → ns conversion,
//     measured by the creator; every worker converts with it (TickClock in clock.h).
//   - PaddedMutex.acquisitions and SpinLockLine.acquisitions: per-lock acquisition sequence,
//     bumped by the holder inside the critical section (workers merge two holds into one event
//     interval only if nobody else acquired the lock in between).
//   - PaddedMutex.releaseTick and SpinLockLine.releaseTick: the TSC value the last holder
//     recorded as its release; the next holder's hold begins no earlier. (No longer written:
//     events carry the acquisition sequence instead, see Event, and readers order holds by it.)
//   - RingHeader.clamped: events whose time the writer raised to its previous event's.
// Event times (Event.tNs) are ns on CLOCK_MONOTONIC's scale, converted from the TSC:
//   tNs = tickAnchorNs + trunc(int64(tsc - tickAnchor) * tickNsPerTick)
// (identity where there is no TSC: tickNsPerTick = 1, anchors 0).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <pthread.h>
#include <type_traits>

#include <boost/interprocess/sync/interprocess_mutex.hpp>

namespace shm {

inline constexpr char kMagic[8] = {'S', 'H', 'M', 'S', 'C', 'O', 'P', 'E'};
inline constexpr uint32_t kLayoutVersion = 3;
inline constexpr uint8_t kUnwritten = 255;
// The owner map holds one byte per element, so it names 255 workers besides "never written".
// A 256-worker run (limits::kMaxWorkers) gives worker 255 that byte too, rather than doubling
// the map and breaking every reader of layout 3: a 255 whose value was written is worker 255's.
// `valueWritten`: the element is not NaN (array workloads), the bin or counter is not 0.
inline constexpr int kNoOwner = -1;
inline int ownerOf(uint8_t owner, bool valueWritten) {
    return owner != kUnwritten || valueWritten ? int(owner) : kNoOwner;
}
inline constexpr uint64_t kRingCapacity = 8192; // events per worker ring, a power of two

enum class RunState : uint32_t { Created = 0, Running, Paused, Stopping };

// What a worker says it is doing, as the number it stores in its slot (so never reorder: the
// values are the protocol). How its process ended is the controller's (WorkerOutcome).
enum class WorkerState : uint32_t {
    Starting = 0, // process started, not attached yet
    AtBarrier,    // attached and validated, waiting for the start signal
    Running,
    WaitingForLock, // blocked on a contended lock
    Paused,
    Done,
    Failed, // the worker gave up (stderr says why)
};
inline constexpr uint32_t kLastWorkerState = uint32_t(WorkerState::Failed);
static_assert(uint32_t(WorkerState::Done) == 5 && kLastWorkerState == 6, "published numbers");

enum class EventKind : uint32_t { WaitBegin = 1, Acquired = 2, Released = 3 };

struct Event {
    uint64_t tNs;  // the header's tick conversion (CLOCK_MONOTONIC scale); per worker never
                   // decreasing
    uint32_t kind; // bits 0-6: EventKind; bit 7: a sequence is given; bits 8-31: its bits 0-23
    uint32_t lock; // bits 0-15: 0 = global mutex / spin word, 1.. = stripe index + 1;
                   // bits 16-31: the sequence's bits 24-39
};
static_assert(sizeof(Event) == 16);

// --transport mpi has no lock: a rank's ring holds its sends, rank 0's its receives and waits
// (all written by rank 0, on rank 0's clock), and the lock bits say which message it was:
// rank 0's WaitBegin/Acquired/Released carry the rank it received from, another rank's
// Acquired/Released its message's size in KiB, rounded up (at most 513: 65,536 doubles and
// the header), so a reader can match a send with its receive and tell a message that had to
// wait for its receiver (larger than Open MPI's eager limit) from one that did not.
// An Acquired carries the lock's acquisition sequence (PaddedMutex.acquisitions) for the hold
// it begins, a Released that of the hold it ends (the last one of a merged burst): 40 bits, in
// the bits of `kind` and `lock` that held nothing before (kind was 1..3, lock at most 4096), so
// the layout and its version stay as they were. Readers unwrap it against the newest sequence
// seen for that lock.
inline constexpr uint32_t kEventKindMask = 0x7f, kEventHasSequence = 0x80;
inline constexpr uint32_t kEventLockMask = 0xffff;
inline constexpr uint64_t kNoSequence = UINT64_MAX;
inline EventKind eventKind(const Event& e) {
    return EventKind(e.kind & kEventKindMask);
}
inline uint32_t eventLock(const Event& e) {
    return e.lock & kEventLockMask;
}
inline bool eventHasSequence(const Event& e) {
    return (e.kind & kEventHasSequence) != 0;
}
inline uint64_t eventSequence(const Event& e) { // 40 bits; meaningful if eventHasSequence
    return uint64_t(e.kind >> 8) | (uint64_t(e.lock >> 16) << 24);
}
inline Event makeEvent(uint64_t tNs, EventKind kind, uint32_t lock,
                       uint64_t sequence = kNoSequence) {
    if (sequence == kNoSequence) return Event{tNs, uint32_t(kind), lock};
    return Event{tNs, uint32_t(kind) | kEventHasSequence | uint32_t(sequence << 8),
                 (lock & kEventLockMask) | uint32_t((sequence >> 24) & 0xffff) << 16};
}

struct alignas(64) RingHeader {
    std::atomic<uint64_t> head; // written by the worker: events ever pushed
    char pad0[56];
    std::atomic<uint64_t> tail; // written by the reader: events consumed
    char pad1[56];
    std::atomic<uint64_t> dropped; // events not stored because the ring was full
    std::atomic<uint64_t> clamped; // events whose tNs was raised to the previous event's
    // --transport mpi, written by rank 0 once, before the ranks start: where this rank's clock
    // stands against rank 0's (its CLOCK_MONOTONIC + clockOffsetNs = rank 0's) and how far
    // that may be off (half the round trip of the best of its clock pings). Both 0 on rank 0's
    // host, which shares one clock. Were padding: no offset moved.
    std::atomic<int64_t> clockOffsetNs;
    std::atomic<uint64_t> clockErrorNs;
    char pad2[32];
};
static_assert(sizeof(RingHeader) == 192);
static_assert(offsetof(RingHeader, tail) == 64);
static_assert(offsetof(RingHeader, dropped) == 128);
static_assert(offsetof(RingHeader, clamped) == 136);
static_assert(offsetof(RingHeader, clockOffsetNs) == 144);
static_assert(offsetof(RingHeader, clockErrorNs) == 152);

struct alignas(128) WorkerSlot {
    std::atomic<uint32_t> state; // WorkerState
    std::atomic<uint32_t> holdingLock;
    std::atomic<uint64_t> pid;
    std::atomic<uint64_t> processed; // element visits done, published in batches
    std::atomic<uint64_t> assigned;  // static partitions: share size; dynamic: claimed so far
    std::atomic<uint64_t> heartbeatNs;
    std::atomic<uint64_t> startNs; // barrier passed
    std::atomic<uint64_t> doneNs;
    std::atomic<uint64_t> acquisitions;
    std::atomic<uint64_t> contended;
    std::atomic<uint64_t> waitNs;
    std::atomic<uint64_t> holdNs;
    std::atomic<uint64_t> maxWaitNs;
    std::atomic<uint64_t> pausedNs; // time spent paused, excluded from busy time
    // CPU time the worker used since the barrier (CLOCK_THREAD_CPUTIME_ID; a worker is one
    // thread), published with progress at most every millisecond: with more workers than
    // cores it differs from busy time, and a spinning waiter burns it while a futex waiter
    // does not.
    std::atomic<uint64_t> cpuNs;
    // 1 while this worker holds a lock and waits there to be killed (SegmentHeader.parkWorker).
    std::atomic<uint32_t> parked;
    // When the wait for a contended lock that is going on now began, packSince()'d; 0 while not
    // waiting. Stored at the wait's begin and cleared at its acquisition (relaxed; instrumented
    // runs only): the wait counters grow only when a wait ends, so without it a wait that never
    // ends (a dead or stopped holder, a stop) was counted nowhere. Was padding: no offset moved.
    std::atomic<uint32_t> waitSince;
    // Robust recovery (sync = robust only). Written inside the robust mutex's critical section,
    // so the survivor that inherits the mutex of a dead holder (EOWNERDEAD) reads a consistent
    // record: the range being worked on and how many of its elements are complete.
    std::atomic<uint64_t> rangeBegin;
    std::atomic<uint64_t> rangeCount;
    std::atomic<uint64_t> rangeStride;
    std::atomic<uint64_t> committed; // elements of the range whose update is complete
    // Undo log of one entry for read-modify-write updates (histogram): armed (committed + 1)
    // before the update, with the value it overwrites; disarmed by committing. A survivor that
    // finds it armed restores the value, so the half-done update is neither lost nor doubled.
    std::atomic<uint64_t> undoArmed;
    std::atomic<uint64_t> undoIndex;
    std::atomic<uint64_t> undoValue; // the double's bits
    // Written by the survivor that took this (dead) worker's remaining work over.
    std::atomic<uint32_t> recoveredBy; // its id + 1; 0 = not recovered
    // When the hold it parks in (SegmentHeader.parkWorker) began, packSince()'d; 0 otherwise.
    // Only the scripted fault keeps a worker inside a hold for long, and there the hold never
    // ends if it is killed or stopped: counted up to the end from here. (Stored on every
    // acquisition it would sit on the fast path; it is not.) Was padding.
    std::atomic<uint32_t> holdSince;
    std::atomic<uint64_t> recoveredAtNs;
    // --transport queue: what this worker sent, and how long it waited for room in the queue.
    std::atomic<uint64_t> queueMessages;
    std::atomic<uint64_t> queueBytes;
    std::atomic<uint64_t> queueSendWaitNs;
    // sync = spin: CPU the waits burned, timed inside the spin loop (gaps longer than a
    // preemption are left out). A futex waiter sleeps: nothing to count.
    std::atomic<uint64_t> waitCpuNs;
    // --transport mpi, written by rank 0 for every rank (rank k computes elsewhere, maybe on
    // another host): the rank's own compute time, its time in sends (rank 0: in receives and
    // copying results into the array), its host's short name (cut to 14 bytes, NUL-terminated)
    // and which host that is: 0 = rank 0's, the app's; 1.. = the others in order of first
    // rank, told apart by their full names (short names may collide).
    // queueMessages / queueBytes count its messages (rank 0: received). Were reserved bytes,
    // zero in older segments: no offset moved.
    std::atomic<uint64_t> mpiComputeNs;
    std::atomic<uint64_t> mpiCommNs;
    char host[15];
    uint8_t hostIndex;
};
static_assert(sizeof(WorkerSlot) == 256);
static_assert(offsetof(WorkerSlot, cpuNs) == 104);
static_assert(offsetof(WorkerSlot, parked) == 112);
static_assert(offsetof(WorkerSlot, waitSince) == 116);
static_assert(offsetof(WorkerSlot, holdSince) == 180);
static_assert(offsetof(WorkerSlot, rangeBegin) == 120);
static_assert(offsetof(WorkerSlot, recoveredBy) == 176);
static_assert(offsetof(WorkerSlot, recoveredAtNs) == 184);
static_assert(offsetof(WorkerSlot, queueMessages) == 192);
static_assert(offsetof(WorkerSlot, waitCpuNs) == 216);
static_assert(offsetof(WorkerSlot, host) == 240);
static_assert(offsetof(WorkerSlot, hostIndex) == 255);

// A moment in 32 bits (WorkerSlot.waitSince, holdSince): bits 10..41 of its CLOCK_MONOTONIC ns
// (units of 1.024 us), 0 stored as 1 because 0 means "none". A reader recovers the moment
// nearest a time it knows (the slot's heartbeat), to 1.024 us, within +-36 minutes of it.
// Python: ((ns >> 10) & 0xffffffff) or 1.
inline uint32_t packSince(uint64_t ns) {
    const uint32_t units = uint32_t(ns >> 10);
    return units ? units : 1u;
}
inline uint64_t unpackSince(uint32_t word, uint64_t nearNs) {
    if (word == 0) return 0;
    const int64_t near = int64_t(nearNs >> 10);
    int64_t units = (near & ~int64_t(0xffffffff)) | int64_t(word);
    if (units - near > (int64_t(1) << 31)) units -= int64_t(1) << 32;
    if (near - units > (int64_t(1) << 31)) units += int64_t(1) << 32;
    return units < 0 ? 0 : uint64_t(units) << 10;
}

// A lock and its acquisition sequence share one cache line: the holder owns the line right after
// acquiring, so bumping the sequence there costs no extra miss (pthread_mutex_t is 40 bytes).
struct alignas(64) PaddedMutex {
    boost::interprocess::interprocess_mutex mutex;
    std::atomic<uint64_t> acquisitions; // +1 by each holder, inside the critical section
    std::atomic<uint64_t> releaseTick;  // unused since the end tick is read after the unlock
};
static_assert(sizeof(boost::interprocess::interprocess_mutex) == 40);
static_assert(offsetof(PaddedMutex, acquisitions) == 40);
static_assert(offsetof(PaddedMutex, releaseTick) == 48);
static_assert(sizeof(PaddedMutex) == 64);

// The spin lock (sync = spin) and its acquisition sequence, one cache line in the header.
struct alignas(64) SpinLockLine {
    std::atomic<uint32_t> word; // 0 = free, 1 = held
    uint32_t pad;
    std::atomic<uint64_t> acquisitions; // +1 by each holder, inside the critical section
    std::atomic<uint64_t> releaseTick;  // unused since the end tick is read after the unlock
    char pad1[40];
};
static_assert(offsetof(SpinLockLine, acquisitions) == 8);
static_assert(offsetof(SpinLockLine, releaseTick) == 16);
static_assert(sizeof(SpinLockLine) == 64);

// The robust mutex (sync = robust), one cache line in the header. Boost 1.74's
// interprocess_mutex cannot be made robust (its attributes are fixed to process-shared), so
// this is a pthread_mutex_t with PTHREAD_MUTEX_ROBUST, initialised by the creator: when its
// holder dies the next locker gets EOWNERDEAD instead of waiting forever.
struct alignas(64) RobustLockLine {
    pthread_mutex_t mutex;
    std::atomic<uint64_t> acquisitions; // +1 by each holder, inside the critical section
    std::atomic<uint64_t> releaseTick;  // TSC at which a dead holder's hold was ended by its
                                        // recoverer; the recoverer's hold begins no earlier
    std::atomic<uint32_t> holder;       // holder's worker id + 1 while held, 0 when free
    uint32_t pad;
};
static_assert(sizeof(pthread_mutex_t) == 40);
static_assert(offsetof(RobustLockLine, acquisitions) == 40);
static_assert(offsetof(RobustLockLine, holder) == 56);
static_assert(sizeof(RobustLockLine) == 64);

struct alignas(64) SegmentHeader {
    char magic[8];
    uint32_t layoutVersion;
    uint32_t headerSize; // sizeof(SegmentHeader)
    uint64_t totalSize;
    uint64_t creatorPid;

    // Configuration (written once by the creator before any worker starts).
    uint32_t workers;
    uint32_t workload;  // Workload
    uint32_t partition; // Partition
    uint32_t sync;      // SyncMode
    uint32_t lockScope; // LockScope
    uint32_t instrument;
    uint32_t stripes;
    uint32_t bins;
    uint64_t elements;
    uint64_t chunk;

    // Regions.
    uint64_t slotsOffset;
    uint64_t ringsOffset;
    uint64_t ringStride;
    uint64_t ringCapacity;
    uint64_t locksOffset;
    uint64_t lockCount;
    uint64_t dataOffset;
    uint64_t dataCount;
    uint64_t ownerOffset;
    // The run's TSC → ns conversion (see the top of this file), written by the creator before
    // any worker starts: ns per tick, and one (tick, CLOCK_MONOTONIC ns) pair read together.
    double tickNsPerTick;
    uint64_t tickAnchor;
    uint64_t tickAnchorNs;
    uint32_t transport;     // Transport
    uint32_t counterLayout; // CounterLayout (counters workload)
    uint64_t increments;    // counters workload: per worker

    // Live control, written by the controller, read by workers at batch boundaries.
    alignas(64) std::atomic<uint32_t> runState; // RunState
    std::atomic<uint32_t> delayUs;
    // Workers announce themselves by their slot's state (AtBarrier): a worker needs only
    // aligned stores to its own slot. Once attached counted them; now C++ workers that have a
    // CPU each count themselves here after the barrier opens, to start together
    // (worker_loop.cpp startTogether). Optional: another language's worker may ignore it.
    std::atomic<uint32_t> started;
    // Scripted fault "kill while holding": worker parkWorker - 1 parks inside its next critical
    // section (0 = nobody).
    std::atomic<uint32_t> parkWorker;
    std::atomic<uint64_t> releaseNs; // CLOCK_MONOTONIC time the barrier opened
    // Scripted fault "hang": worker hangWorker - 1 stops publishing (heartbeat, progress) and
    // ignores every command, like a worker stuck in an endless loop (0 = nobody). In what was
    // padding: no offset moved, so the layout version stays.
    std::atomic<uint32_t> hangWorker;

    // Written by workers: each on its own cache line to keep false sharing out of the numbers.
    alignas(64) std::atomic<uint64_t> cursor; // dynamic/guided: next unclaimed index
    SpinLockLine spin;
    RobustLockLine robust;
    // Who created the segment, so the start-up sweep removes only segments provably ours and
    // dead: the creator's start time (/proc/PID/stat field 22, clock ticks since boot: a reused
    // pid has another) and its PID namespace (the inode of /proc/self/ns/pid: a pid means
    // nothing in another namespace sharing /dev/shm).
    alignas(64) uint64_t creatorStartTicks;
    uint64_t creatorPidNamespace;
    // --transport queue: the result queue is /dev/shm/<segment name>-q-<queueKey as 16 hex
    // digits>, queueBytes long (0: no queue). The key is random so that nobody can create the
    // name before the app does; the creator writes it before it creates the queue, so the
    // sweep finds a dead run's queue through its segment. In what was padding: no offset
    // moved, so the layout version stays.
    uint64_t queueKey;
    uint64_t queueBytes;
    // --transport mpi: Open MPI's shared-memory files go to the directory
    // /dev/shm/<segment name>-mpi-<mpiKey as 16 hex digits> (0: none), which the app removes
    // after mpirun, killed or not; the sweep removes a dead run's through its segment.
    uint64_t mpiKey;
    // The update log (model/update_log.h): the --collisions setting, and where the region
    // starts and how many records each worker has (0: no log; the region follows the owner
    // map, one stride of align64(64 + 24 * capacity) bytes per worker). Were reserved bytes,
    // zero in older segments (no log): no offset moved.
    uint32_t collisions;
    uint32_t pad2;
    uint64_t updateLogOffset;
    uint64_t updateLogCapacity; // records per worker
};
static_assert(std::is_standard_layout_v<SegmentHeader>);
static_assert(sizeof(SegmentHeader) == 512);
// Offsets a reader in another language relies on (docs/python-workers.md shows a Python reader).
static_assert(offsetof(SegmentHeader, workers) == 32);
static_assert(offsetof(SegmentHeader, elements) == 64);
static_assert(offsetof(SegmentHeader, dataOffset) == 128);
static_assert(offsetof(SegmentHeader, dataCount) == 136);
static_assert(offsetof(SegmentHeader, ownerOffset) == 144);
static_assert(offsetof(SegmentHeader, tickNsPerTick) == 152);
static_assert(offsetof(SegmentHeader, tickAnchor) == 160);
static_assert(offsetof(SegmentHeader, tickAnchorNs) == 168);
static_assert(offsetof(SegmentHeader, transport) == 176);
static_assert(offsetof(SegmentHeader, increments) == 184);
static_assert(offsetof(SegmentHeader, runState) == 192);
static_assert(offsetof(SegmentHeader, cursor) == 256);
static_assert(offsetof(SegmentHeader, parkWorker) == 204);
static_assert(offsetof(SegmentHeader, hangWorker) == 216);
static_assert(offsetof(SegmentHeader, spin) == 320);
static_assert(offsetof(SegmentHeader, robust) == 384);
static_assert(offsetof(SegmentHeader, creatorStartTicks) == 448);
static_assert(offsetof(SegmentHeader, creatorPidNamespace) == 456);
static_assert(offsetof(SegmentHeader, queueKey) == 464);
static_assert(offsetof(SegmentHeader, queueBytes) == 472);
static_assert(offsetof(SegmentHeader, mpiKey) == 480);
static_assert(offsetof(SegmentHeader, collisions) == 488);
static_assert(offsetof(SegmentHeader, updateLogOffset) == 496);
static_assert(offsetof(SegmentHeader, updateLogCapacity) == 504);
static_assert(std::atomic<uint64_t>::is_always_lock_free);
static_assert(std::atomic<uint32_t>::is_always_lock_free);

struct RegionSizes {
    uint64_t slotsOffset, ringsOffset, ringStride, locksOffset, lockCount, dataOffset, dataCount,
        ownerOffset, totalSize;
    uint64_t updateLogOffset = 0, updateLogStride = 0, updateLogCapacity = 0; // 0: no log
};

} // namespace shm
