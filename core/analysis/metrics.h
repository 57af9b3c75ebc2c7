#pragma once
// Every figure derived from a run, computed in one place: the window's models, the status bar,
// the text report and the --json report all call these, so they cannot disagree.
//
// Time figures exclude pauses. A worker's time ends when it finished (doneNs), else when its
// process exited (a killed worker was busy until then), else now.
//
// Lock figures count a wait or hold that has not ended (its holder died or was stopped, the run
// was stopped or failed) up to the worker's end, or to now while it goes on: a survivor blocked
// for the last half second of a run waited that half second, though its counters, which grow
// only when a wait ends, never heard of it. Every figure below that involves waits or holds
// takes them from lockStats(), so the window (live and replayed), the report and recordings
// agree with each other and with the timeline, which draws such intervals open.
#include "analysis/host_groups.h"
#include "model/run_data.h"

#include <cstdint>
#include <optional>
#include <string>

namespace shm {

struct TimeSplit {
    double busy = 0;     // seconds from the barrier to the end, pauses excluded
    double wait = 0;     // of busy: waiting for a lock
    double hold = 0;     // of busy: holding a lock
    double compute = 0;  // the rest of busy: neither waiting nor holding
    double openWait = 0; // of wait: a wait still going on at the end
    double openHold = 0; // of hold: a hold still going on at the end
    bool operator==(const TimeSplit&) const = default;
};

struct RunTotals {
    uint64_t processed = 0;
    uint64_t cpuNs = 0;
    LockStats lock;
    uint64_t droppedEvents = 0;
};

uint64_t workerEndNs(const WorkerRecord& w, uint64_t nowNs);
uint64_t busyNs(const WorkerRecord& w, uint64_t nowNs);
// The wait / hold going on at the worker's end (workerEndNs), from when the worker said it began
// (WorkerRecord::waitSinceNs, holdSinceNs). 0 when none, and 0 rather than negative when it
// began after the end (a record read after the clock the end was taken by).
uint64_t openWaitNs(const WorkerRecord& w, uint64_t nowNs);
uint64_t openHoldNs(const WorkerRecord& w, uint64_t nowNs);
// The worker's lock figures at nowNs: its published counters plus its open wait and hold (in
// waitNs / holdNs, maxWaitNs, and openWaitNs / openHoldNs / openWaits).
LockStats lockStats(const WorkerRecord& w, uint64_t nowNs);
TimeSplit timeSplit(const WorkerRecord& w, uint64_t nowNs);

// "contended": share of acquisitions (a count) that found the lock taken and had to wait.
double contendedPercent(const LockStats& l);
// Mean wait of a contended acquisition, a wait still going on counted as one (so far).
double meanWaitNs(const LockStats& l);
// "lock wait": share of busy *time* spent waiting. Both are true at once: few acquisitions
// that wait long give a small contended % and a large wait share.
double waitShare(const WorkerRecord& w, uint64_t nowNs);

// The run's lock wait share: all workers' wait time over all workers' busy time.
double waitShare(const RunSnapshot& s);

RunTotals totals(const RunSnapshot& s);
// End of the run's measured time: now while live; once every worker has exited (the
// controller may still be verifying) or afterwards, the last worker's end.
uint64_t runEndNs(const RunSnapshot& s);
// Barrier to end, pauses excluded (0 before the barrier). This is the report's compute_seconds.
double elapsedSeconds(const RunSnapshot& s);
// Longest busy time over the mean busy time of the workers that started (1 = perfectly even).
double imbalance(const RunSnapshot& s);
// Elements per second over the elapsed time (0 while nothing measured; frozen while paused).
double throughput(const RunSnapshot& s);
double workerRate(const WorkerRecord& w, uint64_t nowNs);

WorkerOutcome outcome(const WorkerRecord& w, const RunSnapshot& s);
// The worker's state as the window and the text report show it, e.g. "crashed (signal 9),
// held lock", "terminated (signal 9)", "failed (code 3)", "waiting for lock".
// A live run's crashes in a few words, for the status line ("" if none): "worker 1 died holding
// the lock, 3 waiting for it", "worker 1 died holding the lock, recovered by 3".
// Each worker's work is fixed in advance (static partitions, counters) rather than claimed.
bool staticWork(const ExperimentConfig& c);
// CPU a worker burned while it waited for a lock, at least: the larger of what a spin waiter
// timed in its spin loop and its CPU time minus the wall time it spent not waiting (it cannot
// have used more CPU than wall time outside its waits). A spin waiter's wait is nearly all CPU
// while it has a core, a futex waiter's nearly none. No extra system calls: reading the CPU
// clock around every contended wait cost 5-6x on the instrumented mutex bench.
uint64_t cpuWaitingNs(const WorkerRecord& w, uint64_t nowNs);
uint64_t cpuWaitingNs(const RunSnapshot& s); // all workers
// Counters workload: ns per increment of a worker over its busy time (0 before it counted).
// Wall time: on a busy machine it counts the time the worker was preempted.
double nsPerIncrement(const WorkerRecord& w, uint64_t nowNs);
// All workers' busy time over all their increments.
double totalNsPerIncrement(const RunSnapshot& s);
// The same over the worker's own CPU time (cpuNs): what an increment cost while it ran, the
// figure that survives a busy machine (0 before it counted).
double cpuNsPerIncrement(const WorkerRecord& w);
double totalCpuNsPerIncrement(const RunSnapshot& s); // all workers' CPU over all increments
// A worker's CPU time over its busy (wall) time since the barrier: 1 = it had a CPU all along,
// 0.35 = it got 35 % of one (preempted, or asleep in a lock wait or a slow-motion delay).
// Unset before it was busy or while it has published no CPU time.
std::optional<double> cpuShare(const WorkerRecord& w, uint64_t nowNs);
std::string crashNote(const RunSnapshot& s);
std::string stateText(const WorkerRecord& w, const RunSnapshot& s);

// Fill of a worker's progress bar. Static partitions: its own share (1 = its work is done).
// Dynamic/guided: its share of the whole array, since nobody knows its share in advance.
double progressFraction(const WorkerRecord& w, const RunSnapshot& s);
// The whole run's progress, 0..1.
double runFraction(const RunSnapshot& s);

// One wording for what verification found, everywhere: "array verified", "3 lost updates",
// "145,019 mismatches (all unwritten)", "12 mismatches (2 unwritten)". Unwritten elements are
// mismatches too (the JSON counts them in "mismatches").
std::string verdictText(const ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                        int64_t lostUpdates);

// 1234567 -> "1,234,567" (the same in every locale: reports are compared across machines).
std::string groupedNumber(uint64_t v);

// --transport mpi: what the messages moved, from what rank 0 published (the window's "moved"
// line and the report's "mpi" object are this one computation).
struct MpiFigures {
    uint32_t ranks = 0;
    uint32_t hosts = 0;        // distinct hosts among the ranks that started
    uint64_t bytes = 0;        // bytes the ranks sent to rank 0: results and their headers
    uint64_t messages = 0;     // messages they sent: headers, results, requests, the final one
    double gatherSeconds = 0;  // rank 0's time receiving and copying results into the array
    double computeSeconds = 0; // all ranks' compute time
    double sendSeconds = 0;    // all ranks' time in sends
    std::vector<HostGroup> hostList; // the hosts, their ranks and clocks (host_groups.h)
    uint64_t clockErrorNs = 0;       // the widest of the hosts' clock error bounds
};
MpiFigures mpiFigures(const RunSnapshot& s);

} // namespace shm
