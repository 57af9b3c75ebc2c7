#include "analysis/lane_groups.h"

#include <algorithm>

namespace shm {

std::vector<LaneGroup> groupLanes(uint32_t workers, int maxLanes) {
    std::vector<LaneGroup> out;
    const uint32_t lanes = uint32_t(std::max(1, maxLanes));
    uint32_t size = 1;
    while (size < workers && (workers + size - 1) / size > lanes)
        size *= 2;
    for (uint32_t k = 0; k < workers; k += size)
        out.push_back({k, std::min(size, workers - k)});
    return out;
}

GroupCoverage groupCoverage(const LaneGroup& g, const std::vector<std::vector<double>>& holds,
                            const std::vector<std::vector<double>>& waits, uint32_t concurrent) {
    const size_t cols = g.first < holds.size() ? holds[g.first].size() : 0;
    GroupCoverage out{std::vector<double>(cols, 0.0), std::vector<double>(cols, 0.0),
                      std::vector<int32_t>(cols, -1)};
    std::vector<double> best(cols, 0.0);
    uint32_t members = 0;
    for (uint32_t k = g.first; k < g.first + g.count && k < holds.size(); ++k, ++members) {
        const std::vector<double>& h = holds[k];
        for (size_t c = 0; c < cols && c < h.size(); ++c) {
            out.hold[c] += h[c];
            if (h[c] > best[c]) {
                best[c] = h[c];
                out.holder[c] = int32_t(k);
            }
        }
        if (k < waits.size())
            for (size_t c = 0; c < cols && c < waits[k].size(); ++c)
                out.wait[c] += waits[k][c];
    }
    if (!members) return out;
    const double holdDivisor = double(std::clamp(concurrent, 1u, members));
    for (size_t c = 0; c < cols; ++c) {
        // Rounding in the rasteriser may add a hair over 1 where holds of one lock abut.
        out.hold[c] = std::min(1.0, out.hold[c] / holdDivisor);
        out.wait[c] = std::min(1.0, out.wait[c] / double(members));
    }
    return out;
}

} // namespace shm
