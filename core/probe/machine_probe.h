#pragma once
// Measures what this machine can show (probe/machine_figures.h), in about a third of a second
// on an idle machine. Busy threads: never run it while a run's workers are running.
#include "probe/machine_figures.h"

#include <string>

namespace shm {

MachineFigures measureMachine();

// The parts, for the probe's tests and its docs.
struct LineCost {
    double sharedNs = 0, privateNs = 0; // per increment, medians over the trials
    double overlap = 0; // share of all windows in which both threads ran (machine_probe.cpp)
    bool pinned = false;
    std::string cpus; // "0/1", empty when unpinned
    std::string note; // why the two could not be compared; empty when they could
};
double measureParallelCores(int threads, double seconds);
LineCost measureLineCost();
double measureTimerStepNs();
// /dev/shm's line in /proc/mounts: its type and whether it sits on huge pages.
void readShmMount(MachineFigures& m, const std::string& mountsPath = "/proc/mounts");
std::string readBootId();

} // namespace shm
