#include "analysis/report.h"

#include "analysis/collisions_json.h"
#include "model/update_log.h"

#include "analysis/caveats.h"

#include "work/partition.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <utility>

namespace shm {
namespace {

// std::to_chars ignores the C locale: snprintf would print "0,25" under a comma-decimal
// locale (QCoreApplication calls setlocale), and that is not JSON.
std::string num(double v) {
    return jsonNumber(v);
}

std::string str(std::string_view s) {
    return "\"" + jsonEscape(std::string(s)) + "\"";
}

// "contended_percent" counts acquisitions that had to wait; "wait_share" is the share of busy
// time spent waiting: the window's "contended" and "lock wait" say the same. wait_ns / hold_ns
// include what was still open at the end (metrics.h lockStats), and say how much that was.
std::string lockJson(const LockStats& l, bool withMax, double waitShare) {
    std::string s = "{\"acquisitions\":" + std::to_string(l.acquisitions) +
                    ",\"contended\":" + std::to_string(l.contended) +
                    ",\"wait_ns\":" + std::to_string(l.waitNs) +
                    ",\"hold_ns\":" + std::to_string(l.holdNs);
    if (withMax) s += ",\"max_wait_ns\":" + std::to_string(l.maxWaitNs);
    return s + ",\"contended_percent\":" + num(contendedPercent(l)) +
           ",\"wait_share\":" + num(waitShare) +
           ",\"open_wait_seconds\":" + num(double(l.openWaitNs) / 1e9) +
           ",\"open_hold_seconds\":" + num(double(l.openHoldNs) / 1e9) + "}";
}

// Only for --partition seed: how the blog's split fell for this N and W.
std::string seedSplitJson(const ExperimentConfig& c) {
    if (c.partition != Partition::Seed) return {};
    const SeedSplit s = seedSplit(c);
    return ",\"seed_split\":{\"ranges\":" + std::to_string(s.ranges) +
           ",\"extra_ranges\":" + std::to_string(s.extraRanges) +
           ",\"out_of_bounds_elements\":" + std::to_string(s.outOfBounds) +
           ",\"never_covered_elements\":" + std::to_string(s.neverCovered) + "}";
}

// Only for the counters workload: where the counters were and what an increment cost.
std::string countersJson(const RunReport& r) {
    const ExperimentConfig& c = r.config;
    if (c.workload != Workload::Counters) return {};
    return ",\"counters\":{\"layout\":" + str(toString(c.counterLayout)) +
           ",\"line_bytes\":64,\"stride_bytes\":" + std::to_string(c.counterSlot(1) * 8) +
           ",\"total_ns_per_increment\":" + num(r.totalNsPerIncrement) +
           ",\"total_cpu_ns_per_increment\":" + num(r.totalCpuNsPerIncrement) + "}";
}

// Only for --transport queue: what went through the queue and how long senders waited.
std::string queueJson(const RunReport& r) {
    if (r.config.transport != Transport::Queue) return {};
    const QueueStats& q = r.queue;
    return ",\"queue\":{\"messages\":" + std::to_string(q.messages) +
           ",\"bytes\":" + std::to_string(q.bytes) +
           ",\"max_depth\":" + std::to_string(q.maxDepth) +
           ",\"send_wait_ns\":" + std::to_string(r.queueSendWaitNs) +
           ",\"capacity\":" + std::to_string(q.capacity) + "}";
}

// Each host, its ranks, and where its clock stands against rank 0's (host_groups.h).
std::string hostListJson(const MpiFigures& m) {
    std::string out = "[";
    for (const HostGroup& g : m.hostList) {
        if (out.size() > 1) out += ",";
        std::string ranks;
        for (uint32_t k : g.ranks)
            ranks += (ranks.empty() ? "" : ",") + std::to_string(k);
        out += "{\"name\":" + str(g.name) + ",\"index\":" + std::to_string(g.index) +
               ",\"ranks\":[" + ranks + "],\"clock_offset_ns\":" + std::to_string(g.clockOffsetNs) +
               ",\"clock_error_ns\":" + std::to_string(g.clockErrorNs) + "}";
    }
    return out + "]";
}

// Only for --transport mpi: what the messages moved, and what start-up cost.
std::string mpiJson(const RunReport& r) {
    if (r.config.transport != Transport::Mpi) return {};
    const MpiFigures& m = r.mpi;
    return ",\"mpi\":{\"ranks\":" + std::to_string(m.ranks) +
           ",\"hosts\":" + std::to_string(m.hosts) + ",\"bytes\":" + std::to_string(m.bytes) +
           ",\"messages\":" + std::to_string(m.messages) +
           ",\"gather_seconds\":" + num(m.gatherSeconds) +
           ",\"launcher_seconds\":" + num(r.mpiLauncherSeconds) +
           ",\"compute_seconds\":" + num(m.computeSeconds) +
           ",\"send_seconds\":" + num(m.sendSeconds) + ",\"command\":" + str(r.mpiCommand) +
           ",\"environment\":" + str(r.mpiEnvironment) + ",\"host_list\":" + hostListJson(m) +
           ",\"clock_error_ns\":" + std::to_string(m.clockErrorNs) + "}";
}

// Per rank under --transport mpi.
std::string workerMpiJson(const RunReport& r, const WorkerReport& w) {
    if (r.config.transport != Transport::Mpi) return {};
    const bool root = w.id == 0;
    return ",\"host\":" + str(w.host) + ",\"mpi\":{\"rank\":" + std::to_string(w.id) +
           ",\"host\":" + str(w.host) + ",\"compute_seconds\":" + num(w.mpiComputeSeconds) +
           ",\"send_seconds\":" + num(root ? 0 : w.mpiCommSeconds) +
           ",\"receive_seconds\":" + num(root ? w.mpiCommSeconds : 0) +
           ",\"bytes\":" + std::to_string(w.mpiBytes) +
           ",\"messages\":" + std::to_string(w.mpiMessages) +
           ",\"host_index\":" + std::to_string(w.hostIndex) +
           ",\"clock_offset_ns\":" + std::to_string(w.clockOffsetNs) +
           ",\"clock_error_ns\":" + std::to_string(w.clockErrorNs) + "}";
}

// Only with --kill-worker: what the scripted fault did.
std::string faultJson(const RunReport& r) {
    const ExperimentConfig& c = r.config;
    if (c.killWorker == kNoWorker) return {};
    const bool killed = r.fault.killed && c.faultAction == FaultAction::Kill;
    return ",\"fault\":{\"worker\":" + std::to_string(c.killWorker) +
           ",\"at_ms\":" + std::to_string(c.killAtMs) + ",\"when\":" + str(toString(c.killWhen)) +
           ",\"action\":" + str(toString(c.faultAction)) +
           ",\"struck\":" + (r.fault.killed ? "true" : "false") +
           ",\"struck_at_ms\":" + (r.fault.killed ? num(r.fault.atMs) : "null") +
           // "killed" predates the other actions: true only when the fault was a SIGKILL.
           ",\"killed\":" + (killed ? "true" : "false") +
           ",\"killed_at_ms\":" + (killed ? num(r.fault.atMs) : "null") + "}";
}

std::string recoveriesJson(const RunReport& r) {
    std::string s = ",\"recoveries\":[";
    for (size_t i = 0; i < r.recoveries.size(); ++i) {
        const Recovery& v = r.recoveries[i];
        s += std::string(i ? "," : "") + "{\"by_worker\":" + std::to_string(v.byWorker) +
             ",\"dead_worker\":" + std::to_string(v.deadWorker) +
             ",\"at_ns\":" + std::to_string(v.atNs) + "}";
    }
    return s + "]";
}

} // namespace

std::string jsonNumber(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9);
    return std::string(buf, res.ptr);
}

