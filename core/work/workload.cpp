#include "work/workload.h"

#include <cmath>
#include <numbers>

namespace shm {

double elementValue(Workload w, uint64_t i, uint64_t n) {
    switch (w) {
    case Workload::Sin:
        return elementValueOf<Workload::Sin>(i, n);
    case Workload::Wave:
        return elementValueOf<Workload::Wave>(i, n);
    case Workload::Mandelbrot:
        return elementValueOf<Workload::Mandelbrot>(i, n);
    case Workload::Histogram:
        return elementValueOf<Workload::Histogram>(i, n);
    case Workload::Counters:
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
