#pragma once
// Time (ns since the barrier opened) to x pixel and back, for the lock timeline; kept out of
// paint code so it can be tested with plain numbers.
#include <algorithm>
#include <cstdint>

namespace shm {

struct TimeMapping {
    double t0 = 0, t1 = 1; // visible window, ns
    double x0 = 0, x1 = 1; // pixel span it maps to

    double toX(double t) const { return x0 + (t - t0) * (x1 - x0) / std::max(1.0, t1 - t0); }
    double toT(double x) const {
        return t0 + (x - x0) * std::max(1.0, t1 - t0) / std::max(1.0, x1 - x0);
    }
    // Zooms by factor around time t (factor < 1 zooms in), never below minSpan ns.
    void zoom(double t, double factor, double minSpan) {
        const double span = std::max(minSpan, (t1 - t0) * factor);
        const double f = (t - t0) / std::max(1.0, t1 - t0);
        t0 = t - f * span;
        t1 = t0 + span;
    }
};

} // namespace shm
