// The main window with real worker processes: a run to completion, the contention model, the
// no-lock message, killing a worker from the UI, and the controls' inline validation.
#include "../test_util.h"
#include "analysis/metrics.h"
#include "gui/common/format.h"
#include "gui/common/worker_palette.h"
#include "gui/controls_panel.h"
#include "gui/lessons/lesson_panel.h"
#include "gui/main_window.h"
#include "gui/models/array_model.h"
#include "gui/models/contention_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/sweep/sweep_panel.h"
#include "gui/sweep/sweep_view.h"
#include "gui/view_export.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/lock_timeline.h"
#include "gui/views/pinned_bar.h"
#include "gui/views/progress_view.h"
#include "gui/views/welcome_page.h"
#include "gui/views/work_time_bars_plottable.h"
#include "gui/views/work_time_plot.h"
#include "runner/run_player.h"
#include "segment/clock.h"
#include "segment/segment.h"
#include "window_test_util.h"

#include <cmath>
#include <time.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QPicture>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <qcustomplot.h>
#include <signal.h>

#include <memory>

namespace {
using Phase = shm::Phase;

std::unique_ptr<MainWindow> makeWindow(const QString& tag, const shm::ExperimentConfig& cfg) {
    auto w = testutil::newWindow(tag, cfg);
    new QAbstractItemModelTester(w->progressModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
    new QAbstractItemModelTester(w->contentionModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
    w->resize(1280, 800);
    w->show();
    return w;
}

shm::ExperimentConfig config(uint32_t workers, uint64_t elements, shm::SyncMode sync,
                             uint32_t delayUs = 0) {
    return {.workers = workers, .elements = elements, .sync = sync, .delayUs = delayUs};
}
using testutil::runToEnd;
} // namespace

class TestWindow : public QObject {
    Q_OBJECT
  private slots:
    void cleanup();
    void waveRunCompletes();
    void mutexRunShowsContention();
    void windowFiguresEqualTheJsonReport();
    void partialEventStreamSaysSo();
    void dynamicRunShowsSharesOfTheRun();
    void noneRunSaysNoLockIsTaken();
    void noInstrumentSaysTimingsAreOff();
    void mpiRunShowsRanksAndMessages();
    void firstWindowWelcomesAndRunsSlowly();
    void startIsInViewAt1024x700();
    void killWorkerFromTheUi();
    void killWhileHoldingFromTheUiShowsTheDeadlock();
    void suspendedWorkerCanBeContinuedFromTheUi();
    void lessonPanelPlaysALessonAndSaysSeen();
    void lessonPanelSaysInconclusiveAndWhy();
    void sweepPanelRunsASweepAndShowsResults();
    void pinnedRunComparesTheNextRun();
    void sweepSurvivesAFailedPointAndStops();
    void presentationModeScalesTextAndTables();
    void spaceAndEscapeFromAnyControl();
    void controlsExplainInvalidCombinations();
    void commandLineSettingsPresetTheWindow();
    void exportWritesPngAndPdf();
    void zoomAndResetRescanTheView();
    void settingsPersistButFlagsWin();
    void paletteHas64DistinctColours();
    void cleanupTestCase();

  private:
    void timelineBarsEqualRectangles(LockTimeline& timeline);
};

void TestWindow::cleanup() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

void TestWindow::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

void TestWindow::waveRunCompletes() {
    auto w = makeWindow(QStringLiteral("wave"), config(4, 300000, shm::SyncMode::None, 2));
    // Frames driven from here, one at a time, so signals can be counted per frame.
    w->setAutoRefresh(false);
    QSignalSpy changes(w->progressModel(), &QAbstractItemModel::dataChanged);
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    int frames = 0, framesWithChange = 0;
    while (w->controller().phase() != Phase::Finished && frames < 5000) {
        const int before = changes.count();
        w->refreshFrame(MainWindow::kFrameBudgetNs);
        ++frames;
        // Coalesced: four workers changing in one frame give one dataChanged, not four.
        QVERIFY2(
            changes.count() - before <= 1,
            qPrintable(QStringLiteral("%1 signals in one frame").arg(changes.count() - before)));
        framesWithChange += changes.count() > before;
        QTest::qWait(MainWindow::kFrameIntervalMs);
    }
    QCOMPARE(w->controller().phase(), Phase::Finished);
    QVERIFY2(framesWithChange >= 3, "the run was over before the table could show progress");
    w->refreshFrame(0);
    ProgressModel* m = w->progressModel();
    QCOMPARE(m->rowCount(), 4);
    for (int r = 0; r < 4; ++r) {
        QCOMPARE(
            m->index(r, ProgressModel::ProgressCol).data(ProgressModel::FractionRole).toDouble(),
            1.0);
        QCOMPARE(m->index(r, ProgressModel::ProgressCol).data().toString(),
                 QStringLiteral("100.0 %"));
        QCOMPARE(m->index(r, ProgressModel::StateCol).data().toString(), QStringLiteral("done"));
        QVERIFY(m->index(r, ProgressModel::PidCol).data().toLongLong() > 0);
    }
    QCOMPARE(w->controller().report().status, shm::RunStatus::Finished);
    // The plot saw every element, from the mapping that outlives the segment's name.
    uint64_t written = 0;
    for (const auto& c : w->arrayModel()->decimator().columns())
        written += c.written;
    QCOMPARE(written, 300000u);
    QCOMPARE(w->arrayModel()->mismatchesInView(), 0u);
    QVERIFY(!shm::segmentExists(testutil::segmentName(QStringLiteral("wave")).toStdString()));
}

void TestWindow::mutexRunShowsContention() {
    auto w = makeWindow(QStringLiteral("mutex"), config(4, 20000, shm::SyncMode::Mutex, 20));
    QVERIFY(runToEnd(*w));
    const ContentionModel* m = w->contentionModel();
    QVERIFY(m->summary().lockTaken);
    QCOMPARE(m->summary().acquisitions, 20000u);
    QVERIFY(m->summary().contendedPercent > 0);
    QVERIFY(m->summary().acquisitionsPerSecond > 0);
    QCOMPARE(m->rowCount(), 4);
    uint64_t perWorker = 0;
    for (int r = 0; r < 4; ++r)
        perWorker += m->index(r, ContentionModel::AcquisitionsCol)
                         .data(ContentionModel::ValueRole)
                         .toULongLong();
    QCOMPARE(perWorker, 20000u);
    QVERIFY(!w->contentionView()->showsNoLockMessage());
    QVERIFY(w->lockEventsModel()->waits().total() > 0);
    // Nothing changed since the last frame: the bars and histogram are not replotted again.
    ContentionView* view = w->contentionView();
    const int replots = view->replotCount();
    view->refresh(false);
    view->refresh(false);
    QCOMPARE(view->replotCount(), replots);
    view->refresh(true); // forced (screenshots, reset)
    QCOMPARE(view->replotCount(), replots + 2);
    timelineBarsEqualRectangles(*view->findChild<LockTimeline*>());
}

// The timeline writes its bars into an image on raster painters (the window, PNGs) and draws
// rectangles on the others (SVG, PDF): rendered through a QPicture (rectangles) and replayed,
// the lanes must come out pixel for pixel the same as rendered directly.
void TestWindow::timelineBarsEqualRectangles(LockTimeline& timeline) {
    timeline.resize(900, 300);
    const QSize size = timeline.size();
    QImage direct(size, QImage::Format_ARGB32_Premultiplied), replayed = direct;
    direct.fill(Qt::white);
    replayed.fill(Qt::white);
    timeline.render(&direct);
    QPicture picture;
    timeline.render(&picture);
    {
        QPainter p(&replayed);
        picture.play(&p);
    }
    // The lanes' area: right of the labels, between the hint line and the time axis.
    const QRect lanes(40, 18, size.width() - 48, size.height() - 40);
    const QRgb base = direct.pixel(lanes.right() - 1, lanes.bottom() - 1);
    int differ = 0, coloured = 0;
    for (int y = lanes.top(); y <= lanes.bottom(); ++y)
        for (int x = lanes.left(); x <= lanes.right(); ++x) {
            differ += direct.pixel(x, y) != replayed.pixel(x, y);
            coloured += qGray(direct.pixel(x, y)) < qGray(base) - 40;
        }
    QCOMPARE(differ, 0);
    QVERIFY2(coloured > 1000, qPrintable(QString::number(coloured))); // bars were drawn
}

void TestWindow::windowFiguresEqualTheJsonReport() {
    // The window's models and the --json report are computed by the same core functions from
    // the same final snapshot: every figure they share must agree (to JSON's 9 digits).
    auto w = makeWindow(QStringLiteral("agree"), config(4, 8000, shm::SyncMode::Mutex, 50));
    QVERIFY(runToEnd(*w));
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(w->controller().report())))
            .object();
    const auto same = [](double a, double b) {
        return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
    };
    const QJsonArray workers = json[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 4);
    const ContentionModel* cm = w->contentionModel();
    const ProgressModel* pm = w->progressModel();
    for (int k = 0; k < 4; ++k) {
        const QJsonObject jw = workers[k].toObject();
        const QModelIndex i = cm->index(k, 0);
        QVERIFY(same(i.data(ContentionModel::ComputeSecondsRole).toDouble(),
                     jw[QLatin1String("compute_seconds")].toDouble()));
        QVERIFY(same(i.data(ContentionModel::WaitSecondsRole).toDouble(),
                     jw[QLatin1String("wait_seconds")].toDouble()));
        QVERIFY(same(i.data(ContentionModel::HoldSecondsRole).toDouble(),
                     jw[QLatin1String("hold_seconds")].toDouble()));
        QVERIFY(jw[QLatin1String("hold_seconds")].toDouble() > 0);
        QVERIFY(same(pm->row(k).rate, jw[QLatin1String("rate")].toDouble()));
        QVERIFY(same(pm->row(k).waitShare,
                     jw[QLatin1String("lock")].toObject()[QLatin1String("wait_share")].toDouble()));
        QCOMPARE(pm->row(k).stateText, jw[QLatin1String("state_text")].toString());
    }
    const QJsonObject lock = json[QLatin1String("lock")].toObject();
    QVERIFY(
        same(cm->summary().contendedPercent, lock[QLatin1String("contended_percent")].toDouble()));
    QVERIFY(same(cm->summary().waitShare, lock[QLatin1String("wait_share")].toDouble()));
    QCOMPARE(double(cm->summary().acquisitions), lock[QLatin1String("acquisitions")].toDouble());
    // The CPU figures: the card's "CPU burned waiting" and the CPU total are the report's.
    QVERIFY(same(double(cm->summary().cpuWaitingNs) / 1e9,
                 json[QLatin1String("cpu_waiting_seconds")].toDouble()));
    QVERIFY(same(double(cm->summary().cpuNs) / 1e9, json[QLatin1String("cpu_seconds")].toDouble()));
    // The status bar: the same elapsed time and the same verdict words.
    const QString elapsedText = w->findChild<QLabel*>(QStringLiteral("elapsedLabel"))->text();
    QCOMPARE(elapsedText, QStringLiteral("elapsed %1 s")
                              .arg(json[QLatin1String("compute_seconds")].toDouble(), 0, 'f', 2));
    auto* state = w->findChild<QLabel*>(QStringLiteral("stateLabel"));
    QVERIFY2(state->text().contains(json[QLatin1String("verdict")].toString()),
             qPrintable(state->text()));
}

