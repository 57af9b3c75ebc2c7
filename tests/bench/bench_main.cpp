// shmscope-bench: what ShmScope's machinery costs, as ratios against a baseline measured in
// the same run (the machine is noisy; absolute times mean little).
//  1. The seed job (sin, 10^7 elements, 2 workers, no sync) through real worker processes on
//     the shared segment, against a plain std::thread loop writing a private array.
//  2. A mutex run with lock instrumentation on, against the same run with --no-instrument.
// Each figure is the median of --repeat runs, interleaved so drift hits both sides alike.
#include "run_controller.h"
#include "workload.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double runProcesses(const shm::ExperimentConfig& cfg, const QString& workerPath) {
    RunController c;
    c.setWorkerPath(workerPath);
    QSignalSpy done(&c, &RunController::finished);
    QString err;
    if (!c.start(cfg, &err)) {
        std::fprintf(stderr, "shmscope-bench: %s\n", qPrintable(err));
        std::exit(3);
    }
    if (!done.wait(600000) || !c.report().finished() || c.report().mismatches) {
        std::fprintf(stderr, "shmscope-bench: run failed or wrong\n");
        std::exit(3);
    }
    return c.report().computeSeconds;
}

// The same job as the workers do, in threads of this process, into a private array that is
// touched beforehand (the segment's pages are also populated before the barrier opens).
double runThreads(uint64_t n, uint32_t threads) {
    std::vector<double> a(n, 0.0);
    std::atomic<uint32_t> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> ts;
    for (uint32_t k = 0; k < threads; ++k) {
        ts.emplace_back([&, k] {
            const uint64_t b = n * k / threads, e = n * (k + 1) / threads;
            ready.fetch_add(1);
            while (!go.load())
                std::this_thread::yield();
            for (uint64_t i = b; i < e; ++i)
                a[i] = shm::elementValue(shm::Workload::Sin, i, n);
        });
    }
    while (ready.load() < threads)
        std::this_thread::yield();
    const auto t0 = std::chrono::steady_clock::now();
    go.store(true);
    for (auto& t : ts)
        t.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    volatile double sink = a[n / 2];
    (void)sink;
    return s;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int repeat = 5;
    uint64_t seedN = 10'000'000, mutexN = 2'000'000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) { // smoke test for CI: tiny sizes, one repeat
            repeat = 1;
            seedN = 200'000;
            mutexN = 50'000;
        } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: shmscope-bench [--quick] [--repeat N]\n");
            return 2;
        }
    }
    const QString workerPath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/shmscope-worker");

    const shm::ExperimentConfig seed{.workers = 2,
                                     .elements = seedN,
                                     .workload = shm::Workload::Sin,
                                     .sync = shm::SyncMode::None};
    std::vector<double> proc, thr;
    for (int r = 0; r < repeat; ++r) {
        proc.push_back(runProcesses(seed, workerPath));
        thr.push_back(runThreads(seedN, 2));
    }

    shm::ExperimentConfig mutex{.workers = 4,
                                .elements = mutexN,
                                .workload = shm::Workload::Wave,
                                .sync = shm::SyncMode::Mutex};
    std::vector<double> on, off;
    for (int r = 0; r < repeat; ++r) {
        mutex.instrument = true;
        on.push_back(runProcesses(mutex, workerPath));
        mutex.instrument = false;
        off.push_back(runProcesses(mutex, workerPath));
    }

    const double p = median(proc), t = median(thr), i1 = median(on), i0 = median(off);
    std::printf("seed job: sin, %llu elements, 2 workers, sync none (median of %d)\n",
                (unsigned long long)seedN, repeat);
    std::printf("  shmscope workers  %8.4f s\n  std::thread loop %8.4f s\n  ratio            "
                "%8.3fx  (budget 1.10x)\n",
                p, t, p / t);
    std::printf("mutex: wave, %llu elements, 4 workers, element scope (median of %d)\n",
                (unsigned long long)mutexN, repeat);
    std::printf("  instrumented     %8.4f s\n  --no-instrument  %8.4f s\n  ratio            %8.3fx "
                " (budget 1.25x)\n",
                i1, i0, i1 / i0);
    return 0;
}
