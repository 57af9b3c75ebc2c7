#pragma once
#include <cstdint>
#include <ctime>

namespace shm {
// CLOCK_MONOTONIC through the vDSO: ~20 ns, shared by all processes on the machine, so
// timestamps from different workers can be drawn on one timeline.
inline uint64_t nowNs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000ull + uint64_t(ts.tv_nsec);
}
} // namespace shm