void TestWindow::partialEventStreamSaysSo() {
    // Striped locks at full speed: workers take locks far faster than the rings are drained,
    // so events are dropped. The counters stay exact; the pictures built from events say so.
    auto cfg = config(4, 2'000'000, shm::SyncMode::Striped);
    cfg.workload = shm::Workload::Histogram;
    cfg.stripes = 4;
    auto w = makeWindow(QStringLiteral("partial"), cfg);
    QVERIFY(runToEnd(*w));
    const LockEventsModel* ev = w->lockEventsModel();
    QVERIFY2(ev->droppedEvents() > 0, "this run was meant to overflow the event rings");
    QCOMPARE(w->contentionModel()->summary().acquisitions, 2'000'000u); // exact regardless
    QVERIFY(ev->waits().total() < ev->contendedCounted());
    const QString title = w->contentionView()->histogramTitle();
    QVERIFY2(title.contains(QStringLiteral("partial")), qPrintable(title));
    QVERIFY2(title.contains(format::count(double(ev->contendedCounted()))), qPrintable(title));
}

void TestWindow::dynamicRunShowsSharesOfTheRun() {
    // Nobody's share is known in advance under dynamic: the bar is the worker's part of the
    // run, the shade behind it the whole run's progress, full at the end (never "unfinished").
    auto cfg = config(4, 200'000, shm::SyncMode::None);
    cfg.partition = shm::Partition::Dynamic;
    auto w = makeWindow(QStringLiteral("dynamic"), cfg);
    QVERIFY(runToEnd(*w));
    const ProgressModel* m = w->progressModel();
    QCOMPARE(m->headerData(ProgressModel::ProgressCol, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Share of run"));
    double shares = 0;
    for (int r = 0; r < 4; ++r) {
        const QModelIndex i = m->index(r, ProgressModel::ProgressCol);
        QCOMPARE(i.data(ProgressModel::TotalFractionRole).toDouble(), 1.0);
        shares += i.data(ProgressModel::FractionRole).toDouble();
        QCOMPARE(m->index(r, ProgressModel::StateCol).data().toString(), QStringLiteral("done"));
    }
    QVERIFY(std::abs(shares - 1.0) < 1e-9); // the workers' parts add up to the whole array
}

void TestWindow::noneRunSaysNoLockIsTaken() {
    auto w = makeWindow(QStringLiteral("none"), config(2, 10000, shm::SyncMode::None));
    QVERIFY(runToEnd(*w));
    QVERIFY(!w->contentionModel()->summary().lockTaken);
    QCOMPARE(w->contentionModel()->summary().acquisitions, 0u);
    QVERIFY(w->contentionView()->showsNoLockMessage());
    QVERIFY(w->contentionView()->noLockText().contains(QStringLiteral("No lock is taken")));
    QCOMPARE(w->progressModel()->index(0, ProgressModel::WaitCol).data().toString(),
             QStringLiteral("no lock"));
    // Instead of a lock picture: each worker's wall and CPU time, the imbalance in the title,
    // the same figures as the report's (and the Workers heading's).
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(w->controller().report())))
            .object();
    WorkTimePlot* work = w->contentionView()->workTimes();
    QVERIFY(work->isVisible());
    const QString imbalance = QString::number(json[QLatin1String("imbalance")].toDouble(), 'f', 2);
    QVERIFY2(work->title().contains(QStringLiteral("imbalance ") + imbalance),
             qPrintable(work->title()));
    const QJsonArray workers = json[QLatin1String("workers")].toArray();
    const auto& times = work->bars()->times();
    QCOMPARE(times.size(), size_t(2));
    for (size_t k = 0; k < times.size(); ++k) {
        // The wide bar is the worker's busy time, the narrow one its CPU time.
        const QJsonObject jw = workers[int(k)].toObject();
        const std::pair<double, double> bars[] = {
            {times[k].wall, jw[QLatin1String("busy_seconds")].toDouble()},
            {times[k].cpu, jw[QLatin1String("cpu_seconds")].toDouble()}};
        for (const auto& [drawn, want] : bars)
            QVERIFY2(std::abs(drawn - want) <= 1e-6 * std::max(1.0, want),
                     qPrintable(QStringLiteral("%1 vs %2").arg(drawn).arg(want)));
    }
    const ProgressModel::Summary& sum = w->progressModel()->summary();
    QVERIFY(sum.measured && !sum.lockTaken);
    QCOMPARE(sum.computeSeconds, w->controller().report().computeSeconds);
    auto* heading = w->progressView()->findChild<QLabel*>(QStringLiteral("runSummary"));
    QVERIFY2(heading->text().contains(QStringLiteral("imbalance <b>%1</b>").arg(imbalance)),
             qPrintable(heading->text()));
    // "no lock" on every row says nothing: the column is hidden.
    QVERIFY(w->progressView()->table()->isColumnHidden(ProgressModel::WaitCol));
}

// --transport mpi in the window: real ranks from mpirun; ranks named with their host, the
// message timeline instead of the lock picture, what was moved to rank 0 over the array.
void TestWindow::mpiRunShowsRanksAndMessages() {
#ifndef SHMSCOPE_HAVE_MPI
    QSKIP("built without MPI");
#else
    shm::ExperimentConfig cfg = config(3, 300'000, shm::SyncMode::None);
    cfg.transport = shm::Transport::Mpi;
    cfg.workload = shm::Workload::Sin;
    auto w = makeWindow(QStringLiteral("mpi"), cfg);
    w->controller().setMpiWorkerPath(testutil::binDir() + QStringLiteral("/shmscope-mpi-worker"));
    QVERIFY(runToEnd(*w));
    const shm::RunReport& r = w->controller().report();
    QCOMPARE(QString::fromStdString(r.verdict()), QStringLiteral("array verified"));
    QVERIFY(r.mpi.bytes > 0);
    for (int k = 0; k < 3; ++k) {
        const QString label =
            w->progressModel()->index(k, ProgressModel::WorkerCol).data().toString();
        QCOMPARE(label, QStringLiteral("r%1 · %2")
                            .arg(k)
                            .arg(QString::fromStdString(r.workers[size_t(k)].host)));
    }
    QVERIFY(w->contentionView()->showsNoLockMessage());
    QVERIFY(w->contentionView()->noLockText().startsWith(QStringLiteral("Messages, not locks.")));
    auto* timeline = w->contentionView()->findChild<LockTimeline*>();
    QVERIFY(timeline && timeline->isVisible());
    // Every rank but 0 sent its results: each has send intervals on the timeline; rank 0 has
    // its receives.
    const shm::LockActivity& a = w->lockEventsModel()->activity();
    for (uint32_t k = 0; k < 3; ++k)
        QVERIFY2(!a.holds(k).empty(), qPrintable(QString::number(k)));
    const QString info = w->arrayView()->findChild<QLabel*>(QStringLiteral("arrayInfo"))->text();
    // The same figures as the report's mpi object (one computation: shm::mpiFigures).
    QVERIFY2(info.contains(QStringLiteral("to rank 0: <b>%1</b> in %2 msgs")
                               .arg(format::bytes(r.mpi.bytes), format::number(r.mpi.messages))),
             qPrintable(info));
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromStdString(shm::toJson(r))).object();
    const QJsonObject mpi = json[QLatin1String("mpi")].toObject();
    QCOMPARE(uint64_t(mpi[QLatin1String("bytes")].toDouble()), r.mpi.bytes);
    QCOMPARE(uint64_t(mpi[QLatin1String("messages")].toDouble()), r.mpi.messages);
    // The next run (shared memory, mutex) gets the lock picture and its timeline back.
    w->controller().reset();
    w->controls()->setConfig(config(2, 20'000, shm::SyncMode::Mutex));
    QVERIFY(runToEnd(*w));
    QVERIFY(!w->contentionView()->showsNoLockMessage());
    QVERIFY(timeline->isVisible());
    QCOMPARE(w->progressModel()->index(1, ProgressModel::WorkerCol).data().toString(),
             QStringLiteral("w1"));
#endif
}

void TestWindow::noInstrumentSaysTimingsAreOff() {
    auto cfg = config(2, 10000, shm::SyncMode::Mutex);
    cfg.instrument = false;
    auto w = makeWindow(QStringLiteral("noinstr"), cfg);
    QVERIFY(runToEnd(*w));
    QVERIFY(w->contentionView()->showsNoLockMessage());
    QVERIFY2(w->contentionView()->noLockText().contains(QStringLiteral("Lock timings are off")),
             qPrintable(w->contentionView()->noLockText()));
    for (int r = 0; r < 2; ++r)
        QCOMPARE(w->progressModel()->index(r, ProgressModel::WaitCol).data().toString(),
                 QStringLiteral("timings off"));
}

void TestWindow::killWorkerFromTheUi() {
    const QString tag = QStringLiteral("kill");
    // Mandelbrot over 10^6 elements, killed half-way: the controller then verifies the half
    // that was written off the GUI thread (about a second here: recomputing each element), so
    // the run winds down for many frame intervals.
    auto cfg = config(4, 1'000'000, shm::SyncMode::None);
    cfg.workload = shm::Workload::Mandelbrot;
    auto w = makeWindow(tag, cfg);
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        w->progressModel()->rowCount() == 4 &&
            w->progressModel()->index(2, ProgressModel::PidCol).data().toLongLong() > 0,
        10000);
    auto* spin = w->findChild<QSpinBox*>(QStringLiteral("killWorkerSpin"));
    auto* kill = w->findChild<QPushButton*>(QStringLiteral("killButton"));
    QVERIFY(spin && kill);
    QVERIFY(!kill->isEnabled()); // no worker chosen yet ("none")
    spin->setValue(2);
    QVERIFY(kill->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(shm::runFraction(w->controller().snapshot()) >= 0.4, 30000);
    QVERIFY(w->controller().phase() == Phase::Running);
    // The window draws frames on its own timer (no refreshFrame() from here): while the run is
    // live, and after the kill until the run is Finished.
    const int atRunning = w->frameCount();
    QTRY_VERIFY_WITH_TIMEOUT(w->frameCount() >= atRunning + 2, 5000);
    qint64 finishedAfterMs = -1;
    int framesAtKill = 0, framesAtFinish = 0;
    QElapsedTimer sinceKill;
    connect(&w->controller(), &RunController::phaseChanged, w.get(), [&](Phase p) {
        if (p != Phase::Finished || !sinceKill.isValid()) return;
        finishedAfterMs = sinceKill.elapsed();
        framesAtFinish = w->frameCount();
    });
    sinceKill.start();
    framesAtKill = w->frameCount();
    QTest::mouseClick(kill, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Finished, 30000);
    QVERIFY(finishedAfterMs >= 0);
    // The verification alone keeps the run winding down for well over two frame intervals, and
    // the timer kept drawing through it: the window never waited for the run.
    QVERIFY2(finishedAfterMs > 4 * MainWindow::kFrameIntervalMs,
             qPrintable(QStringLiteral("wound down in %1 ms").arg(finishedAfterMs)));
    qInfo("kill to Finished: %lld ms, %d frames", finishedAfterMs, framesAtFinish - framesAtKill);
    QVERIFY2(framesAtFinish - framesAtKill >= 2, qPrintable(QStringLiteral("%1 frames in %2 ms")
                                                                .arg(framesAtFinish - framesAtKill)
                                                                .arg(finishedAfterMs)));
    // "crashed (signal 9)", plus ", held lock" when it died inside the critical section.
    const QString state2 = w->progressModel()->index(2, ProgressModel::StateCol).data().toString();
    QVERIFY2(state2.startsWith(QStringLiteral("crashed (signal 9)")), qPrintable(state2));
    QCOMPARE(w->controller().report().status, shm::RunStatus::Failed);
    QVERIFY(!shm::segmentExists(testutil::segmentName(tag).toStdString()));
    auto* state = w->findChild<QLabel*>(QStringLiteral("stateLabel"));
    QVERIFY(state && state->text().startsWith(QStringLiteral("Failed")));
    // A failed run keeps what it measured: the status bar's elapsed time is not 0.
    QVERIFY(w->controller().report().computeSeconds > 0);
}

// Fault injection's "holding" choice: worker 1 dies inside the mutex, the others are seen
// waiting for it, and the run ends as the deadlock it is.
void TestWindow::killWhileHoldingFromTheUiShowsTheDeadlock() {
    const QString tag = QStringLiteral("killholding");
    auto w = makeWindow(tag, config(4, 100000, shm::SyncMode::Mutex, 20));
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Running, 30000);
    auto* spin = w->findChild<QSpinBox*>(QStringLiteral("killWorkerSpin"));
    auto* when = w->findChild<QComboBox*>(QStringLiteral("killWhenCombo"));
    auto* kill = w->findChild<QPushButton*>(QStringLiteral("killButton"));
    QVERIFY(spin && when && kill);
    spin->setValue(1);
    QVERIFY(when->isEnabled());
    when->setCurrentIndex(when->findText(QStringLiteral("holding")));
    QVERIFY(kill->isEnabled());
    QTest::mouseClick(kill, Qt::LeftButton);
    // Before the end the survivors are seen waiting for the lock the dead worker holds.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int waiting = 0;
            for (int r = 0; r < w->progressModel()->rowCount(); ++r)
                waiting +=
                    w->progressModel()->index(r, ProgressModel::StateCol).data().toString() ==
                    QStringLiteral("waiting for lock");
            return waiting == 3 || w->controller().phase() == Phase::Finished;
        }(),
        30000);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Finished, 30000);
    const shm::RunReport& r = w->controller().report();
    QCOMPARE(r.status, shm::RunStatus::Failed);
    QVERIFY2(QString::fromStdString(r.failure).startsWith(
                 QStringLiteral("deadlock: worker 1 died holding the mutex")),
             r.failure.c_str());
    QVERIFY(r.workers[1].diedHoldingLock);
    QVERIFY(!shm::segmentExists(testutil::segmentName(tag).toStdString()));
    // The survivors' waits never ended: the cards, the bars, the Lock wait column and the
    // histogram count them up to the end, as the report does (and the timeline draws them).
    const auto same = [](double a, double b) {
        return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
    };
    const ContentionModel* cm = w->contentionModel();
    // Drawn by the window's next frame, which the end of the run brings forward.
    QTRY_VERIFY_WITH_TIMEOUT(same(cm->summary().waitShare, r.waitShare), 5000);
    QCOMPARE(cm->summary().maxWaitNs, r.lock.maxWaitNs);
    QVERIFY(same(cm->summary().meanWaitNs, shm::meanWaitNs(r.lock)));
    uint64_t open = 0, blocked = 0;
    for (uint64_t n : cm->summary().openWaitBuckets)
        open += n;
    QCOMPARE(open, r.lock.openWaits);
    for (int k = 0; k < 4; ++k) {
        const QModelIndex i = cm->index(k, 0);
        QVERIFY(same(i.data(ContentionModel::WaitSecondsRole).toDouble(), r.workers[k].time.wait));
        QVERIFY(same(i.data(ContentionModel::ComputeSecondsRole).toDouble(),
                     r.workers[k].time.compute));
        QVERIFY(same(w->progressModel()->row(k).waitShare, r.workers[k].waitShare));
        if (r.workers[k].outcome != shm::WorkerOutcome::Terminated) continue; // finished first
        ++blocked;
        // Blocked from the kill (or before it) to the end: most of what followed the kill.
        QVERIFY(r.workers[k].time.openWait > 0);
        // The dead worker's time ended at its death; all started within a moment of another.
        const double afterKill = r.workers[k].time.busy - r.workers[1].time.busy;
        QVERIFY2(r.workers[k].time.wait >= 0.8 * afterKill,
                 qPrintable(QStringLiteral("worker %1 waited %2 s of %3 s after the kill")
                                .arg(k)
                                .arg(r.workers[k].time.wait)
                                .arg(afterKill)));
    }
    QVERIFY(blocked > 0);
    QCOMPARE(r.lock.openWaits, blocked);
    QVERIFY(r.lock.openHoldNs > 0); // the dead holder's, up to its death
}

