// shmscope-bench: what ShmScope's machinery costs, as ratios against a baseline measured in
// the same run (the machine is noisy; absolute times mean little).
//  0. Whole processes (bench_process.cpp): the seed job as `shmscope --headless` against a
//     plain threaded program (plain_seed) and the blog's numpy processes (numpy_seed.py);
//     64 and 256 workers started and run against as many bare posix_spawns of shmscope-worker;
//     the window's frames with 256, 64 and 4 mutex workers (its --bench-frames summary lines).
//  1. The seed job (sin, 10^7 elements, 2 workers, no sync) through real worker processes on
//     the shared segment, against a plain std::thread loop writing a private array.
//  2. A mutex run with lock instrumentation on, against the same run with --no-instrument.
// And what the experiments show, as ratios of two settings of one job:
//  3. --transport queue against shared (the seed job's compute time, results in the array).
//  4. --counter-layout packed against padded (ns per increment, 2 workers: false sharing).
//  5. --sync spin against mutex with 8 workers on this machine's cores (CPU time in total).
// And recordings (bench_recording.cpp): --record on against off, file sizes, opening one.
// And the update log (bench_collisions.cpp): --collisions on against off (histogram, no lock);
// `--only collisions` runs just that row, `--only processes` just the whole-process and window
// rows.
// And 10^9 elements (bench_big_array.cpp): the window's frames and memory, verification split
// across the cores against one thread; `--only big` runs just those rows.
// Each figure is the median of --repeat runs, interleaved so drift hits both sides alike; the
// compute and mutex rows print their minimum too (what issue 10 judges them by).
#include "bench_big_array.h"
#include "bench_collisions.h"
#include "bench_process.h"
#include "bench_recording.h"
#include "runner/run_controller.h"
#include "work/workload.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace {

using bench::figureAfter;
using bench::median;
using bench::minOf;

shm::RunReport runReport(const shm::ExperimentConfig& cfg, const QString& workerPath) {
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
    return c.report();
}

double runProcesses(const shm::ExperimentConfig& cfg, const QString& workerPath) {
    return runReport(cfg, workerPath).computeSeconds;
}

