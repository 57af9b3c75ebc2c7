#include "work/worker_loop.h"

#include "segment/clock.h"
#include "segment/event_ring.h"
#include "segment/exit_codes.h"
#include "segment/futex.h"
#include "segment/result_queue.h"
#include "segment/slot_publish.h"
#include "work/locks.h"
#include "work/partition.h"
#include "work/sin_batch.h"
#include "work/worker_priority.h"
#include "work/workload.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace shm {
namespace {

constexpr uint64_t kBatch = 4096; // progress is published this often when not in slow motion

void sleepNs(uint64_t ns) {
    timespec ts{time_t(ns / 1'000'000'000ull), long(ns % 1'000'000'000ull)};
    while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR) {
    }
}

// Set once at start: more workers than cores (see crowdedCores()).
bool g_sleepShortDelays = false;
// Set once at start (owedDelayQuantumNs), 0 when unused: a crowd's delays that no lock spans
// are owed and slept together once they add up to this.
uint64_t g_delayQuantumNs = 0;
uint64_t g_delayOwedNs = 0;

// Short delays spin (sleep granularity is ~50 us and would stretch them); long ones sleep so
// slow motion with many workers does not saturate the cores. With more workers than cores
// short ones sleep too: a spinning worker then only burns the turn another one (or the window)
// needed, and the delay it shows is the scheduler's anyway.
void delayElement(uint32_t us) {
    if (us == 0) return;
    if (g_delayQuantumNs) {
        g_delayOwedNs += uint64_t(us) * 1000;
        if (g_delayOwedNs >= g_delayQuantumNs) sleepNs(std::exchange(g_delayOwedNs, 0));
        return;
    }
    if (us < 200 && !g_sleepShortDelays) {
        const uint64_t until = nowNs() + uint64_t(us) * 1000;
        while (nowNs() < until)
            SHM_PAUSE();
    } else {
        sleepNs(uint64_t(us) * 1000);
    }
}

// Work taken over from a worker that died holding the robust mutex: its unfinished elements,
// as positions [from, to) of its static share (static partitions) or of one claimed piece.
struct Adopted {
    uint32_t deadWorker;
    IndexRange piece; // dynamic/guided: the piece; static: unused (staticIndex maps positions)
    uint64_t from, to;
};

struct Context {
    Segment& seg;
    SegmentHeader& h;
    WorkerSlot& slot;
    ExperimentConfig cfg;
    uint32_t k;
    double* data;
    uint8_t* owner;
    EventRingWriter ring;
    TickClock clock; // the run's one conversion, from the header
    LockCounters st;
    uint64_t processed = 0;
    uint64_t assigned = 0;
    uint64_t pausedNs = 0;
    uint64_t cpuAtStart = 0;  // thread CPU time when the barrier opened
    uint64_t cpuReadAtNs = 0; // when cpuNs was last published
    uint64_t committed = 0;   // robust: mirror of slot.committed
    std::vector<Adopted> adopted;
    // The update log (model/update_log.h): our own region, nullptr when the run has none.
    UpdateLogHeader* log = nullptr;
    UpdateRecord* records = nullptr;
    uint64_t logCapacity = 0;
    uint64_t logHead = 0;
    uint64_t logDropped = 0;
    // Without a lock the clock is read once every kStampEvery updates (model/update_log.h):
    // the last clock read, and the updates left before the next one.
    uint64_t logStamp = 0;
    uint32_t logUntilStamp = kStampEvery;
};

// CPU time is a system call (~0.3 µs here): in slow motion progress is published per element,
// so it is read at most once a millisecond (and always at the end).
constexpr uint64_t kCpuPublishNs = 1'000'000;

void adoptDeadHoldersWork(void* context);

LockerContext lockerContext(Context& c) {
    return LockerContext{
        c.slot, c.ring, c.st, c.clock, c.seg.locks(), &c.h.spin, c.h, c.k, adoptDeadHoldersWork,
        &c};
}

// A worker's process has died (a zombie, or gone). The robust futex wakes us while the dead
// process is still exiting, so wait a little for /proc to agree.
bool processDead(int64_t pid) {
    for (int tries = 0; tries < 200; ++tries) {
        const ProcStat st = readProcStat(pid);
        if (!st.exists || st.state == 'Z' || st.state == 'X') return true;
        sleepNs(1'000'000);
    }
    return false;
}