// SIGSTOP a worker: its row says "suspended", the Continue button appears, and pressing it
// (SIGCONT) lets the run finish verified.
void TestWindow::suspendedWorkerCanBeContinuedFromTheUi() {
    const QString tag = QStringLiteral("suspend");
    auto cfg = config(2, 20000, shm::SyncMode::None, 50);
    cfg.suspendTimeoutMs = 20000;
    auto w = makeWindow(tag, cfg);
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        w->progressModel()->index(1, ProgressModel::PidCol).data().toLongLong() > 0, 10000);
    const auto pid = pid_t(w->progressModel()->index(1, ProgressModel::PidCol).data().toLongLong());
    auto* cont = w->findChild<QPushButton*>(QStringLiteral("continueButton"));
    QVERIFY(cont && !cont->isVisible());
    ::kill(pid, SIGSTOP);
    QTRY_COMPARE_WITH_TIMEOUT(
        w->progressModel()->index(1, ProgressModel::StateCol).data().toString(),
        QStringLiteral("suspended"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(cont->isVisible() && cont->isEnabled(), 5000);
    QTest::mouseClick(cont, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Finished, 60000);
    const shm::RunReport& r = w->controller().report();
    QCOMPARE(r.status, shm::RunStatus::Finished);
    QCOMPARE(r.mismatches, 0u);
    QVERIFY(!cont->isVisible());
}

void TestWindow::spaceAndEscapeFromAnyControl() {
    auto w = makeWindow(QStringLiteral("keys"), config(2, 100000, shm::SyncMode::Mutex, 2000));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    // Space in a spin box (where it is never valid input) starts the run.
    auto* workers = w->findChild<QSpinBox*>(QStringLiteral("workersSpin"));
    QVERIFY(workers);
    workers->setFocus();
    QTRY_VERIFY(workers->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Running, 30000);
    QCOMPARE(workers->value(), 2);
    // Space on a focused check box or button pauses, instead of toggling or clicking it.
    auto* pause = w->findChild<QPushButton*>(QStringLiteral("pauseButton"));
    auto* kill = w->findChild<QPushButton*>(QStringLiteral("killButton"));
    auto* killSpin = w->findChild<QSpinBox*>(QStringLiteral("killWorkerSpin"));
    QVERIFY(pause && kill && killSpin);
    killSpin->setValue(1); // live during the run: it chooses whom the Kill button kills
    QVERIFY(kill->isEnabled());
    kill->setFocus();
    QTRY_VERIFY(kill->hasFocus());
    QSignalSpy killSpy(w->controls(), &ControlsPanel::killRequested);
    QTest::keyClick(kill, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Paused, 10000);
    // While paused nothing moves: the status bar says so instead of an ever-lower rate.
    auto* rate = w->findChild<QLabel*>(QStringLiteral("rateLabel"));
    QVERIFY(rate);
    QTRY_COMPARE_WITH_TIMEOUT(rate->text(), QStringLiteral("paused"), 5000);
    QCOMPARE(killSpy.count(), 0);
    // Space again resumes, from the kill spin box.
    QVERIFY(killSpin->isEnabled());
    killSpin->setFocus();
    QTRY_VERIFY(killSpin->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Running, 10000);
    // Esc stops.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(w->controller().phase(), Phase::Finished, 30000);
    // 10^5 elements at 2 ms each would take 100 s: Finished this soon means Esc stopped it.
    QVERIFY(shm::totals(w->controller().snapshot()).processed < 100000u);
}

void TestWindow::controlsExplainInvalidCombinations() {
    ControlsPanel panel;
    auto* workload = panel.findChild<QComboBox*>(QStringLiteral("workloadCombo"));
    auto* sync = panel.findChild<QComboBox*>(QStringLiteral("syncCombo"));
    auto* scope = panel.findChild<QComboBox*>(QStringLiteral("lockScopeCombo"));
    auto* bins = panel.findChild<QSpinBox*>(QStringLiteral("binsSpin"));
    auto* stripes = panel.findChild<QSpinBox*>(QStringLiteral("stripesSpin"));
    auto* start = panel.findChild<QPushButton*>(QStringLiteral("startButton"));
    auto* workers = panel.findChild<QSpinBox*>(QStringLiteral("workersSpin"));
    QVERIFY(workload && sync && scope && bins && stripes && start && workers);
    QCOMPARE(workers->maximum(), 256);
    QVERIFY(!bins->isEnabled());
    QVERIFY(!stripes->isEnabled());
    QVERIFY(!scope->isEnabled()); // sync none takes no lock
    workload->setCurrentText(QStringLiteral("histogram"));
    sync->setCurrentText(QStringLiteral("striped"));
    scope->setCurrentText(QStringLiteral("chunk"));
    QVERIFY(bins->isEnabled());
    QVERIFY(stripes->isEnabled());
    QVERIFY(panel.validationMessage().contains(QStringLiteral("cannot protect histogram bins")));
    QVERIFY(!start->isEnabled());
    scope->setCurrentText(QStringLiteral("element"));
    QVERIFY(panel.validationMessage().isEmpty());
    QVERIFY(start->isEnabled());
    // The delay slider snaps to its stops and maps back.
    QCOMPARE(ControlsPanel::delayForPosition(ControlsPanel::positionForDelay(2000)), 2000u);
    QCOMPARE(ControlsPanel::delayForPosition(ControlsPanel::positionForDelay(0)), 0u);
}

void TestWindow::commandLineSettingsPresetTheWindow() {
    shm::ExperimentConfig cfg = config(7, 12345, shm::SyncMode::Spin, 50);
    cfg.partition = shm::Partition::Guided;
    auto w = makeWindow(QStringLiteral("preset"), cfg);
    QCOMPARE(w->controls()->config(), cfg);
}

void TestWindow::exportWritesPngAndPdf() {
    auto w = makeWindow(QStringLiteral("export"), config(2, 5000, shm::SyncMode::Mutex));
    QVERIFY(runToEnd(*w));
    QString err;
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("window.png"));
    QVERIFY2(view_export::save(w.get(), nullptr, png, QSize(800, 500), &err), qPrintable(err));
    QCOMPARE(QImage(png).size(), QSize(800, 500));
    const QString plotPdf = dir.filePath(QStringLiteral("array.pdf"));
    QVERIFY2(view_export::save(w->viewWidget(QStringLiteral("array")), w->arrayView()->plot(),
                               plotPdf, {}, &err),
             qPrintable(err));
    QVERIFY(QFileInfo(plotPdf).size() > 1000);
    const QString viewPdf = dir.filePath(QStringLiteral("contention.pdf"));
    QVERIFY2(
        view_export::save(w->viewWidget(QStringLiteral("contention")), nullptr, viewPdf, {}, &err),
        qPrintable(err));
    QVERIFY(QFileInfo(viewPdf).size() > 1000);
}

