#include "analysis/host_groups.h"

#include <algorithm>

namespace shm {

std::vector<HostGroup> groupByHost(const std::vector<WorkerRecord>& workers) {
    std::vector<HostGroup> out;
    for (const WorkerRecord& w : workers) {
        if (!w.pid) continue;
        auto g = std::find_if(out.begin(), out.end(),
                              [&](const HostGroup& h) { return h.index == w.hostIndex; });
        const bool first = g == out.end();
        if (first) {
            out.push_back({w.host, w.hostIndex, {}, w.clockOffsetNs, w.clockErrorNs});
            g = out.end() - 1;
        }
        g->ranks.push_back(w.id);
        // A rank on rank 0's host reports no clock of its own (one clock there).
        if (!first && w.hostIndex != 0 && w.clockErrorNs && w.clockErrorNs < g->clockErrorNs) {
            g->clockOffsetNs = w.clockOffsetNs;
            g->clockErrorNs = w.clockErrorNs;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const HostGroup& a, const HostGroup& b) { return a.index < b.index; });
    return out;
}

} // namespace shm
