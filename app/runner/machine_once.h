#pragma once
// This process's machine figures (core/probe): taken once, before the first run, from the
// per-boot cache or measured then. The probe keeps two CPUs busy for a third of a second, so
// it never runs beside a run's workers: the controller asks before it starts any.
#include "probe/machine_figures.h"

namespace machine_once {

// From the cache, or measured now (blocks, at most about a second); later calls return the
// same figures at once.
shm::MachineFigures figures();
// Measured now whatever the cache holds, and cached (--probe, the window's Measure Again);
// later figures() return these.
shm::MachineFigures measureAgain();
// What is known without measuring or waiting: the figures taken, else this boot's cache, else
// none (every figure null). For reports of runs that never started, and the window.
shm::MachineFigures known();
// figures() on a thread of its own, now: the window's first run then finds them ready (a run
// started meanwhile waits for the probe to end before its workers start).
void prefetch();

} // namespace machine_once
