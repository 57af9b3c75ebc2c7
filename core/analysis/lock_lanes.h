#pragma once
// Lock activity for the timeline, Qt-free: workers' lock events (WaitBegin / Acquired /
// Released, see event_ring.h) turned into closed hold and wait intervals per worker, and a
// rasteriser that maps them onto pixel columns as exact covered fractions.
//
// Why fractions and not "any overlap = a full pixel": at coarse zoom two workers alternating on
// one mutex both touch every column; drawn as "touched" they both look like they hold it all
// the time. As fractions each shows ~half, and for one lock the workers' fractions in a column
// sum to at most 1 (holds of one lock never overlap), so mutual exclusion looks like mutual
// exclusion at every zoom.
#include "model/layout.h"
#include "model/settings.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace shm {

// A closed interval of lock activity, [beginNs, endNs), in the workers' shared clock (the
// header's tick conversion, CLOCK_MONOTONIC based).
struct LockInterval {
    uint64_t beginNs = 0;
    uint64_t endNs = 0;
    uint32_t lock = 0; // 0 = global mutex / spin word, 1.. = stripe index + 1
    // Covers no time: a hold cut to nothing (LockActivity::consume); drawn and exported nowhere.
    bool empty() const { return endNs <= beginNs; }
    bool operator==(const LockInterval&) const = default;
};

enum class Activity { Hold, Wait };

// Consumes each worker's event stream incrementally. Memory is bounded: the newest
// `keepPerWorker` holds and the newest `keepPerWorker` waits of each worker are kept (older ones
// are counted in counts().trimmed); 100k intervals of 24 bytes = 2.4 MB per worker and kind;
// plus, for cutting overlaps, up to kOrderBudget recent holds of all locks together.
class LockActivity {
  public:
    static constexpr size_t kDefaultKeep = 100'000;
    // What the window keeps per worker: kDefaultKeep up to 64 workers, then the same total
    // shared out (256 workers: 25,000 each), so 256 workers' lanes hold at most what 64
    // workers' did (~150 MB per kind) instead of four times that.
    static constexpr size_t keepPerWorker(uint32_t workers) {
        return workers <= 64 ? kDefaultKeep : 64 * kDefaultKeep / workers;
    }

    struct Counts {
        uint64_t events = 0;    // events consumed
        uint64_t holds = 0;     // closed hold intervals ever built
        uint64_t waits = 0;     // closed wait intervals ever built
        uint64_t trimmed = 0;   // intervals forgotten to bound memory (oldest first)
        uint64_t malformed = 0; // events that did not fit the sequence (a dropped event)
        uint64_t cut = 0;       // overlaps of two holders of one lock cut (see cutOverlap)
        bool operator==(const Counts&) const = default;
    };

    // Forgets everything. `locks` = lock ids in use (1 for mutex/spin, 1 + stripes for striped).
    void reset(uint32_t workers, uint32_t locks, SyncMode sync,
               size_t keepPerWorker = kDefaultKeep);
    // Adds worker k's next n events (oldest first, continuing where the last call ended).
    // Holds of one lock are kept one at a time: a hold's measured ends lie a few instructions
    // outside the lock (locks.h), so where two holders' intervals overlap, the one with the
    // earlier acquisition sequence (Event) ends where the later one begins (cutOverlap). Done
    // as the holds arrive, whichever worker's events come first.
    void consume(uint32_t worker, const Event* events, size_t n);
    // Worker k's process ended at atNs: an open wait ends there (a dead process waits for
    // nothing). An open hold stays open: the lock stays held by the dead process until a robust
    // mutex's next locker recovers it (it then writes the Released in the dead worker's ring).
    void endWorker(uint32_t worker, uint64_t atNs);
    // Sets worker k's closed intervals of one kind (oldest first, disjoint: as this class
    // built them, e.g. read back from a recording) and its open one, replacing what it had:
    // a replay at some moment (record/replay.h) rebuilds the activity the window had then
    // without re-cutting anything. Beyond keepPerWorker the oldest are trimmed, as consume
    // would have. Holds restored so are not in the cutting order: consume nothing after.
    void restore(uint32_t worker, Activity kind, std::span<const LockInterval> closed,
                 std::optional<LockInterval> open);

    uint32_t workers() const { return uint32_t(m_workers.size()); }
    uint32_t locks() const { return m_locks; }
    SyncMode sync() const { return m_sync; }
    // Closed intervals of worker k, oldest first, disjoint and ordered.
    const std::deque<LockInterval>& holds(uint32_t k) const { return m_workers.at(k).holds; }
    const std::deque<LockInterval>& waits(uint32_t k) const { return m_workers.at(k).waits; }
    // Still holding / waiting at worker k's newest event: endNs is that event's time.
    std::optional<LockInterval> openHold(uint32_t k) const;
    std::optional<LockInterval> openWait(uint32_t k) const;
    uint64_t newestNs() const { return m_newestNs; } // newest event time of any worker, 0 = none
    const Counts& counts() const { return m_counts; }

    // For a consumer that copies the intervals away as they settle (the recorder): how many
    // holds / waits worker k ever closed (trimmed and released ones included), so
    // holds(k)[i - (holdsClosed(k) - holds(k).size())] is the i-th hold ever closed.
    uint64_t holdsClosed(uint32_t k) const;
    uint64_t waitsClosed(uint32_t k) const;
    // Forgets worker k's oldest `holds` holds and `waits` waits, which the caller has copied
    // (not counted as trimmed). Only ones settled: ended kOrderHorizonNs before newestNs(), so
    // no later hold can cut them any more.
    void release(uint32_t k, size_t holds, size_t waits);
    // A closed hold is cut by a later-arriving overlapping hold only while it ended less than
    // this before the newest event (see settle()); after that it is final.
    static constexpr uint64_t kOrderHorizonNs = 2'000'000'000;