void TestWindow::zoomAndResetRescanTheView() {
    auto w = makeWindow(QStringLiteral("zoom"), config(3, 90000, shm::SyncMode::None));
    QVERIFY(runToEnd(*w));
    QCustomPlot* plot = w->arrayView()->plot();
    plot->xAxis->setRange(1000, 1100); // what a wheel zoom ends in
    w->refreshFrame(0);
    const shm::Decimator& d = w->arrayModel()->decimator();
    QVERIFY(d.viewBegin() >= 999 && d.viewBegin() <= 1001);
    QVERIFY(d.viewEnd() >= 1100 && d.viewEnd() <= 1102);
    for (const auto& c : d.columns())
        QCOMPARE(c.written, c.end - c.begin); // rescanned, not stale
    plot->xAxis->setRange(-5e6, 5e6);         // dragged past the ends: clamped to the array
    w->refreshFrame(0);
    QCOMPARE(d.viewBegin(), 0u);
    QCOMPARE(d.viewEnd(), 90000u);
    w->arrayView()->resetZoom();
    w->refreshFrame(0);
    QCOMPARE(d.viewEnd() - d.viewBegin(), 90000u);
}

void TestWindow::settingsPersistButFlagsWin() {
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a throw-away test location
    QSettings().clear();
    shm::ExperimentConfig saved = config(5, 4321, shm::SyncMode::Striped, 7);
    {
        MainWindow w(CliOptions{}, true);
        w.controls()->setConfig(saved);
        w.close(); // saves
    }
    {
        MainWindow w(CliOptions{}, true);
        QCOMPARE(w.controls()->config(), saved);
    }
    {
        CliOptions o;
        o.config.workers = 9;
        o.settingsGiven << QStringLiteral("workers");
        MainWindow w(o, true);
        shm::ExperimentConfig expected = saved;
        expected.workers = 9;
        QCOMPARE(w.controls()->config(), expected);
    }
    QSettings().clear();
}