// One entry per row of kSettings, in table order: numbers as numbers, enums as strings,
// booleans as true/false.
std::string configJson(const ExperimentConfig& c) {
    std::string s = "{";
    for (const SettingRow& r : kSettings) {
        if (s.size() > 1) s += ",";
        s += str(r.reportKey) + ":";
        s += r.kind == SettingKind::Enum ? str(settingText(r, c))
             : isNone(r, r.get(c))       ? "null"
                                         : settingText(r, c);
    }
    return s + "}";
}

std::string jsonEscape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (unsigned char ch : s) {
        switch (ch) {
        case '"':
            o += "\\\"";
            break;
        case '\\':
            o += "\\\\";
            break;
        case '\n':
            o += "\\n";
            break;
        case '\t':
            o += "\\t";
            break;
        case '\r':
            o += "\\r";
            break;
        default:
            if (ch < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                o += buf;
            } else {
                o += char(ch);
            }
        }
    }
    return o;
}

namespace {
// --transport mpi: where the rank ran, what it computed and sent.
void addMpiFigures(WorkerReport& wr, const WorkerRecord& w) {
    wr.host = w.host;
    wr.mpiComputeSeconds = double(w.mpiComputeNs) / 1e9;
    wr.mpiCommSeconds = double(w.mpiCommNs) / 1e9;
    wr.mpiBytes = w.queueBytes;
    wr.mpiMessages = w.queueMessages;
    wr.hostIndex = w.hostIndex;
    wr.clockOffsetNs = w.clockOffsetNs;
    wr.clockErrorNs = w.clockErrorNs;
}
} // namespace

