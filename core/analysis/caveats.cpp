#include "analysis/caveats.h"

#include <algorithm>
#include <cmath>
#include <sched.h>
#include <unistd.h>

namespace shm {

unsigned usableCores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return unsigned(CPU_COUNT(&set));
    return unsigned(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
}

std::string percentText(double fraction) {
    return std::to_string(int(std::lround(100 * fraction))) + " %";
}

std::optional<double> judgedCpuShare(const WorkerReport& w) {
    if (w.outcome != WorkerOutcome::Done || !(w.cpuSeconds > 0)) return std::nullopt;
    const double running = w.time.busy - w.time.wait;
    if (running < 0.010) return std::nullopt;
    return w.cpuSeconds / running;
}

std::optional<double> lowestCpuShare(const RunReport& r) {
    if (r.config.delayUs > 0) return std::nullopt;
    std::optional<double> lowest;
    for (const WorkerReport& w : r.workers)
        if (const auto s = judgedCpuShare(w)) lowest = lowest ? std::min(*lowest, *s) : *s;
    return lowest;
}

std::vector<Caveat> runCaveats(const RunReport& r, unsigned cores) {
    std::vector<Caveat> out;
    const uint32_t n = r.config.workers;
    if (n > cores) {
        out.push_back({"more_workers_than_cores",
                       std::to_string(n) + " workers on " + std::to_string(cores) +
                           " cores: they take turns, so each worker's wall-time figures include "
                           "waiting for a core",
                       {double(n), double(cores)}});
    } else if (r.config.delayUs == 0) {
        for (const WorkerReport& w : r.workers) {
            const auto s = judgedCpuShare(w);
            if (s && *s < kLowCpuShare)
                out.push_back({"cpu_share_low",
                               "worker " + std::to_string(w.id) + " got " + percentText(*s) +
                                   " of a CPU: the machine is busy",
                               {double(w.id), *s}});
        }
    }
    if (r.config.workload == Workload::Counters && n > 1 && r.overlap.fraction &&
        *r.overlap.fraction < kLowCpuShare)
        out.push_back({"overlap_low",
                       "the workers were on a CPU at the same time for only " +
                           percentText(*r.overlap.fraction) +
                           " of the run: false sharing shows only while they run together",
                       {*r.overlap.fraction}});
    return out;
}

std::string caveatsJson(const std::vector<Caveat>& caveats) {
    std::string s = "[";
    for (size_t i = 0; i < caveats.size(); ++i)
        s += std::string(i ? "," : "") + "{\"code\":\"" + jsonEscape(caveats[i].code) +
             "\",\"text\":\"" + jsonEscape(caveats[i].text) + "\"}";
    return s + "]";
}

} // namespace shm
