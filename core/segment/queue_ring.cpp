#include "segment/queue_ring.h"

#include <cmath>

namespace shm {

namespace {
std::string num(uint64_t v) {
    return std::to_string(v);
}
} // namespace

std::string checkMessage(const QueueMessage& m, const QueueBounds& b) {
    if (m.worker >= b.workers)
        return "worker " + num(m.worker) + " (the run has " + num(b.workers) + ")";
    if (m.count == 0 || m.count > kQueueBatchValues)
        return num(m.count) + " results (1 to " + num(kQueueBatchValues) + " fit a message)";
    if (m.bins > 1 || m.pad != 0)
        return "flags " + num(m.bins) + "/" + num(m.pad) + " (0 or 1, then 0)";
    if (bool(m.bins) != b.bins)
        return b.bins ? "values where this run sends bins" : "bins where this run sends values";
    if (m.bins) {
        for (uint32_t j = 0; j < m.count; ++j) {
            const double v = m.values[j];
            // Written as double(bin): an exact integer below the array's length, nothing else.
            if (!(v >= 0 && v < double(b.dataCount)) || v != std::floor(v))
                return "bin " + std::to_string(v) + " at " + num(j) + " (the run has " +
                       num(b.dataCount) + " bins)";
        }
        return {};
    }
    if (m.stride == 0) return "stride 0";
    if (m.begin >= b.dataCount)
        return "first index " + num(m.begin) + " (the array has " + num(b.dataCount) + ")";
    // The last index, begin + (count - 1) * stride, must be below dataCount: compared as
    // (count - 1) <= (dataCount - 1 - begin) / stride, which cannot overflow.
    if (uint64_t(m.count - 1) > (b.dataCount - 1 - m.begin) / m.stride)
        return num(m.count) + " results from index " + num(m.begin) + " by " + num(m.stride) +
               " (the array has " + num(b.dataCount) + ")";
    return {};
}

} // namespace shm
