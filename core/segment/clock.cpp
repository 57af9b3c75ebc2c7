#include "segment/clock.h"

namespace shm {
namespace {

// A tick read bracketed by two clock reads; the tightest of several, so a preemption between
// the reads (measured: up to 31 µs) does not become the anchor.
ClockPair readPair() {
    ClockPair best;
    for (int i = 0; i < 8; ++i) {
        const uint64_t a = nowNs(), t = ticks(), b = nowNs();
        if (b - a < best.widthNs) best = {t, a + (b - a) / 2, b - a};
    }
    return best;
}

} // namespace

ClockPair startTickCalibration() {
    return kHaveTsc ? readPair() : ClockPair{};
}

TickClock finishTickCalibration(const ClockPair& p0, uint64_t durationNs) {
    TickClock c;
    if constexpr (!kHaveTsc) return c;
    while (nowNs() - p0.ns < durationNs) {
    }
    const ClockPair p1 = readPair();
    if (p1.tick <= p0.tick || p1.ns <= p0.ns) return c;
    c.nsPerTick = double(p1.ns - p0.ns) / double(p1.tick - p0.tick);
    // Anchored at the end of the calibration, the point nearest the run.
    c.anchorTick = p1.tick;
    c.anchorNs = p1.ns;
    return c;
}

TickClock calibrateTicks(uint64_t durationNs) {
    return finishTickCalibration(startTickCalibration(), durationNs);
}

} // namespace shm
