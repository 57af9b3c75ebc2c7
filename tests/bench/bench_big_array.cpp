#include "bench_big_array.h"

#include "analysis/verify.h"
#include "bench_process.h"
#include "work/workload.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace bench {
namespace {

// MemAvailable in bytes (0 if unknown): a 10^9 array is 8 GB, checked before it is made.
double availableBytes() {
    double kb = 0;
    if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "MemAvailable: %lf", &kb) == 1) break;
        std::fclose(f);
    }
    return kb * 1024;
}

// The window with the array this long, offscreen: wall per frame, the GUI thread's busy share
// and the app's memory beyond the segment, from --bench-frames' own lines.
void frameRows(int repeat, const QString& app, const QString& elements, const QString& frames) {
    std::vector<double> wall, busy, beyond;
    for (int r = 0; r < repeat; ++r) {
        const auto out =
            outputOf({app, QStringLiteral("--bench-frames"), frames, QStringLiteral("--elements"),
                      elements, QStringLiteral("--workers"), QStringLiteral("2")},
                     {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
        if (!out) {
            std::printf("window, %s elements: the frame benchmark failed\n", qPrintable(elements));
            return;
        }
        wall.push_back(
            figureAfter(*out, QStringLiteral("wall per frame"), QStringLiteral("median ")));
        busy.push_back(figureAfter(*out, QStringLiteral("GUI thread busy"), QStringLiteral("): ")));
        beyond.push_back(
            figureAfter(*out, QStringLiteral("app memory"), QStringLiteral("RssAnon ")) +
            figureAfter(*out, QStringLiteral("app memory"), QStringLiteral("RssFile ")));
    }
    std::printf("window, 2 workers, %s elements (%s frames; min / median of %d)\n"
                "  wall per frame median  %8.2f / %.2f ms  (goal <= 50)\n"
                "  GUI thread busy        %8.1f / %.1f %%\n"
                "  RssAnon + RssFile      %8.0f / %.0f MB  (the app beyond the segment; goal <= "
                "200)\n",
                qPrintable(elements), qPrintable(frames), repeat, minOf(wall), median(wall),
                minOf(busy), median(busy), minOf(beyond), median(beyond));
}

// verify() on one part (the calling thread) against one part per core, interleaved, on a
// correct array of `w` in this process's memory.
void verifyRows(int repeat, uint64_t n, shm::Workload w) {
    if (availableBytes() < double(n) * 8 * 1.25) {
        std::printf("verification, %llu elements: skipped (not enough free memory)\n",
                    (unsigned long long)n);
        return;
    }
    shm::ExperimentConfig cfg;
    cfg.workload = w;
    cfg.elements = n;
    std::vector<double> a(n);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> fill;
    for (unsigned k = 0; k < cores; ++k)
        fill.emplace_back([&, k] {
            for (uint64_t i = n * k / cores; i < n * (k + 1) / cores; ++i)
                a[i] = shm::elementValue(cfg.workload, i, n);
        });
    for (std::thread& t : fill)
        t.join();
    auto timed = [&](unsigned parts) {
        shm::VerifyOptions o;
        o.parts = parts;
        const auto t0 = std::chrono::steady_clock::now();
        const shm::VerifyResult r = shm::verify(cfg, a.data(), o);
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (r.mismatches || r.cancelled) {
            std::fprintf(stderr, "shmscope-bench: verification found %llu mismatches\n",
                         (unsigned long long)r.mismatches);
            std::exit(3);
        }
        return s;
    };
    std::vector<double> one, split;
    for (int r = 0; r < repeat; ++r) {
        one.push_back(timed(1));
        split.push_back(timed(0));
    }
    // On a machine other sessions keep busy, the kernel's autogroups give this process about
    // one core however many threads it starts: the ratio then shows no split at all.
    std::printf("verification: %s, %llu elements (min / median of %d, interleaved)\n"
                "  one thread             %8.3f / %.3f s\n"
                "  one part per core (%u) %8.3f / %.3f s\n"
                "  ratio                  %8.3fx  (of minima; medians %.3fx)\n",
                std::string(shm::toString(w)).c_str(), (unsigned long long)n, repeat, minOf(one),
                median(one), cores, minOf(split), median(split), minOf(split) / minOf(one),
                median(split) / median(one));
}

} // namespace

void bigArrayRows(int repeat, bool quick, const QString& binDir) {
    const QString app = binDir + QStringLiteral("/../../app/shmscope");
    frameRows(quick ? 1 : std::min(repeat, 3), app,
              quick ? QStringLiteral("1000000") : QStringLiteral("1000000000"),
              quick ? QStringLiteral("10") : QStringLiteral("50"));
    for (const shm::Workload w : {shm::Workload::Wave, shm::Workload::Sin})
        verifyRows(quick ? 1 : std::max(repeat, 3), quick ? 2'000'000 : 1'000'000'000, w);
}

} // namespace bench