RunReport buildReport(const RunSnapshot& s, const VerifyResult& v, RunMeta meta) {
    RunReport r;
    r.version = std::move(meta.version);
    r.config = s.config;
    r.status = meta.terminatedBySignal ? RunStatus::Terminated
               : s.failed              ? RunStatus::Failed
                                       : RunStatus::Finished;
    r.verified = !v.cancelled;
    r.verifyCancelled = v.cancelled;
    r.computeSeconds = elapsedSeconds(s);
    r.wallSeconds = meta.wallSeconds;
    const RunTotals t = totals(s);
    r.processed = t.processed;
    r.throughput = throughput(s);
    r.mismatches = v.mismatches;
    r.unwritten = v.unwritten;
    r.lostUpdates = v.lostUpdates;
    r.lag1Autocorrelation = v.lag1Autocorrelation;
    r.imbalance = imbalance(s);
    r.lock = t.lock;
    r.droppedEvents = t.droppedEvents;
    r.cpuSeconds = cpuSeconds(t.cpuNs);
    const uint64_t end = runEndNs(s);
    for (const WorkerRecord& w : s.workers) {
        WorkerReport wr;
        wr.id = w.id;
        wr.pid = w.pid; // published by the worker itself (0 if it never attached)
        wr.outcome = outcome(w, s);
        wr.stateText = stateText(w, s);
        wr.processed = w.processed;
        wr.assigned = w.assigned;
        wr.time = timeSplit(w, end);
        wr.rate = workerRate(w, end);
        wr.waitShare = waitShare(w, end);
        wr.cpuSeconds = cpuSeconds(w.cpuNs);
        wr.nsPerIncrement = nsPerIncrement(w, end);
        wr.cpuNsPerIncrement = cpuNsPerIncrement(w);
        wr.cpuShare = cpuShare(w, end);
        wr.cpuWaitingSeconds = double(cpuWaitingNs(w, end)) / 1e9;
        wr.exitCode = w.exitCode;
        wr.signal = w.signal;
        wr.diedHoldingLock = w.diedHoldingLock;
        wr.lock = lockStats(w, end);
        wr.external = w.external;
        addMpiFigures(wr, w);
        r.workers.push_back(std::move(wr));
        if (w.recoveredBy >= 0)
            r.recoveries.push_back(
                {uint32_t(w.recoveredBy), w.id,
                 w.recoveredAtNs > s.releaseNs ? w.recoveredAtNs - s.releaseNs : 0});
    }
    r.queue = s.queue;
    for (const WorkerRecord& w : s.workers)
        r.queueSendWaitNs += w.queueSendWaitNs;
    r.failure = s.failed ? std::move(meta.failure) : std::string();
    r.fault = meta.fault;
    r.waitShare = waitShare(s);
    r.totalNsPerIncrement = totalNsPerIncrement(s);
    r.totalCpuNsPerIncrement = totalCpuNsPerIncrement(s);
    r.overlap = std::move(meta.overlap);
    r.cpuWaitingSeconds = double(cpuWaitingNs(s)) / 1e9;
    r.segmentName = std::move(meta.segmentName);
    r.workerCommand = std::move(meta.workerCommand);
    r.mpi = mpiFigures(s);
    r.mpiLauncherSeconds = meta.mpiLauncherSeconds;
    r.mpiCommand = std::move(meta.mpiCommand);
    r.mpiEnvironment = std::move(meta.mpiEnvironment);
    r.segmentBytes = meta.segmentBytes;
    r.segmentRemoved = meta.segmentRemoved;
    r.errors = std::move(meta.errors);
    r.caveats = runCaveats(r, usableCores());
    r.machine = std::move(meta.machine);
    r.workerScheduling = std::move(meta.workerScheduling);
    r.collisions = std::move(meta.collisions);
    if (!r.collisions.logged && r.collisions.offReason.empty())
        r.collisions.offReason = updateLogOffReason(r.config);
    return r;
}