// Which worker died holding the robust mutex: the lock's holder field names it, unless the
// death fell between acquiring and naming itself (a few instructions); then the worker that
// still says it holds lock 0 and whose process is dead.
int deadHolder(Context& c) {
    const uint32_t h = c.h.robust.holder.load(std::memory_order_acquire);
    if (h != 0 && h - 1 != c.k && h - 1 < c.cfg.workers) return int(h - 1);
    for (uint32_t j = 0; j < c.cfg.workers; ++j) {
        WorkerSlot& s = c.seg.slot(j);
        if (j == c.k || s.holdingLock.load() != 1 || s.recoveredBy.load() != 0) continue;
        if (WorkerState(s.state.load()) == WorkerState::Done) continue;
        if (processDead(int64_t(s.pid.load()))) return int(j);
    }
    return -1;
}

// Runs holding the robust mutex its holder died with (EOWNERDEAD), before it is made
// consistent: undo the dead worker's half-done read-modify-write, and take the rest of its
// work over (done after our own; see processAdopted).
void adoptDeadHoldersWork(void* context) {
    Context& c = *static_cast<Context*>(context);
    const int d = deadHolder(c);
    if (d < 0) return; // nobody to repair: the verification will show what is missing
    WorkerSlot& ds = c.seg.slot(uint32_t(d));
    const uint64_t done = ds.committed.load(std::memory_order_acquire);
    if (ds.undoArmed.load(std::memory_order_acquire) == done + 1) {
        const uint64_t b = ds.undoIndex.load(std::memory_order_relaxed);
        if (b < c.cfg.dataCount())
            c.data[b] = std::bit_cast<double>(ds.undoValue.load(std::memory_order_relaxed));
    }
    Adopted a{uint32_t(d), {}, done, 0};
    if (isStatic(c.cfg.partition)) {
        a.to = staticShare(c.cfg, uint32_t(d));
    } else {
        a.piece = {ds.rangeBegin.load(), 0, std::max<uint64_t>(ds.rangeStride.load(), 1)};
        a.to = ds.rangeCount.load();
        a.piece.end = std::min(c.cfg.elements, a.piece.begin + a.to * a.piece.stride);
    }
    if (a.to > a.from) c.adopted.push_back(a);
    // A parked holder put its Acquired in its ring (locks.h): end that hold now, in its ring
    // (it has no writer any more), or the timeline would show it holding the lock for ever
    // while we hold it too.
    if (c.cfg.instrument && ds.parked.load(std::memory_order_acquire)) {
        const uint64_t t = ticks();
        EventRingWriter dead(c.seg.ring(uint32_t(d)), c.seg.ringEvents(uint32_t(d)), kRingCapacity);
        // Its hold's sequence: we are inside lock(), before our own bump.
        dead.push(EventKind::Released, c.clock.toNs(t), 0,
                  c.h.robust.acquisitions.load(std::memory_order_relaxed));
        // Our hold begins no earlier (Locker takes the later of its tick and this one).
        c.h.robust.releaseTick.store(t, std::memory_order_relaxed);
    }
    ds.recoveredAtNs.store(nowNs(), std::memory_order_relaxed);
    ds.recoveredBy.store(c.k + 1, std::memory_order_release);
}

void publish(Context& c, bool final = false) {
    const uint64_t now = nowNs();
    SlotProgress p{c.processed, c.assigned, 0, final || now - c.cpuReadAtNs >= kCpuPublishNs};
    if (p.cpuFresh) {
        c.cpuReadAtNs = now;
        p.cpuNs = threadCpuNs() - c.cpuAtStart;
    }
    publishSlot(c.slot, p, now, [&c](WorkerSlot& s) {
        constexpr auto r = std::memory_order_relaxed;
        s.acquisitions.store(c.st.acquisitions, r);
        s.contended.store(c.st.contended, r);
        s.waitNs.store(c.clock.span(c.st.waitTicks), r);
        s.holdNs.store(c.clock.span(c.st.holdTicks), r);
        s.maxWaitNs.store(c.clock.span(c.st.maxWaitTicks), r);
        s.waitCpuNs.store(c.clock.span(c.st.spinTicks), r);
        s.pausedNs.store(c.pausedNs, r);
        c.ring.publishCounters();
    });
}

