#include "gui/frame_bench.h"

#include "gui/common/gui_thread_fills.h"
#include "gui/main_window.h"
#include "segment/clock.h"
#include "segment/exit_codes.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {
// CPU time of the calling thread: with more workers than cores the GUI thread is preempted,
// and wall time per frame would count the workers' turns as GUI cost.
double threadCpuNs() {
    return double(shm::threadCpuNs());
}

// The process's resident memory by kind, in kB, from /proc/self/status: the segment's pages
// are RssShmem; what the app itself holds (heap, stacks, its code and libraries) is RssAnon +
// RssFile. 10^9 elements must not cost the app more than the segment.
struct Resident {
    double anonKb = 0, fileKb = 0, shmemKb = 0;
};

Resident residentNow() {
    Resident r;
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            double kb = 0;
            if (std::sscanf(line, "RssAnon: %lf", &kb) == 1) r.anonKb = kb;
            if (std::sscanf(line, "RssFile: %lf", &kb) == 1) r.fileKb = kb;
            if (std::sscanf(line, "RssShmem: %lf", &kb) == 1) r.shmemKb = kb;
        }
        std::fclose(f);
    }
    return r;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

// Times the window's frames while runs are live, starting a new run whenever one ends.
class FrameBench {
  public:
    FrameBench(MainWindow& window, int frames) : m_window(window), m_wanted(frames) {}
    int run();
    void print(const shm::ExperimentConfig& c) const;

  private:
    void onTick();
    void startNextRun();

    MainWindow& m_window;
    int m_wanted;
    QEventLoop m_loop;
    QString m_error;
    // ms per frame while a run was live (and the one after it ended): CPU and wall time.
    std::vector<double> m_frames, m_framesWall, m_intervals;
    // Busy share: the GUI thread's whole CPU time from one tick to the next (the frame, the
    // controller's 10 ms poll and event drain, paints, anything else on the thread) over the
    // wall time between the ticks, for the intervals that start with a counted frame.
    double m_busyNs = 0, m_wallNs = 0, m_frameNs = 0;
    // The same over the live intervals only: both ticks saw the run running, so neither a run's
    // end (exits, check, report, the window's change of state) nor the next one's launch is
    // in them. With 10^6 elements computed flat out a run lasts ~100 ms and the bench makes
    // dozens: the all-in share measures their life cycle as much as the window under load.
    double m_liveBusyNs = 0, m_liveWallNs = 0;
    double m_endBusyNs = 0, m_endWallNs = 0;
    int m_ends = 0;
    // Starting the next run (segment creation, spawning workers) happens once per run, not per
    // frame; a 10^6 run ends within a frame or two, so it is timed and reported apart.
    double m_prevFrameNs = 0, m_prevTickCpu = 0, m_startCpuNs = 0, m_startWallNs = 0;
    double m_startCpuTotal = 0;
    int m_starts = 0, m_runs = 0;
    bool m_prevCounted = false, m_lastWasActive = false;
    bool m_runPending = false; // started, no frame of it counted yet
    QElapsedTimer m_sinceTick;
    Resident m_peak; // each kind's peak over the counted frames
};

