#include "bench_collisions.h"

#include "bench_process.h"

#include "runner/run_controller.h"

#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace bench {
namespace {
// A histogram without a lock loses updates: the run is checked for finishing, not for its bins.
shm::RunReport histogramRun(const shm::ExperimentConfig& cfg, const QString& workerPath) {
    RunController c;
    c.setWorkerPath(workerPath);
    QSignalSpy done(&c, &RunController::finished);
    QString err;
    if (!c.start(cfg, &err) || !done.wait(600000) || !c.report().finished()) {
        std::fprintf(stderr, "shmscope-bench: histogram run failed %s\n", qPrintable(err));
        std::exit(3);
    }
    return c.report();
}
} // namespace

void collisionRows(int repeat, bool quick, const QString& workerPath) {
    shm::ExperimentConfig on{.workers = 4,
                             .elements = quick ? 100'000u : 1'000'000u,
                             .workload = shm::Workload::Histogram,
                             .bins = 64,
                             .sync = shm::SyncMode::None};
    shm::ExperimentConfig off = on;
    off.collisions = false;
    std::vector<double> a, b, lostOn, lostOff;
    uint64_t explained = 0, lost = 0;
    for (int r = 0; r < repeat; ++r) {
        // Alternating which goes first, so drift within a pair hits both sides alike.
        const bool onFirst = r % 2 == 0;
        const shm::RunReport first = histogramRun(onFirst ? on : off, workerPath);
        const shm::RunReport second = histogramRun(onFirst ? off : on, workerPath);
        const shm::RunReport& withLog = onFirst ? first : second;
        a.push_back(withLog.computeSeconds);
        b.push_back((onFirst ? second : first).computeSeconds);
        const shm::RunReport& without = onFirst ? second : first;
        explained += withLog.collisions.explained;
        lost += uint64_t(std::max<int64_t>(withLog.lostUpdates, 0));
        // What the log does to what it shows: the share of updates lost with it and without.
        lostOn.push_back(100.0 * double(std::max<int64_t>(withLog.lostUpdates, 0)) /
                         double(on.elements));
        lostOff.push_back(100.0 * double(std::max<int64_t>(without.lostUpdates, 0)) /
                          double(on.elements));
    }
    std::printf("collisions log: histogram, %llu elements, 4 workers, sync none, 64 bins (min / "
                "median of %d, ABBA)\n",
                (unsigned long long)on.elements, repeat);
    std::printf("  --collisions on  %8.4f / %.4f s\n  --collisions off %8.4f / %.4f s\n  ratio "
                "           %8.3fx  (of minima; medians %.3fx; goal <= 1.5x)\n  explained %llu "
                "of %llu lost updates over the logged runs\n",
                minOf(a), median(a), minOf(b), median(b), minOf(a) / minOf(b),
                median(a) / median(b), (unsigned long long)explained, (unsigned long long)lost);
    std::printf("  updates lost (median of %d): %.2f %% with the log, %.2f %% without\n", repeat,
                median(lostOn), median(lostOff));
}

} // namespace bench
