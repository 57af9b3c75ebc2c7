#include "frame_bench.h"

#include "main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int runFrameBench(MainWindow& window, const CliOptions& o) {
    window.setAutoRefresh(false);
    window.resize(o.size);
    window.show();
    for (int i = 0; i < 3; ++i) QApplication::processEvents();

    RunController& run = window.controller();
    std::vector<double> frames; // ms, frames while a run was live (and the one after it ended)
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
        window.refreshFrame(MainWindow::kFrameBudgetNs);
        QCoreApplication::sendPostedEvents(); // the queued replots
        window.repaint();
        const double ns = double(t.nsecsElapsed());
        const bool counts = active ? run.phase() != RunController::Phase::Starting : lastWasActive;
        if (counts && wall > 0) {
            frames.push_back(ns / 1e6);
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
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    const auto pct = [&](double q) { return sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))]; };
    const auto& c = o.config;
    std::printf("bench: %zu frames over %d run(s): %u workers, %s elements, %s, %s\n", frames.size(), runs,
                c.workers, qPrintable(QLocale(QLocale::English).toString(qulonglong(c.elements))),
                std::string(shm::toString(c.workload)).c_str(), std::string(shm::toString(c.sync)).c_str());
    std::printf("frame time: median %.2f ms, p99 %.2f ms, max %.2f ms\n", pct(0.5), pct(0.99), sorted.back());
    std::printf("GUI thread busy: %.1f %% of wall time\n", wallNs > 0 ? 100.0 * busyNs / wallNs : 0.0);
    return 0;
}
