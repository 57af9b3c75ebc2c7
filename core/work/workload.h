#pragma once
// Workloads and their expected results. The worker and the verifier call the same functions,
// so a correct run matches bit for bit.
#include "settings.h"

#include <cstdint>
#include <vector>

namespace shm {

// The value element i should hold (sin, wave, mandelbrot).
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

// Mandelbrot: escape iterations of the i-th of n points on a line through the set.
inline constexpr uint32_t kMandelbrotMaxIter = 512;

// The whole expected array (bins for histogram). Used by verification and the plot overlay.
std::vector<double> expectedArray(const ExperimentConfig& cfg);

} // namespace shm
