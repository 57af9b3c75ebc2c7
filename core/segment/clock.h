#pragma once
// Clocks. nowNs(): CLOCK_MONOTONIC through the vDSO (~30 ns in a VM), shared by all processes.
// ticks(): the TSC (~10 ns), used on the lock path where a clock read per acquisition would
// otherwise dominate the cost being measured.
//
// Ticks become ns through ONE conversion per run (TickClock), measured by the creator
// (Segment::create → calibrateTicks) and stored in the segment header; every worker converts
// with it. It is a fixed, monotone function of the TSC, so two events keep their TSC order
// whichever processes recorded them. Before layout 2 each worker calibrated its own rate over
// 2 ms and re-anchored (nowNs(), ticks()) at every progress batch; measured on this VM:
//   - 2 ms calibrations in one process differed by up to 4.9e-4 (490 µs per second of run)
//     between calls: preemption between the two unbracketed clock reads;
//   - a re-anchor's offset was within ±11 ns of the median for 99% of pairs but off by up to
//     31 µs when preempted between the two reads;
// so one worker's events could move 31 µs against another's (or its own earlier batch), and
// holds of one mutex drew on top of each other. A bracketed calibration (tick read between two
// nowNs() reads, tightest of 8) over 5 ms stayed within 60 ns of CLOCK_MONOTONIC 1 s later.
#include <cstdint>
#include <ctime>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

namespace shm {

// CPU time in ns: the one reader of the CPU clocks (workers, MPI ranks, the GUI's frame
// figures). A system call (no vDSO for CPU clocks): read it rarely.
inline uint64_t cpuClockNs(clockid_t clock) {
    timespec ts;
    clock_gettime(clock, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000ull + uint64_t(ts.tv_nsec);
}

// The calling thread's: a shmscope-worker is one thread, and the window's frame cost is its
// GUI thread's.
inline uint64_t threadCpuNs() {
    return cpuClockNs(CLOCK_THREAD_CPUTIME_ID);
}

// The whole process's: an MPI rank also runs the MPI library's progress threads.
inline uint64_t processCpuNs() {
    return cpuClockNs(CLOCK_PROCESS_CPUTIME_ID);
}

inline uint64_t nowNs() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return uint64_t(ts.tv_sec) * 1'000'000'000ull + uint64_t(ts.tv_nsec);
}

#if defined(__x86_64__) || defined(__i386__)
inline uint64_t ticks() {
    return __rdtsc();
}
inline constexpr bool kHaveTsc = true;
#else
inline uint64_t ticks() {
    return nowNs();
}
inline constexpr bool kHaveTsc = false;
#endif

// The run's tick → ns conversion: tickAnchorNs + trunc(int64(t - anchorTick) * nsPerTick).
// Every step is monotone (non-decreasing) in t, so it never reorders two tick values.
// Identity where ticks() is nowNs() (nsPerTick 1, anchors 0).
struct TickClock {
    double nsPerTick = 1.0;
    uint64_t anchorTick = 0;
    uint64_t anchorNs = 0;
    uint64_t toNs(uint64_t t) const {
        const double d = double(int64_t(t - anchorTick)) * nsPerTick;
        return uint64_t(int64_t(anchorNs) + int64_t(d));
    }
    uint64_t span(uint64_t dt) const { return uint64_t(double(dt) * nsPerTick); }
};

// Measures the conversion over about `durationNs` (identity without a TSC).
TickClock calibrateTicks(uint64_t durationNs = 5'000'000);

// The same in two halves, so the interval can do other work (Segment::create fills the array
// meanwhile): finish spins only for what is left of `durationNs` after start.
struct ClockPair {
    uint64_t tick = 0, ns = 0, widthNs = ~uint64_t(0);
};
ClockPair startTickCalibration();
TickClock finishTickCalibration(const ClockPair& start, uint64_t durationNs = 5'000'000);

} // namespace shm