// The scripted fault "hang": silent until killed, deaf to stop requests. Sleeps rather than
// spins so the demonstration costs no CPU; to the controller it looks the same.
[[noreturn]] void hangForever() {
    for (;;)
        sleepNs(1'000'000'000);
}

// Returns false when the run is being stopped.
bool honourControl(Context& c) {
    if (c.h.hangWorker.load(std::memory_order_relaxed) == c.k + 1) [[unlikely]]
        hangForever();
    auto state = RunState(c.h.runState.load(std::memory_order_acquire));
    if (state == RunState::Paused) {
        const uint64_t t0 = nowNs();
        c.slot.state.store(uint32_t(WorkerState::Paused), std::memory_order_relaxed);
        while ((state = RunState(c.h.runState.load(std::memory_order_acquire))) ==
               RunState::Paused) {
            // Woken at once by resume or stop; the heartbeat still beats every 100 ms.
            futexWait(c.h.runState, uint32_t(RunState::Paused), 100'000'000);
            c.slot.heartbeatNs.store(nowNs(), std::memory_order_relaxed);
        }
        c.pausedNs += nowNs() - t0;
        c.slot.state.store(uint32_t(WorkerState::Running), std::memory_order_relaxed);
    }
    return state != RunState::Stopping;
}

// The element update for each workload and sync mode.
template <SyncMode S> inline void writeElement(Context& c, uint64_t i, double v) {
    if constexpr (S == SyncMode::Atomic) {
        std::atomic_ref<double>(c.data[i]).store(v, std::memory_order_relaxed);
        std::atomic_ref<uint8_t>(c.owner[i]).store(uint8_t(c.k), std::memory_order_relaxed);
    } else {
        c.data[i] = v;
        c.owner[i] = uint8_t(c.k);
    }
}

template <SyncMode S> inline void addToBin(Context& c, uint64_t b) {
    if constexpr (S == SyncMode::Atomic) {
        std::atomic_ref<double>(c.data[b]).fetch_add(1.0, std::memory_order_relaxed);
        std::atomic_ref<uint8_t>(c.owner[b]).store(uint8_t(c.k), std::memory_order_relaxed);
    } else {
        // volatile: one real load and one real store per update, exactly the unprotected
        // read-modify-write the lesson is about (the compiler may not merge updates).
        volatile double* p = &c.data[b];
        *p = *p + 1.0;
        c.owner[b] = uint8_t(c.k);
    }
}

// addToBin with the update logged (model/update_log.h says what a record holds and in which
// order its fields are written). The clock is read just before the load and just after the
// store, so [read, write] contains the whole read-modify-write; without a lock only after every
// kStampEvery-th store (logUnlocked). The signal fences keep the compiler from moving the
// record's stores across the bin's load and store: a worker killed in between leaves a record
// that says truthfully how far it got (x86 keeps the stores' order).
template <SyncMode S> inline void logUnlocked(Context& c, UpdateRecord& r, uint64_t b) {
    volatile double* p = &c.data[b];
    const double v = *p;
    r.bin = uint32_t(b);
    r.readValue = uint32_t(v);
    r.readTick = c.logStamp;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    *p = v + 1.0;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    if (--c.logUntilStamp == 0) [[unlikely]] {
        c.logUntilStamp = kStampEvery;
        r.writeTick = c.logStamp = ticks();
    } else {
        r.writeTick = kUnstampedWrite;
    }
    c.owner[b] = uint8_t(c.k);
}

// Under a lock or in slow motion (delay) a clock read per update costs little, and a group's
// stamps would span the other workers' turns at the lock or the delays.
template <SyncMode S> inline void addToBinLogged(Context& c, uint64_t b, uint32_t delay) {
    if (c.logHead >= c.logCapacity) [[unlikely]] {
        c.log->dropped.store(++c.logDropped, std::memory_order_relaxed);
        addToBin<S>(c, b);
        return;
    }
    UpdateRecord& r = c.records[c.logHead];
    if constexpr (S == SyncMode::Atomic) {
        // One instruction reads and writes: nothing can be cut in half, the record follows.
        const uint64_t t0 = ticks();
        const double old =
            std::atomic_ref<double>(c.data[b]).fetch_add(1.0, std::memory_order_relaxed);
        const uint64_t t1 = ticks();
        std::atomic_ref<uint8_t>(c.owner[b]).store(uint8_t(c.k), std::memory_order_relaxed);
        r.bin = uint32_t(b);
        r.readValue = uint32_t(old);
        r.readTick = t0;
        r.writeTick = t1;
    } else if (S == SyncMode::None && delay == 0) {
        logUnlocked<S>(c, r, b);
    } else {
        volatile double* p = &c.data[b];
        const uint64_t t0 = ticks();
        const double v = *p;
        r.bin = uint32_t(b);
        r.readValue = uint32_t(v);
        r.readTick = t0;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        *p = v + 1.0;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        r.writeTick = c.logStamp = ticks(); // grouped updates may follow (the delay changed)
        c.owner[b] = uint8_t(c.k);
    }
    c.log->head.store(++c.logHead, std::memory_order_release);
}

// The per-element delay, skipped once a stop is requested: the delay sits inside the critical
// section, and W workers queued on the lock would otherwise take W delays to notice the stop.
inline void slowMotion(const Context& c, uint32_t delayUs) {
    if (RunState(c.h.runState.load(std::memory_order_relaxed)) != RunState::Stopping)
        delayElement(delayUs);
}

template <SyncMode S, typename L> uint32_t lockIdFor(const Context& c, uint64_t keyIndex) {
    if constexpr (S == SyncMode::Striped) return 1 + uint32_t(keyIndex % c.cfg.stripes);
    return 0;
}

// Robust only: the recovery record (layout.h, WorkerSlot). Stores to our own slot line, inside
// the critical section, in this order: a survivor reads them after we died there.
inline void armUndo(Context& c, uint64_t b) {
    c.slot.undoIndex.store(b, std::memory_order_relaxed);
    c.slot.undoValue.store(std::bit_cast<uint64_t>(c.data[b]), std::memory_order_relaxed);
    c.slot.undoArmed.store(c.committed + 1, std::memory_order_release);
}
inline void commit(Context& c, bool histogram) {
    c.slot.committed.store(++c.committed, std::memory_order_release);
    if (histogram) c.slot.undoArmed.store(0, std::memory_order_release);
}
inline void recordPiece(Context& c, const IndexRange& r) {
    if (isStatic(c.cfg.partition)) return; // positions in the static share: never reset
    c.committed = 0;
    c.slot.committed.store(0, std::memory_order_release);
    c.slot.rangeBegin.store(r.begin, std::memory_order_relaxed);
    c.slot.rangeCount.store(r.count(), std::memory_order_relaxed);
    c.slot.rangeStride.store(r.stride, std::memory_order_release);
}

// One element's update, with its lock when the lock scope is the element.
template <SyncMode S, typename L>
inline void updateElement(Context& c, L& locker, uint64_t i, Workload wl, uint64_t n,
                          bool elementScope, uint32_t delay, bool record) {
    const bool histogram = wl == Workload::Histogram;
    constexpr bool robust = S == SyncMode::Robust;
    if (histogram) {
        const uint64_t b = histogramBin(i, c.cfg.bins);
        const uint32_t id = lockIdFor<S, L>(c, b);
        if (elementScope) locker.lock(id);
        if constexpr (robust)
            if (record) armUndo(c, b);
        if (c.log)
            addToBinLogged<S>(c, b, delay);
        else
            addToBin<S>(c, b);
        if constexpr (robust)
            if (record) commit(c, true);
        if (delay) slowMotion(c, delay);
        if (elementScope) locker.unlock(id);
    } else {
        const double v = elementValue(wl, i, n);
        const uint32_t id = lockIdFor<S, L>(c, i);
        if (elementScope) locker.lock(id);
        writeElement<S>(c, i, v);
        if constexpr (robust)
            if (record) commit(c, false);
        if (delay) slowMotion(c, delay);
        if (elementScope) locker.unlock(id);
    }
}

// A batch of value updates with nothing else per element (no lock per element, no slow
// motion, no recovery record): the workload chosen once, the array and owner map in locals (an
// owner byte store may alias anything, so through the Context every element would reload
// them). This is the loop a plain program computing the array would run.
template <SyncMode S, Workload W>
void fillBatchOf(const Context& c, uint64_t i, uint64_t stride, uint64_t count, uint64_t n) {
    double* const data = c.data;
    uint8_t* const owner = c.owner;
    const uint8_t k = uint8_t(c.k);
    auto store = [&](uint64_t at, double v) {
        if constexpr (S == SyncMode::Atomic) {
            std::atomic_ref<double>(data[at]).store(v, std::memory_order_relaxed);
            std::atomic_ref<uint8_t>(owner[at]).store(k, std::memory_order_relaxed);
        } else {
            data[at] = v;
            owner[at] = k;
        }
    };
    if constexpr (W == Workload::Sin) {
        // The sines a few lanes at a time (work/sin_batch.h), as numpy computes them; then the
        // stores as below, one element at a time.
        constexpr uint64_t kPart = 256;
        double v[kPart];
        for (uint64_t j = 0; j < count; j += kPart) {
            const uint64_t m = std::min(kPart, count - j);
            sinOfIndices(v, i, stride, m);
            for (uint64_t q = 0; q < m; ++q, i += stride)
                store(i, v[q]);
        }
    } else {
        for (uint64_t j = 0; j < count; ++j, i += stride)
            store(i, elementValueOf<W>(i, n));
    }
}

// False if the workload needs the general path (histogram bins are read-modify-write).
template <SyncMode S>
bool fillBatch(const Context& c, uint64_t i, uint64_t stride, uint64_t count, uint64_t n) {
    switch (c.cfg.workload) {
    case Workload::Sin:
        fillBatchOf<S, Workload::Sin>(c, i, stride, count, n);
        return true;
    case Workload::Wave:
        fillBatchOf<S, Workload::Wave>(c, i, stride, count, n);
        return true;
    case Workload::Mandelbrot:
        fillBatchOf<S, Workload::Mandelbrot>(c, i, stride, count, n);
        return true;
    case Workload::Histogram:
    case Workload::Counters:
        break;
    }
    return false;
}

// Robust only: the work taken over from dead holders, after our own, one lock per element.
// Not recorded for recovery in turn (a survivor that dies here loses what it adopted).
template <SyncMode S, typename L> bool processAdopted(Context& c, L& locker) {
    const Workload wl = c.cfg.workload;
    const uint64_t n = c.cfg.elements;
    for (size_t k = 0; k < c.adopted.size(); ++k) { // may grow while we work: by index
        const Adopted a = c.adopted[k];
        for (uint64_t pos = a.from; pos < a.to; ++pos) {
            const uint64_t i = isStatic(c.cfg.partition) ? staticIndex(c.cfg, a.deadWorker, pos)
                                                         : a.piece.begin + pos * a.piece.stride;
            const uint32_t delay = c.h.delayUs.load(std::memory_order_relaxed);
            updateElement<S>(c, locker, i, wl, n, true, delay, false);
            ++c.processed;
            if (delay || (pos - a.from) % kBatch == kBatch - 1) {
                locker.flush();
                publish(c);
                if (!honourControl(c)) return false;
            }
        }
    }
    return true;
}

template <SyncMode S, typename L> bool processAll(Context& c) {
    constexpr bool robust = S == SyncMode::Robust;
    L locker(lockerContext(c));
    WorkSource src(c.cfg, c.k, &c.h.cursor);
    const Workload wl = c.cfg.workload;
    const uint64_t n = c.cfg.elements;
    const bool elementScope = c.cfg.lockScope == LockScope::Element;
    // Batches need nothing per element but the value: no lock per element (none, atomic, or a
    // lock held for the whole chunk) and no recovery record (robust).
    const bool plainBatches =
        !robust && (S == SyncMode::None || S == SyncMode::Atomic || !elementScope);
    IndexRange r;
    bool keepGoing = true;
    while (keepGoing && src.next(r)) {
        const uint64_t count = r.count();
        if (!isStatic(c.cfg.partition)) c.assigned += count;
        if constexpr (robust) recordPiece(c, r);
        const bool chunkLock = !elementScope;
        const uint32_t chunkId = lockIdFor<S, L>(c, r.begin / c.cfg.chunk);
        if (chunkLock) locker.lock(chunkId);
        uint64_t done = 0;
        while (done < count) {
            const uint32_t delay = c.h.delayUs.load(std::memory_order_relaxed);
            const uint64_t batch = std::min(count - done, delay ? uint64_t(1) : kBatch);
            uint64_t i = r.begin + done * r.stride;
            if (!(plainBatches && delay == 0 && fillBatch<S>(c, i, r.stride, batch, n)))
                for (uint64_t j = 0; j < batch; ++j, i += r.stride)
                    updateElement<S>(c, locker, i, wl, n, elementScope, delay, true);
            done += batch;
            c.processed += batch;
            locker.flush();
            publish(c);
            // Pause/stop only where no lock is held, so pausing never blocks other workers.
            if (!chunkLock && !honourControl(c)) {
                keepGoing = false;
                break;
            }
            if (chunkLock &&
                RunState(c.h.runState.load(std::memory_order_relaxed)) == RunState::Stopping) {
                keepGoing = false;
                break;
            }
        }
        if (chunkLock) locker.unlock(chunkId);
        locker.flush();
        if (keepGoing && chunkLock && !honourControl(c)) keepGoing = false;
    }
    if constexpr (robust)
        if (keepGoing) keepGoing = processAdopted<S>(c, locker);
    locker.flush();
    publish(c);
    return keepGoing;
}

// Counters: bump our own 64-bit counter `increments` times. volatile: every increment is a real
// load and store to shared memory (the compiler may not keep the counter in a register), so a
// line shared with other workers' counters (packed) bounces between cores on every store.
constexpr uint64_t kCounterBatch = 1 << 16; // ~40 µs padded: publishing costs nothing here

// Counters pin worker k to the k-th CPU it may run on (mod their number). Without it the
// scheduler often leaves two workers woken together at the barrier on one core for most of a
// short run (measured here: 2 workers, 3*10^8 increments, packed: 2.2 ns per increment in one
// run, 13.6 ns in the next), and two workers time-sharing one core share no cache line across
// cores: the false sharing the experiment is about would come and go by chance.
void pinToOwnCpu(uint32_t k) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
    const int n = CPU_COUNT(&allowed);
    if (n <= 1) return;
    int want = int(k % uint32_t(n));
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (!CPU_ISSET(cpu, &allowed) || want-- != 0) continue;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        (void)sched_setaffinity(0, sizeof one, &one); // best effort: unpinned still runs
        return;
    }
}

