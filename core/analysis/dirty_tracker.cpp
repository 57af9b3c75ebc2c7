#include "analysis/dirty_tracker.h"

#include "work/partition.h"

#include <algorithm>
#include <cmath>

namespace shm {

void DirtyTracker::reset(const ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_seen.assign(cfg.workers, 0);
    m_frontier = 0;
}

std::vector<DirtyTracker::Range> DirtyTracker::update(const std::vector<WorkerRecord>& workers,
                                                      uint64_t cursor, const double* data) {
    std::vector<Range> out;
    bool anyProgress = false;
    const size_t n = std::min(workers.size(), m_seen.size());
    for (size_t k = 0; k < n; ++k) {
        const uint64_t before = m_seen[k], now = workers[k].processed;
        if (now <= before) continue;
        anyProgress = true;
        m_seen[k] = now;
        if (m_cfg.workload == Workload::Histogram || !isStatic(m_cfg.partition)) continue;
        const uint64_t first = staticIndex(m_cfg, uint32_t(k), before);
        const uint64_t last = staticIndex(m_cfg, uint32_t(k), now - 1);
        out.emplace_back(first, std::min(last + 1, m_cfg.elements));
    }
    if (!anyProgress) return out;
    if (m_cfg.workload == Workload::Histogram) {
        // Every update may hit any bin: the bins are few, rescan them all.
        out.emplace_back(0, m_cfg.bins);
    } else if (!isStatic(m_cfg.partition)) {
        const uint64_t claimed = std::min(cursor, m_cfg.elements);
        const uint64_t from = m_frontier;
        // Pieces are written front to back, so the first NaN is the oldest unfinished piece.
        while (data && m_frontier < claimed && !std::isnan(data[m_frontier]))
            ++m_frontier;
        if (from < claimed) out.emplace_back(from, claimed);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace shm
