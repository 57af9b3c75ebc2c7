#include "work/worker_priority.h"

#include <algorithm>
#include <iterator>

#include <cerrno>
#include <sched.h>
#include <sys/resource.h>

namespace shm {

namespace {
// The kernel's weight of a nice value (kernel/sched/core.c, sched_prio_to_weight), 5 to 19.
constexpr int kWeightFromNice5[] = {335, 272, 215, 172, 137, 110, 87, 70,
                                    56,  45,  36,  29,  23,  18,  15};
constexpr int kNiceZeroWeight = 1024;
} // namespace

int crowdNice(uint32_t workers, unsigned cpus) {
    if (cpus == 0) cpus = 1;
    for (int i = 0; i < int(std::size(kWeightFromNice5)); ++i)
        if (uint64_t(workers) * uint64_t(kWeightFromNice5[i]) * 2 <=
            uint64_t(cpus) * kNiceZeroWeight)
            return 5 + i;
    return 19;
}

WorkerScheduling workerScheduling(const ExperimentConfig& cfg, bool windowed, unsigned cpus) {
    using K = WorkerScheduling::Kind;
    const bool crowded = cfg.workers > cpus;
    switch (cfg.workerPriority) {
    case WorkerPriority::Auto:
        if (windowed && crowded) {
            const int nice = crowdNice(cfg.workers, cpus);
            // Nice 5 is what crowded workers give themselves anyway.
            return nice == 5 ? WorkerScheduling{K::NiceWhenCrowded}
                             : WorkerScheduling{K::Nice, nice};
        }
        break;
    case WorkerPriority::Normal:
        break;
    case WorkerPriority::Low:
        return {K::Nice, 19};
    case WorkerPriority::Idle:
        return {K::Idle};
    }
    return {crowded ? K::NiceWhenCrowded : K::Normal};
}

uint64_t owedDelayQuantumNs(SyncMode sync, uint32_t workers, unsigned cpus) {
    cpus = std::max(cpus, 1u);
    if (workers <= cpus || (sync != SyncMode::None && sync != SyncMode::Atomic)) return 0;
    // At most about a frame: beyond that a worker's whole share could pass between two sleeps.
    return 1'000'000ull * std::min<uint64_t>(32, (workers + cpus - 1) / cpus);
}

unsigned allowedCpus() {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 1;
    return unsigned(CPU_COUNT(&allowed));
}

std::string toString(WorkerScheduling s) {
    switch (s.kind) {
    case WorkerScheduling::Kind::Normal:
        break;
    case WorkerScheduling::Kind::NiceWhenCrowded:
        return "nice 5";
    case WorkerScheduling::Kind::Nice:
        return "nice " + std::to_string(s.nice);
    case WorkerScheduling::Kind::Idle:
        return "idle";
    }
    return "normal";
}

void lowerProcess(int64_t pid, WorkerScheduling s) {
    const auto id = id_t(pid);
    if (s.kind == WorkerScheduling::Kind::Nice) {
        // Only ever lower: an app started at nice 10 must not hand its workers nice 7.
        errno = 0;
        const int now = getpriority(PRIO_PROCESS, id);
        if (errno == 0 && now < s.nice) (void)setpriority(PRIO_PROCESS, id, s.nice);
    } else if (s.kind == WorkerScheduling::Kind::Idle) {
        const sched_param p{};
        (void)sched_setscheduler(pid_t(pid), SCHED_IDLE, &p);
    }
}

void lowerThisProcess(WorkerScheduling s) {
    lowerProcess(0, s);
}

} // namespace shm