void TestWindow::paletteHas64DistinctColours() {
    QSet<QRgb> seen;
    for (uint32_t k = 0; k < 64; ++k) {
        const QColor c = worker_palette::color(k);
        QVERIFY(c.isValid());
        QCOMPARE(c.alpha(), 255);
        QVERIFY2(!seen.contains(c.rgb()),
                 qPrintable(QStringLiteral("worker %1 repeats %2").arg(k).arg(c.name())));
        seen.insert(c.rgb());
    }
    QCOMPARE(seen.size(), 64);
    QCOMPARE(worker_palette::color(0).rgb(), QColor(0x0072B2).rgb());
}

// The Lessons panel: choose a lesson, Next/Previous move through the list, Run plays its runs
// in turn through the window (the controls show each run's settings), then the figures side
// by side and the verdict.
// The first window a new user sees: the welcome page instead of empty views, saying what Start
// will run; the window's defaults run in slow motion (a few seconds), headless ones do not.
void TestWindow::firstWindowWelcomesAndRunsSlowly() {
    QStandardPaths::setTestModeEnabled(true); // no earlier session's settings
    QSettings().clear();
    QCOMPARE(shm::windowDefaults().delayUs, 10u);
    QCOMPARE(shm::ExperimentConfig{}.delayUs, 0u);
    {
        MainWindow w(CliOptions{}, true);
        QCOMPARE(w.controls()->config(), shm::windowDefaults());
    }
    auto w = makeWindow(QStringLiteral("welcome"), config(2, 2000, shm::SyncMode::None));
    auto* welcome = w->findChild<WelcomePage*>();
    QVERIFY(welcome && welcome->isVisible());
    QVERIFY(!w->progressView()->isVisible());
    QVERIFY2(welcome->runSummary().contains(QStringLiteral("2 workers")),
             qPrintable(welcome->runSummary()));
    auto* start = welcome->findChild<QPushButton*>(QStringLiteral("welcomeStartButton"));
    start->click();
    QTRY_VERIFY_WITH_TIMEOUT(w->controller().phase() == Phase::Finished, 30000);
    QVERIFY(!welcome->isVisible());
    QVERIFY(w->progressView()->isVisible());
    // Reset forgets the run: the welcome page is back.
    w->controls()->findChild<QPushButton*>(QStringLiteral("resetButton"))->click();
    QVERIFY(welcome->isVisible());
    // Its lesson button brings the Lessons panel to the front.
    welcome->findChild<QPushButton*>(QStringLiteral("welcomeLessonButton"))->click();
    QTRY_VERIFY(w->lessonPanel()->isVisible());
    QSettings().clear();
}

