#include "verify.h"

#include "workload.h"

#include <cmath>
#include <vector>

namespace shm {

VerifyResult verify(const ExperimentConfig& cfg, const double* data) {
    VerifyResult r;
    if (cfg.workload == Workload::Counters) {
        // Every worker's own counter reached exactly its increments.
        const auto* counters = reinterpret_cast<const uint64_t*>(data);
        for (uint32_t k = 0; k < cfg.workers; ++k) {
            const uint64_t v = counters[cfg.counterSlot(k)];
            r.unwritten += v == 0;
            r.mismatches += v != cfg.increments;
        }
        return r;
    }
    if (cfg.workload == Workload::Histogram) {
        const std::vector<double> expected = expectedArray(cfg);
        double total = 0;
        for (uint64_t b = 0; b < cfg.bins; ++b) {
            total += data[b];
            if (data[b] != expected[b]) ++r.mismatches;
        }
        r.lostUpdates = int64_t(cfg.elements) - int64_t(std::llround(total));
        return r;
    }
    // Worker and verifier run the same function, so a correct element is bit-identical.
    // Streamed, not materialised: 10^8 expected doubles would be another 800 MB.
    for (uint64_t i = 0; i < cfg.elements; ++i) {
        const double v = data[i];
        if (std::isnan(v)) {
            ++r.unwritten;
            ++r.mismatches;
        } else if (v != elementValue(cfg.workload, i, cfg.elements)) {
            ++r.mismatches;
        }
    }
    return r;
}

} // namespace shm