RunReport failedToStartReport(const ExperimentConfig& cfg, const std::string& version,
                              const std::string& error, const MachineFigures& machine) {
    RunReport r;
    r.version = version;
    r.config = cfg;
    r.status = RunStatus::Failed;
    r.segmentRemoved = true; // nothing was created, nothing is left behind
    r.failure = error;
    r.errors.push_back(error);
    r.machine = machine;
    r.collisions.offReason = "the run never started";
    return r;
}

std::string RunReport::verdict() const {
    if (verifyCancelled) return "not verified (verification stopped)";
    if (!verified) return "not run";
    return verdictText(config, mismatches, unwritten, lostUpdates);
}

std::string toJson(const RunReport& r) {
    // A stopped verification found only some of the wrong elements: their counts are unknown.
    const auto counted = [&r](auto v) {
        return r.verifyCancelled ? std::string("null") : std::to_string(v);
    };
    std::string s =
        "{\"version\":" + str(r.version) + ",\"config\":" + configJson(r.config) +
        ",\"status\":" + str(nameOf(r.status)) +
        ",\"transport\":" + str(toString(r.config.transport)) +
        ",\"compute_seconds\":" + num(r.computeSeconds) +
        ",\"wall_seconds\":" + num(r.wallSeconds) +
        ",\"processed\":" + std::to_string(r.processed) + ",\"throughput\":" + num(r.throughput) +
        ",\"verified\":" + (r.verified ? "true" : "false") +
        ",\"mismatches\":" + counted(r.mismatches) + ",\"unwritten\":" + counted(r.unwritten) +
        ",\"lost_updates\":" + counted(r.lostUpdates) + ",\"lag1_autocorrelation\":" +
        (r.lag1Autocorrelation ? num(*r.lag1Autocorrelation) : std::string("null")) +
        ",\"verdict\":" + str(r.verdict()) + ",\"imbalance\":" + num(r.imbalance) +
        ",\"cpu_seconds\":" + num(r.cpuSeconds) +
        ",\"cpu_waiting_seconds\":" + num(r.cpuWaitingSeconds) +
        ",\"lock\":" + lockJson(r.lock, false, r.waitShare) +
        ",\"dropped_events\":" + std::to_string(r.droppedEvents) +
        ",\"overlap\":" + (r.overlap.fraction ? num(*r.overlap.fraction) : "null") +
        ",\"overlap_resolution_ms\":" +
        (r.overlap.resolutionMs ? num(*r.overlap.resolutionMs) : "null") +
        ",\"overlap_method\":" + str(r.overlap.method) + ",\"worker_scheduling\":" +
        (r.workerScheduling.empty() ? std::string("null") : str(r.workerScheduling)) +
        ",\"caveats\":" + caveatsJson(r.caveats) + seedSplitJson(r.config) +
        ",\"collisions\":" + collisionsJson(r.collisions) +
        ",\"failure\":" + (r.failure.empty() ? std::string("null") : str(r.failure)) +
        faultJson(r) + recoveriesJson(r) + countersJson(r) + queueJson(r) + mpiJson(r) +
        ",\"workers\":[";
    for (size_t i = 0; i < r.workers.size(); ++i) {
        const WorkerReport& w = r.workers[i];
        if (i) s += ",";
        s += "{\"id\":" + std::to_string(w.id) + ",\"pid\":" + std::to_string(w.pid) +
             ",\"state\":" + str(nameOf(w.outcome)) + ",\"state_text\":" + str(w.stateText) +
             ",\"processed\":" + std::to_string(w.processed) +
             ",\"assigned\":" + std::to_string(w.assigned) +
             ",\"busy_seconds\":" + num(w.time.busy) +
             ",\"compute_seconds\":" + num(w.time.compute) +
             ",\"wait_seconds\":" + num(w.time.wait) + ",\"hold_seconds\":" + num(w.time.hold) +
             ",\"open_wait_seconds\":" + num(w.time.openWait) +
             ",\"open_hold_seconds\":" + num(w.time.openHold) + ",\"rate\":" + num(w.rate) +
             ",\"cpu_seconds\":" + num(w.cpuSeconds) +
             ",\"cpu_waiting_seconds\":" + num(w.cpuWaitingSeconds) +
             ",\"cpu_share\":" + (w.cpuShare ? num(*w.cpuShare) : "null") +
             (r.config.workload == Workload::Counters
                  ? ",\"ns_per_increment\":" + num(w.nsPerIncrement) +
                        ",\"cpu_ns_per_increment\":" + num(w.cpuNsPerIncrement)
                  : std::string()) +
             ",\"exit_code\":" + (w.exitCode >= 0 ? std::to_string(w.exitCode) : "null") +
             ",\"signal\":" + std::to_string(w.signal) +
             ",\"died_holding_lock\":" + (w.diedHoldingLock ? "true" : "false") +
             ",\"lock\":" + lockJson(w.lock, true, w.waitShare) + ",\"program\":" +
             str(r.config.transport == Transport::Mpi ? std::string("shmscope-mpi-worker")
                 : w.external                         ? r.workerCommand
                                                      : std::string("shmscope-worker")) +
             workerMpiJson(r, w) + "}";
    }
    s += "],\"worker_command\":" +
         (r.workerCommand.empty() ? std::string("null") : str(r.workerCommand)) +
         ",\"segment\":{\"name\":" + str(r.segmentName) +
         ",\"bytes\":" + std::to_string(r.segmentBytes) +
         ",\"removed\":" + (r.segmentRemoved ? "true" : "false") + "},\"errors\":[";
    for (size_t i = 0; i < r.errors.size(); ++i)
        s += (i ? "," : "") + str(r.errors[i]);
    // Last, and in every report: a lesson's verdict reads it to tell "not seen" from "this
    // machine cannot show it" (docs/results-files.md).
    return s + "],\"machine\":" + machineJson(r.machine) + "}";
}