// The Run box stays in view however tall the settings: at 1024x700 Start is on screen.
void TestWindow::startIsInViewAt1024x700() {
    auto w = makeWindow(QStringLiteral("small"), config(2, 1000, shm::SyncMode::None));
    w->resize(1024, 700);
    QTest::qWait(50);
    auto* start = w->controls()->findChild<QPushButton*>(QStringLiteral("startButton"));
    QVERIFY(start->isVisible());
    const QRect r(start->mapTo(w.get(), QPoint(0, 0)), start->size());
    QVERIFY2(w->rect().contains(r), qPrintable(QStringLiteral("%1,%2").arg(r.x()).arg(r.y())));
    QVERIFY(!start->visibleRegion().isEmpty());
    QCOMPARE(start->visibleRegion().boundingRect().size(), start->size()); // not clipped
    // fitToScreen never makes the window larger than the screen (or than its minimum, on a
    // screen smaller than that: the offscreen platform's is 800x600).
    w->fitToScreen();
    const QSize bound = w->screen()->availableGeometry().size().expandedTo(w->minimumSizeHint());
    QVERIFY2(bound.expandedTo(w->size()) == bound, qPrintable(QStringLiteral("%1x%2 in %3x%4")
                                                                  .arg(w->width())
                                                                  .arg(w->height())
                                                                  .arg(bound.width())
                                                                  .arg(bound.height())));
}