// Runs a and b alternately `repeat` times; the medians of what `figure` takes from each report.
template <typename F>
std::pair<double, double> interleaved(const shm::ExperimentConfig& a,
                                      const shm::ExperimentConfig& b, int repeat,
                                      const QString& workerPath, F figure) {
    std::vector<double> fa, fb;
    for (int r = 0; r < repeat; ++r) {
        fa.push_back(figure(runReport(a, workerPath)));
        fb.push_back(figure(runReport(b, workerPath)));
    }
    return {median(fa), median(fb)};
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
                a[i] = std::sin(double(i)); // inlined: what a plain loop runs
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

// Starting `workers` workers: the whole headless process against as many bare posix_spawns of
// the worker (+ wait), interleaved, min / median of `repeat`.
void launchRow(const QString& app, const QString& worker, int workers, const QString& elements,
               int repeat) {
    const QString count = QString::number(workers);
    std::vector<double> launch, bare;
    for (int r = 0; r < repeat; ++r) {
        if (auto t = bench::wallOf({app, QStringLiteral("--headless"), QStringLiteral("--workers"),
                                    count, QStringLiteral("--elements"), elements}))
            launch.push_back(*t);
        if (auto t = bench::wallOfMany({worker, QStringLiteral("--version")}, workers))
            bare.push_back(*t);
    }
    std::printf("%d workers, %s elements, whole process (min / median of %d)\n", workers,
                qPrintable(elements), repeat);
    std::printf("  shmscope --headless      %8.4f / %.4f s\n  %3d x posix_spawn + wait %8.4f / "
                "%.4f s\n  ratio                    %8.3fx  (goal <= 2x)\n",
                minOf(launch), median(launch), workers, minOf(bare), median(bare),
                minOf(launch) / std::max(minOf(bare), 1e-9));
}

// Issue 10's table: whole processes and the window, each against its reference, min and median
// of `repeat` interleaved rounds (the machine is noisy; the minimum is the least disturbed).
void processRows(int repeat, bool quick, const QString& binDir) {
    const QString app = binDir + QStringLiteral("/../../app/shmscope");
    const QString worker = binDir + QStringLiteral("/../../app/shmscope-worker");
    const QString plain = binDir + QStringLiteral("/plain_seed");
    const QString n = quick ? QStringLiteral("200000") : QStringLiteral("10000000");
    const QString python = bench::pythonWithNumpy();
    const QString numpySeed = QStringLiteral(SHMSCOPE_BENCH_DIR "/numpy_seed.py");
    std::vector<double> whole, ref, numpy;
    for (int r = 0; r < repeat; ++r) {
        auto take = [](std::vector<double>& to, std::optional<double> t, const char* what) {
            if (!t) {
                std::fprintf(stderr, "shmscope-bench: %s failed\n", what);
                std::exit(3);
            }
            to.push_back(*t);
        };
        take(whole,
             bench::wallOf({app, QStringLiteral("--headless"), QStringLiteral("--workers"),
                            QStringLiteral("2"), QStringLiteral("--workload"),
                            QStringLiteral("sin"), QStringLiteral("--elements"), n},
                           {QStringLiteral("QT_QPA_PLATFORM=offscreen")}),
             "the seed job");
        take(ref, bench::wallOf({plain, n, QStringLiteral("2")}), "plain_seed");
        if (!python.isEmpty())
            take(numpy, bench::wallOf({python, numpySeed, n, QStringLiteral("2")}),
                 "numpy_seed.py");
    }
    std::printf("seed job, whole process: sin, %s elements, 2 workers (min / median of %d, "
                "interleaved)\n",
                qPrintable(n), repeat);
    std::printf("  shmscope --headless      %8.4f / %.4f s\n  plain std::thread program "
                "%7.4f / %.4f s\n  ratio                    %8.3fx  (goal <= 1.4x)\n",
                minOf(whole), median(whole), minOf(ref), median(ref), minOf(whole) / minOf(ref));
    if (numpy.empty())
        std::printf("  numpy reference: skipped (no python3 with numpy)\n");
    else
        std::printf("  blog's numpy processes   %8.4f / %.4f s\n  shmscope faster by       "
                    "%8.3fx  (goal >= 3x)\n",
                    minOf(numpy), median(numpy), minOf(numpy) / minOf(whole));

    const QString many = quick ? QStringLiteral("640") : QStringLiteral("6400");
    for (int workers : {64, int(shm::limits::kMaxWorkers)})
        launchRow(app, worker, workers, many, repeat);

    // The window, offscreen, through its own frame benchmark (its summary lines are stable).
    const QString frames = quick ? QStringLiteral("10") : QStringLiteral("100");
    struct WindowCase {
        const char* what;
        QStringList flags;
    };
    // Issue 29's rows: 64 workers that block (mutex) and that do not (none, spin, atomic, and
    // flat out with no delay): the window must keep its pace whatever they do.
    auto sixtyFour = [](const char* sync, const char* delay) {
        return QStringList{QStringLiteral("--workers"),  QStringLiteral("64"),
                           QStringLiteral("--sync"),     QLatin1String(sync),
                           QStringLiteral("--elements"), QStringLiteral("1000000"),
                           QStringLiteral("--delay-us"), QLatin1String(delay)};
    };
    const WindowCase cases[] = {
        {"256 workers, mutex, 10^6 elements at 20 us",
         {QStringLiteral("--workers"), QStringLiteral("256"), QStringLiteral("--sync"),
          QStringLiteral("mutex"), QStringLiteral("--elements"), QStringLiteral("1000000"),
          QStringLiteral("--delay-us"), QStringLiteral("20")}},
        {"64 workers, mutex, 10^6 elements at 20 us", sixtyFour("mutex", "20")},
        {"64 workers, none, 10^6 elements at 20 us", sixtyFour("none", "20")},
        {"64 workers, spin, 10^6 elements at 20 us", sixtyFour("spin", "20")},
        {"64 workers, atomic, 10^6 elements at 20 us", sixtyFour("atomic", "20")},
        {"64 workers, none, 10^6 elements flat out (no delay)", sixtyFour("none", "0")},
        {"4 workers, mutex, 10^6 elements at 1 us",
         {QStringLiteral("--workers"), QStringLiteral("4"), QStringLiteral("--sync"),
          QStringLiteral("mutex"), QStringLiteral("--elements"), QStringLiteral("1000000"),
          QStringLiteral("--delay-us"), QStringLiteral("1")}}};
    for (const WindowCase& c : cases) {
        const auto out =
            bench::outputOf(QStringList{app, QStringLiteral("--bench-frames"), frames} + c.flags,
                            {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
        if (!out) {
            std::printf("window, %s: the frame benchmark failed\n", c.what);
            continue;
        }
        std::printf("window, %s (%s frames)\n  wall per frame median %8.2f ms  (goal <= 50)\n"
                    "  wall per frame p99    %8.2f ms  (goal <= 100)\n"
                    "  GUI thread busy        %8.1f %%   (goal <= 25)\n",
                    c.what, qPrintable(frames),
                    figureAfter(*out, QStringLiteral("wall per frame"), QStringLiteral("median ")),
                    figureAfter(*out, QStringLiteral("wall per frame"), QStringLiteral("p99 ")),
                    figureAfter(*out, QStringLiteral("GUI thread busy"), QStringLiteral("): ")));
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int repeat = 5;
    bool onlyCollisions = false, onlyProcesses = false, onlyBig = false;
    uint64_t seedN = 10'000'000, mutexN = 2'000'000, increments = 50'000'000, spinN = 8000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) { // smoke test for CI: tiny sizes, one repeat
            repeat = 1;
            seedN = 200'000;
            mutexN = 50'000;
            increments = 1'000'000;
            spinN = 400;
        } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc &&
                   !std::strcmp(argv[i + 1], "collisions")) {
            onlyCollisions = true;
            ++i;
        } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc &&
                   !std::strcmp(argv[i + 1], "processes")) {
            onlyProcesses = true;
            ++i;
        } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc &&
                   !std::strcmp(argv[i + 1], "big")) {
            onlyBig = true;
            ++i;
        } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(
                stderr,
                "usage: shmscope-bench [--quick] [--repeat N] [--only collisions|processes|big]\n");
            return 2;
        }
    }
    const QString workerPath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/shmscope-worker");
    const bool quick = repeat == 1 && seedN < 10'000'000;
    if (onlyBig) {
        bench::bigArrayRows(repeat, quick, QCoreApplication::applicationDirPath());
        return 0;
    }
    if (!onlyProcesses) bench::collisionRows(quick ? 1 : std::max(repeat, 5), quick, workerPath);
    if (onlyCollisions) return 0;
    processRows(quick ? 1 : std::max(repeat, 5), quick, QCoreApplication::applicationDirPath());
    if (onlyProcesses) return 0;
    bench::recordingRows(quick ? 1 : std::max(repeat, 5), quick,
                         QCoreApplication::applicationDirPath());
    bench::bigArrayRows(repeat, quick, QCoreApplication::applicationDirPath());

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

    shm::ExperimentConfig queue = seed;
    queue.transport = shm::Transport::Queue;
    const auto [qs, ss] = interleaved(queue, seed, repeat, workerPath,
                                      [](const shm::RunReport& r) { return r.computeSeconds; });

    shm::ExperimentConfig packed{.workers = 2, .workload = shm::Workload::Counters};
    packed.increments = increments;
    shm::ExperimentConfig padded = packed;
    padded.counterLayout = shm::CounterLayout::Padded;
    const auto [np, nd] =
        interleaved(packed, padded, repeat, workerPath,
                    [](const shm::RunReport& r) { return r.totalNsPerIncrement; });

    // More workers than cores, 50 µs of work per element inside chunk-scoped holds.
    shm::ExperimentConfig spin{.workers = 8,
                               .elements = spinN,
                               .chunk = 100,
                               .sync = shm::SyncMode::Spin,
                               .lockScope = shm::LockScope::Chunk,
                               .delayUs = 50};
    shm::ExperimentConfig mutexLock = spin;
    mutexLock.sync = shm::SyncMode::Mutex;
    std::vector<double> spinWait, mutexWait;
    const auto [cs, cm] =
        interleaved(spin, mutexLock, repeat, workerPath, [&](const shm::RunReport& r) {
            (r.config.sync == shm::SyncMode::Spin ? spinWait : mutexWait)
                .push_back(r.cpuWaitingSeconds);
            return r.cpuSeconds;
        });

    // Issue 10 judges these by the minimum of interleaved runs (the least disturbed run of each
    // side); the medians are printed beside them.
    auto minOf = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
    const double p = minOf(proc), t = minOf(thr), i1 = minOf(on), i0 = minOf(off);
    const double pm = median(proc), tm = median(thr), i1m = median(on), i0m = median(off);
    std::printf("seed job, compute time: sin, %llu elements, 2 workers, sync none (min / median "
                "of %d, interleaved)\n",
                (unsigned long long)seedN, repeat);
    std::printf("  shmscope workers  %8.4f / %.4f s\n  std::thread loop %8.4f / %.4f s  "
                "(std::sin inlined)\n  ratio            %8.3fx  (of minima; medians %.3fx; goal "
                "<= 1.05x)\n",
                p, pm, t, tm, p / t, pm / tm);
    std::printf("mutex: wave, %llu elements, 4 workers, element scope (min / median of %d, "
                "interleaved)\n",
                (unsigned long long)mutexN, repeat);
    std::printf("  instrumented     %8.4f / %.4f s\n  --no-instrument  %8.4f / %.4f s\n  ratio "
                "           %8.3fx  (of minima; medians %.3fx; budget 1.25x)\n",
                i1, i1m, i0, i0m, i1 / i0, i1m / i0m);
    std::printf("transport: the seed job, queue vs shared (median of %d)\n", repeat);
    std::printf("  queue            %8.4f s\n  shared           %8.4f s\n  ratio            "
                "%8.3fx\n",
                qs, ss, qs / ss);
    std::printf("counters: 2 workers, %llu increments each, packed vs padded (median of %d)\n",
                (unsigned long long)increments, repeat);
    std::printf("  packed           %8.2f ns per increment\n  padded           %8.2f ns per "
                "increment\n  ratio            %8.3fx\n",
                np, nd, np / nd);
    std::printf("spin vs mutex: 8 workers on %u cores, %llu elements at 50 us, chunk scope "
                "(median of %d)\n",
                std::thread::hardware_concurrency(), (unsigned long long)spinN, repeat);
    std::printf("  spin             %8.3f s CPU (%.3f s burned waiting)\n  mutex            "
                "%8.3f s CPU (%.3f s burned waiting)\n  ratio            %8.3fx\n",
                cs, median(spinWait), cm, median(mutexWait), cs / cm);
    return 0;
}
