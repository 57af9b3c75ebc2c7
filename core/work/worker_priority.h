#pragma once
// How a run's workers are scheduled against the app (the worker-priority setting).
//
// 64 workers that never block take both CPUs from the window: CFS shares a CPU by weight, and
// 64 workers at nice 5 (weight 335 each) against one GUI thread at nice 0 (1024) leave the
// window about 5 % of a CPU: frames 350 ms apart (measured; docs/performance.md). So in the
// window a crowd gets a nice value that makes the workers sharing one CPU weigh at most half
// the GUI thread: the window then gets about two thirds of a CPU whenever it wants one, and the
// workers among themselves are scheduled exactly as before (all alike): a spin lock still
// burns what it burns. Not SCHED_IDLE (weight 3): idle workers run only on CPU time nothing
// else wants, so two CPU hogs elsewhere on the machine starved a 4-worker slow-motion run for
// minutes (measured). Headless runs (the figures of scripts and lessons) keep nice 5 when
// crowded unless asked.
#include "model/settings.h"

#include <string>

namespace shm {

// What the workers of one run get, as the app applies it.
struct WorkerScheduling {
    enum class Kind : uint8_t {
        Normal,          // unchanged
        NiceWhenCrowded, // nice 5, by the worker itself, when workers outnumber the CPUs
        Nice,            // `nice`, set by the app
        Idle,            // SCHED_IDLE
    };
    Kind kind = Kind::Normal;
    int nice = 0; // Kind::Nice only
    bool operator==(const WorkerScheduling&) const = default;
};

// windowed: the window shows the run; cpus: the CPUs the app may run on.
WorkerScheduling workerScheduling(const ExperimentConfig& cfg, bool windowed, unsigned cpus);
// The nice value (5..19) at which `workers` workers on `cpus` CPUs weigh at most half of one
// nice-0 thread per CPU, or 19 when even that weighs more.
int crowdNice(uint32_t workers, unsigned cpus);
// How much slow-motion delay a worker of a crowd (more workers than `cpus`) owes before it
// sleeps it, 0 for a delay slept (or spun) element by element. Only where no lock spans the
// delay (none, atomics): about a millisecond per worker sharing a CPU, at most 32 ms. Element by
// element, 64 workers' 20 µs sleeps on 2 CPUs kept all 64 runnable: 95,000 context switches and
// 39,000 timer interrupts a second, 65 % system time, a 10^6-element run 16 s long for 0.31 s of
// delays, and the window's frames took twice their CPU time. Owed, the workers keep the rate
// the delay asks for (0.37 s) and each one's elements come in bursts shorter than a frame.
// Under a lock the delay is the time it is held: per element, always.
uint64_t owedDelayQuantumNs(SyncMode sync, uint32_t workers, unsigned cpus);
// The CPUs this process may run on (its affinity mask), as a worker counts them.
unsigned allowedCpus();
// The report's worker_scheduling: "normal", "nice 5" ... "nice 19", "idle".
std::string toString(WorkerScheduling s);
// Lowers the calling process (a child between fork and exec: only system calls). Best effort:
// a process that cannot be lowered still runs, and the report says what was asked.
void lowerThisProcess(WorkerScheduling s);
// The same for process `pid` (a worker the app has just started).
void lowerProcess(int64_t pid, WorkerScheduling s);

} // namespace shm
