#pragma once
// The result of one run, built from its final snapshot by the same metrics the window shows,
// and its two printed forms: the --json contract and a short table.
#include "analysis/collisions.h"
#include "analysis/cpu_overlap.h"
#include "analysis/metrics.h"
#include "analysis/verify.h"
#include "model/run_data.h"
#include "probe/machine_figures.h"

#include <optional>
#include <string>
#include <vector>

namespace shm {

// A figure the run's circumstances make doubtful, in one sentence ("worker 1 got 35 % of a CPU:
// the machine is busy"). code is the stable key a script tests ("cpu_share_low").
struct Caveat {
    std::string code;
    std::string text; // English, as the reports print it
    // The figures the text words, so that the window can word them in its own language (strings
    // at the edges), by code: more_workers_than_cores {workers, cores}; cpu_share_low {worker,
    // share}; overlap_low {fraction}; speedup_above_cores {speedup, cores};
    // baseline_cpu_share_low {share, the baseline's point index}.
    std::vector<double> figures;
    bool operator==(const Caveat&) const = default;
};

struct WorkerReport {
    uint32_t id = 0;
    int64_t pid = 0;
    WorkerOutcome outcome = WorkerOutcome::Failed;
    std::string stateText; // the window's wording: "crashed (signal 9), held lock"
    uint64_t processed = 0;
    uint64_t assigned = 0;
    TimeSplit time;
    double rate = 0;                // elements per busy second
    double cpuSeconds = 0;          // since the barrier
    double cpuWaitingSeconds = 0;   // at least this much CPU burned while waiting for the lock
    double nsPerIncrement = 0;      // counters workload, over busy (wall) time
    double cpuNsPerIncrement = 0;   // counters workload, over its own CPU time
    std::optional<double> cpuShare; // CPU over busy time (metrics.h); unset: not measured
    double waitShare = 0;           // of busy time
    int exitCode = -1;              // -1 when killed by a signal or never exited normally
    int signal = 0;                 // signal that ended it, 0 if none
    bool diedHoldingLock = false;
    LockStats lock;
    bool external = false; // started by --worker-command (RunReport::workerCommand)
    // --transport mpi: the rank's host, compute time, time in sends (rank 0: receives), what
    // it sent (rank 0: received).
    std::string host;
    double mpiComputeSeconds = 0;
    double mpiCommSeconds = 0;
    uint64_t mpiBytes = 0;
    uint64_t mpiMessages = 0;
    uint32_t hostIndex = 0;    // 0 = rank 0's host (the app's)
    int64_t clockOffsetNs = 0; // its clock + this = rank 0's
    uint64_t clockErrorNs = 0; // how far that may be off
};

// The scripted fault of a run (--kill-worker): whether and when it struck.
struct FaultResult {
    bool killed = false; // struck: killed, stopped or hung, as --fault-action says
    double atMs = 0;     // after the start barrier opened
    bool operator==(const FaultResult&) const = default;
};

// Robust mutex: a survivor inherited a dead holder's mutex and took its work over.
struct Recovery {
    uint32_t byWorker = 0;
    uint32_t deadWorker = 0;
    uint64_t atNs = 0; // after the start barrier opened
};

struct RunReport {
    std::string version;
    ExperimentConfig config;
    RunStatus status = RunStatus::Failed;
    bool verified = false; // the array was checked (false: the run never started)
    // The check was stopped before its end (Stop, the window closed, SIGTERM): not verified,
    // and mismatches/unwritten/lost updates are unknown (null in the JSON), not 0.
    bool verifyCancelled = false;
    double computeSeconds = 0; // barrier to the last worker's end, pauses excluded
    double wallSeconds = 0;    // the whole run, segment creation to removal
    uint64_t processed = 0;
    double throughput = 0; // elements per compute second
    uint64_t mismatches = 0;
    uint64_t unwritten = 0;
    int64_t lostUpdates = 0;
    std::optional<double> lag1Autocorrelation; // the array's picture (analysis/smoothness.h)
    double imbalance = 0;
    LockStats lock;
    double waitShare = 0;              // all workers' wait time over all workers' busy time
    double cpuSeconds = 0;             // all workers' CPU time since the barrier
    double cpuWaitingSeconds = 0;      // all workers, a lower bound (metrics.h)
    double totalNsPerIncrement = 0;    // counters workload, over busy (wall) time
    double totalCpuNsPerIncrement = 0; // counters workload, over the workers' CPU time
    CpuOverlap overlap;                // every worker on a CPU at once (cpu_overlap.h)
    std::vector<Caveat> caveats;       // analysis/caveats.h
    uint64_t droppedEvents = 0;
    std::vector<WorkerReport> workers;
    QueueStats queue;             // --transport queue
    uint64_t queueSendWaitNs = 0; // all workers' time blocked on a full queue
    MpiFigures mpi;               // --transport mpi
    double mpiLauncherSeconds = 0;
    std::string mpiCommand;
    std::string mpiEnvironment;
    std::string failure; // why the run failed ("" when it did not)
    FaultResult fault;
    std::vector<Recovery> recoveries;
    std::string segmentName;
    uint64_t segmentBytes = 0;
    bool segmentRemoved = false;
    std::vector<std::string> errors;
    std::string workerCommand;  // --worker-command as given; empty: every worker was ours
    MachineFigures machine;     // what this machine can show, probed before the process's first run
    CollisionReport collisions; // histogram: the lost updates explained (analysis/collisions.h)
    // What the workers ran at (work/worker_priority.h): "normal", "nice 5", "nice 19", "idle";
    // "" when no worker was started.
    std::string workerScheduling;

    bool finished() const { return status == RunStatus::Finished; }
    std::string verdict() const;
};

// What the controller knows beyond the snapshot.
struct RunMeta {
    std::string version;
    std::string segmentName;
    uint64_t segmentBytes = 0;
    bool segmentRemoved = false;
    double wallSeconds = 0;
    int terminatedBySignal = 0; // the app was asked to quit (SIGINT, SIGTERM, SIGHUP)
    std::string failure;        // the reason the run failed, also the first of errors
    FaultResult fault;
    std::vector<std::string> errors;
    std::string workerCommand;     // --worker-command as given; empty: none
    double mpiLauncherSeconds = 0; // --transport mpi: mpirun started -> every rank attached
    std::string mpiCommand;        // the mpirun command line the controller ran
    std::string mpiEnvironment;    // what it added to mpirun's environment (NAME=value ...)
    // Share of the compute window every worker was on a CPU at once (the controller's sampler;
    // recordings do not keep it, so a replayed run says it was not measured).
    CpuOverlap overlap = unmeasuredOverlap("only a live run samples it");
    MachineFigures machine; // the probe's figures (cached per boot), taken before the run
    // The update log's reconstruction, made with the verification (off the window's thread).
    CollisionReport collisions;
    std::string workerScheduling; // RunReport::workerScheduling
    bool operator==(const RunMeta&) const = default;
};

RunReport buildReport(const RunSnapshot& final, const VerifyResult& verified, RunMeta meta);
// A run that never started (the segment could not be made): status failed, the error.
// `machine`: the figures if this process has them; unprobed, every "machine" figure is null.
RunReport failedToStartReport(const ExperimentConfig& cfg, const std::string& version,
                              const std::string& error, const MachineFigures& machine = {});

std::string toJson(const RunReport& r);
std::string toText(const RunReport& r);
std::string jsonEscape(const std::string& s);
// JSON pieces other reports (the sweep's) share with this one.
std::string jsonNumber(double v); // 9 significant digits in any locale; null if not finite
std::string configJson(const ExperimentConfig& c); // every setting, by report key

} // namespace shm
