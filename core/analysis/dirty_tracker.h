#pragma once
// Which index ranges the workers wrote since the last frame, derived from their published
// progress, so the plot rescans only those. Static partitions are exact (a worker walks its
// share in order). Dynamic/guided pieces are anywhere below the shared cursor: everything
// between the lowest unfinished index (the frontier) and the cursor counts as dirty.
#include "model/run_data.h"
#include "model/settings.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace shm {

class DirtyTracker {
  public:
    using Range = std::pair<uint64_t, uint64_t>; // [first, second)

    void reset(const ExperimentConfig& cfg);
    // Ranges of the data array (bins for histogram) that may have changed since the last call.
    // `cursor` is the segment's schedule cursor; `data` the mapped array (for the frontier).
    std::vector<Range> update(const std::vector<WorkerRecord>& workers, uint64_t cursor,
                              const double* data);

  private:
    ExperimentConfig m_cfg;
    std::vector<uint64_t> m_seen; // processed count per worker at the last update
    uint64_t m_frontier = 0;      // dynamic/guided: all below here is written
};

} // namespace shm
