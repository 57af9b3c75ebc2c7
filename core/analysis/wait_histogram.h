#pragma once
// Wait times of contended lock acquisitions (WaitBegin → Acquired in the event rings) counted
// in log-scaled buckets, three per decade from 100 ns to 10 s. Consumes only new events.
#include "model/layout.h"
#include "model/run_data.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shm {

class WaitHistogram {
  public:
    static constexpr int kPerDecade = 3;
    static constexpr double kFirstEdgeNs = 100;             // bucket 0 holds waits below this
    static constexpr int kBuckets = 1 + 8 * kPerDecade + 1; // <100 ns, 100 ns..10 s, >= 10 s

    void reset(uint32_t workers);
    // Adds worker k's next n events (each event once; a wait may begin in one call and end in
    // the next).
    void consume(uint32_t k, const Event* events, size_t n);
    // Counts one wait of waitNs directly (a replay rebuilding the histogram from the wait
    // intervals a recording kept, record/replay.h).
    void add(uint64_t waitNs);

    const std::vector<uint64_t>& counts() const { return m_counts; }
    uint64_t total() const { return m_total; }
    static int bucketOf(uint64_t ns);
    static double lowerEdgeNs(int bucket); // 0 for bucket 0

    // Waits still going on at the snapshot's end (metrics.h openWaitNs: a dead or stopped
    // holder, a stop; live, up to now), per bucket of their length so far: each waited at
    // least that long. The events count a wait only when it is acquired, so these are in no
    // bucket of counts(); the window draws them apart, as "still waiting".
    static std::vector<uint64_t> openCounts(const RunSnapshot& s);

  private:
    std::vector<uint64_t> m_counts = std::vector<uint64_t>(kBuckets, 0);
    std::vector<uint64_t> m_waitSince; // 0 = not waiting
    uint64_t m_total = 0;
};

} // namespace shm
