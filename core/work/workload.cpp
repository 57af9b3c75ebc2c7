#include "workload.h"

#include <cmath>
#include <numbers>

namespace shm {
namespace {

double mandelbrotIterations(uint64_t i, uint64_t n) {
    // The line y = 0.1, x in [-2.0, 0.6]: it crosses the main cardioid and the bulb, so the
    // cost ranges from 1 iteration to the maximum and block partitions get unequal work.
    const double t = n > 1 ? double(i) / double(n - 1) : 0.0;
    const double cx = -2.0 + 2.6 * t, cy = 0.1;
    double x = 0, y = 0;
    uint32_t it = 0;
    while (it < kMandelbrotMaxIter && x * x + y * y <= 4.0) {
        const double xt = x * x - y * y + cx;
        y = 2 * x * y + cy;
        x = xt;
        ++it;
    }
    return double(it);
}

} // namespace

double elementValue(Workload w, uint64_t i, uint64_t n) {
    switch (w) {
    case Workload::Sin:
        return std::sin(double(i));
    case Workload::Wave:
        return std::sin(2.0 * std::numbers::pi * 4.0 * double(i) / double(n));
    case Workload::Mandelbrot:
        return mandelbrotIterations(i, n);
    case Workload::Histogram:
        return 1.0;
    case Workload::Counters: // counts, not values (verify.cpp checks them)
        break;
    }
    return 0.0;
}

std::vector<double> expectedArray(const ExperimentConfig& cfg) {
    if (cfg.workload == Workload::Histogram) {
        std::vector<double> bins(cfg.bins, 0.0);
        for (uint64_t i = 0; i < cfg.elements; ++i)
            bins[histogramBin(i, cfg.bins)] += 1.0;
        return bins;
    }
    if (cfg.workload == Workload::Counters) return {};
    std::vector<double> v(cfg.elements);
    for (uint64_t i = 0; i < cfg.elements; ++i)
        v[i] = elementValue(cfg.workload, i, cfg.elements);
    return v;
}

} // namespace shm
