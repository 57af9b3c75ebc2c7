#include "probe/machine_figures.h"

#include "model/flat_json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <variant>

namespace shm {
namespace {

// analysis/report.h's jsonNumber, which this layer cannot reach: 9 significant digits in any
// locale, null if not finite.
std::string number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 9);
    return std::string(buf, res.ptr);
}

std::string quoted(const std::string& s) {
    std::string o = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') {
            o += '\\';
            o += char(ch);
        } else if (ch < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", ch);
            o += buf;
        } else {
            o += char(ch);
        }
    }
    return o + "\"";
}

std::string orNull(const std::optional<double>& v) {
    return v ? number(*v) : "null";
}
std::string orNull(const std::optional<int>& v) {
    return v ? std::to_string(*v) : "null";
}
std::string orNull(const std::optional<bool>& v) {
    return v ? (*v ? "true" : "false") : "null";
}
std::string orNull(const std::string& s) {
    return s.empty() ? "null" : quoted(s);
}

template <class T> const T* get(const std::map<std::string, FlatValue>& o, const char* key) {
    const auto it = o.find(key);
    return it == o.end() ? nullptr : std::get_if<T>(&it->second);
}

void read(const std::map<std::string, FlatValue>& o, const char* key, std::optional<double>& out) {
    if (const double* d = get<double>(o, key)) out = *d;
}
void read(const std::map<std::string, FlatValue>& o, const char* key, std::optional<int>& out) {
    if (const double* d = get<double>(o, key)) out = int(*d);
}
void read(const std::map<std::string, FlatValue>& o, const char* key, std::optional<bool>& out) {
    if (const bool* b = get<bool>(o, key)) out = *b;
}
void read(const std::map<std::string, FlatValue>& o, const char* key, std::string& out) {
    if (const std::string* s = get<std::string>(o, key)) out = *s;
}

} // namespace

std::string machineJson(const MachineFigures& m) {
    return "{\"version\":" + std::to_string(m.version) + ",\"probed_at\":" + orNull(m.probedAt) +
           ",\"boot_id\":" + orNull(m.bootId) + ",\"probe_seconds\":" + orNull(m.probeSeconds) +
           ",\"cores\":" + orNull(m.cores) + ",\"parallel_cores\":" + orNull(m.parallelCores) +
           ",\"line_pinned\":" + orNull(m.linePinned) + ",\"line_cpus\":" + orNull(m.lineCpus) +
           ",\"line_shared_ns\":" + orNull(m.lineSharedNs) +
           ",\"line_private_ns\":" + orNull(m.linePrivateNs) +
           ",\"line_overlap\":" + orNull(m.lineOverlap) +
           ",\"line_cost_ratio\":" + orNull(m.lineCostRatio) +
           ",\"line_note\":" + orNull(m.lineNote) +
           ",\"timer_resolution_ns\":" + orNull(m.timerResolutionNs) +
           ",\"timer_step_ns\":" + orNull(m.timerStepNs) + ",\"shm_fs\":" + orNull(m.shmFs) +
           ",\"shm_hugepages\":" + orNull(m.shmHugepages) + "}";
}

std::optional<MachineFigures> machineFromJson(std::string_view json) {
    FlatReader r{json};
    const auto o = r.object();
    if (!r.ok) return std::nullopt;
    const double* version = get<double>(o, "version");
    if (!version || int(*version) != kMachineFormat) return std::nullopt;
    MachineFigures m;
    read(o, "probed_at", m.probedAt);
    read(o, "boot_id", m.bootId);
    read(o, "probe_seconds", m.probeSeconds);
    read(o, "cores", m.cores);
    read(o, "parallel_cores", m.parallelCores);
    read(o, "line_pinned", m.linePinned);
    read(o, "line_cpus", m.lineCpus);
    read(o, "line_shared_ns", m.lineSharedNs);
    read(o, "line_private_ns", m.linePrivateNs);
    read(o, "line_overlap", m.lineOverlap);
    read(o, "line_cost_ratio", m.lineCostRatio);
    read(o, "line_note", m.lineNote);
    read(o, "timer_resolution_ns", m.timerResolutionNs);
    read(o, "timer_step_ns", m.timerStepNs);
    read(o, "shm_fs", m.shmFs);
    read(o, "shm_hugepages", m.shmHugepages);
    return m;
}

std::optional<MachineFigures> machineInReport(std::string_view reportJson) {
    // The report's own "machine" key: top level, after the keys that come first in toJson;
    // workers' objects have no such key, so the first occurrence is it.
    constexpr std::string_view key = "\"machine\":";
    const size_t at = reportJson.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    FlatReader r{reportJson.substr(at + key.size())};
    const auto start = r.i;
    r.object();
    if (!r.ok) return std::nullopt;
    return machineFromJson(reportJson.substr(at + key.size() + start, r.i - start));
}

} // namespace shm
