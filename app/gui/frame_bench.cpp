#include "exit_codes.h"
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
    // Busy share: the GUI thread's whole CPU time from one tick to the next (the frame, the
    // controller's 10 ms poll and event drain, paints, anything else on the thread) over the
    // wall time between the ticks, for the intervals that start with a counted frame.
    double busyNs = 0, wallNs = 0, frameNs = 0;
    // Starting the next run (segment creation, spawning workers) happens once per run, not per
    // frame; a 10^6 run ends within a frame or two, so it is timed and reported apart.
    double prevFrameNs = 0, prevTickCpu = 0, startCpuNs = 0, startWallNs = 0, startCpuTotal = 0;
    int starts = 0;
    bool prevCounted = false;
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
        const double cpu0 = threadCpuNs();
        if (prevCounted && wall > 0) {
            busyNs += cpu0 - prevTickCpu - startCpuNs;
            frameNs += prevFrameNs;
            wallNs += wall - startWallNs;
        }
        startCpuNs = startWallNs = 0;
        prevTickCpu = cpu0;
        const bool active = run.isActive();
        QElapsedTimer t;
        t.start();
        window.refreshFrame(MainWindow::kFrameBudgetNs);
        // Queued replots, then the paints they and the models asked for: what the event loop
        // would do right after the timer, timed as part of the frame.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents();
        const double ns = threadCpuNs() - cpu0;
        const double nsWall = double(t.nsecsElapsed());
        const bool counts = active ? run.phase() != shm::Phase::Starting : lastWasActive;
        prevCounted = counts;
        prevFrameNs = ns;
        if (counts) {
            frames.push_back(ns / 1e6);
            framesWall.push_back(nsWall / 1e6);
        }
        lastWasActive = active && run.phase() != shm::Phase::Starting;
        if (int(frames.size()) >= o.benchFrames) {
            loop.quit();
        } else if (!active) {
            ++runs;
            QElapsedTimer st;
            st.start();
            const double c0 = threadCpuNs();
            if (!window.startRun(&error)) loop.exit(3);
            startCpuNs = threadCpuNs() - c0;
            startWallNs = double(st.nsecsElapsed());
            startCpuTotal += startCpuNs;
            ++starts;
        }
    });
    if (!window.startRun(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    ++runs;
    tick.start();
    const int rc = loop.exec();
    tick.stop();
    if (rc) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
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
    std::printf("GUI thread busy (all its CPU time: frames, polls, event drain): %.1f %% of wall "
                "time\n",
                wallNs > 0 ? 100.0 * busyNs / wallNs : 0.0);
    std::printf("  of which frames (refresh + replot + paint): %.1f %%\n",
                wallNs > 0 ? 100.0 * frameNs / wallNs : 0.0);
    if (starts)
        std::printf("(not counted: %d run start(s), %.1f ms GUI CPU each)\n", starts,
                    startCpuTotal / 1e6 / starts);
    return shm::exit_code::kOk;
}
