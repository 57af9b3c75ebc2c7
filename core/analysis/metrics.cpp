#include "analysis/metrics.h"

#include "work/partition.h"

#include <algorithm>

namespace shm {

LockStats& LockStats::operator+=(const LockStats& o) {
    acquisitions += o.acquisitions;
    contended += o.contended;
    waitNs += o.waitNs;
    holdNs += o.holdNs;
    maxWaitNs = std::max(maxWaitNs, o.maxWaitNs);
    openWaitNs += o.openWaitNs;
    openHoldNs += o.openHoldNs;
    openWaits += o.openWaits;
    return *this;
}

uint64_t workerEndNs(const WorkerRecord& w, uint64_t nowNs) {
    if (w.doneNs) return w.doneNs;
    if (w.exitNs) return w.exitNs; // killed: it was busy (computing or waiting) until then
    return nowNs;
}

uint64_t busyNs(const WorkerRecord& w, uint64_t nowNs) {
    if (!w.startNs) return 0;
    const uint64_t end = std::max(workerEndNs(w, nowNs), w.startNs);
    const uint64_t span = end - w.startNs;
    return span - std::min(span, w.pausedNs);
}

namespace {
uint64_t openSince(uint64_t sinceNs, const WorkerRecord& w, uint64_t nowNs) {
    if (!sinceNs || !w.startNs) return 0;
    const uint64_t end = workerEndNs(w, nowNs);
    return end > sinceNs ? end - sinceNs : 0;
}
} // namespace

uint64_t openWaitNs(const WorkerRecord& w, uint64_t nowNs) {
    return openSince(w.waitSinceNs, w, nowNs);
}

uint64_t openHoldNs(const WorkerRecord& w, uint64_t nowNs) {
    // A parked worker let go (a stop) clears holdSinceNs; holdingLock guards a stale one.
    return w.holdingLock ? openSince(w.holdSinceNs, w, nowNs) : 0;
}

LockStats lockStats(const WorkerRecord& w, uint64_t nowNs) {
    LockStats l = w.lock;
    l.openWaitNs = openWaitNs(w, nowNs);
    l.openHoldNs = openHoldNs(w, nowNs);
    l.openWaits = l.openWaitNs ? 1 : 0;
    l.waitNs += l.openWaitNs;
    l.holdNs += l.openHoldNs;
    l.maxWaitNs = std::max(l.maxWaitNs, l.openWaitNs);
    return l;
}

TimeSplit timeSplit(const WorkerRecord& w, uint64_t nowNs) {
    const LockStats l = lockStats(w, nowNs);
    TimeSplit t;
    t.busy = double(busyNs(w, nowNs)) / 1e9;
    t.wait = double(l.waitNs) / 1e9;
    t.hold = double(l.holdNs) / 1e9;
    t.openWait = double(l.openWaitNs) / 1e9;
    t.openHold = double(l.openHoldNs) / 1e9;
    t.compute = std::max(0.0, t.busy - t.wait - t.hold);
    return t;
}

double contendedPercent(const LockStats& l) {
    return l.acquisitions ? 100.0 * double(l.contended) / double(l.acquisitions) : 0;
}

double meanWaitNs(const LockStats& l) {
    const uint64_t waits = l.contended + l.openWaits;
    return waits ? double(l.waitNs) / double(waits) : 0;
}

double waitShare(const WorkerRecord& w, uint64_t nowNs) {
    const uint64_t busy = busyNs(w, nowNs);
    return busy ? std::min(1.0, double(lockStats(w, nowNs).waitNs) / double(busy)) : 0;
}

double waitShare(const RunSnapshot& s) {
    const uint64_t end = runEndNs(s);
    uint64_t busy = 0, wait = 0;
    for (const WorkerRecord& w : s.workers) {
        busy += busyNs(w, end);
        wait += lockStats(w, end).waitNs;
    }
    return busy ? std::min(1.0, double(wait) / double(busy)) : 0;
}

RunTotals totals(const RunSnapshot& s) {
    const uint64_t end = runEndNs(s);
    RunTotals t;
    for (const WorkerRecord& w : s.workers) {
        t.processed += w.processed;
        t.cpuNs += w.cpuNs;
        t.lock += lockStats(w, end);
        t.droppedEvents += w.droppedEvents;
    }
    return t;
}

uint64_t runEndNs(const RunSnapshot& s) {
    if ((s.active() && !s.ended) || !s.releaseNs) return s.nowNs;
    uint64_t end = s.releaseNs;
    for (const WorkerRecord& w : s.workers)
        if (w.startNs) end = std::max(end, workerEndNs(w, s.nowNs));
    // --transport queue: the results are in the array only once the receiver wrote the last.
    return std::max(end, s.queue.drainedNs);
}

double elapsedSeconds(const RunSnapshot& s) {
    if (!s.releaseNs) return 0;
    const uint64_t end = std::max(runEndNs(s), s.releaseNs);
    const uint64_t span = end - s.releaseNs;
    return double(span - std::min(span, s.pausedNs)) / 1e9;
}

double imbalance(const RunSnapshot& s) {
    const uint64_t now = runEndNs(s);
    double sum = 0, most = 0;
    int n = 0;
    for (const WorkerRecord& w : s.workers) {
        if (!w.startNs) continue;
        const double b = double(busyNs(w, now));
        sum += b;
        most = std::max(most, b);
        ++n;
    }
    return n && sum > 0 ? most / (sum / n) : 0;
}

double throughput(const RunSnapshot& s) {
    const double t = elapsedSeconds(s);
    return t > 0 ? double(totals(s).processed) / t : 0;
}

uint64_t cpuWaitingNs(const WorkerRecord& w, uint64_t nowNs) {
    const uint64_t busy = busyNs(w, nowNs);
    const uint64_t wait = std::min(lockStats(w, nowNs).waitNs, busy);
    const uint64_t notWaiting = busy - wait;
    const uint64_t bound = w.cpuNs > notWaiting ? w.cpuNs - notWaiting : 0;
    return std::min(std::max(bound, w.waitCpuNs), wait);
}

uint64_t cpuWaitingNs(const RunSnapshot& s) {
    const uint64_t end = runEndNs(s);
    uint64_t sum = 0;
    for (const WorkerRecord& w : s.workers)
        sum += cpuWaitingNs(w, end);
    return sum;
}

double nsPerIncrement(const WorkerRecord& w, uint64_t nowNs) {
    return w.processed ? double(busyNs(w, nowNs)) / double(w.processed) : 0;
}

double cpuNsPerIncrement(const WorkerRecord& w) {
    return w.processed ? double(w.cpuNs) / double(w.processed) : 0;
}

double totalCpuNsPerIncrement(const RunSnapshot& s) {
    uint64_t cpu = 0, increments = 0;
    for (const WorkerRecord& w : s.workers) {
        cpu += w.cpuNs;
        increments += w.processed;
    }
    return increments ? double(cpu) / double(increments) : 0;
}

std::optional<double> cpuShare(const WorkerRecord& w, uint64_t nowNs) {
    const uint64_t busy = busyNs(w, nowNs);
    if (!busy || !w.cpuNs) return std::nullopt;
    return double(w.cpuNs) / double(busy);
}

double totalNsPerIncrement(const RunSnapshot& s) {
    const uint64_t end = runEndNs(s);
    uint64_t busy = 0, increments = 0;
    for (const WorkerRecord& w : s.workers) {
        busy += busyNs(w, end);
        increments += w.processed;
    }
    return increments ? double(busy) / double(increments) : 0;
}

double workerRate(const WorkerRecord& w, uint64_t nowNs) {
    const uint64_t busy = busyNs(w, nowNs);
    return busy ? double(w.processed) * 1e9 / double(busy) : 0;
}

std::string verdictOfValues(const ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                            int64_t lostUpdates);

bool staticWork(const ExperimentConfig& c) {
    return c.workload == Workload::Counters || isStatic(c.partition);
}

namespace {
// Did the worker do all it was meant to? Static: its own share. Dynamic/guided: it found the
// cursor past the end (nothing left to claim) and processed all it had claimed, whatever
// becomes of the others.
bool finishedItsWork(const WorkerRecord& w, const RunSnapshot& s) {
    if (staticWork(s.config)) return w.processed >= w.assigned;
    return s.cursor >= s.config.elements && w.processed >= w.assigned;
}
} // namespace

WorkerOutcome outcome(const WorkerRecord& w, const RunSnapshot& s) {
    if (w.failedToStart) return WorkerOutcome::Failed;
    if (w.exited && w.signal && w.byUserSignal) return WorkerOutcome::Stopped;
    if (w.exited && w.signal)
        return w.terminatedByUs ? WorkerOutcome::Terminated : WorkerOutcome::Crashed;
    if (w.exited && w.exitCode != 0) return WorkerOutcome::Failed;
    if (!w.exited && w.state != WorkerState::Done) return WorkerOutcome::Live;
    if ((s.stopRequested || s.failed) && !finishedItsWork(w, s)) return WorkerOutcome::Stopped;
    return WorkerOutcome::Done;
}

std::string stateText(const WorkerRecord& w, const RunSnapshot& s) {
    const WorkerOutcome o = outcome(w, s);
    const std::string sig = "(signal " + std::to_string(w.signal) + ")";
    switch (o) {
    case WorkerOutcome::Crashed:
        return "crashed " + sig + (w.diedHoldingLock ? ", held lock" : "") +
               (w.recoveredBy >= 0 ? ", recovered by " + std::to_string(w.recoveredBy) : "");
    case WorkerOutcome::Terminated:
        return "terminated " + sig;
    case WorkerOutcome::Failed:
        if (w.failedToStart) return "failed to start";
        return w.exitCode >= 0 ? "failed (code " + std::to_string(w.exitCode) + ")" : "failed";
    case WorkerOutcome::Live:
        if (w.suspended) return "suspended"; // by SIGSTOP or a debugger (/proc state T)
        return std::string(toString(w.state));
    case WorkerOutcome::Stopped:
        if (w.byUserSignal) return "stopped by the user's signal " + sig;
        return std::string(nameOf(o));
    case WorkerOutcome::Done:
        return std::string(nameOf(o));
    }
    return {};
}

std::string crashNote(const RunSnapshot& s) {
    std::string out;
    uint32_t waiting = 0;
    for (const WorkerRecord& w : s.workers)
        waiting += !w.exited && w.state == WorkerState::WaitingForLock;
    for (const WorkerRecord& w : s.workers) {
        if (w.suspended && !w.exited) {
            if (!out.empty()) out += "; ";
            out += "worker " + std::to_string(w.id) + " is suspended (SIGSTOP)" +
                   (w.holdingLock ? " holding the lock" : "");
        }
        if (outcome(w, s) != WorkerOutcome::Crashed) continue;
        if (!out.empty()) out += "; ";
        out += "worker " + std::to_string(w.id) +
               (w.diedHoldingLock ? " died holding the lock" : " crashed");
        if (w.recoveredBy >= 0)
            out += ", recovered by " + std::to_string(w.recoveredBy);
        else if (w.diedHoldingLock && waiting)
            out += ", " + std::to_string(waiting) + " waiting for it";
    }
    return out;
}

double progressFraction(const WorkerRecord& w, const RunSnapshot& s) {
    if (staticWork(s.config))
        return w.assigned ? std::min(1.0, double(w.processed) / double(w.assigned)) : 0;
    return std::min(1.0, double(w.processed) / double(std::max<uint64_t>(s.config.elements, 1)));
}

double runFraction(const RunSnapshot& s) {
    return std::min(1.0, double(totals(s).processed) /
                             double(std::max<uint64_t>(s.config.totalWork(), 1)));
}

std::string groupedNumber(uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string verdictText(const ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                        int64_t lostUpdates) {
    const std::string v = verdictOfValues(cfg, mismatches, unwritten, lostUpdates);
    // The array is empty because nothing was shared, not because nothing was computed.
    if (cfg.transport == Transport::Private && mismatches)
        return v + " — the workers wrote private copies";
    return v;
}

std::string verdictOfValues(const ExperimentConfig& cfg, uint64_t mismatches, uint64_t unwritten,
                            int64_t lostUpdates) {
    if (cfg.workload == Workload::Counters)
        return mismatches == 0 ? "counters verified"
                               : groupedNumber(mismatches) +
                                     (mismatches == 1 ? " counter wrong" : " counters wrong");
    if (cfg.workload == Workload::Histogram) {
        if (lostUpdates == 0 && mismatches == 0) return "histogram verified";
        const uint64_t lost = uint64_t(lostUpdates < 0 ? -lostUpdates : lostUpdates);
        return groupedNumber(lost) + (lostUpdates < 0 ? " extra updates" : " lost updates") + " (" +
               groupedNumber(mismatches) + (mismatches == 1 ? " bin" : " bins") + " wrong)";
    }
    if (mismatches == 0) return "array verified";
    std::string s = groupedNumber(mismatches) + (mismatches == 1 ? " mismatch" : " mismatches");
    if (unwritten == mismatches) return s + " (all unwritten)";
    if (unwritten) return s + " (" + groupedNumber(unwritten) + " unwritten)";
    return s;
}

MpiFigures mpiFigures(const RunSnapshot& s) {
    MpiFigures f;
    if (s.config.transport != Transport::Mpi) return f;
    f.ranks = uint32_t(s.workers.size());
    std::vector<uint32_t> hosts; // by index: short names of different hosts may be equal
    for (const WorkerRecord& w : s.workers) {
        if (w.pid && std::find(hosts.begin(), hosts.end(), w.hostIndex) == hosts.end())
            hosts.push_back(w.hostIndex);
        f.computeSeconds += double(w.mpiComputeNs) / 1e9;
        if (w.id == 0) {
            f.gatherSeconds = double(w.mpiCommNs) / 1e9;
            continue;
        }
        f.bytes += w.queueBytes;
        f.messages += w.queueMessages;
        f.sendSeconds += double(w.mpiCommNs) / 1e9;
    }
    f.hosts = uint32_t(hosts.size());
    f.hostList = groupByHost(s.workers);
    for (const HostGroup& g : f.hostList)
        f.clockErrorNs = std::max(f.clockErrorNs, g.clockErrorNs);
    return f;
}

} // namespace shm
