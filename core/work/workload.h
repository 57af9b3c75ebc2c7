#pragma once
// Workloads and their expected results. The worker and the verifier call the same functions
// (the verifier sin and wave by angle addition: see matchesExpected).
#include "model/settings.h"
#include "work/sin_batch.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace shm {

// Mandelbrot: escape iterations of the i-th of n points on a line through the set.
inline constexpr uint32_t kMandelbrotMaxIter = 512;

inline double mandelbrotIterations(uint64_t i, uint64_t n) {
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

// The value element i should hold, one function per workload (sin, wave, mandelbrot): inline,
// so a loop chosen once per chunk (worker) or range (verifier) calls it with no dispatch per
// element — the same code a plain loop computing the array would be.
// wave's phase as the worker rounds it: the verifier steps from it (verify.cpp).
inline double wavePhase(uint64_t i, uint64_t n) {
    return 2.0 * std::numbers::pi * 4.0 * double(i) / double(n);
}

template <Workload W> inline double elementValueOf(uint64_t i, uint64_t n) {
    if constexpr (W == Workload::Sin) {
        // The workers' own sine (sin_batch.h): the expected values shown and exported are then
        // exactly what a correct worker wrote, not an ulp away from it.
        double v;
        sinOfIndices(&v, i, 1, 1);
        return v;
    } else if constexpr (W == Workload::Wave) {
        return std::sin(wavePhase(i, n));
    } else if constexpr (W == Workload::Mandelbrot) {
        return mandelbrotIterations(i, n);
    } else if constexpr (W == Workload::Histogram) {
        return 1.0;
    } else {
        return 0.0; // counters: counts, not values (verify.cpp checks them)
    }
}

// Whether a stored value is the expected one: within 4e-15 (18 ulp of 1), not bit for bit.
// The verifier computes sin and wave by angle addition (at most ~6e-16 from std::sin, for a
// fraction of its cost), and a worker on another libm (numpy's SIMD sin, an MPI rank on another
// host) may differ by a few ulp. Tight enough that a neighbour's value is caught everywhere in sin
// and, in wave, except within ~10^-7 of a period around its extrema for n >= 4·10^8 (there
// neighbours differ by less); mandelbrot iterations and histogram counts are whole numbers.
inline constexpr double kMatchTolerance = 4e-15;
inline bool matchesExpected(double value, double expected) {
    return std::fabs(value - expected) <= kMatchTolerance; // false for NaN
}

// The same, chosen at run time (one switch per call).
double elementValue(Workload w, uint64_t i, uint64_t n);

// Histogram: the bin index i adds 1 to. A hash, so neighbouring indices hit different bins and
// every worker touches every bin: the worst case for a read-modify-write without a lock.
inline uint64_t histogramBin(uint64_t i, uint32_t bins) {
    uint64_t z = i + 0x9e3779b97f4a7c15ull; // splitmix64 finaliser
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    return z % bins;
}

// The whole expected array (bins for histogram). Used by verification and the plot overlay.
std::vector<double> expectedArray(const ExperimentConfig& cfg);

} // namespace shm
