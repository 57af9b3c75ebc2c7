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
#include "layout.h"
#include "settings.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace shm {

// A closed interval of lock activity, [beginNs, endNs), in the workers' shared clock (the
// header's tick conversion, CLOCK_MONOTONIC based).
struct LockInterval {
    uint64_t beginNs = 0;
    uint64_t endNs = 0;
    uint32_t lock = 0; // 0 = global mutex / spin word, 1.. = stripe index + 1
    bool operator==(const LockInterval&) const = default;
};

// Consumes each worker's event stream incrementally. Memory is bounded: the newest
// `keepPerWorker` holds and the newest `keepPerWorker` waits of each worker are kept (older ones
// are counted in counts().trimmed); 100k intervals of 24 bytes = 2.4 MB per worker and kind.
class LockActivity {
  public:
    static constexpr size_t kDefaultKeep = 100'000;

    struct Counts {
        uint64_t events = 0;    // events consumed
        uint64_t holds = 0;     // closed hold intervals ever built
        uint64_t waits = 0;     // closed wait intervals ever built
        uint64_t trimmed = 0;   // intervals forgotten to bound memory (oldest first)
        uint64_t malformed = 0; // events that did not fit the sequence (a dropped event)
        bool operator==(const Counts&) const = default;
    };

    // Forgets everything. `locks` = lock ids in use (1 for mutex/spin, 1 + stripes for striped).
    void reset(uint32_t workers, uint32_t locks, SyncMode sync,
               size_t keepPerWorker = kDefaultKeep);
    // Adds worker k's next n events (oldest first, continuing where the last call ended).
    void consume(uint32_t worker, const Event* events, size_t n);
    // Worker k's process ended at atNs: an open wait ends there (a dead process waits for
    // nothing). An open hold stays open: the lock stays held by the dead process until a robust
    // mutex's next locker recovers it (it then writes the Released in the dead worker's ring).
    void endWorker(uint32_t worker, uint64_t atNs);

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

  private:
    struct Worker {
        std::deque<LockInterval> holds, waits;
        bool holding = false, waiting = false;
        LockInterval hold, wait; // open ones, endNs = newest event
        uint64_t lastNs = 0;
    };
    void close(std::deque<LockInterval>& into, const LockInterval& iv, uint64_t& counter);

    std::vector<Worker> m_workers;
    uint32_t m_locks = 1;
    SyncMode m_sync = SyncMode::Mutex;
    size_t m_keep = kDefaultKeep;
    uint64_t m_newestNs = 0;
    Counts m_counts;
};

// A time window [t0Ns, t1Ns) split into `columns` equal columns (pixel columns in the view).
struct TimeColumns {
    double t0Ns = 0, t1Ns = 1;
    int columns = 1;
    double columnNs() const { return (t1Ns - t0Ns) / double(columns > 0 ? columns : 1); }
};

// Adds to cover[c] (cover.size() == columns) the fraction of column c that [beginNs, endNs)
// covers: exact overlap length / column span.
void addCoverage(const TimeColumns& w, double beginNs, double endNs, std::vector<double>& cover);

enum class Activity { Hold, Wait };

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