  private:
    struct Worker {
        std::deque<LockInterval> holds, waits;
        uint64_t holdBase = 0; // holds ever closed before holds.front() (trimmed, released)
        uint64_t waitBase = 0; // the same for waits
        bool holding = false, waiting = false;
        LockInterval hold, wait;   // open ones, endNs = newest event
        uint64_t holdSequence = 0; // the open hold's first acquisition sequence, 0 = unknown
        uint64_t lastNs = 0;
    };
    // A closed hold of one lock, by its first acquisition sequence (unwrapped).
    struct HoldRef {
        uint32_t worker;
        uint64_t index; // among the worker's holds ever closed
        uint64_t lastSequence;
    };
    using OrderMap = std::map<uint64_t, HoldRef>;
    struct LockOrder {
        OrderMap holds;                 // live holds with a sequence that may still be cut
        uint64_t newestSequence = 0;    // for unwrapping the events' 40 bits
        uint64_t forgottenSequence = 0; // the last sequence of the newest hold forgotten
        uint64_t floorNs = 0;           // the latest end of a forgotten hold
    };
    // Holds kept per lock for cutting (~80 bytes each): at least kOrderKeep while a neighbour
    // may still come, never more than the lock's share of kOrderBudget (all locks: at most
    // ~80 MB). The budget exceeds what one frame delivers (the controller hands out at most
    // 2^18 events per worker a frame), or the holds of workers read later in a frame would be
    // cut at the floor of the ones read first.
    static constexpr size_t kOrderKeep = 1 << 12, kOrderBudget = 1 << 20, kOrderMinPerLock = 64;
    // Appends; true when the oldest interval was forgotten to make room.
    bool close(std::deque<LockInterval>& into, const LockInterval& iv, uint64_t& counter);
    void closeHold(uint32_t k, LockInterval iv, uint64_t firstSequence, uint64_t lastSequence);
    uint64_t unwrap(uint32_t lock, const Event& e); // 0 = none
    LockInterval* liveAt(const HoldRef& r);
    OrderMap::iterator prevLive(OrderMap& m, OrderMap::iterator it);
    OrderMap::iterator nextLive(OrderMap& m, OrderMap::iterator it);
    bool cutAtFloor(const LockOrder& o, LockInterval& iv);
    void settle(uint32_t lock, uint64_t firstSequence);
    void cutOpenHold(uint32_t lock, uint64_t firstSequence, LockInterval& open);
    void trimOrder(LockOrder& o);

    std::vector<Worker> m_workers;
    std::vector<LockOrder> m_order; // per lock id
    std::vector<uint64_t> m_todo;   // settle's work list, kept to spare an allocation per hold
    uint32_t m_locks = 1;
    SyncMode m_sync = SyncMode::Mutex;
    size_t m_keep = kDefaultKeep;
    uint64_t m_newestNs = 0;
    Counts m_counts;
};

// Makes two holds of one lock, `earlier` with the smaller acquisition sequence, not overlap,
// by shortening them only (so a worker's own holds stay ordered, and holds already made
// disjoint stay so). The true boundary lies where both measurements allow it: the later hold
// begins at its own begin if that is after the earlier hold's begin (the earlier one's end was
// read late: after its unlock, or after a preemption there); else its begin was read before a
// try_lock that waited out the earlier hold (a preemption), and it begins where the earlier
// one ends. A clock disorder the workers could not see may leave one of them empty. Returns
// whether anything was cut.
bool cutOverlap(LockInterval& earlier, LockInterval& later);

// A time window [t0Ns, t1Ns) split into `columns` equal columns (pixel columns in the view).
struct TimeColumns {
    double t0Ns = 0, t1Ns = 1;
    int columns = 1;
    double columnNs() const { return (t1Ns - t0Ns) / double(columns > 0 ? columns : 1); }
};

// Adds to cover[c] (cover.size() == columns) the fraction of column c that [beginNs, endNs)
// covers: exact overlap length / column span.
void addCoverage(const TimeColumns& w, double beginNs, double endNs, std::vector<double>& cover);

// Worker k's hold or wait coverage per column (0..1), including the open interval, which is
// drawn up to `openEndNs` (the view's "now"; pass activity.newestNs() after a run). `lock` < 0:
// any lock; else only that lock id.
std::vector<double> workerCoverage(const LockActivity& a, uint32_t k, Activity kind,
                                   const TimeColumns& w, uint64_t openEndNs, int lock = -1);

// One lane about a lock (or all stripes) rather than a worker.
struct LockLane {
    std::string label;           // "lock", "s0".."s7", "stripes"
    std::vector<double> cover;   // per column, 0..1: time held / column span (summary: mean
                                 // number of stripes held / stripes)
    std::vector<int32_t> holder; // per column: worker holding it longest there, -1 = nobody
};

// mutex/spin: one lane "lock"; striped with <= kMaxStripeLanes stripes: one lane per stripe
// "s0".."s7"; more stripes: one summary lane "stripes". No lanes for none/atomic.
inline constexpr uint32_t kMaxStripeLanes = 8;
// `holds`: every worker's workerCoverage(Hold, any lock) if the caller has it already (the
// timeline draws it in the worker lanes); reused wherever a lane covers any lock or the only
// lock, so a frame computes each worker's holds once (with 64 workers it was twice).
std::vector<LockLane> lockLanes(const LockActivity& a, const TimeColumns& w, uint64_t openEndNs,
                                const std::vector<std::vector<double>>* holds = nullptr);
// How many lanes lockLanes() returns for a's sync mode, without computing them (layout).
uint32_t lockLaneCount(const LockActivity& a);

} // namespace shm
