#pragma once
// How a run's workers are scheduled against the app (the worker-priority setting).
//
// 64 workers that never block take both CPUs from the window: CFS shares a CPU by weight, and
// 64 workers at nice 5 (weight 335 each) against one GUI thread at nice 0 (1024) leave the
// window about 5 % of a CPU: frames 350 ms apart (measured; docs/performance.md). At SCHED_IDLE
// a worker's weight is 3, so the window gets its frames whenever it wants them, and the
// workers among themselves are scheduled exactly as before (all alike): a spin lock still
// burns what it burns. The cost is that a run at idle priority waits for every other program
// on the machine, which is why headless runs (the figures of scripts and lessons) keep
// normal priority unless asked.
#include "model/settings.h"

#include <string_view>

namespace shm {

// What the workers of one run get, as the app applies it.
enum class WorkerScheduling : uint8_t {
    Normal,          // unchanged
    NiceWhenCrowded, // nice 5, by the worker itself, when workers outnumber the CPUs
    Nice19,
    Idle, // SCHED_IDLE
};

// windowed: the window shows the run; cpus: the CPUs the app may run on.
WorkerScheduling workerScheduling(const ExperimentConfig& cfg, bool windowed, unsigned cpus);
// The CPUs this process may run on (its affinity mask), as a worker counts them.
unsigned allowedCpus();
// The report's worker_scheduling: "normal", "nice 5", "nice 19", "idle".
std::string_view toString(WorkerScheduling s);
// Lowers the calling process (a child between fork and exec: only system calls). Best effort:
// a process that cannot be lowered still runs, and the report says what was asked.
void lowerThisProcess(WorkerScheduling s);

} // namespace shm
