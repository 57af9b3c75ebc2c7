#include "analysis/smoothness.h"

#include <algorithm>
#include <cmath>

namespace shm {
namespace {
constexpr uint64_t kBlocks = 256;
constexpr uint64_t kBlockPairs = 4096;
constexpr uint64_t kMaxPairs = kBlocks * kBlockPairs;

// Sums over the pairs (x, y) = (v[i], v[i + 1]) for the Pearson correlation of x with y.
struct PairSums {
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    void add(const double* v, uint64_t begin, uint64_t end) { // pairs i in [begin, end)
        for (uint64_t i = begin; i < end; ++i) {
            const double x = v[i], y = v[i + 1];
            if (std::isnan(x) || std::isnan(y)) continue;
            n += 1;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
    }
};
} // namespace

std::optional<double> lag1Autocorrelation(const double* values, uint64_t n) {
    if (n < 4) return std::nullopt;
    PairSums s;
    const uint64_t pairs = n - 1;
    if (pairs <= kMaxPairs) {
        s.add(values, 0, pairs);
    } else {
        for (uint64_t b = 0; b < kBlocks; ++b) {
            const uint64_t begin = (pairs - kBlockPairs) * b / (kBlocks - 1);
            s.add(values, begin, begin + kBlockPairs);
        }
    }
    if (s.n < 3) return std::nullopt;
    const double cov = s.sxy - s.sx * s.sy / s.n;
    const double vx = s.sxx - s.sx * s.sx / s.n, vy = s.syy - s.sy * s.sy / s.n;
    if (!(vx > 0) || !(vy > 0)) return std::nullopt; // constant values: no picture to judge
    return std::clamp(cov / std::sqrt(vx * vy), -1.0, 1.0);
}

} // namespace shm
