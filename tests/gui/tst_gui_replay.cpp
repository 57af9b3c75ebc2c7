// A finished run shown again through the time slider: a real run in the window, kept in the
// Runs list by the window's own recorder, then the slider moved to several moments: each worker's
// progress in the ProgressModel is the recorded sample at that moment, the lock timeline's open
// holds are the recorded holds spanning it, and the array shows the recorded frame; a move paints
// each view once, after it (coalesced). The Runs list under QAbstractItemModelTester.
#include "analysis/metrics.h"
#include "gui/main_window.h"
#include "gui/models/array_model.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/models/runs_model.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/lock_timeline.h"
#include "record/replay.h"
#include "window_test_util.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSlider>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <map>
#include <memory>
#include <qcustomplot.h>

namespace {

template <class T> const T* latestAt(const std::vector<T>& v, uint64_t t) {
    const T* best = nullptr;
    for (const T& s : v)
        if (s.atNs <= t) best = &s;
    return best;
}

// The recorded hold of worker k spanning t (begun at or before it, not ended by it).
std::optional<shm::LockInterval> holdAt(const shm::WorkerIntervals& w, uint64_t t) {
    for (const shm::LockInterval& iv : w.holds)
        if (iv.beginNs <= t && t < iv.endNs) return iv;
    if (w.openHold && w.openHold->beginNs <= t) return w.openHold;
    return std::nullopt;
}

// Paint events per watched widget.
class PaintCounter : public QObject {
  public:
    explicit PaintCounter(std::initializer_list<QWidget*> widgets) {
        for (QWidget* w : widgets) {
            m_counts[w] = 0;
            w->installEventFilter(this);
        }
    }
    int of(QWidget* w) const { return m_counts.at(w); }
    int total() const {
        int n = 0;
        for (const auto& [w, c] : m_counts)
            n += c;
        return n;
    }

  protected:
    bool eventFilter(QObject* o, QEvent* e) override {
        if (e->type() == QEvent::Paint)
            if (auto it = m_counts.find(o); it != m_counts.end()) ++it->second;
        return QObject::eventFilter(o, e);
    }

  private:
    std::map<QObject*, int> m_counts;
};

} // namespace

class TestGuiReplay : public QObject {
    Q_OBJECT
  private slots:
    void sliderShowsTheRecordedMoment();
    void runsListKeepsRunsWithinItsMemory();
};

