#include "gui/screenshot_runner.h"

#include "segment/exit_codes.h"

#include "gui/lessons/lesson_panel.h"
#include "gui/main_window.h"
#include "gui/recording_bench.h"
#include "gui/view_export.h"
#include "gui/views/side_by_side_view.h"
#include "runner/run_player.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cstdio>
#include <memory>

namespace {
void settle(QWidget* top) {
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    for (QCustomPlot* p : top->findChildren<QCustomPlot*>())
        p->replot(QCustomPlot::rpImmediateRefresh);
}
// Why the output path cannot be written, or empty: checked before any run starts.
QString outputProblem(const QString& path) {
    const QFileInfo fi(path);
    if (!view_export::isSupported(fi.fileName()))
        return QStringLiteral("--screenshot %1: the file name must end in .png, .svg or .pdf")
            .arg(path);
    const QFileInfo dir(fi.absolutePath());
    if (!dir.exists() || !dir.isDir())
        return QStringLiteral("--screenshot %1: directory %2 does not exist")
            .arg(path, QDir::toNativeSeparators(dir.absoluteFilePath()));
    // A real probe: permission bits say little for root or read-only mounts.
    QTemporaryFile probe(dir.absoluteFilePath() + QStringLiteral("/.shmscope-probe-XXXXXX"));
    if (!dir.isWritable() || !probe.open())
        return QStringLiteral("--screenshot %1: directory %2 is not writable")
            .arg(path, QDir::toNativeSeparators(dir.absoluteFilePath()));
    if (fi.exists() && (fi.isDir() || !fi.isWritable()))
        return QStringLiteral("--screenshot %1: cannot overwrite this file").arg(path);
    return {};
}

// --lesson ID --screenshot: the lesson's runs in turn, then the window with the Lessons panel
// showing the figures side by side and the verdict. Exit 0 when the runs ran (seen or not).
int captureLesson(MainWindow& window, QWidget* target, const CliOptions& o) {
    RunPlayer& player = *window.lessonPlayer();
    if (!window.showLesson(o.lessonId)) {
        std::fprintf(stderr, "shmscope: --lesson: no lesson '%s' (see --list-lessons)\n",
                     qPrintable(o.lessonId));
        return shm::exit_code::kBadInput;
    }
    QString error;
    if (!window.playLesson(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    QEventLoop loop;
    QObject::connect(&player, &RunPlayer::changed, &loop, [&] {
        if (!player.playing()) loop.quit();
    });
    loop.exec();
    settle(target);
    window.refreshFrame(0);
    settle(target);
    // The lesson ends on its runs side by side: once their columns have all they draw.
    if (window.sideModel()->count() > 0) {
        QElapsedTimer waited;
        waited.start();
        while (!window.sideView()->settled() && waited.elapsed() < 10000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        settle(target);
    }
    QString err;
    if (!view_export::save(target, nullptr, o.screenshot, o.size, &err)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
        return shm::exit_code::kRunFailed;
    }
    const LessonOutcome& outcome = window.lessonPanel()->outcome();
    std::printf("screenshot: lesson %s (%s) rendered at %dx%d -> %s\n", qPrintable(o.lessonId),
                qPrintable(verdictKey(outcome.verdict)), target->width(), target->height(),
                qPrintable(o.screenshot));
    window.hide();
    return outcome.complete ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
// --sweep ... --screenshot: the sweep's runs in turn through the window, then the Sweep view
// (the window with it in front, or --view sweep alone). Exit 0 when a run of it finished.
int captureSweep(MainWindow& window, QWidget* target, const CliOptions& o) {
    RunPlayer& player = *window.sweepPlayer();
    QString error;
    if (!window.startSweep(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    QEventLoop loop;
    QObject::connect(&player, &RunPlayer::finished, &loop, &QEventLoop::quit);
    QObject::connect(&player, &RunPlayer::stopped, &loop, &QEventLoop::quit);
    if (player.playing()) loop.exec();
    window.showSweepResults();
    settle(target);
    if (!view_export::save(target, nullptr, o.screenshot, o.size, &error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    const size_t ran = window.sweepTally().runsMeasured();
    std::printf("screenshot: sweep of %d runs (%zu finished) rendered at %dx%d -> %s\n",
                player.runsTotal(), ran, target->width(), target->height(),
                qPrintable(o.screenshot));
    window.hide();
    return ran ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}

// --no-run: the window as it first opens (the welcome page, the window's defaults), or with
// --lesson the lesson chosen and not yet run.
int captureFirstWindow(MainWindow& window, QWidget* target, const CliOptions& o) {
    if (!o.lessonId.isEmpty() && !window.offerLesson(o.lessonId)) { // as the window opens
        std::fprintf(stderr, "shmscope: --lesson: no lesson '%s' (see --list-lessons)\n",
                     qPrintable(o.lessonId));
        return shm::exit_code::kBadInput;
    }
    settle(target);
    QString err;
    if (!view_export::save(target, nullptr, o.screenshot, o.size, &err)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
        return shm::exit_code::kRunFailed;
    }
    std::printf("screenshot: %s view before any run, rendered at %dx%d -> %s\n", qPrintable(o.view),
                target->width(), target->height(), qPrintable(o.screenshot));
    window.hide();
    return shm::exit_code::kOk;
}
} // namespace

int runScreenshot(MainWindow& window, const CliOptions& o) {
    const QString problem = outputProblem(o.screenshot);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(problem));
        return shm::exit_code::kBadInput;
    }
    // A single view is lifted into its own top-level window of the requested size.
    std::unique_ptr<QWidget> holder;
    QWidget* target = &window;
    if (o.view != QLatin1String("window")) {
        holder = std::make_unique<QWidget>();
        holder->setWindowTitle(QStringLiteral("ShmScope — %1").arg(o.view));
        auto* layout = new QVBoxLayout(holder.get());
        layout->setContentsMargins(0, 0, 0, 0);
        QWidget* view = window.viewWidget(o.view);
        view->setParent(holder.get());
        layout->addWidget(view);
        view->show(); // a stacked page (the Sweep view) was hidden by its stack
        view->setAutoFillBackground(true);
        target = holder.get();
    }
    target->resize(o.size);
    target->show();
    settle(target);
    // Below the layout's minimum the widget stays larger and the grab would be scaled down.
    if (target->size() != o.size) {
        // The layout kept the widget at its minimum in the dimension that was too small.
        const QSize min = target->size().expandedTo(o.size);
        std::fprintf(stderr, "shmscope: --size %dx%d is below the %s view's minimum of %dx%d\n",
                     o.size.width(), o.size.height(), qPrintable(o.view), min.width(),
                     min.height());
        if (holder) holder->hide();
        window.hide();
        return shm::exit_code::kBadInput;
    }

    QString error;
    if (o.noRun) return captureFirstWindow(window, target, o);
    if (!o.openFile.isEmpty()) return captureRecording(window, target, o);
    if (!o.sweepAxes.empty()) return captureSweep(window, target, o);
    if (!o.lessonId.isEmpty()) return captureLesson(window, target, o);
    if (!window.startRun(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    RunController& run = window.controller();
    bool written = false;
    auto capture = [&] {
        settle(target);
        window.refreshFrame(0);
        settle(target);
        window.refreshFrame(0);
        QString err;
        const QSize rendered = target->size();
        written = view_export::save(target, nullptr, o.screenshot, o.size, &err);
        if (!written)
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
        else
            std::printf("screenshot: %s view rendered at %dx%d -> %s\n", qPrintable(o.view),
                        rendered.width(), rendered.height(), qPrintable(o.screenshot));
    };
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    if (o.atMs >= 0) {
        QTimer::singleShot(o.atMs, &loop, [&] {
            if (!run.isActive()) return;
            capture();
            run.stop();
        });
    }
    if (run.isActive()) loop.exec();
    if (!written) capture();
    if (holder) holder->hide();
    window.hide();
    return written && run.report().finished() ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
