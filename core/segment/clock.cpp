#include "clock.h"

namespace shm {

double nsPerTick() {
    static const double value = [] {
#if defined(__x86_64__) || defined(__i386__)
        const uint64_t n0 = nowNs(), t0 = ticks();
        uint64_t n1 = n0, t1 = t0;
        while (n1 - n0 < 2'000'000) {
            n1 = nowNs();
            t1 = ticks();
        }
        return t1 > t0 ? double(n1 - n0) / double(t1 - t0) : 1.0;
#else
        return 1.0;
#endif
    }();
    return value;
}

} // namespace shm