void TestWindow::lessonPanelPlaysALessonAndSaysSeen() {
    auto w = makeWindow(QStringLiteral("lesson"), config(2, 1000, shm::SyncMode::None));
    QVERIFY(w->showLesson(QStringLiteral("copy-pitfall")));
    auto* panel = w->lessonPanel();
    panel->next();
    QCOMPARE(panel->currentId(), QStringLiteral("seed-split"));
    panel->previous();
    panel->next();
    RunPlayer* player = w->lessonPlayer();
    QCOMPARE(panel->lesson().id, QStringLiteral("seed-split"));
    auto* run = panel->findChild<QPushButton*>(QStringLiteral("runLessonButton"));
    QVERIFY(run && run->isEnabled());
    QSignalSpy done(player, &RunPlayer::finished);
    run->click();
    QVERIFY(player->playing());
    QCOMPARE(run->text(), QStringLiteral("Stop lesson"));
    // The views its look_at names are outlined while it plays.
    QCOMPARE(panel->lesson().lookAt, QStringList{QStringLiteral("array")});
    QCOMPARE(w->highlightedViews(), QStringList{QStringLiteral("array")});
    QVERIFY(done.wait(30000));
    QVERIFY(panel->outcome().complete);
    QVERIFY(panel->outcome().seen);
    QCOMPARE(panel->outcome().reports.size(), 2);
    QCOMPARE(w->highlightedViews(), QStringList{QStringLiteral("array")});
    QCOMPARE(panel->outcome().reports[0][QLatin1String("unwritten")].toInt(), 1);
    // The last run's settings are what the controls show now.
    QVERIFY(w->controls()->config().partition == shm::Partition::Block);
    QCOMPARE(w->controls()->config().elements, uint64_t(10001));
    auto* results = panel->findChild<QTextBrowser*>(QStringLiteral("lessonResults"));
    QVERIFY(results->toPlainText().contains(QStringLiteral("Seen ✓")));
    QVERIFY(results->toPlainText().contains(QStringLiteral("A.unwritten == 1")));
    auto* progress = panel->findChild<QLabel*>(QStringLiteral("lessonProgress"));
    QVERIFY(progress->text().contains(QStringLiteral("Seen")));
    QCOMPARE(run->text(), QStringLiteral("Run lesson"));
    // A run of the user's own ends the lesson's highlight.
    QVERIFY(runToEnd(*w));
    QVERIFY(w->highlightedViews().isEmpty());
}

// A lesson opened from a file (File > Open Lesson) whose precondition fails: the panel says
// "Inconclusive" in the text's own colour with the lesson's sentence, not seen or not seen.
void TestWindow::lessonPanelSaysInconclusiveAndWhy() {
    auto w = makeWindow(QStringLiteral("inconclusive"), config(2, 1000, shm::SyncMode::None));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // No run of 2000 elements processes a million: the require fails whatever the machine.
    f.write(R"({"id": "never-enough", "title": "A precondition that cannot hold",
      "story": "s", "look_for": "The Workers table.", "explain": "e",
      "runs": [{"label": "A", "config": {"workers": 2, "elements": 2000}}],
      "require": [{"figure": "A.processed", "op": ">=", "value": 1000000,
                   "why": "only {observed} elements were processed, {value} needed"}],
      "expect": [{"run": "A", "figure": "mismatches", "op": "==", "value": 0}]})");
    f.close();
    QString error;
    QVERIFY(!w->openLessonFile(dir.filePath(QStringLiteral("none.json")), &error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY2(w->openLessonFile(path, &error), qPrintable(error));
    auto* panel = w->lessonPanel();
    QCOMPARE(panel->currentId(), QStringLiteral("never-enough"));
    QSignalSpy done(w->lessonPlayer(), &RunPlayer::finished);
    panel->setPauseAfterEachRun(false);
    QVERIFY2(w->playLesson(&error), qPrintable(error));
    QVERIFY(done.wait(30000));
    QVERIFY(panel->outcome().complete);
    QVERIFY(panel->outcome().verdict == LessonVerdict::Inconclusive);
    QVERIFY(!panel->outcome().seen);
    QVERIFY(panel->outcome().results.value(0).holds); // judged, but it does not decide
    auto* progress = panel->findChild<QLabel*>(QStringLiteral("lessonProgress"));
    const QString shown = progress->text();
    QVERIFY2(shown.contains(QStringLiteral("Inconclusive")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("only 2000 elements were processed, 1000000 needed")),
             qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("#a3231d")) &&
                 !shown.contains(QStringLiteral("#1b7a2f")),
             qPrintable(shown));
    auto* results = panel->findChild<QTextBrowser*>(QStringLiteral("lessonResults"));
    QVERIFY(results->toPlainText().contains(QStringLiteral("Inconclusive: only 2000 elements")));
}

// The Sweep tab: workers 1,2 over the settings in Controls, each run played through the window,
// then the Sweep view in front with the speedup line, the points table and the same figures
// as the headless summary's.
void TestWindow::sweepPanelRunsASweepAndShowsResults() {
    auto w = makeWindow(QStringLiteral("sweep"), config(2, 20000, shm::SyncMode::None, 5));
    shm::SweepAxis axis;
    QVERIFY(!shm::parseSweepAxis("workers=1,2", &axis));
    w->sweepPanel()->setAxes({axis}, 2);
    RunPlayer* player = w->sweepPlayer();
    QSignalSpy done(player, &RunPlayer::finished);
    auto* run = w->sweepPanel()->findChild<QPushButton*>(QStringLiteral("runSweepButton"));
    run->click();
    QVERIFY(player->playing());
    QCOMPARE(run->text(), QStringLiteral("Stop sweep"));
    auto* progress = w->sweepPanel()->findChild<QLabel*>(QStringLiteral("sweepProgress"));
    QVERIFY2(progress->text().startsWith(QStringLiteral("Point 1 of 2 (workers=1), run 1 of 4")),
             qPrintable(progress->text()));
    QVERIFY(done.wait(60000));
    QCOMPARE(player->runsDone(), 4);
    QVERIFY(w->sweepView()->isVisible());
    QCOMPARE(run->text(), QStringLiteral("Run sweep"));
    const shm::SweepSummary& s = w->sweepTally().summary();
    QCOMPARE(s.points.size(), size_t(2));
    QCOMPARE(s.points[0].runs, 2u);
    QCOMPARE(s.points[1].runs, 2u);
    QCOMPARE(s.points[0].config.delayUs, 0u); // sweeps run at full speed
    QCOMPARE(w->sweepView()->table()->model()->rowCount(), 2);
    // The speedup line: one point per workers value, at the summary's speedup.
    QCustomPlot* plot = w->sweepView()->plot();
    QCPGraph* line = nullptr;
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == QStringLiteral("speedup")) line = plot->graph(i);
    QVERIFY(line);
    QCOMPARE(line->data()->size(), 2);
    QCOMPARE((line->data()->begin() + 1)->value, *s.points[1].speedup);
    QVERIFY2(w->sweepView()->caption().contains(QStringLiteral("4 of 4 runs")),
             qPrintable(w->sweepView()->caption()));
    // Back to the run's views, and View > Sweep Results brings the results back.
    emit w->sweepView()->backRequested();
    QVERIFY(w->progressView()->isVisible());
    QVERIFY(w->showSweepResults());
    QVERIFY(w->sweepView()->isVisible());
}

