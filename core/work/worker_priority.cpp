#include "work/worker_priority.h"

#include <sched.h>
#include <sys/resource.h>

namespace shm {

WorkerScheduling workerScheduling(const ExperimentConfig& cfg, bool windowed, unsigned cpus) {
    const bool crowded = cfg.workers > cpus;
    switch (cfg.workerPriority) {
    case WorkerPriority::Auto:
        if (windowed && crowded) return WorkerScheduling::Idle;
        break;
    case WorkerPriority::Normal:
        break;
    case WorkerPriority::Low:
        return WorkerScheduling::Nice19;
    case WorkerPriority::Idle:
        return WorkerScheduling::Idle;
    }
    return crowded ? WorkerScheduling::NiceWhenCrowded : WorkerScheduling::Normal;
}

unsigned allowedCpus() {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 1;
    return unsigned(CPU_COUNT(&allowed));
}

std::string_view toString(WorkerScheduling s) {
    switch (s) {
    case WorkerScheduling::Normal:
        break;
    case WorkerScheduling::NiceWhenCrowded:
        return "nice 5";
    case WorkerScheduling::Nice19:
        return "nice 19";
    case WorkerScheduling::Idle:
        return "idle";
    }
    return "normal";
}

void lowerThisProcess(WorkerScheduling s) {
    if (s == WorkerScheduling::Nice19) {
        (void)setpriority(PRIO_PROCESS, 0, 19);
    } else if (s == WorkerScheduling::Idle) {
        const sched_param p{};
        (void)sched_setscheduler(0, SCHED_IDLE, &p);
    }
}

} // namespace shm