bool countIncrements(Context& c) {
    pinToOwnCpu(c.k);
    const uint64_t slot = c.cfg.counterSlot(c.k);
    volatile uint64_t* counter = reinterpret_cast<uint64_t*>(c.data) + slot;
    c.owner[slot] = uint8_t(c.k);
    const uint64_t n = c.cfg.increments;
    uint64_t done = 0;
    while (done < n) {
        const uint32_t delay = c.h.delayUs.load(std::memory_order_relaxed);
        const uint64_t batch = std::min(n - done, delay ? uint64_t(1) : kCounterBatch);
        for (uint64_t j = 0; j < batch; ++j)
            *counter = *counter + 1;
        if (delay) slowMotion(c, delay);
        done += batch;
        c.processed = done;
        publish(c);
        if (!honourControl(c)) return false;
    }
    return true;
}

// --transport queue: the results go through the message queue, never into the array (the
// controller writes it). No lock: nothing shared is written here.
bool sendAll(Context& c) {
    QueueSender sender(c.seg, c.slot, c.k);
    WorkSource src(c.cfg, c.k, &c.h.cursor);
    const Workload wl = c.cfg.workload;
    const uint64_t n = c.cfg.elements;
    IndexRange r;
    while (src.next(r)) {
        const uint64_t count = r.count();
        if (!isStatic(c.cfg.partition)) c.assigned += count;
        uint64_t done = 0;
        while (done < count) {
            const uint32_t delay = c.h.delayUs.load(std::memory_order_relaxed);
            const uint64_t batch = std::min(count - done, delay ? uint64_t(1) : kBatch);
            uint64_t i = r.begin + done * r.stride;
            for (uint64_t j = 0; j < batch; ++j, i += r.stride) {
                if (wl == Workload::Histogram)
                    sender.addBin(histogramBin(i, c.cfg.bins));
                else
                    sender.add(i, elementValue(wl, i, n), r.stride);
                if (delay) slowMotion(c, delay);
            }
            if (delay) sender.flush(); // slow motion: every result on its way at once
            done += batch;
            c.processed += batch;
            publish(c);
            if (!honourControl(c)) {
                sender.flush();
                return false;
            }
        }
    }
    sender.flush();
    publish(c);
    return true;
}

