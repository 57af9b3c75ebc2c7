// shmscope-bench-recorder: what recording a run costs the run, as the ratio of its compute
// time with a RunRecorder fed through the run player against the same run without, runs
// interleaved (on, off, on, off, ...) so drift hits both alike. Prints medians and minima.
//   shmscope-bench-recorder [--repeat N]   (default 5)
// Rows: the seed job (2 workers, sin, 10^7, no sync) and 4 mutex workers on 10^6 elements,
// the bounds 1.05x and 1.10x.
#include "record/run_recorder.h"
#include "runner/run_controller.h"
#include "runner/run_player.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// One headless run (events not kept for a window), recorded or not: its compute seconds.
double runOnce(const shm::ExperimentConfig& cfg, bool record) {
    shm::RunRecorder::Options o;
    o.keepInMemory = true;
    size_t intervals = 0;
    o.onRun = [&intervals](std::shared_ptr<const shm::RecordedRun> r) {
        for (const auto& w : r->intervals)
            intervals += w.holds.size();
    };
    shm::RunRecorder recorder(o);
    RunPlayer player;
    player.controller().setWorkerPath(QStringLiteral(SHMSCOPE_WORKER));
    player.controller().setKeepEvents(false);
    if (record) {
        recorder.beginGroup({"run", "", ""});
        player.setRecorder(&recorder);
    }
    double seconds = -1;
    QObject::connect(&player, &RunPlayer::runFinished, [&](const FinishedRun& r) {
        if (r.report.finished() && !r.report.mismatches) seconds = r.report.computeSeconds;
    });
    QSignalSpy done(&player, &RunPlayer::finished);
    QString err;
    if (!player.play({{QStringLiteral("bench"), cfg}}, &err) || !done.wait(600000) || seconds < 0) {
        std::fprintf(stderr, "shmscope-bench-recorder: run failed %s\n", qPrintable(err));
        std::exit(3);
    }
    recorder.flush();
    return seconds;
}

void row(const char* name, const shm::ExperimentConfig& cfg, int repeat, double bound) {
    std::vector<double> on, off;
    for (int i = 0; i < repeat; ++i) {
        on.push_back(runOnce(cfg, true));
        off.push_back(runOnce(cfg, false));
    }
    const double ratio = median(on) / median(off);
    const double minRatio =
        *std::min_element(on.begin(), on.end()) / *std::min_element(off.begin(), off.end());
    std::printf("%-40s on %.4f s  off %.4f s  median ratio %.3f  min ratio %.3f  (bound %.2f)\n",
                name, median(on), median(off), ratio, minRatio, bound);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int repeat = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
    shm::ExperimentConfig seed;
    seed.workers = 2;
    seed.workload = shm::Workload::Sin;
    seed.elements = 10'000'000;
    seed.sync = shm::SyncMode::None;
    shm::ExperimentConfig mutex;
    mutex.workers = 4;
    mutex.sync = shm::SyncMode::Mutex;
    mutex.elements = 1'000'000;
    row("seed job: 2 workers sin 1e7", seed, repeat, 1.05);
    row("4 workers mutex 1e6", mutex, repeat, 1.10);
    return 0;
}
