#pragma once
// When a figure cannot be trusted, the report says so in a sentence (Caveat): a worker that got
// a fraction of a CPU (the machine is busy), a speedup above the cores, a sweep baseline that
// was itself starved. The run report, the sweep and the window all take them from here.
#include "analysis/report.h"

#include <optional>
#include <string>
#include <vector>

namespace shm {

// Below this share of a CPU, outside its lock waits, a worker was starved.
inline constexpr double kLowCpuShare = 0.8;

// The cores this process may run on (taskset and containers limit them), like nproc.
unsigned usableCores();

// "35 %"
std::string percentText(double fraction);

// A worker's CPU over its busy time less its lock waits (a futex waiter sleeps on purpose; a
// spin waiter burns CPU and comes out above 1). Unset when it cannot be judged: a worker that
// did not finish its work, published no CPU time, or was busy under 10 ms outside waits.
std::optional<double> judgedCpuShare(const WorkerReport& w);
// The lowest judged share of the run's workers; unset when none can be judged or the run sleeps
// on purpose (slow motion).
std::optional<double> lowestCpuShare(const RunReport& r);

// The run's caveats, in a fixed order: more workers than cores, each starved worker, (counters)
// workers that rarely ran together.
std::vector<Caveat> runCaveats(const RunReport& r, unsigned cores);

std::string caveatsJson(const std::vector<Caveat>& caveats); // [{"code": .., "text": ..}, ..]

} // namespace shm
