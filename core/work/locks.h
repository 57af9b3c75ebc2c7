#pragma once
// The worker's locks: RawLock (the segment's mutexes or spin word, nothing else) and Locker,
// which adds the instrumentation: counters, the WaitingForLock state, and hold/wait events in
// the worker's ring. Used only by worker_loop.cpp; in a header of its own so the loop reads as
// the loop.
#include "model/layout.h"
#include "model/settings.h"
#include "segment/clock.h"
#include "segment/event_ring.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <pthread.h>
#include <time.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define SHM_PAUSE() _mm_pause()
#else
#define SHM_PAUSE() ((void)0)
#endif

namespace shm {

// The holder bumps the lock's acquisition sequence inside the critical section: no atomic RMW
// is needed (the lock orders it), and the line is already ours after the acquisition.
inline uint64_t bumpSequence(std::atomic<uint64_t>& seq) {
    const uint64_t s = seq.load(std::memory_order_relaxed) + 1;
    seq.store(s, std::memory_order_relaxed);
    return s;
}

// Per-worker counters, kept in registers/stack and published to the slot in batches so the
// instrumentation does not put a shared-cache-line write on every element.
struct LockCounters {
    uint64_t acquisitions = 0, contended = 0, waitTicks = 0, holdTicks = 0, maxWaitTicks = 0;
    uint64_t spinTicks = 0; // spin waits: ticks spent spinning on a core (not preempted)
};

// What a Locker works on: the worker's own slot, ring and counters, the run's tick conversion
// and the segment's locks.
struct LockerContext {
    WorkerSlot& slot;
    EventRingWriter& ring;
    LockCounters& st;
    const TickClock& clock;
    PaddedMutex* locks;
    SpinLockLine* spin;
    SegmentHeader& header;
    uint32_t self; // this worker's id
    // sync = robust: called holding the mutex its previous holder died with, before it is
    // marked consistent again (the worker loop repairs and adopts the dead worker's work).
    void (*onOwnerDead)(void* arg) = nullptr;
    void* onOwnerDeadArg = nullptr;
};

// The scripted fault "kill while holding" (SegmentHeader.parkWorker): once asked, the worker
// stops right after its next acquisition and says so in its slot; the controller then sends
// the SIGKILL. The kill itself stays the controller's, from outside, like any crash; parking
// only makes "while holding" certain instead of a race against a hold of a few hundred ns.
// One relaxed load of a read-mostly header line per acquisition.
inline bool parkAsked(const LockerContext& c) {
    return c.header.parkWorker.load(std::memory_order_relaxed) == c.self + 1;
}
inline void park(const LockerContext& c) {
    c.slot.parked.store(1, std::memory_order_release);
    // Until killed; a stop (the controller gave up on the fault) lets it go on.
    // A hung holder (fault action hang) goes silent and ignores the stop as well.
    const auto hung = [&c] {
        return c.header.hangWorker.load(std::memory_order_relaxed) == c.self + 1;
    };
    while (hung() ||
           RunState(c.header.runState.load(std::memory_order_acquire)) != RunState::Stopping) {
        timespec ts{0, 1'000'000};
        nanosleep(&ts, nullptr);
        if (!hung()) c.slot.heartbeatNs.store(nowNs(), std::memory_order_relaxed);
    }
    c.slot.parked.store(0, std::memory_order_relaxed);
}

// Whether unlocking a pthread mutex we hold will wake a waiter (a FUTEX_WAKE system call):
// glibc keeps that in the mutex's futex word, __data.__lock (public in its headers, not
// documented). A normal mutex's word is 0 free, 1 locked, 2 locked with possible waiters (a
// waiter sets 2 before it sleeps, and whoever acquires after waiting keeps 2); a robust one's
// is the owner's tid | FUTEX_WAITERS. Boost 1.74's interprocess_mutex is a pthread_mutex_t and
// nothing else (layout.h asserts the size). Elsewhere: assume a wake, which only puts the end
// tick back inside the critical section.
// It is read right before the unlock, when the line is often no longer ours: another worker's
// failed try_lock took it during our hold. A plain load fetches it shared, and the unlock's
// exchange must then fetch it again to own it: two transfers of the one contended line where
// an uninstrumented unlock needs one. PREFETCHW asks for the line to own at once. (GCC turns
// __builtin_prefetch(p, 1) into a plain read prefetch unless built for a CPU with PRFCHW, so
// the instruction is written out, and used only where CPUID reports it: some older CPUs
// fault on it, which is why the Linux kernel patches it in the same way.)
inline constexpr int kFutexWaitersBit = int(0x80000000u);
#if defined(__x86_64__) || defined(__i386__)
inline bool cpuHasPrefetchW() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    return __get_cpuid(0x80000001u, &a, &b, &c, &d) && (c & (1u << 8)); // PRFCHW/3DNowPrefetch
}
inline const bool kHavePrefetchW = cpuHasPrefetchW(); // once, at start-up: no check per call
#endif
template <typename M> inline void prefetchToWrite(const M* m) {
#if defined(__x86_64__) || defined(__i386__)
    if (kHavePrefetchW) asm volatile("prefetchw %0" ::"m"(*reinterpret_cast<const char*>(m)));
#else
    __builtin_prefetch(m, 1, 3);
#endif
}
template <typename M> inline int futexWord(const M* m) {
#if defined(__GLIBC__)
    static_assert(sizeof(M) == sizeof(pthread_mutex_t));
    prefetchToWrite(m);
    return __atomic_load_n(&reinterpret_cast<const pthread_mutex_t*>(m)->__data.__lock,
                           __ATOMIC_RELAXED);
#else
    (void)m;
    return -1; // every bit set: "has waiters" in both tests below
#endif
}