// toText's parts, in report order; each writes whole lines.
namespace {

void textSummary(std::ostream& o, const RunReport& r) {
    const auto& c = r.config;
    char line[256];
    o << "ShmScope " << r.version << ": " << c.workers << " workers, " << c.elements
      << " elements, " << toString(c.workload) << ", " << toString(c.partition) << " (chunk "
      << c.chunk << "), sync " << toString(c.sync);
    if (c.usesLock()) o << " (" << toString(c.lockScope) << " scope)";
    if (c.transport != Transport::Shared) o << ", transport " << toString(c.transport);
    o << "\n";
    std::snprintf(line, sizeof line,
                  "status %s   compute %.4f s   wall %.4f s   processed %llu   imbalance %.2f\n",
                  std::string(nameOf(r.status)).c_str(), r.computeSeconds, r.wallSeconds,
                  (unsigned long long)r.processed, r.imbalance);
    o << line;
    if (r.verifyCancelled)
        std::snprintf(line, sizeof line, "mismatches unknown (verification stopped)\n");
    else
        std::snprintf(line, sizeof line, "mismatches %llu   unwritten %llu   lost updates %lld\n",
                      (unsigned long long)r.mismatches, (unsigned long long)r.unwritten,
                      (long long)r.lostUpdates);
    o << line << "result: " << r.verdict() << "\n";
    std::snprintf(line, sizeof line,
                  "cpu %.4f s (all workers, since the barrier), at least %.4f s of it burned "
                  "while waiting for the lock\n",
                  r.cpuSeconds, r.cpuWaitingSeconds);
    o << line;
    if (r.overlap.fraction)
        o << "overlap: every worker on a CPU at once for " << percentText(*r.overlap.fraction)
          << " of the compute time\n";
}

// What the transport, the counters workload and the seed partition add.
void textModeLines(std::ostream& o, const RunReport& r) {
    const auto& c = r.config;
    char line[256];
    if (c.transport == Transport::Queue) {
        std::snprintf(line, sizeof line,
                      "queue: %llu messages, %llu KiB, up to %llu of %llu queued, senders "
                      "waited %.3f ms\n",
                      (unsigned long long)r.queue.messages,
                      (unsigned long long)(r.queue.bytes >> 10),
                      (unsigned long long)r.queue.maxDepth, (unsigned long long)r.queue.capacity,
                      double(r.queueSendWaitNs) / 1e6);
        o << line;
    }
    if (c.transport == Transport::Mpi) {
        const MpiFigures& m = r.mpi;
        std::snprintf(line, sizeof line,
                      "mpi: %u ranks on %u host(s), %llu messages, %.1f MiB sent to rank 0; "
                      "rank 0 received for %.4f s; mpirun start-up %.3f s\n",
                      m.ranks, m.hosts, (unsigned long long)m.messages, double(m.bytes) / 1048576.0,
                      m.gatherSeconds, r.mpiLauncherSeconds);
        o << line;
    }
    if (c.workload == Workload::Counters) {
        std::snprintf(line, sizeof line,
                      "counters: %s (%llu bytes apart), %.2f ns per increment overall (wall), "
                      "%.2f ns of CPU\n",
                      std::string(toString(c.counterLayout)).c_str(),
                      (unsigned long long)(c.counterSlot(1) * 8), r.totalNsPerIncrement,
                      r.totalCpuNsPerIncrement);
        o << line;
    }
    if (c.partition == Partition::Seed) {
        const SeedSplit s = seedSplit(c);
        o << "seed split: " << s.ranges << " ranges of " << s.step << " for " << c.workers
          << " workers: " << s.extraRanges << " never run, " << s.neverCovered
          << " elements never covered, " << s.outOfBounds << " past the end\n";
    }
}

void textLock(std::ostream& o, const RunReport& r) {
    const auto& c = r.config;
    char line[256];
    if (c.usesLock())
        std::snprintf(line, sizeof line,
                      "lock: %llu acquisitions, %.1f%% of them contended (had to wait), "
                      "%.1f%% of busy time waiting, wait %.3f ms, hold %.3f ms\n",
                      (unsigned long long)r.lock.acquisitions, contendedPercent(r.lock),
                      100.0 * r.waitShare, double(r.lock.waitNs) / 1e6,
                      double(r.lock.holdNs) / 1e6);
    else
        std::snprintf(line, sizeof line, "lock: none taken (sync %s)\n",
                      std::string(toString(c.sync)).c_str());
    o << line;
    if (r.lock.openWaitNs || r.lock.openHoldNs) {
        std::snprintf(line, sizeof line,
                      "      of which still going on at the end: wait %.3f ms, hold %.3f ms\n",
                      double(r.lock.openWaitNs) / 1e6, double(r.lock.openHoldNs) / 1e6);
        o << line;
    }
}

void textWorkers(std::ostream& o, const RunReport& r) {
    char line[256];
    o << "worker  pid       state                                  processed     busy s   "
         "acquisitions  contended\n";
    for (const auto& w : r.workers) {
        std::snprintf(line, sizeof line, "%-7u %-9lld %-38s %-13llu %-8.4f %-13llu %llu\n", w.id,
                      (long long)w.pid, w.stateText.c_str(), (unsigned long long)w.processed,
                      w.time.busy, (unsigned long long)w.lock.acquisitions,
                      (unsigned long long)w.lock.contended);
        o << line;
    }
}

void textFaultAndRecoveries(std::ostream& o, const RunReport& r) {
    const auto& c = r.config;
    char line[256];
    if (c.killWorker != kNoWorker) {
        o << "fault: " << toString(c.faultAction) << " worker " << c.killWorker << " at "
          << c.killAtMs << " ms"
          << (c.killWhen == KillWhen::Holding ? " while it holds a lock" : "") << ": ";
        if (r.fault.killed)
            std::snprintf(line, sizeof line, "%s at %.1f ms\n",
                          c.faultAction == FaultAction::Kill ? "killed" : "struck", r.fault.atMs);
        else
            std::snprintf(line, sizeof line,
                          "did not strike (the worker finished or the run ended first)\n");
        o << line;
    }
    for (const Recovery& v : r.recoveries)
        o << "recovery: worker " << v.byWorker << " inherited the robust mutex from dead worker "
          << v.deadWorker << " and redid its unfinished work\n";
}

} // namespace

std::string toText(const RunReport& r) {
    std::ostringstream o;
    textSummary(o, r);
    textModeLines(o, r);
    textLock(o, r);
    textWorkers(o, r);
    o << "segment " << r.segmentName << " (" << (r.segmentBytes >> 10) << " KiB) "
      << (r.segmentRemoved ? "removed" : "NOT removed") << "\n";
    textFaultAndRecoveries(o, r);
    for (const Caveat& c : r.caveats)
        o << "caveat: " << c.text << "\n";
    for (const auto& e : r.errors)
        o << "error: " << e << "\n";
    return o.str();
}

} // namespace shm
