#include "analysis/trace.h"

#include "analysis/metrics.h"

#include <algorithm>

namespace shm {
namespace {

// Process ids of the lock tracks: past any real pid (pid_max is at most 2^22).
constexpr int64_t kLockPidBase = 1'000'000'000;

std::string us(uint64_t ns, uint64_t originNs) {
    return jsonNumber(double(ns > originNs ? ns - originNs : 0) / 1000.0);
}

std::string lockName(const ExperimentConfig& c, uint32_t lock) {
    if (c.sync == SyncMode::Striped) return "stripe " + std::to_string(lock - 1);
    return std::string(toString(c.sync)) + " lock";
}

struct Writer {
    std::string out = "{\"traceEvents\":[";
    bool first = true;
    void add(const std::string& event) {
        if (!first) out += ",\n";
        first = false;
        out += event;
    }
};

std::string meta(int64_t pid, const std::string& what, const std::string& name) {
    return "{\"ph\":\"M\",\"pid\":" + std::to_string(pid) + ",\"tid\":0,\"name\":\"" + what +
           "\",\"args\":{\"name\":\"" + jsonEscape(name) + "\"}}";
}

std::string slice(int64_t pid, int tid, const std::string& name, uint64_t beginNs, uint64_t endNs,
                  uint64_t originNs, const std::string& args) {
    return "{\"ph\":\"X\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
           ",\"name\":\"" + jsonEscape(name) + "\",\"ts\":" + us(beginNs, originNs) +
           ",\"dur\":" + jsonNumber(double(endNs - std::min(endNs, beginNs)) / 1000.0) +
           ",\"args\":{" + args + "}}";
}

// One process per lock: its holds, named by the holder, in time order.
void addLockTracks(Writer& w, const LockActivity& locks, const ExperimentConfig& c,
                   uint64_t origin) {
    for (uint32_t lock = 0; lock < locks.locks(); ++lock) {
        std::vector<std::pair<LockInterval, uint32_t>> holds;
        for (uint32_t k = 0; k < locks.workers(); ++k)
            for (const LockInterval& iv : locks.holds(k))
                if (iv.lock == lock && !iv.empty()) holds.emplace_back(iv, k);
        if (holds.empty()) continue;
        std::sort(holds.begin(), holds.end(),
                  [](const auto& a, const auto& b) { return a.first.beginNs < b.first.beginNs; });
        const int64_t pid = kLockPidBase + lock;
        w.add(meta(pid, "process_name", lockName(c, lock)));
        w.add("{\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
              ",\"tid\":0,\"name\":\"process_sort_index\",\"args\":{\"sort_index\":" +
              std::to_string(1000 + lock) + "}}");
        for (const auto& [iv, k] : holds)
            w.add(slice(pid, 1, "w" + std::to_string(k), iv.beginNs, iv.endNs, origin,
                        "\"holder\":" + std::to_string(k)));
    }
}

// An interval's args. MPI: the lock bits say which message (layout.h, above Event): rank 0's
// receives and waits name the rank (and whether it asked for work), a send its size in KiB.
std::string eventArgs(uint32_t lock, bool mpi, uint32_t worker) {
    const std::string plain = "\"lock\":" + std::to_string(lock);
    if (!mpi) return plain;
    if (worker != 0) return plain + ",\"kib\":" + std::to_string(lock);
    return plain + ",\"from\":" + std::to_string(lock & 0xff) +
           ((lock & 0x100) ? ",\"request\":true" : "");
}

} // namespace

std::string toTraceJson(const TraceInput& in) {
    const RunSnapshot& s = *in.final;
    const ExperimentConfig& c = s.config;
    const uint64_t origin = s.releaseNs;
    // --transport mpi: the rings hold messages, not locks (rank k's sends; rank 0's receives
    // and its waits for them), and the processes are ranks.
    const bool mpi = c.transport == Transport::Mpi;
    Writer w;
    for (const WorkerRecord& wr : s.workers) {
        const int64_t pid = wr.pid ? wr.pid : -int64_t(wr.id) - 1;
        const std::string name = (mpi ? "r" : "w") + std::to_string(wr.id) + " (pid " +
                                 std::to_string(wr.pid) +
                                 (mpi && !wr.host.empty() ? " on " + wr.host : std::string()) + ")";
        w.add(meta(pid, "process_name", name));
        w.add("{\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
              ",\"tid\":0,\"name\":\"process_sort_index\",\"args\":{\"sort_index\":" +
              std::to_string(wr.id) + "}}");
        w.add("{\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
              ",\"tid\":1,\"name\":\"thread_name\",\"args\":{\"name\":\"work\"}}");
        w.add("{\"ph\":\"M\",\"pid\":" + std::to_string(pid) +
              ",\"tid\":2,\"name\":\"thread_name\",\"args\":{\"name\":\"" +
              (mpi ? "messages" : "lock") + "\"}}");
        if (wr.startNs) {
            const uint64_t end = workerEndNs(wr, s.nowNs);
            w.add(slice(pid, 1, "work", wr.startNs, end, origin,
                        "\"processed\":" + std::to_string(wr.processed) + ",\"state\":\"" +
                            jsonEscape(stateText(wr, s)) + "\""));
        }
        if (in.locks && wr.id < in.locks->workers()) {
            for (const LockInterval& iv : in.locks->waits(wr.id))
                w.add(slice(pid, 2, mpi ? "wait for messages" : "wait", iv.beginNs, iv.endNs,
                            origin, eventArgs(iv.lock, mpi, wr.id)));
            for (const LockInterval& iv : in.locks->holds(wr.id))
                if (!iv.empty())
                    w.add(slice(pid, 2,
                                !mpi    ? "hold"
                                : wr.id ? "send"
                                        : "receive",
                                iv.beginNs, iv.endNs, origin, eventArgs(iv.lock, mpi, wr.id)));
        }
        for (const ProgressSample& p : in.progress)
            if (wr.id < p.processed.size() && p.atNs >= origin)
                w.add("{\"ph\":\"C\",\"pid\":" + std::to_string(pid) +
                      ",\"name\":\"processed\",\"ts\":" + us(p.atNs, origin) +
                      ",\"args\":{\"elements\":" + std::to_string(p.processed[wr.id]) + "}}");
    }
    if (in.locks && c.usesLock()) addLockTracks(w, *in.locks, c, origin);
    w.out += "],\"displayTimeUnit\":\"ns\",\"otherData\":{\"config\":" + configJson(c);
    if (in.report)
        w.out += ",\"status\":\"" + std::string(nameOf(in.report->status)) + "\",\"verdict\":\"" +
                 jsonEscape(in.report->verdict()) + "\"";
    if (in.locks) {
        const LockActivity::Counts& n = in.locks->counts();
        uint64_t dropped = 0;
        for (const WorkerRecord& wr : s.workers)
            dropped += wr.droppedEvents;
        // What the trace leaves out, so nobody reads a partial picture as the whole.
        w.out += ",\"lock_intervals_trimmed\":" + std::to_string(n.trimmed) +
                 ",\"lock_events_dropped_by_workers\":" + std::to_string(dropped);
    }
    return w.out + "}}\n";
}

} // namespace shm