template <SyncMode S> bool dispatchInstr(Context& c) {
    if constexpr (S == SyncMode::None || S == SyncMode::Atomic) {
        return processAll<S, NoLocker>(c);
    } else {
        return c.cfg.instrument ? processAll<S, Locker<S, true>>(c)
                                : processAll<S, Locker<S, false>>(c);
    }
}

// Touches pages for writing before the barrier, so page faults (and, on virtual machines, the
// hypervisor's first-write faults) are start-up cost rather than part of the measured compute
// time. madvise(MADV_POPULATE_WRITE) alone maps pages but was measured to leave the first real
// write per page ~40% slower here; an atomic no-op write per page does not. fetch_or(0) changes
// nothing and is atomic, so it is harmless to anyone else. Each worker takes the control
// regions and its 1/W slice of the arrays (exactly its own block under `block`): together they
// touch every page once, and start-up does not grow with workers × array size.
void touchPages(char* begin, char* end) {
    const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE));
    char* first = reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(begin) & ~(page - 1));
    if (end <= first) return;
    (void)madvise(first, size_t(end - first), MADV_POPULATE_WRITE); // page tables in one call
    for (char* p = first; p + sizeof(uint64_t) <= end; p += page)
        std::atomic_ref<uint64_t>(*reinterpret_cast<uint64_t*>(p))
            .fetch_or(0, std::memory_order_relaxed);
}