void FrameBench::onTick() {
    const double wall = m_sinceTick.isValid() ? double(m_sinceTick.nsecsElapsed()) : 0;
    m_sinceTick.start();
    const double cpu0 = threadCpuNs();
    const RunController& run = m_window.controller();
    const bool active = run.isActive();
    const bool liveNow = active && run.phase() != shm::Phase::Starting;
    if (m_prevCounted && wall > 0) {
        const double busy = cpu0 - m_prevTickCpu - m_startCpuNs, spanNs = wall - m_startWallNs;
        m_busyNs += busy;
        m_frameNs += m_prevFrameNs;
        m_wallNs += spanNs;
        if (m_lastWasActive && liveNow) {
            m_liveBusyNs += busy;
            m_liveWallNs += spanNs;
        } else {
            m_endBusyNs += busy;
            m_endWallNs += spanNs;
            m_ends += m_lastWasActive && !active;
        }
    }
    m_startCpuNs = m_startWallNs = 0;
    m_prevTickCpu = cpu0;
    QElapsedTimer t;
    t.start();
    m_window.refreshFrame(MainWindow::kFrameBudgetNs);
    // Queued replots, then the paints they and the models asked for: what the event loop
    // would do right after the timer, timed as part of the frame.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents();
    const double ns = threadCpuNs() - cpu0;
    // A run that started and ended between two ticks (shorter than a frame) still gets its one
    // frame counted: the one showing its end. Without it such runs never counted a frame and
    // the bench never ended.
    const bool counts =
        active ? run.phase() != shm::Phase::Starting : (m_lastWasActive || m_runPending);
    if (counts) m_runPending = false;
    m_prevCounted = counts;
    m_prevFrameNs = ns;
    if (counts) {
        const Resident now = residentNow();
        m_peak.anonKb = std::max(m_peak.anonKb, now.anonKb);
        m_peak.fileKb = std::max(m_peak.fileKb, now.fileKb);
        m_peak.shmemKb = std::max(m_peak.shmemKb, now.shmemKb);
        if (wall > 0) m_intervals.push_back(wall / 1e6);
        m_frames.push_back(ns / 1e6);
        m_framesWall.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    m_lastWasActive = active && run.phase() != shm::Phase::Starting;
    if (int(m_frames.size()) >= m_wanted)
        m_loop.quit();
    else if (!active)
        startNextRun();
}

void FrameBench::startNextRun() {
    ++m_runs;
    m_window.pacer().reset(); // as the window's timer does between runs
    QElapsedTimer st;
    st.start();
    const double c0 = threadCpuNs();
    if (!m_window.startRun(&m_error)) m_loop.exit(shm::exit_code::kRunFailed);
    m_runPending = true;
    m_startCpuNs = threadCpuNs() - c0;
    m_startWallNs = double(st.nsecsElapsed());
    m_startCpuTotal += m_startCpuNs;
    ++m_starts;
}

int FrameBench::run() {
    if (!m_window.startRun(&m_error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(m_error));
        return shm::exit_code::kRunFailed;
    }
    ++m_runs;
    m_runPending = true;
    // Ticks come as the window's own frames do (frame_pacer.h): at the window's pace.
    QTimer tick;
    tick.setInterval(MainWindow::kFrameIntervalMs);
    QObject::connect(&tick, &QTimer::timeout, &m_loop, [this, &tick] {
        tick.setInterval(m_window.pacer().tick());
        onTick();
    });
    tick.start();
    const int rc = m_loop.exec();
    tick.stop();
    RunController& run = m_window.controller();
    run.stop();
    if (run.isActive()) {
        QEventLoop wait;
        QObject::connect(&run, &RunController::finished, &wait, &QEventLoop::quit);
        wait.exec();
    }
    if (rc) std::fprintf(stderr, "shmscope: %s\n", qPrintable(m_error));
    return rc;
}

void FrameBench::print(const shm::ExperimentConfig& c) const {
    std::printf(
        "bench: %zu frames over %d run(s): %u workers, %s elements, %s, %s\n", m_frames.size(),
        m_runs, c.workers, qPrintable(QLocale(QLocale::English).toString(qulonglong(c.elements))),
        std::string(shm::toString(c.workload)).c_str(), std::string(shm::toString(c.sync)).c_str());
    std::printf("Qt's large fills: %s\n",
                gui_thread_fills::enabled()
                    ? "on the GUI thread"
                    : "in Qt's thread pool (SHMSCOPE_QT_PARALLEL_FILLS=1; the pool threads' CPU "
                      "is not in the GUI thread's figures below)");
    std::printf("frames paced to %.1f per second (median interval %.0f ms)\n",
                percentile(m_intervals, 0.5) > 0 ? 1000.0 / percentile(m_intervals, 0.5) : 0.0,
                percentile(m_intervals, 0.5));
    std::printf("GUI thread CPU per frame: median %.2f ms, p99 %.2f ms\n",
                percentile(m_frames, 0.5), percentile(m_frames, 0.99));
    // These two lines read the same in every version, so figures stay comparable.
    std::printf("wall per frame (incl. preemption by workers): median %.2f ms, p99 %.2f ms\n",
                percentile(m_framesWall, 0.5), percentile(m_framesWall, 0.99));
    std::printf("GUI thread busy (all its CPU time: frames, polls, event drain): %.1f %% of wall "
                "time\n",
                m_wallNs > 0 ? 100.0 * m_busyNs / m_wallNs : 0.0);
    std::printf("  of which frames (refresh + replot + paint): %.1f %%\n",
                m_wallNs > 0 ? 100.0 * m_frameNs / m_wallNs : 0.0);
    std::printf("  while runs were live (both ticks saw it running): %.1f %% of their wall time "
                "(%.0f %% of the above's)\n",
                m_liveWallNs > 0 ? 100.0 * m_liveBusyNs / m_liveWallNs : 0.0,
                m_wallNs > 0 ? 100.0 * m_liveWallNs / m_wallNs : 0.0);
    if (m_ends)
        std::printf("  the rest: %d run end(s), each with the next run's launch tail: %.1f ms GUI "
                    "CPU over %.1f ms wall on average\n",
                    m_ends, m_endBusyNs / 1e6 / m_ends, m_endWallNs / 1e6 / m_ends);
    std::printf("app memory, peak over the frames: RssAnon %.0f MB + RssFile %.0f MB beyond the "
                "segment; RssShmem %.0f MB (the segment's pages)\n",
                m_peak.anonKb / 1024, m_peak.fileKb / 1024, m_peak.shmemKb / 1024);
    if (m_starts)
        std::printf("(not counted: %d run start(s), %.1f ms GUI CPU each)\n", m_starts,
                    m_startCpuTotal / 1e6 / m_starts);
}
} // namespace

int runFrameBench(MainWindow& window, const CliOptions& o) {
    window.setAutoRefresh(false);
    window.resize(o.size);
    window.show();
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    FrameBench bench(window, o.benchFrames);
    if (const int rc = bench.run()) return rc;
    bench.print(o.config);
    return shm::exit_code::kOk;
}