void TestGuiReplay::sliderShowsTheRecordedMoment() {
    const shm::ExperimentConfig cfg{
        .workers = 3, .elements = 12000, .sync = shm::SyncMode::Mutex, .delayUs = 60};
    auto w = testutil::newWindow(QStringLiteral("replay"), cfg);
    new QAbstractItemModelTester(w->runsModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
    new QAbstractItemModelTester(w->progressModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
    w->resize(1280, 800);
    w->show();
    QVERIFY(!w->timeSlider()->isEnabled());
    QVERIFY(testutil::runToEnd(*w));
    // The window's own recorder hands the run to the Runs list from its thread.
    QTRY_COMPARE_WITH_TIMEOUT(w->runsModel()->rowCount(), 1, 10000);
    const auto run = w->runsModel()->run(0);
    QVERIFY2(run->frames.size() >= 2, "too few array frames to scrub through");
    QVERIFY(!run->intervals.empty());
    QCOMPARE(run->report.processed, w->controller().report().processed);

    // Picked in the Runs list: shown at its end, the slider there.
    w->runsView()->selectRow(0);
    QCOMPARE(w->shownRun(), 0);
    QVERIFY(w->timeSlider()->isEnabled());
    QCOMPARE(w->timeSlider()->value(), w->timeSlider()->maximum());
    QCOMPARE(w->shownAtNs(), run->endNs);
    QVERIFY(w->timeLabel()->text().contains(QStringLiteral(" of ")));

    int withHolds = 0, checked = 0;
    auto checkMoment = [&] {
        const uint64_t t = w->shownAtNs();
        QVERIFY(t >= run->releaseNs && t <= run->endNs);
        const ProgressModel* pm = w->progressModel();
        QCOMPARE(pm->rowCount(), int(cfg.workers));
        for (uint32_t k = 0; k < cfg.workers; ++k) {
            const shm::WorkerSample* s = latestAt(run->samples[k], t);
            QCOMPARE(pm->row(int(k)).processed, s ? s->record.processed : uint64_t(0));
        }
        const shm::LockActivity& a = w->lockEventsModel()->activity();
        QCOMPARE(a.workers(), cfg.workers);
        for (uint32_t k = 0; k < cfg.workers; ++k) {
            const auto want = holdAt(run->intervals[k], t);
            const auto got = a.openHold(k);
            QCOMPARE(got.has_value(), want.has_value());
            if (want) {
                QCOMPARE(got->beginNs, want->beginNs);
                QCOMPARE(got->lock, want->lock);
                QCOMPARE(got->endNs, t);
                ++withHolds;
            }
            size_t closed = 0;
            for (const shm::LockInterval& iv : run->intervals[k].holds)
                closed += iv.endNs <= t;
            QCOMPARE(a.holds(k).size(), closed);
        }
        // The array as recorded then: written elements summed over the plot's columns.
        const shm::ArrayFrame* f = latestAt(run->frames, t);
        uint64_t written = 0, want = 0;
        for (const auto& c : w->arrayModel()->decimator().columns())
            written += c.written;
        if (f)
            for (double v : f->values)
                want += !std::isnan(v);
        QCOMPARE(written, want);
        ++checked;
    };
    checkMoment();
    // Dragged to moments across the run.
    for (int v : {0, 7, 250, 500, 750, 999})
        w->timeSlider()->setValue(w->timeSlider()->maximum() * v / 1000);
    for (int v : {0, 130, 333, 500, 777, 999}) {
        w->timeSlider()->setValue(w->timeSlider()->maximum() * v / 1000);
        checkMoment();
    }
    QVERIFY(w->timeLabel()->text().startsWith(QStringLiteral("t = ")));
    // One move, one paint: the views draw during the move and reach the screen with the
    // window's next paint, each once (with rpImmediateRefresh each plot's replot painted the
    // window inside the move: three paints per move).
    {
        ContentionView* cv = w->contentionView();
        QApplication::processEvents();
        PaintCounter paints{cv->timeline(), cv->barsPlot(), cv->histogramPlot(),
                            w->arrayView()->plot()};
        w->timeSlider()->setValue(w->timeSlider()->maximum() / 3);
        QCOMPARE(paints.total(), 0);
        for (int turn = 0; turn < 5; ++turn)
            QApplication::processEvents();
        QCOMPARE(paints.of(cv->timeline()), 1);
        QCOMPARE(paints.of(cv->barsPlot()), 1);
        QCOMPARE(paints.of(cv->histogramPlot()), 1);
        QCOMPARE(paints.of(w->arrayView()->plot()), 1);
    }
    // Stepped from event to event: every step lands on a later event, and at an acquisition
    // some worker holds the lock from that very moment.
    w->showRunAt(0, run->releaseNs);
    const auto times = shm::eventTimes(*run);
    QVERIFY(times.size() > 5);
    uint64_t last = w->shownAtNs();
    int acquisitions = 0;
    for (int i = 0; i < 12; ++i) {
        w->stepEvent(+1);
        const uint64_t t = w->shownAtNs();
        QVERIFY(t > last);
        QVERIFY(std::binary_search(times.begin(), times.end(), t));
        last = t;
        checkMoment();
        for (uint32_t k = 0; k < cfg.workers; ++k) {
            const auto h = w->lockEventsModel()->activity().openHold(k);
            acquisitions += h && h->beginNs == t;
        }
    }
    QVERIFY(acquisitions > 0);
    w->stepEvent(-1);
    QVERIFY(w->shownAtNs() < last);
    QVERIFY(withHolds > 0); // some moments fell inside a hold
    QVERIFY(checked > 10);

    // A new live run: the views follow it, the slider waits for its end.
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    QCOMPARE(w->shownRun(), -1);
    QVERIFY(!w->timeSlider()->isEnabled());
    QVERIFY(
        QTest::qWaitFor([&] { return w->controller().phase() == shm::Phase::Finished; }, 60000));
    // Selecting the kept run in the Runs tab shows it again.
    w->runsView()->selectRow(0);
    QCOMPARE(w->shownRun(), 0);
    QCOMPARE(w->shownAtNs(), run->endNs);
    checkMoment();
}

void TestGuiReplay::runsListKeepsRunsWithinItsMemory() {
    RunsModel model;
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    auto make = [](const char* label, shm::SyncMode sync) {
        auto r = std::make_shared<shm::RecordedRun>();
        r->label = label;
        r->config.sync = sync;
        r->config.workers = 2;
        r->report.config = r->config;
        r->samples.resize(2, std::vector<shm::WorkerSample>(1000));
        return r;
    };
    model.add(make("A", shm::SyncMode::None));
    model.add(make("B", shm::SyncMode::Mutex));
    QCOMPARE(model.rowCount(), 2);
    // The settings that tell them apart; the same verdict text as the report's.
    const QString a = model.index(0, RunsModel::SettingsCol).data().toString();
    QVERIFY2(a.contains(QStringLiteral("sync")) && a.contains(QStringLiteral("none")),
             qPrintable(a));
    QVERIFY(!a.contains(QStringLiteral("workers")));
    QCOMPARE(model.index(1, RunsModel::VerdictCol).data().toString(),
             QString::fromStdString(model.run(1)->report.verdict()));
    QVERIFY(model.note().isEmpty());
    // Over the limit: the oldest go first, the newest stays, and the list says so.
    const size_t one = model.run(0)->memoryBytes();
    QVERIFY(one > 2 * 1000 * sizeof(shm::WorkerSample));
    model.setLimitBytes(one * 3);
    QCOMPARE(model.rowCount(), 2);
    const int row = model.add(make("C", shm::SyncMode::Atomic));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(row, 2);
    const int row2 = model.add(make("D", shm::SyncMode::Spin));
    QCOMPARE(row2, 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RunsModel::LabelCol).data().toString(), QStringLiteral("B"));
    QCOMPARE(model.droppedRuns(), 1);
    QVERIFY(!model.note().isEmpty());
    QVERIFY(model.bytes() <= model.limitBytes());
    model.setLimitBytes(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.run(0)->label, std::string("D"));
    QCOMPARE(model.droppedRuns(), 3);
}

QTEST_MAIN(TestGuiReplay)
#include "tst_gui_replay.moc"
