#include "report.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace shm {
namespace {

// std::to_chars ignores the C locale: snprintf would print "0,25" under a comma-decimal
// locale (QCoreApplication calls setlocale), and that is not JSON.
std::string num(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9);
    return std::string(buf, res.ptr);
}

std::string str(std::string_view s) {
    return "\"" + jsonEscape(std::string(s)) + "\"";
}

std::string lockJson(const LockStats& l, bool withMax) {
    std::string s = "{\"acquisitions\":" + std::to_string(l.acquisitions) +
                    ",\"contended\":" + std::to_string(l.contended) +
                    ",\"wait_ns\":" + std::to_string(l.waitNs) +
                    ",\"hold_ns\":" + std::to_string(l.holdNs);
    if (withMax) s += ",\"max_wait_ns\":" + std::to_string(l.maxWaitNs);
    return s + "}";
}

// One entry per row of kSettings, in table order: numbers as numbers, enums as strings,
// booleans as true/false.
std::string configJson(const ExperimentConfig& c) {
    std::string s = "{";
    for (const SettingRow& r : kSettings) {
        if (s.size() > 1) s += ",";
        s += str(r.reportKey) + ":";
        s += r.kind == SettingKind::Enum ? str(settingText(r, c)) : settingText(r, c);
    }
    return s + "}";
}

} // namespace

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

std::string toJson(const RunReport& r) {
    std::string s = "{\"version\":" + str(r.version) + ",\"config\":" + configJson(r.config) +
                    ",\"status\":" + str(r.status) +
                    ",\"compute_seconds\":" + num(r.computeSeconds) +
                    ",\"wall_seconds\":" + num(r.wallSeconds) +
                    ",\"processed\":" + std::to_string(r.processed) +
                    ",\"mismatches\":" + std::to_string(r.mismatches) +
                    ",\"unwritten\":" + std::to_string(r.unwritten) +
                    ",\"lost_updates\":" + std::to_string(r.lostUpdates) +
                    ",\"imbalance\":" + num(r.imbalance) + ",\"lock\":" + lockJson(r.lock, false) +
                    ",\"dropped_events\":" + std::to_string(r.droppedEvents) + ",\"workers\":[";
    for (size_t i = 0; i < r.workers.size(); ++i) {
        const WorkerReport& w = r.workers[i];
        if (i) s += ",";
        s += "{\"id\":" + std::to_string(w.id) + ",\"pid\":" + std::to_string(w.pid) +
             ",\"state\":" + str(w.state) + ",\"processed\":" + std::to_string(w.processed) +
             ",\"assigned\":" + std::to_string(w.assigned) +
             ",\"busy_seconds\":" + num(w.busySeconds) +
             ",\"exit_code\":" + (w.exitCode >= 0 ? std::to_string(w.exitCode) : "null") +
             ",\"signal\":" + std::to_string(w.signal) +
             ",\"died_holding_lock\":" + (w.diedHoldingLock ? "true" : "false") +
             ",\"lock\":" + lockJson(w.lock, true) + "}";
    }
    s += "],\"segment\":{\"name\":" + str(r.segmentName) +
         ",\"bytes\":" + std::to_string(r.segmentBytes) +
         ",\"removed\":" + (r.segmentRemoved ? "true" : "false") + "},\"errors\":[";
    for (size_t i = 0; i < r.errors.size(); ++i)
        s += (i ? "," : "") + str(r.errors[i]);
    return s + "]}";
}

std::string toText(const RunReport& r) {
    std::ostringstream o;
    const auto& c = r.config;
    char line[256];
    o << "ShmScope " << r.version << ": " << c.workers << " workers, " << c.elements
      << " elements, " << toString(c.workload) << ", " << toString(c.partition) << " (chunk "
      << c.chunk << "), sync " << toString(c.sync);
    if (c.usesLock()) o << " (" << toString(c.lockScope) << " scope)";
    o << "\n";
    std::snprintf(line, sizeof line,
                  "status %s   compute %.4f s   wall %.4f s   processed %llu   imbalance %.2f\n",
                  r.status.c_str(), r.computeSeconds, r.wallSeconds,
                  (unsigned long long)r.processed, r.imbalance);
    o << line;
    std::snprintf(line, sizeof line, "mismatches %llu   lost updates %lld\n",
                  (unsigned long long)r.mismatches, (long long)r.lostUpdates);
    o << line;
    if (c.usesLock())
        std::snprintf(line, sizeof line,
                      "lock: %llu acquisitions, %.1f%% contended, wait %.3f ms, hold %.3f ms\n",
                      (unsigned long long)r.lock.acquisitions,
                      r.lock.acquisitions
                          ? 100.0 * double(r.lock.contended) / double(r.lock.acquisitions)
                          : 0.0,
                      double(r.lock.waitNs) / 1e6, double(r.lock.holdNs) / 1e6);
    else
        std::snprintf(line, sizeof line, "lock: none taken (sync %s)\n",
                      std::string(toString(c.sync)).c_str());
    o << line;
    o << "worker  pid       state        processed     busy s   acquisitions  contended\n";
    for (const auto& w : r.workers) {
        std::string st = w.state;
        if (w.signal) st += " (signal " + std::to_string(w.signal) + ")";
        std::snprintf(line, sizeof line, "%-7u %-9lld %-12s %-13llu %-8.4f %-13llu %llu\n", w.id,
                      (long long)w.pid, st.c_str(), (unsigned long long)w.processed, w.busySeconds,
                      (unsigned long long)w.lock.acquisitions,
                      (unsigned long long)w.lock.contended);
        o << line;
    }
    o << "segment " << r.segmentName << " (" << (r.segmentBytes >> 10) << " KiB) "
      << (r.segmentRemoved ? "removed" : "NOT removed") << "\n";
    for (const auto& e : r.errors)
        o << "error: " << e << "\n";
    return o.str();
}

} // namespace shm