// One lock of the segment: index 0 is the global mutex (or the spin word), 1.. the stripes.
template <SyncMode S> struct RawLock;
template <> struct RawLock<SyncMode::Mutex> {
    explicit RawLock(const LockerContext& c) : locks(c.locks) {}
    PaddedMutex* locks;
    bool tryLock(uint32_t id) { return locks[id].mutex.try_lock(); }
    void lock(uint32_t id) { locks[id].mutex.lock(); }
    void unlock(uint32_t id) { locks[id].mutex.unlock(); }
    std::atomic<uint64_t>& sequence(uint32_t id) { return locks[id].acquisitions; }
    // Will unlock() wake a waiter (a futex system call)? See Locker::unlock.
    bool mayWake(uint32_t id) const { return futexWord(&locks[id].mutex) != 1; }
};
template <> struct RawLock<SyncMode::Striped> : RawLock<SyncMode::Mutex> {
    using RawLock<SyncMode::Mutex>::RawLock;
};
template <> struct RawLock<SyncMode::Spin> {
    explicit RawLock(const LockerContext& c)
        : spin(c.spin), spinTicks(&c.st.spinTicks),
          preemptedTicks(uint64_t(20'000 / std::max(c.clock.nsPerTick, 1e-3))) {}
    SpinLockLine* spin;
    uint64_t* spinTicks;     // nullptr: not measured (uninstrumented)
    uint64_t preemptedTicks; // a gap this long between two spins was a preemption (20 µs)
    bool tryLock(uint32_t) {
        return spin->word.load(std::memory_order_relaxed) == 0 &&
               spin->word.exchange(1, std::memory_order_acquire) == 0;
    }
    void lock(uint32_t) {
        // Test-and-test-and-set: spin on a plain load (cache line stays shared) and only try
        // the exchange once the word looks free. While spinning, the TSC between iterations is
        // the CPU the wait burns (a PAUSE takes longer than the TSC read); a gap longer than
        // preemptedTicks means another process had the core, and is not counted.
        for (;;) {
            if (spin->word.exchange(1, std::memory_order_acquire) == 0) return;
            uint64_t last = spinTicks ? ticks() : 0;
            while (spin->word.load(std::memory_order_relaxed) != 0) {
                SHM_PAUSE();
                if (!spinTicks) continue;
                const uint64_t t = ticks();
                if (t - last < preemptedTicks) *spinTicks += t - last;
                last = t;
            }
        }
    }
    void unlock(uint32_t) { spin->word.store(0, std::memory_order_release); }
    std::atomic<uint64_t>& sequence(uint32_t) { return spin->acquisitions; }
    bool mayWake(uint32_t) const { return false; } // waiters spin: the unlock is one store
};

// The robust mutex. EOWNERDEAD (from lock or trylock) means we now hold a mutex whose holder
// died inside its critical section: the hook repairs, then the mutex is marked consistent and
// the run goes on. `holder` names the holder for that repair; it is set right after acquiring
// and cleared right before releasing, both inside the critical section.
[[noreturn]] void robustMutexFailed(int rc); // worker_loop.cpp: one line, exit code 3
template <> struct RawLock<SyncMode::Robust> {
    explicit RawLock(const LockerContext& c)
        : line(&c.header.robust), self(c.self), hook(c.onOwnerDead), hookArg(c.onOwnerDeadArg) {}
    RobustLockLine* line;
    uint32_t self;
    void (*hook)(void*);
    void* hookArg;
    bool tryLock(uint32_t) {
        const int rc = pthread_mutex_trylock(&line->mutex);
        if (rc == EBUSY) return false;
        acquired(rc);
        return true;
    }
    void lock(uint32_t) { acquired(pthread_mutex_lock(&line->mutex)); }
    void unlock(uint32_t) {
        line->holder.store(0, std::memory_order_relaxed);
        pthread_mutex_unlock(&line->mutex);
    }
    std::atomic<uint64_t>& sequence(uint32_t) { return line->acquisitions; }
    bool mayWake(uint32_t) const { return (futexWord(&line->mutex) & kFutexWaitersBit) != 0; }

  private:
    void acquired(int rc) {
        if (rc == EOWNERDEAD) {
            if (hook) hook(hookArg); // reads line->holder: still the dead worker's id
            rc = pthread_mutex_consistent(&line->mutex);
        }
        if (rc != 0) robustMutexFailed(rc);
        line->holder.store(self + 1, std::memory_order_relaxed);
    }
};

// Lock instrumentation. Its work stays outside the critical section: a longer critical section
// slows every waiter and distorts exactly what is measured. Inside are the lock's acquisition
// sequence (one load and one store on the lock's own line, which the holder owns after the
// acquisition), the holdingLock store the uninstrumented run has too, one load of the mutex
// word (and, robust only, of the line's releaseTick); no TSC read on the uncontended path.
//  - The hold begins at the tick read before try_lock (or, after a wait, right after lock()).
//  - It ends at a tick read after the unlock. A TSC read costs 13-16 ns on this VM (a sin about
//    20 ns), and reading it inside made a wave element's critical section half as long again:
//    contention followed and the mutex bench ran 2.0-2.5x slower than --no-instrument; with
//    the read after the unlock, the mutex word fetched to own (futexWord) and these functions
//    inlined, medians of 30-60 interleaved rounds are 1.04-1.11x (the plain load of the word alone
//    cost 1.2x). The exception is an unlock that wakes a waiter (mayWake: the mutex word says
//    so): that unlock is a system call and may hand our core to the waiter, which made hold
//    times read 1.5-2x too long with more workers than cores, so the tick is read before it
//    (a few ns beside the system call). Any TSC read inside the critical section costs far
//    more than its own 13-16 ns: reading one before every unlock after a wait made the median
//    1.23x.
//  - Both ends lie outside the true hold, so two holders' intervals of one lock can overlap by
//    those few instructions (or by a preemption right after an unlock). The events carry the
//    lock's acquisition sequence, and the reader (LockActivity, lock_lanes.cpp) cuts every
//    overlap between consecutive holds of a lock: one lock never looks held twice. Counters
//    (hold, wait) are the worker's own and stay as measured.
// Events are pushed after the unlock. Back-to-back holds less than kMergeNs apart are merged
// into one hold interval (one ring write per burst instead of two per element), but only when
// nobody else acquired the lock in between: the sequence must be exactly ours + 1; the interval
// then carries its first and last sequence. Without that check a worker merged across another
// worker's hold, and the timeline showed both holding the one mutex (tst_lock_events on the
// old code: up to 368 overlapping holds in 1472). Counters stay exact either way.
// Times are converted with the run's one conversion (header, Segment::create), a fixed
// monotone function of the TSC, so order survives across processes. Converting both ends per
// unlock instead of per pushed interval measured ~0.1-0.2x more on the mutex bench.
template <SyncMode S, bool Instr> class Locker {
  public:
    static constexpr double kMergeNs = 5000;
    explicit Locker(const LockerContext& c)
        : m_c(c), m_raw(c), m_mergeTicks(uint64_t(kMergeNs / c.clock.nsPerTick)) {
        if constexpr (S == SyncMode::Spin && !Instr) m_raw.spinTicks = nullptr;
    }
    ~Locker() { flush(); }
    // Inlined into the worker loop (the compiler kept them out of line): a call and the
    // member reloads around it were a few ns of every acquisition.
    [[gnu::always_inline]] void lock(uint32_t id) {
        if constexpr (Instr) {
            const uint64_t t0 = ticks();
            if (m_raw.tryLock(id)) {
                m_acquiredAt = t0;
                m_waitBegin = 0;
            } else {
                flush();
                m_c.slot.state.store(uint32_t(WorkerState::WaitingForLock),
                                     std::memory_order_relaxed);
                // A WaitBegin lost to a full ring is counted there; the hold still follows.
                const uint64_t waitNs = m_c.clock.toNs(t0);
                m_c.ring.push(EventKind::WaitBegin, waitNs, id);
                // The counters hear of a wait only when it ends: this tells the app one is
                // going on, so a wait that never ends still counts (metrics.h openWaitNs).
                m_c.slot.waitSince.store(packSince(waitNs), std::memory_order_relaxed);
                m_raw.lock(id);
                m_acquiredAt = ticks();
                m_waitBegin = t0;
                m_c.slot.waitSince.store(0, std::memory_order_relaxed);
                // Holding now: a holder shown as "waiting" would also hide it from the
                // controller's stall check. The heartbeat goes with it: the wait was not
                // silence, and the stall check would otherwise count it against the new holder
                // until its next publish (a fresh-clone CI run caught "silent for 2.3 s while
                // holding the mutex" for a worker that had just waited 2 s for it).
                // The acquisition's own tick, converted: a clock_gettime here (~30 ns) sat
                // inside the critical section of every contended acquisition.
                m_c.slot.heartbeatNs.store(m_c.clock.toNs(m_acquiredAt), std::memory_order_relaxed);
                m_c.slot.state.store(uint32_t(WorkerState::Running), std::memory_order_release);
            }
            m_seq = bumpSequence(m_raw.sequence(id));
            // A dead holder's hold, ended by its recoverer (worker_loop.cpp), ends there.
            if constexpr (S == SyncMode::Robust)
                m_acquiredAt =
                    std::max(m_acquiredAt, m_raw.line->releaseTick.load(std::memory_order_relaxed));
        } else {
            m_raw.lock(id);
        }
        // Relaxed store to our own line: lets the controller say "died holding the lock".
        m_c.slot.holdingLock.store(id + 1, std::memory_order_relaxed);
        if (parkAsked(m_c)) [[unlikely]] {
            if constexpr (Instr) {
                // The timeline must show this hold as open (held by the soon dead worker), not
                // the wait before it: its events normally go out at the unlock.
                flush();
                const uint64_t heldNs = m_c.clock.toNs(m_acquiredAt);
                m_c.ring.push(EventKind::Acquired, heldNs, id, m_seq);
                m_holdPushed = true;
                // If it never lets go, the counters never hear of this hold: count it from here.
                m_c.slot.holdSince.store(packSince(heldNs), std::memory_order_relaxed);
            }
            park(m_c);
            if constexpr (Instr) m_c.slot.holdSince.store(0, std::memory_order_relaxed);
        }
    }
    [[gnu::always_inline]] void unlock(uint32_t id) {
        uint64_t t = 0;
        if constexpr (Instr)
            if (m_raw.mayWake(id)) t = ticks();
        m_raw.unlock(id);
        // Cleared only after the unlock: a kill in between errs towards "held the lock".
        m_c.slot.holdingLock.store(0, std::memory_order_relaxed);
        if constexpr (Instr) {
            if (t == 0) t = ticks();
            // Not before our begin, even if we moved to a core whose TSC is behind.
            t = std::max(t, m_acquiredAt);
            LockCounters& st = m_c.st;
            ++st.acquisitions;
            st.holdTicks += t - m_acquiredAt;
            if (m_waitBegin) {
                const uint64_t w = m_acquiredAt - m_waitBegin;
                st.waitTicks += w;
                st.maxWaitTicks = std::max(st.maxWaitTicks, w);
                ++st.contended;
            }
            if (m_holdPushed) { // parked and let go: its Acquired is out already
                m_holdPushed = false;
                m_c.ring.push(EventKind::Released, m_c.clock.toNs(t), id, m_seq);
                m_pendingSeq = m_seq;
                return;
            }
            // Only holds of the same lock merge, so stripes keep their own intervals.
            if (m_pending && !m_waitBegin && id == m_pendingLock && m_seq == m_pendingSeq + 1 &&
                m_acquiredAt - m_pendingEnd < m_mergeTicks) {
                m_pendingEnd = t;
            } else {
                flush();
                m_pending = true;
                m_pendingBegin = m_acquiredAt;
                m_pendingEnd = t;
                m_pendingLock = id;
                m_pendingFirstSeq = m_seq;
            }
            m_pendingSeq = m_seq;
        }
    }
    // Pushes the pending hold interval; called before a wait and at every progress batch (out
    // of line, so the inlined fast path stays small).
    // Converted here, once per merged interval rather than twice per element: the conversion
    // is the run's fixed function, so converting later gives the same ns as at capture.
    [[gnu::noinline]] void flush() {
        if (!m_pending) return;
        m_pending = false;
        m_c.ring.pushHold(m_c.clock.toNs(m_pendingBegin), m_c.clock.toNs(m_pendingEnd),
                          m_pendingLock, m_pendingFirstSeq, m_pendingSeq);
    }

  private:
    LockerContext m_c;
    RawLock<S> m_raw;
    uint64_t m_acquiredAt = 0;
    uint64_t m_waitBegin = 0; // 0 = acquired without waiting
    uint64_t m_seq = 0;       // the lock's acquisition sequence number of our current hold
    bool m_pending = false;
    bool m_holdPushed = false; // the current hold's Acquired is in the ring (parked)
    uint64_t m_mergeTicks;
    uint64_t m_pendingBegin = 0, m_pendingEnd = 0; // ticks
    uint64_t m_pendingFirstSeq = 0, m_pendingSeq = 0;
    uint32_t m_pendingLock = 0;
};

// No lock at all (none, atomic): the same interface, empty.
struct NoLocker {
    explicit NoLocker(const LockerContext&) {}
    void lock(uint32_t) {}
    void unlock(uint32_t) {}
    void flush() {}
};

} // namespace shm
