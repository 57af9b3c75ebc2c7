// QAbstractItemModelTester on every item model of the window, each fed with real data: the
// snapshots of live runs of real workers (the per-worker tables, frame by frame, through runs
// of different sizes and a clear) and the summaries of a real sweep after every one of its
// runs (the sweep table, whose columns change with the number of swept settings).
#include "../test_util.h"
#include "analysis/sweep.h"
#include "gui/models/contention_model.h"
#include "gui/models/progress_model.h"
#include "gui/sweep/sweep_model.h"
#include "gui/views/progress_view.h"
#include "runner/run_controller.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

class TestItemModels : public QObject {
    Q_OBJECT
  private slots:
    void workerTablesThroughLiveRuns();
    void sweepTableAfterEveryRun();
    void workerTallyWhenRowsScroll();
    void cleanupTestCase();

  private:
    int m_seq = 0;
    // Runs cfg to its end with real workers; `frame` sees every snapshot polled meanwhile and
    // the final one, `report` (if given) gets the report. False if the run did not start or end.
    template <typename F>
    bool run(const shm::ExperimentConfig& cfg, F frame, shm::RunReport* report = nullptr) {
        RunController c;
        c.setWorkerPath(testutil::workerPath());
        c.setSegmentName(testutil::segmentName(QStringLiteral("models%1").arg(++m_seq)));
        QSignalSpy done(&c, &RunController::finished);
        if (!testutil::startOrWarn(c, cfg)) return false;
        QElapsedTimer t;
        t.start();
        while (done.isEmpty() && t.elapsed() < 60000) {
            frame(c);
            QTest::qWait(20);
        }
        frame(c);
        if (report) *report = c.report();
        return !done.isEmpty();
    }
};

namespace {
using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;
} // namespace

void TestItemModels::workerTablesThroughLiveRuns() {
    ProgressModel progress;
    ContentionModel contention;
    Tester t1(&progress, kQtTest);
    Tester t2(&contention, kQtTest);
    // Two workers, then four (a reset to more rows), then two again (fewer), under a lock so
    // the contention table has figures; every frame's dataChanged is checked by the testers.
    for (uint32_t workers : {2u, 4u, 2u}) {
        shm::ExperimentConfig cfg{.workers = workers, .elements = 20000, .delayUs = 20};
        cfg.sync = shm::SyncMode::Mutex;
        int frames = 0;
        QVERIFY(run(cfg, [&](const RunController& c) {
            progress.update(c.snapshot());
            contention.update(c.snapshot());
            ++frames;
        }));
        QVERIFY(frames >= 2);
        QCOMPARE(progress.rowCount(), int(workers));
        QCOMPARE(contention.rowCount(), int(workers));
        // The final frame's rows: every worker named, its elements counted.
        for (int r = 0; r < progress.rowCount(); ++r) {
            QVERIFY(!progress.data(progress.index(r, ProgressModel::WorkerCol), Qt::DisplayRole)
                         .toString()
                         .isEmpty());
            QVERIFY(progress.row(r).processed > 0);
        }
    }
    progress.clear();
    contention.clear();
    QCOMPARE(progress.rowCount(), 0);
    QCOMPARE(contention.rowCount(), 0);
}

void TestItemModels::sweepTableAfterEveryRun() {
    SweepModel model;
    Tester tester(&model, kQtTest);
    // One swept setting, then two: the table's columns are the swept settings and the figures.
    const std::vector<std::vector<const char*>> sweeps = {{"workers=1,2"},
                                                          {"workers=1,2", "sync=mutex,atomic"}};
    int before = -1;
    for (const auto& specs : sweeps) {
        std::vector<shm::SweepAxis> axes;
        for (const char* spec : specs) {
            shm::SweepAxis axis;
            const auto err = shm::parseSweepAxis(spec, &axis);
            QVERIFY2(!err, err ? err->c_str() : "");
            axes.push_back(axis);
        }
        shm::ExperimentConfig base{.elements = 20000};
        base.workload = shm::Workload::Histogram;
        shm::SweepPlan plan;
        const auto err = shm::planSweep(base, axes, 1, &plan);
        QVERIFY2(!err, err ? err->c_str() : "");
        // As the Sweep tab does: the summary after every run, the points not run yet empty.
        std::vector<std::vector<shm::RunReport>> reports(plan.points.size());
        model.setSummary(shm::summarizeSweep(plan, reports, shm::usableCores()));
        for (size_t point : plan.order) {
            shm::RunReport report;
            QVERIFY(run(
                plan.points[point], [](const RunController&) {}, &report));
            reports[point].push_back(report);
            model.setSummary(shm::summarizeSweep(plan, reports, shm::usableCores()));
        }
        QCOMPARE(model.rowCount(), int(plan.points.size()));
        QVERIFY(model.columnCount() > int(axes.size()));
        QVERIFY(model.columnCount() != before); // one more swept setting, one more column
        before = model.columnCount();
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.summary().points[size_t(r)].runs, 1u);
            for (int col = 0; col < model.columnCount(); ++col)
                QVERIFY(!model.data(model.index(r, col), Qt::DisplayRole).toString().isEmpty());
        }
    }
}

// 256 workers: the table shows a few rows at a time, so a line under its heading counts the
// workers in each state; every row counted once, frame by frame; gone when all rows fit.
void TestItemModels::workerTallyWhenRowsScroll() {
    ProgressModel progress;
    Tester tester(&progress, kQtTest);
    ProgressView view(&progress);
    view.resize(900, 300);
    view.show();
    auto* tally = view.findChild<QLabel*>(QStringLiteral("workerTally"));
    QVERIFY(tally);
    shm::ExperimentConfig cfg{.workers = 256, .elements = 25600, .delayUs = 20};
    cfg.sync = shm::SyncMode::Mutex;
    int frames = 0;
    QVERIFY(run(cfg, [&](const RunController& c) {
        progress.update(c.snapshot());
        int counted = 0;
        for (const auto& [state, n] : progress.summary().states)
            counted += n;
        QCOMPARE(counted, 256);
        ++frames;
    }));
    QVERIFY(frames >= 2);
    const std::vector<std::pair<QString, int>> allDone = {{QStringLiteral("done"), 256}};
    QCOMPARE(progress.summary().states, allDone);
    QVERIFY(tally->isVisible());
    QCOMPARE(tally->text(), QStringLiteral("256 workers: 256 done"));
    view.resize(900, 256 * view.rowHeight() + 400); // every row fits: no tally
    QTRY_VERIFY(!tally->isVisible());
}

void TestItemModels::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_MAIN(TestItemModels)
#include "tst_item_models.moc"
