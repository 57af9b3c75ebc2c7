#pragma once
// What the array view's picture looks like, as a number: the lag-1 autocorrelation of the
// values (element i against element i + 1). A smooth curve sampled finely is near 1 (the wave
// workload: cos(8π/n) ≈ 1); sin(i) over integer i jumps ~57° per element, so it is cos(1) ≈
// 0.54 and plots as a noisy band; white noise is near 0. The seed-job lesson checks its picture
// with it, not only that the values are right.
#include <cstdint>
#include <optional>

namespace shm {

// Over all n values when n is at most kMaxPairs + 1, else over kBlocks evenly spread runs of
// consecutive values (a statistic of the picture, so a sample of a million pairs is plenty and
// costs ~1 ms instead of a pass over 10^8 values). Unwritten (NaN) values are skipped with the
// pairs they belong to. Nothing when fewer than 3 usable pairs or the values do not vary.
std::optional<double> lag1Autocorrelation(const double* values, uint64_t n);

} // namespace shm
