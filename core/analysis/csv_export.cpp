#include "analysis/csv_export.h"

#include "model/layout.h"
#include "work/workload.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace shm {
namespace {

// The shortest text that reads back as exactly this double (the report's 9 digits would round).
std::string exact(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

} // namespace

std::string workersCsv(const RunReport& r) {
    std::string out = "id,pid,state,state_text,processed,assigned,busy_seconds,compute_seconds,"
                      "wait_seconds,hold_seconds,rate,cpu_seconds,cpu_waiting_seconds,"
                      "ns_per_increment,exit_code,signal,died_holding_lock,lock_acquisitions,"
                      "lock_contended,lock_wait_ns,lock_hold_ns,lock_max_wait_ns,"
                      "lock_contended_percent,lock_wait_share\n";
    for (const WorkerReport& w : r.workers) {
        out += std::to_string(w.id) + "," + std::to_string(w.pid) + "," +
               std::string(nameOf(w.outcome)) + "," + field(w.stateText) + "," +
               std::to_string(w.processed) + "," + std::to_string(w.assigned) + "," +
               jsonNumber(w.time.busy) + "," + jsonNumber(w.time.compute) + "," +
               jsonNumber(w.time.wait) + "," + jsonNumber(w.time.hold) + "," + jsonNumber(w.rate) +
               "," + jsonNumber(w.cpuSeconds) + "," + jsonNumber(w.cpuWaitingSeconds) + "," +
               (r.config.workload == Workload::Counters ? jsonNumber(w.nsPerIncrement) : "") + "," +
               (w.exitCode >= 0 ? std::to_string(w.exitCode) : "") + "," +
               std::to_string(w.signal) + "," + (w.diedHoldingLock ? "true" : "false") + "," +
               std::to_string(w.lock.acquisitions) + "," + std::to_string(w.lock.contended) + "," +
               std::to_string(w.lock.waitNs) + "," + std::to_string(w.lock.holdNs) + "," +
               std::to_string(w.lock.maxWaitNs) + "," + jsonNumber(contendedPercent(w.lock)) + "," +
               jsonNumber(w.waitShare) + "\n";
    }
    return out;
}

void writeArrayCsv(std::ostream& out, const ExperimentConfig& cfg, const double* data,
                   const uint8_t* owner, uint64_t count) {
    out << "index,value,expected,owner\n";
    std::string line;
    if (cfg.workload == Workload::Counters) {
        // 64-bit counts, not doubles: a worker's slot should hold its increments; the padding
        // between slots stays 0.
        const auto* counters = reinterpret_cast<const uint64_t*>(data);
        for (uint64_t i = 0; i < count; ++i) {
            bool slot = false;
            for (uint32_t k = 0; k < cfg.workers && !slot; ++k)
                slot = cfg.counterSlot(k) == i;
            line = std::to_string(i) + "," + std::to_string(counters[i]) + "," +
                   (slot ? std::to_string(cfg.increments) : std::string("0")) + ",";
            if (owner && ownerOf(owner[i], counters[i] != 0) != kNoOwner)
                line += std::to_string(owner[i]);
            out << line << "\n";
        }
        return;
    }
    const std::vector<double> expected = expectedArray(cfg);
    for (uint64_t i = 0; i < count; ++i) {
        line = std::to_string(i) + ",";
        if (!std::isnan(data[i])) line += exact(data[i]);
        line += "," + (i < expected.size() ? exact(expected[i]) : std::string()) + ",";
        // Histogram bins start at 0, the elements of the other workloads as NaN.
        const bool written =
            cfg.workload == Workload::Histogram ? data[i] != 0 : !std::isnan(data[i]);
        if (owner && ownerOf(owner[i], written) != kNoOwner) line += std::to_string(owner[i]);
        line += "\n";
        out << line;
    }
}

std::string lockEventsCsv(const LockActivity& activity, uint64_t originNs) {
    struct Row {
        LockInterval i;
        uint32_t worker;
        bool hold;
    };
    std::vector<Row> rows;
    for (uint32_t k = 0; k < activity.workers(); ++k) {
        for (const LockInterval& i : activity.waits(k))
            rows.push_back({i, k, false});
        for (const LockInterval& i : activity.holds(k))
            if (!i.empty()) rows.push_back({i, k, true});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.i.beginNs != b.i.beginNs ? a.i.beginNs < b.i.beginNs : a.worker < b.worker;
    });
    // Times before the barrier cannot happen; clamp rather than wrap if a clock disagreed.
    const auto since = [originNs](uint64_t t) { return t > originNs ? t - originNs : 0; };
    std::string out = "worker,lock,kind,begin_ns,end_ns,duration_ns\n";
    out.reserve(out.size() + rows.size() * 40);
    for (const Row& r : rows)
        out += std::to_string(r.worker) + "," + std::to_string(r.i.lock) + "," +
               (r.hold ? "hold," : "wait,") + std::to_string(since(r.i.beginNs)) + "," +
               std::to_string(since(r.i.endNs)) + "," +
               std::to_string(r.i.endNs - std::min(r.i.endNs, r.i.beginNs)) + "\n";
    return out;
}

} // namespace shm