void prefault(Segment& seg, uint32_t k) {
    const ExperimentConfig cfg = seg.config();
    const SegmentHeader& h = seg.header();
    char* base = reinterpret_cast<char*>(&seg.header());
    // The header and slots, our own ring, the locks: not the other workers' rings. Touching
    // every ring made 64 workers populate 64 x 12.5 MB of page tables between them (strace -c:
    // madvise 0.13 s of a 0.26 s run).
    touchPages(base, base + h.ringsOffset);
    char* ring = base + h.ringsOffset + k * h.ringStride;
    touchPages(ring, ring + h.ringStride);
    touchPages(base + h.locksOffset, reinterpret_cast<char*>(seg.data()));
    const uint64_t n = cfg.dataCount(), w = cfg.workers;
    const uint64_t b = n * k / w, e = n * (k + 1) / w;
    touchPages(reinterpret_cast<char*>(seg.data() + b), reinterpret_cast<char*>(seg.data() + e));
    touchPages(reinterpret_cast<char*>(seg.owner() + b), reinterpret_cast<char*>(seg.owner() + e));
    // Our update log: its first writes would otherwise fault inside the timed updates.
    if (UpdateLogHeader* log = seg.updateLog(k)) {
        char* from = reinterpret_cast<char*>(log);
        touchPages(from,
                   from + sizeof(UpdateLogHeader) + seg.updateLogCapacity() * sizeof(UpdateRecord));
    }
}

