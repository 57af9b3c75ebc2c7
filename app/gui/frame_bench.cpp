#include "frame_bench.h"

#include "main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {
// CPU time of the calling thread: with more workers than cores the GUI thread is preempted,
// and wall time per frame would count the workers' turns as GUI cost.
double threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}
} // namespace

int runFrameBench(MainWindow& window, const CliOptions& o) {
    window.setAutoRefresh(false);
    window.resize(o.size);
    window.show();
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();

    RunController& run = window.controller();
    // ms per frame while a run was live (and the one after it ended): CPU and wall time.
    std::vector<double> frames, framesWall;
    double busyNs = 0, wallNs = 0;
    int runs = 0;
    bool lastWasActive = false;
    QString error;
    QElapsedTimer sinceTick;
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(MainWindow::kFrameIntervalMs);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const double wall = sinceTick.isValid() ? double(sinceTick.nsecsElapsed()) : 0;
        sinceTick.start();
        const bool active = run.isActive();
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuNs();
        window.refreshFrame(MainWindow::kFrameBudgetNs);
        // Queued replots, then the paints they and the models asked for: what the event loop
        // would do right after the timer, timed as part of the frame.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents();
        const double ns = threadCpuNs() - cpu0;
        const double nsWall = double(t.nsecsElapsed());
        const bool counts = active ? run.phase() != RunController::Phase::Starting : lastWasActive;
        if (counts && wall > 0) {
            frames.push_back(ns / 1e6);
            framesWall.push_back(nsWall / 1e6);
            busyNs += ns;
            wallNs += wall;
        }
        lastWasActive = active && run.phase() != RunController::Phase::Starting;
        if (int(frames.size()) >= o.benchFrames) {
            loop.quit();
        } else if (!active) {
            ++runs;
            if (!window.startRun(&error)) loop.exit(3);
        }
    });
    if (!window.startRun(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return 3;
    }
    ++runs;
    tick.start();
    const int rc = loop.exec();
    tick.stop();
    if (rc) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return 3;
    }
    run.stop();
    if (run.isActive()) {
        QEventLoop wait;
        QObject::connect(&run, &RunController::finished, &wait, &QEventLoop::quit);
        wait.exec();
    }
    const auto& c = o.config;
    std::printf(
        "bench: %zu frames over %d run(s): %u workers, %s elements, %s, %s\n", frames.size(), runs,
        c.workers, qPrintable(QLocale(QLocale::English).toString(qulonglong(c.elements))),
        std::string(shm::toString(c.workload)).c_str(), std::string(shm::toString(c.sync)).c_str());
    std::printf("GUI thread CPU per frame: median %.2f ms, p99 %.2f ms\n", percentile(frames, 0.5),
                percentile(frames, 0.99));
    std::printf("wall per frame (incl. preemption by workers): median %.2f ms, p99 %.2f ms\n",
                percentile(framesWall, 0.5), percentile(framesWall, 0.99));
    std::printf("GUI thread busy: %.1f %% of wall time\n",
                wallNs > 0 ? 100.0 * busyNs / wallNs : 0.0);
    return 0;
}
