#pragma once
// Clocks. nowNs(): CLOCK_MONOTONIC through the vDSO (~30 ns in a VM), shared by all processes,
// so timestamps from different workers can be drawn on one timeline. ticks(): the TSC (~10 ns),
// used on the lock path where a clock read per acquisition would otherwise dominate the cost
// being measured; workers convert ticks to CLOCK_MONOTONIC ns against anchors they refresh at
// every progress batch, so conversion error stays far below a microsecond.
#include <cstdint>
#include <ctime>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

namespace shm {

inline uint64_t nowNs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000ull + uint64_t(ts.tv_nsec);
}

#if defined(__x86_64__) || defined(__i386__)
inline uint64_t ticks() {
    return __rdtsc();
}
#else
inline uint64_t ticks() {
    return nowNs();
}
#endif

// Nanoseconds per tick, measured once per process against CLOCK_MONOTONIC (about 2 ms).
double nsPerTick();

// Maps ticks to CLOCK_MONOTONIC ns from the last anchor.
struct TickClock {
    double nsPerTick = 1.0;
    uint64_t anchorTick = 0;
    uint64_t anchorNs = 0;
    void reanchor() {
        anchorNs = nowNs();
        anchorTick = ticks();
    }
    uint64_t toNs(uint64_t t) const {
        const double d = (double(t) - double(anchorTick)) * nsPerTick;
        return uint64_t(int64_t(anchorNs) + int64_t(d));
    }
    uint64_t span(uint64_t dt) const { return uint64_t(double(dt) * nsPerTick); }
};

} // namespace shm