// More workers than the CPUs we may run on: the window (and the controller's polls) must not
// starve. Workers then sleep their slow-motion delays (except under the spin lock) and run at
// a lower priority than the app
// (all alike, so among themselves nothing changes); timer slack goes to 1 µs so a 20 µs sleep
// is not stretched to the default 50 µs slack.
void yieldToTheApp(const ExperimentConfig& cfg) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
    if (cfg.workers <= uint32_t(CPU_COUNT(&allowed))) return;
    // Not under the spin lock: the delay sits inside the critical section, and a holder that
    // sleeps there must win a core back from the spinners to release it (the fault campaign
    // measured minutes for a 5-worker run that took a second).
    g_sleepShortDelays = cfg.sync != SyncMode::Spin;
    g_delayQuantumNs = owedDelayQuantumNs(cfg.sync, cfg.workers, unsigned(CPU_COUNT(&allowed)));
    (void)prctl(PR_SET_TIMERSLACK, 1000);
    // Only ever lower: the app may have started us at nice 19 (work/worker_priority.h), and
    // root may raise a priority. Best effort: an unchanged priority still runs.
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, 0);
    if (errno == 0 && nice < 5) (void)setpriority(PRIO_PROCESS, 0, 5);
}

} // namespace

void robustMutexFailed(int rc) {
    std::fprintf(stderr, "robust mutex: %s\n", std::strerror(rc));
    std::fflush(stderr);
    std::_Exit(exit_code::kRunFailed);
}

namespace {
// Start barrier: the controller opens it once every worker has attached, so start-up
// cost (exec, mapping) is not counted as compute time and all start together.
// Asleep in the kernel until the controller changes runState (futex.h): 64 workers polling
// every 50 µs kept 2 cores busy while the last ones were still starting. The state that
// opened it, or nothing when the app is gone (one line on stderr).
std::optional<RunState> waitAtBarrier(SegmentHeader& h) {
    RunState state;
    // If the app died before our PR_SET_PDEATHSIG took effect, nobody will open the barrier.
    // Asked before every 100 ms wait, the first at once (one kill(0) each): a worker still
    // starting when the app was SIGKILLed is gone within ~0.1 s, not the second it took when
    // asked every tenth wait (the fault campaign's orphan check under load).
    while ((state = RunState(h.runState.load(std::memory_order_acquire))) == RunState::Created) {
        if (kill(pid_t(h.creatorPid), 0) != 0 && errno == ESRCH) {
            std::fprintf(stderr, "the app that created the segment (pid %llu) is gone\n",
                         (unsigned long long)h.creatorPid);
            return std::nullopt;
        }
        futexWait(h.runState, uint32_t(RunState::Created), 100'000'000);
    }
    return state;
}

// Workers that have a CPU each start together: each counts itself in `started` once the
// barrier has opened and spins until all have, for at most 20 ms (a worker in another language
// does not count itself; one killed meanwhile never will). Measured on this VM, 2 workers of
// 400,000 histogram updates (2 ms each) otherwise often ran one after the other and lost no
// update: one woke from the barrier's futex milliseconds late (its vCPU had gone idle), or
// waited for the app's thread, which opens the barrier and then works on, to leave its CPU.
// The compute window still starts at the release.
constexpr uint64_t kStartTogetherNs = 20'000'000;

void startTogether(SegmentHeader& h, uint32_t workers) {
    h.started.fetch_add(1, std::memory_order_acq_rel);
    const uint64_t giveUp = nowNs() + kStartTogetherNs;
    while (h.started.load(std::memory_order_acquire) < workers && nowNs() < giveUp &&
           RunState(h.runState.load(std::memory_order_relaxed)) == RunState::Running)
        __builtin_ia32_pause();
}

// The worker's share, by workload and transport; false after one line on stderr when the
// queue or a lock in the segment failed.
bool doTheWork(Context& c) {
    // One instantiation of the loop per sync mode, indexed by the mode's value.
    using Loop = bool (*)(Context&);
    static constexpr Loop kLoops[] = {
        dispatchInstr<SyncMode::None>,    dispatchInstr<SyncMode::Mutex>,
        dispatchInstr<SyncMode::Striped>, dispatchInstr<SyncMode::Spin>,
        dispatchInstr<SyncMode::Atomic>,  dispatchInstr<SyncMode::Robust>};
    static_assert(std::size(kLoops) == size_t(SyncMode::Robust) + 1);
    if (c.cfg.workload == Workload::Counters) {
        countIncrements(c);
    } else if (c.cfg.transport == Transport::Queue) {
        try {
            sendAll(c);
        } catch (const std::exception& e) { // the queue could not be opened or used
            std::fprintf(stderr, "%s\n", e.what());
            return false;
        }
    } else {
        try {
            kLoops[size_t(c.cfg.sync)](c);
        } catch (const boost::interprocess::interprocess_exception& e) {
            // A lock whose bytes are not a mutex (a corrupt or foreign segment): Boost
            // throws, and uncaught that was an abort. One line and exit 3 instead.
            std::fprintf(stderr, "lock error in the segment: %s\n", e.what());
            return false;
        }
    }
    return true;
}

} // namespace

