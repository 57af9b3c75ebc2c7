#pragma once
// How much of a run's compute window every worker was on a CPU at once ("overlap"), from each
// worker's own CPU clock as it publishes it (WorkerSlot.cpuNs beside its heartbeat).
//
// Why not /proc/<pid>/schedstat or clock_getcpuclockid(pid): read from outside, a running
// task's CPU time only advances at the scheduler tick (here HZ = 250: it jumps by ~4 ms once
// every 4 ms), so per-millisecond shares from it are 0 or 1 by accident of phase. A worker
// reading its own thread clock gets the exact figure (the kernel brings a running task's time
// up to date for itself), and every worker publishes it (model/layout.h, step 4).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shm {

// One worker's CPU time since the barrier (cpuNs) at a CLOCK_MONOTONIC time (tNs).
struct CpuPoint {
    uint64_t tNs = 0;
    uint64_t cpuNs = 0;
    bool operator==(const CpuPoint&) const = default;
};

// The report's overlap figures, or why there are none.
struct CpuOverlap {
    std::optional<double> fraction;     // null: not measured (method says why)
    std::optional<double> resolutionMs; // nominal spacing of the CPU points
    std::string method;                 // how it was measured, or why it was not
    bool operator==(const CpuOverlap&) const = default;
};

// Each worker's CPU time is a piecewise-linear curve through its points (none before its first
// point or after its last: not on a CPU). Between two consecutive break points of all curves
// every worker runs at a constant share of a CPU (its slope, clamped to [0, 1]); the smallest
// share times the interval is time every worker spent on a CPU at once, at most (the true
// overlap of shares a and b within one interval lies between max(0, a + b - 1) and min(a, b)).
// The sum over [fromNs, toNs), minus the excluded intervals (pauses), over that window's length.
// Null when a worker has fewer than two points or the window is empty.
std::optional<double>
overlapFraction(const std::vector<std::vector<CpuPoint>>& workers, uint64_t fromNs, uint64_t toNs,
                const std::vector<std::pair<uint64_t, uint64_t>>& excluded = {});

// The report's figures from a sampler's points: the overlap over the compute window
// [fromNs, toNs) less the pauses, and the method in words with its nominal resolution (the
// sampling period, at least the 1 ms between a worker's CPU readings, doubled per halving).
CpuOverlap measuredOverlap(const std::vector<std::vector<CpuPoint>>& workers, uint64_t fromNs,
                           uint64_t toNs, const std::vector<std::pair<uint64_t, uint64_t>>& pauses,
                           uint64_t periodNs, int halvings);
// Not measured, and why ("the run never started computing").
CpuOverlap unmeasuredOverlap(const std::string& why);

// Keeps a point list within `cap` points by dropping every other inner point (first and last
// stay): the resolution halves, the totals stay exact. Returns how many times it halved.
int thinPoints(std::vector<CpuPoint>& points, size_t cap);

} // namespace shm
