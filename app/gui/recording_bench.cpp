#include "gui/recording_bench.h"

#include "gui/main_window.h"
#include "gui/models/array_model.h"
#include "gui/models/runs_model.h"
#include "gui/view_export.h"
#include "gui/views/side_by_side_view.h"
#include "record/recorded_run.h"
#include "segment/exit_codes.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

namespace {
// Counts the paint events the window's widgets receive (an application-wide event filter).
class PaintCounter : public QObject {
  public:
    int painted = 0;

  protected:
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() == QEvent::Paint) ++painted;
        return QObject::eventFilter(watched, e);
    }
};

// What the event loop does after the window changed: layouts, queued replots and the paints
// they ask for (a label's new text is laid out first, then painted), turn after turn until a
// turn paints nothing. Not QWidget::repaint(): that repaints unchanged widgets too and leaves
// the deferred work (layouts, queued replots, the labels they move) undone.
void drawPending(PaintCounter& paints) {
    constexpr int kMaxTurns = 20; // a widget that repaints forever must not hang the bench
    for (int turn = 0; turn < kMaxTurns; ++turn) {
        paints.painted = 0;
        QApplication::processEvents();
        if (!paints.painted) return;
    }
}

int fail(const QString& error, int code) {
    std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
    return code;
}
} // namespace

int captureRecording(MainWindow& window, QWidget* target, const CliOptions& o) {
    QString error;
    if (!window.openRecording(o.openFile, &error)) return fail(error, shm::exit_code::kBadInput);
    const int row = window.recordedRunRow(o.runLabel);
    if (row < 0)
        return fail(
            QStringLiteral("--run %1: %2 has no run with that label").arg(o.runLabel, o.openFile),
            shm::exit_code::kBadInput);
    const auto run = window.runsModel()->run(row);
    // --at-ms: that long after the run's start barrier opened; else its end.
    const uint64_t at = o.atMs >= 0 ? run->releaseNs + uint64_t(o.atMs) * 1'000'000 : run->endNs;
    window.showRunAt(row, at);
    // A histogram's expected bins come from a thread: the picture waits for them (the lost
    // updates are drawn against them), then the moment is drawn again.
    QElapsedTimer waited;
    waited.start();
    ArrayModel* array = window.arrayModel();
    while (array->isHistogram() && !array->expectedBinsReady() && waited.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    window.showRunAt(row, at);
    if (o.view == QLatin1String("side")) {
        QList<std::shared_ptr<const shm::RecordedRun>> runs;
        for (int r = 0; r < window.runsModel()->rowCount(); ++r)
            runs.append(window.runsModel()->run(r));
        window.setSideRuns(runs);
        window.showSideBySide();
        // --at-ms: every column at that moment after its own start barrier.
        if (o.atMs >= 0) window.sideView()->showAt(double(o.atMs) * 1e6);
        waited.restart();
        while (!window.sideView()->settled() && waited.elapsed() < 10000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    QString err;
    if (!view_export::save(target, nullptr, o.screenshot, o.size, &err))
        return fail(err, shm::exit_code::kRunFailed);
    std::printf("screenshot: %s, run %s at %.3f s, %s view -> %s\n", qPrintable(o.openFile),
                run->label.c_str(), double(at - std::min(at, run->releaseNs)) / 1e9,
                qPrintable(o.view), qPrintable(o.screenshot));
    window.hide();
    return shm::exit_code::kOk;
}

int runScrubBench(MainWindow& window, const CliOptions& o) {
    window.resize(o.size);
    window.show();
    PaintCounter paints;
    qApp->installEventFilter(&paints);
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!window.openRecording(o.openFile, &error)) return fail(error, shm::exit_code::kBadInput);
    drawPending(paints);
    const double firstMs = double(clock.nsecsElapsed()) / 1e6;
    const auto run = window.runsModel()->run(window.recordedRunRow(o.runLabel));
    if (!run) return fail(QStringLiteral("--run %1: no such run").arg(o.runLabel), 2);
    // Moments spread over the run in a fixed order (the same figures for the same file).
    std::mt19937_64 rng(1);
    const uint64_t span = std::max<uint64_t>(run->endNs - std::min(run->endNs, run->releaseNs), 1);
    std::vector<double> ms;
    for (int i = 0; i < o.benchScrub; ++i) {
        const uint64_t at = run->releaseNs + rng() % span;
        clock.restart();
        window.showRunAt(window.recordedRunRow(o.runLabel), at);
        drawPending(paints); // the redraw itself, not just the models
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    qApp->removeEventFilter(&paints);
    std::sort(ms.begin(), ms.end());
    std::printf("opened %s: first picture %.1f ms\n", qPrintable(o.openFile), firstMs);
    std::printf("slider: %d moves, redraw median %.1f ms, max %.1f ms\n", o.benchScrub,
                ms[ms.size() / 2], ms.back());
    window.hide();
    return shm::exit_code::kOk;
}