// A point whose run fails (a worker killed) is counted and the sweep goes on; Stop in the
// middle of a long run ends the sweep at once with what was measured, nothing left behind.
void TestWindow::sweepSurvivesAFailedPointAndStops() {
    // Sweeps run at full speed: the kill comes at the start barrier, before the work is done.
    auto cfg = config(2, 1'000'000, shm::SyncMode::None);
    cfg.workload = shm::Workload::Mandelbrot;
    cfg.killAtMs = 0;
    auto w = makeWindow(QStringLiteral("sweepfail"), cfg);
    shm::SweepAxis axis;
    QVERIFY(!shm::parseSweepAxis("kill-worker=none,0", &axis));
    w->sweepPanel()->setAxes({axis}, 1);
    RunPlayer* player = w->sweepPlayer();
    QSignalSpy done(player, &RunPlayer::finished);
    QString err;
    QVERIFY2(w->startSweep(&err), qPrintable(err));
    QVERIFY(done.wait(60000));
    const shm::SweepSummary& s = w->sweepTally().summary();
    QCOMPARE(s.points.size(), size_t(2));
    QCOMPARE(s.points[0].runs, 1u);
    QCOMPARE(s.points[1].failed, 1u);
    QCOMPARE(player->runsDone(), 2);
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());

    // Stop: a sweep turns slow motion off, so the work itself is slow (seconds per run).
    QVERIFY(!shm::parseSweepAxis("workers=1,2", &axis));
    w->sweepPanel()->setAxes({axis}, 2);
    shm::ExperimentConfig slow = config(2, 5'000'000, shm::SyncMode::None);
    slow.workload = shm::Workload::Mandelbrot;
    w->controls()->setConfig(slow);
    QVERIFY2(w->startSweep(&err), qPrintable(err));
    QTRY_VERIFY(w->controller().phase() == Phase::Running);
    QElapsedTimer t;
    t.start();
    const testutil::MachineCpu before = testutil::machineCpu();
    timespec cpu0{}, cpu1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
    auto* run = w->sweepPanel()->findChild<QPushButton*>(QStringLiteral("runSweepButton"));
    QCOMPARE(run->text(), QStringLiteral("Stop sweep"));
    run->click();
    QTRY_VERIFY_WITH_TIMEOUT(!player->playing(), 120000);
    // The stop ends with the stopped run's verification (CPU-bound): beside others using a
    // quarter of the machine or more it took 22.7 s here, so the 10 s cannot be judged then.
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
    const double others = testutil::othersShare(before, testutil::machineCpu(),
                                                double(cpu1.tv_sec - cpu0.tv_sec) +
                                                    double(cpu1.tv_nsec - cpu0.tv_nsec) / 1e9);
    if (t.elapsed() >= 10000 && others >= 0.25)
        QSKIP(qPrintable(QStringLiteral("the machine was busy (others used %1%): stopped in %2 ms")
                             .arg(others * 100, 0, 'f', 0)
                             .arg(t.elapsed())));
    QVERIFY(t.elapsed() < 10000);
    QVERIFY(player->runsDone() < player->runsTotal());
    QTRY_VERIFY(!w->controller().isActive());
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

// A/B: pin a finished mutex run, run atomic: the bar shows both figures and their ratios, the
// same as the headless --compare-with's, and names the setting that changed.
void TestWindow::pinnedRunComparesTheNextRun() {
    auto cfg = config(2, 50000, shm::SyncMode::Mutex);
    cfg.workload = shm::Workload::Histogram;
    auto w = makeWindow(QStringLiteral("pin"), cfg);
    QVERIFY(!w->pinRun()); // nothing finished yet
    QVERIFY(runToEnd(*w));
    auto* pin = w->controls()->findChild<QPushButton*>(QStringLiteral("pinButton"));
    QVERIFY(pin->isEnabled());
    pin->click();
    QVERIFY(w->pinnedBar()->isVisible());
    QVERIFY2(w->pinnedBar()->text().startsWith(QStringLiteral("Pinned")),
             qPrintable(w->pinnedBar()->text()));
    const shm::RunReport pinned = w->controller().report();
    cfg.sync = shm::SyncMode::Atomic;
    w->controls()->setConfig(cfg);
    QVERIFY(runToEnd(*w));
    const QString text = w->pinnedBar()->text();
    QVERIFY2(text.contains(QStringLiteral("sync mutex -> atomic")), qPrintable(text));
    const double ratio = w->controller().report().computeSeconds / pinned.computeSeconds;
    QVERIFY2(text.contains(QStringLiteral("×%1").arg(ratio, 0, 'f', 2)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("lost updates")));
    w->unpinRun();
    QVERIFY(!w->pinnedBar()->isVisible());
}

// Presentation mode: Ctrl+= (View > Larger Text) scales the application font (the tables' rows grow
// with it), Ctrl+0 puts it back; the factor stays within 0.7 to 3.
void TestWindow::presentationModeScalesTextAndTables() {
    auto w = makeWindow(QStringLiteral("zoom"), config(2, 1000, shm::SyncMode::None));
    const double base = QApplication::font().pointSizeF();
    const int row = w->progressView()->rowHeight();
    // The View menu's actions, found by their shortcuts (offscreen windows get no key focus).
    const auto action = [&](const QKeySequence& key) -> QAction* {
        for (QAction* a : w->findChildren<QAction*>())
            if (a->shortcuts().contains(key)) return a;
        return nullptr;
    };
    QAction* larger = action(QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QAction* normal = action(QKeySequence(Qt::CTRL | Qt::Key_0));
    QVERIFY(larger && normal);
    larger->trigger();
    QCOMPARE(w->zoom(), 1.2);
    QTRY_VERIFY(std::abs(QApplication::font().pointSizeF() - base * 1.2) < 0.01);
    QTRY_VERIFY(w->progressView()->rowHeight() > row);
    w->setZoom(10);
    QCOMPARE(w->zoom(), 3.0);
    normal->trigger();
    QCOMPARE(w->zoom(), 1.0);
    QTRY_VERIFY(std::abs(QApplication::font().pointSizeF() - base) < 0.01);
    QTRY_COMPARE(w->progressView()->rowHeight(), row);
}

QTEST_MAIN(TestWindow)
#include "tst_gui_window.moc"
