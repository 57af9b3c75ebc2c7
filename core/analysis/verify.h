#pragma once
// Checks a finished (or live) array against the workload's expected values.
#include "model/settings.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <stop_token>

namespace shm {

struct VerifyResult {
    uint64_t mismatches = 0; // elements or bins whose value differs from expected
    uint64_t unwritten = 0;  // elements never written (still NaN); counted in mismatches too
    int64_t lostUpdates = 0; // histogram: expected total - actual total; 0 otherwise
    // sin, wave, mandelbrot: what the picture looks like (analysis/smoothness.h); read from the
    // same array at the same moment, so it is kept with the verdict.
    std::optional<double> lag1Autocorrelation;
    // Stopped (VerifyOptions::stop) before every element was checked: the counts above cover
    // only part of the array, so nothing is verified; a report says "not verified", never
    // "0 mismatches".
    bool cancelled = false;
    bool operator==(const VerifyResult&) const = default;
};

// How verify() runs: on how many threads, stopped how, and how far it got.
struct VerifyOptions {
    // Parts checked at once, one thread each: 0 = one per core (at least 2^18 elements each).
    // 1 = on the calling thread, the single-thread reference the benchmark compares with.
    unsigned parts = 0;
    // Once requested, every part ends within one slice (~1 ms of work) and the result comes
    // back cancelled: a window's Stop, its closing or SIGTERM must not wait for 10^9 elements.
    std::stop_token stop;
    // Elements checked so far, added per slice (a progress figure; may stay null).
    std::atomic<uint64_t>* checked = nullptr;
};

VerifyResult verify(const ExperimentConfig& cfg, const double* data,
                    const VerifyOptions& options = {});
// Part p of `parts` covers elements [n·p/parts, n·(p+1)/parts): the boundaries verify() uses.
uint64_t verifyPartBegin(uint64_t n, uint64_t parts, uint64_t p);

// Elements [begin, end) of an n-element sin, wave or mandelbrot array; values[k] holds element
// begin + k. One thread, not cancellable; verify() splits the array over every core.
VerifyResult verifyRange(Workload w, const double* values, uint64_t begin, uint64_t end,
                         uint64_t n);

} // namespace shm
