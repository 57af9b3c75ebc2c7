#include "analysis/cpu_overlap.h"

#include <algorithm>
#include <cstdio>

namespace shm {

std::optional<double> overlapFraction(const std::vector<std::vector<CpuPoint>>& workers,
                                      uint64_t fromNs, uint64_t toNs,
                                      const std::vector<std::pair<uint64_t, uint64_t>>& excluded) {
    if (workers.empty() || toNs <= fromNs) return std::nullopt;
    std::vector<uint64_t> cuts{fromNs, toNs};
    for (const auto& pts : workers) {
        if (pts.size() < 2) return std::nullopt;
        for (const CpuPoint& p : pts)
            if (p.tNs > fromNs && p.tNs < toNs) cuts.push_back(p.tNs);
    }
    for (const auto& [a, b] : excluded)
        for (uint64_t t : {a, b})
            if (t > fromNs && t < toNs) cuts.push_back(t);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    // A worker's share of a CPU over [a, b): the slope of the segment holding it, 0 outside.
    std::vector<size_t> seg(workers.size(), 0);
    const auto share = [&](size_t w, uint64_t a, uint64_t b) {
        const auto& pts = workers[w];
        size_t& j = seg[w];
        while (j + 1 < pts.size() && pts[j + 1].tNs <= a)
            ++j;
        if (a < pts[j].tNs || j + 1 >= pts.size() || b > pts[j + 1].tNs) return 0.0;
        const double dt = double(pts[j + 1].tNs - pts[j].tNs);
        const double dc =
            pts[j + 1].cpuNs > pts[j].cpuNs ? double(pts[j + 1].cpuNs - pts[j].cpuNs) : 0.0;
        return dt > 0 ? std::clamp(dc / dt, 0.0, 1.0) : 0.0;
    };
    double together = 0, window = 0;
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
        const uint64_t a = cuts[i], b = cuts[i + 1];
        const bool skip = std::any_of(excluded.begin(), excluded.end(),
                                      [&](const auto& e) { return a >= e.first && b <= e.second; });
        if (skip) continue;
        double least = 1;
        for (size_t w = 0; w < workers.size(); ++w)
            least = std::min(least, share(w, a, b));
        together += least * double(b - a);
        window += double(b - a);
    }
    if (!(window > 0)) return std::nullopt;
    return together / window;
}

CpuOverlap measuredOverlap(const std::vector<std::vector<CpuPoint>>& workers, uint64_t fromNs,
                           uint64_t toNs, const std::vector<std::pair<uint64_t, uint64_t>>& pauses,
                           uint64_t periodNs, int halvings) {
    CpuOverlap o;
    o.fraction = overlapFraction(workers, fromNs, toNs, pauses);
    if (!o.fraction) {
        o.method = "not measured: a worker published no CPU time during the run";
        return o;
    }
    const double ms = std::max(1.0, double(periodNs) / 1e6) * double(uint64_t(1) << halvings);
    o.resolutionMs = ms;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", ms);
    o.method = "each worker's own CPU clock as it publishes it (cpuNs with its heartbeat), read "
               "every " +
               std::string(buf) +
               " ms; per interval the least share of a CPU among the workers, summed over the "
               "compute window (pauses excluded)";
    return o;
}

CpuOverlap unmeasuredOverlap(const std::string& why) {
    CpuOverlap o;
    o.method = "not measured: " + why;
    return o;
}

int thinPoints(std::vector<CpuPoint>& points, size_t cap) {
    int halvings = 0;
    while (points.size() > std::max<size_t>(cap, 2)) {
        std::vector<CpuPoint> kept;
        kept.reserve(points.size() / 2 + 2);
        for (size_t i = 0; i < points.size(); i += 2)
            kept.push_back(points[i]);
        if (kept.back() != points.back()) kept.push_back(points.back());
        points = std::move(kept);
        ++halvings;
    }
    return halvings;
}

} // namespace shm
