#pragma once
// Checks a finished (or live) array against the workload's expected values.
#include "model/settings.h"

#include <cstdint>
#include <optional>

namespace shm {

struct VerifyResult {
    uint64_t mismatches = 0; // elements or bins whose value differs from expected
    uint64_t unwritten = 0;  // elements never written (still NaN); counted in mismatches too
    int64_t lostUpdates = 0; // histogram: expected total - actual total; 0 otherwise
    // sin, wave, mandelbrot: what the picture looks like (analysis/smoothness.h); read from the
    // same array at the same moment, so it is kept with the verdict.
    std::optional<double> lag1Autocorrelation;
    bool operator==(const VerifyResult&) const = default;
};

VerifyResult verify(const ExperimentConfig& cfg, const double* data);

// Elements [begin, end) of an n-element sin, wave or mandelbrot array; values[k] holds element
// begin + k. One thread; verify() splits the array over every core.
VerifyResult verifyRange(Workload w, const double* values, uint64_t begin, uint64_t end,
                         uint64_t n);

} // namespace shm