int runWorker(Segment& seg, uint32_t k) {
    SegmentHeader& h = seg.header();
    WorkerSlot& slot = seg.slot(k);
    Context c{seg,
              h,
              slot,
              seg.config(),
              k,
              seg.data(),
              seg.owner(),
              EventRingWriter(seg.ring(k), seg.ringEvents(k), kRingCapacity),
              seg.tickClock(),
              {},
              0,
              0,
              0,
              0,
              0,
              0,
              {}};
    if ((c.log = seg.updateLog(k))) {
        c.records = seg.updateRecords(k);
        c.logCapacity = seg.updateLogCapacity();
    }
    if (c.cfg.workload == Workload::Counters)
        c.assigned = c.cfg.increments;
    else if (isStatic(c.cfg.partition))
        c.assigned = staticShare(c.cfg, k);
    slot.assigned.store(c.assigned, std::memory_order_relaxed);
    slot.heartbeatNs.store(nowNs(), std::memory_order_relaxed);
    if (c.cfg.transport == Transport::Private) {
        try {
            seg.makeDataPrivate(); // the blog's mistake, on purpose: our writes stay ours
        } catch (const SegmentError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return exit_code::kRunFailed;
        }
    }
    yieldToTheApp(c.cfg);
    prefault(seg, k);
    // Attached: the controller counts slots past Starting (no shared counter to bump).
    slot.state.store(uint32_t(WorkerState::AtBarrier), std::memory_order_release);

    const bool ownCpu = c.cfg.workers <= allowedCpus();
    // Histogram updates collide only while two workers run at once: placed before the barrier,
    // as the counters are (pinToOwnCpu), so a short run does not spend itself on one core.
    if (ownCpu && c.cfg.workload == Workload::Histogram) pinToOwnCpu(k);
    const std::optional<RunState> state = waitAtBarrier(h);
    if (!state) return exit_code::kRunFailed;
    if (*state == RunState::Stopping) {
        slot.state.store(uint32_t(WorkerState::Done), std::memory_order_release);
        return exit_code::kOk;
    }
    if (ownCpu && *state == RunState::Running) startTogether(h, c.cfg.workers);
    slot.startNs.store(nowNs(), std::memory_order_relaxed);
    c.cpuAtStart = threadCpuNs();
    slot.state.store(uint32_t(WorkerState::Running), std::memory_order_relaxed);
    c.logStamp = ticks(); // the first updates' lower bound
    // A stop that arrives before the first element (e.g. while paused) skips the work.
    if (honourControl(c) && !doTheWork(c)) return exit_code::kRunFailed;
    // The bound of the writes made since the last clock read.
    if (c.log) c.log->endTick.store(ticks(), std::memory_order_release);
    publish(c, true); // the final CPU time
    slot.doneNs.store(nowNs(), std::memory_order_relaxed);
    slot.state.store(uint32_t(WorkerState::Done), std::memory_order_release);
    return exit_code::kOk;
}

} // namespace shm
