#include "model/update_log.h"

#include <algorithm>

namespace shm {

uint64_t updateLogCapacity(const ExperimentConfig& cfg) {
    if (!logsUpdates(cfg)) return 0;
    const uint64_t even = (cfg.elements + cfg.workers - 1) / cfg.workers;
    // Static shares are at most an even share plus a chunk (block-cyclic's last round).
    const bool claims = cfg.partition == Partition::Dynamic || cfg.partition == Partition::Guided;
    return std::min(cfg.elements, (claims ? 2 * even : even) + cfg.chunk);
}

bool logsUpdates(const ExperimentConfig& cfg) {
    return updateLogOffReason(cfg).empty();
}

std::string updateLogOffReason(const ExperimentConfig& cfg) {
    if (cfg.workload != Workload::Histogram)
        return "only the histogram workload updates shared values";
    if (cfg.transport != Transport::Shared)
        return "with --transport " + std::string(toString(cfg.transport)) +
               " the workers do not update the shared bins";
    if (!cfg.collisions) return "--collisions is off";
    if (cfg.elements > kMaxLoggedUpdates)
        return "the run makes " + std::to_string(cfg.elements) +
               " shared updates, more than the log holds (2000000, 24 bytes each: 48 MB)";
    return {};
}

} // namespace shm
