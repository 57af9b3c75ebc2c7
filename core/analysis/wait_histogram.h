#pragma once
// Wait times of contended lock acquisitions (WaitBegin → Acquired in the event rings) counted
// in log-scaled buckets, three per decade from 100 ns to 10 s. Consumes only new events.
#include "layout.h"

#include <cstdint>
#include <deque>
#include <vector>

class WaitHistogram {
  public:
    static constexpr int kPerDecade = 3;
    static constexpr double kFirstEdgeNs = 100;             // bucket 0 holds waits below this
    static constexpr int kBuckets = 1 + 8 * kPerDecade + 1; // <100 ns, 100 ns..10 s, >= 10 s

    void reset(uint32_t workers);
    // Adds worker k's events newer than those seen before (the deque may have been trimmed).
    void consume(uint32_t k, const std::deque<shm::Event>& events);

    const std::vector<uint64_t>& counts() const { return m_counts; }
    uint64_t total() const { return m_total; }
    static int bucketOf(uint64_t ns);
    static double lowerEdgeNs(int bucket); // 0 for bucket 0

  private:
    std::vector<uint64_t> m_counts = std::vector<uint64_t>(kBuckets, 0);
    std::vector<uint64_t> m_lastT;     // newest event time consumed per worker
    std::vector<uint64_t> m_waitSince; // 0 = not waiting
    uint64_t m_total = 0;
};
