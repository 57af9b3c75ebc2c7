// A lesson in the window with "pause after each run": each run waits for Next run (the button,
// then the N key), and the lesson ends on its runs side by side, one column per run, each
// headed with its run's label and key figure, every column on the same axes.
#include "../test_util.h"
#include "gui/lessons/lesson_panel.h"
#include "gui/main_window.h"
#include "gui/models/progress_model.h"
#include "gui/models/side_by_side_model.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/lock_timeline.h"
#include "gui/views/side_by_side_view.h"
#include "record/recorded_run.h"
#include "runner/run_player.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

// Three small runs of different lengths (the shared time axis is the longest one's).
const char* kLesson = R"({
  "id": "side-test", "title": "Side by side test", "story": "Three small runs.",
  "look_for": "The columns.", "look_at": ["array"],
  "runs": [
    {"label": "A", "config": {"workers": 2, "elements": 20000, "sync": "mutex"}},
    {"label": "B", "config": {"workers": 3, "elements": 60000, "sync": "mutex"}},
    {"label": "C", "config": {"workers": 2, "elements": 20000, "sync": "atomic",
                              "workload": "histogram", "bins": 8}}
  ],
  "expect": [{"run": "A", "figure": "lost_updates", "op": "==", "value": 0}],
  "explain": "Nothing lost."
})";

QWidget* centralPage(MainWindow& w) {
    return w.centralPage();
}

} // namespace

class TestGuiSide : public QObject {
    Q_OBJECT
  private slots:
    void lessonEndsSideBySide();
    void cleanupTestCase();
};

void TestGuiSide::lessonEndsSideBySide() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("side.json"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kLesson);
    }
    CliOptions o;
    o.lessonFile = file;
    auto w = std::make_unique<MainWindow>(o, false);
    w->controller().setWorkerPath(testutil::workerPath());
    w->controller().setSegmentName(testutil::segmentName(QStringLiteral("side")));
    w->resize(1280, 800);
    w->show();
    LessonPanel* panel = w->lessonPanel();
    RunPlayer* player = w->lessonPlayer();
    QVERIFY(w->showLesson(QStringLiteral("side-test")));
    QVERIFY(!panel->pauseAfterEachRun()); // a test's window plays through unless asked
    panel->setPauseAfterEachRun(true);
    QVERIFY(player->waitForNext());
    auto* next = panel->findChild<QPushButton*>(QStringLiteral("nextRunButton"));
    QVERIFY(next && next->isVisible() && !next->isEnabled());
    QVERIFY(next->toolTip().contains(QStringLiteral("(N)")));

    QSignalSpy started(player, &RunPlayer::runStarted);
    QSignalSpy ended(player, &RunPlayer::runFinished);
    QSignalSpy done(player, &RunPlayer::finished);
    QString err;
    QVERIFY2(w->playLesson(&err), qPrintable(err));
    // Run A ends; B waits for Next run, the window keeps A's views in front.
    QVERIFY(ended.wait(60000));
    QVERIFY(player->waiting());
    QTest::qWait(300);
    QCOMPARE(started.size(), 1);
    QVERIFY(next->isEnabled());
    QVERIFY(centralPage(*w) != w->sideView());
    next->click();
    QCOMPARE(started.size(), 2);
    QVERIFY(ended.size() == 2 || ended.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(player->waiting(), 10000);
    // The key does the same.
    w->activateWindow();
    QTest::keyClick(w.get(), Qt::Key_N);
    QCOMPARE(started.size(), 3);
    QVERIFY(done.size() == 1 || done.wait(60000));

    // The lesson ends on the side-by-side view: one column per run, in the view it looks at.
    SideBySideView* side = w->sideView();
    QCOMPARE(centralPage(*w), static_cast<QWidget*>(side));
    QCOMPARE(w->viewWidget(QStringLiteral("side")), static_cast<QWidget*>(side));
    QCOMPARE(side->columnCount(), 3);
    QCOMPARE(side->view(), QStringLiteral("array"));
    const QStringList labels{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    for (int i = 0; i < 3; ++i) {
        const QString header = side->columnHeader(i);
        QVERIFY2(header.startsWith(labels[i] + QStringLiteral(" — ")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("verified")), qPrintable(header));
    }
    QTRY_VERIFY_WITH_TIMEOUT(side->settled(), 10000);

    // The shared time slider, once the recorder handed over the three runs: every column at
    // the same moment after its own start barrier, its progress the recorded sample then and
    // its open holds the recorded holds spanning it.
    auto* slider = side->findChild<QSlider*>(QStringLiteral("sideTimeSlider"));
    QVERIFY(slider);
    QCOMPARE(slider->value(), slider->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(w->sideModel()->runs().begin(),
                                         w->sideModel()->runs().end(),
                                         [](const SideRun& r) { return r.recorded != nullptr; }),
                             10000);
    QVERIFY(slider->isEnabled());
    // In the Runs list they say which lesson and run they are.
    for (int i = 0; i < 3; ++i) {
        const QString label = QString::fromStdString(w->sideModel()->runs()[i].recorded->label);
        QVERIFY2(label.startsWith(QStringLiteral("run ")) &&
                     label.endsWith(QStringLiteral(" · side-test ") + labels[i]),
                 qPrintable(label));
    }
    int moments = 0, midRun = 0;
    for (int v : {0, 150, 400, 650, 900}) {
        slider->setValue(slider->maximum() * v / 1000);
        const double t = w->sideModel()->spanNs() * v / 1000;
        QCOMPARE(side->shownAtNs(), t);
        for (int i = 0; i < 3; ++i) {
            const auto& rec = w->sideModel()->runs()[i].recorded;
            const uint64_t at = std::min(rec->endNs, rec->releaseNs + uint64_t(t));
            midRun += at < rec->endNs;
            const ProgressModel* pm = side->progressModel(i);
            QCOMPARE(pm->rowCount(), int(rec->samples.size()));
            for (size_t k = 0; k < rec->samples.size(); ++k) {
                uint64_t want = 0;
                for (const shm::WorkerSample& s : rec->samples[k])
                    if (s.atNs <= at) want = s.record.processed;
                QCOMPARE(pm->row(int(k)).processed, want);
            }
            const shm::LockActivity& a = side->lockEventsModel(i)->activity();
            for (uint32_t k = 0; k < a.workers() && k < rec->intervals.size(); ++k) {
                std::optional<shm::LockInterval> want;
                const shm::WorkerIntervals& iv = rec->intervals[k];
                for (const shm::LockInterval& h : iv.holds)
                    if (h.beginNs <= at && h.endNs > at) want = h;
                if (iv.openHold && iv.openHold->beginNs <= at) want = iv.openHold;
                const auto got = a.openHold(k);
                QCOMPARE(got.has_value(), want.has_value());
                if (want) QCOMPARE(got->beginNs, want->beginNs);
            }
        }
        ++moments;
    }
    QCOMPARE(moments, 5);
    QVERIFY(midRun > 0); // some moments fell inside a run
    QVERIFY(side->findChild<QLabel*>(QStringLiteral("sideTimeLabel"))
                ->text()
                .contains(QStringLiteral(" of ")));
    slider->setValue(slider->maximum()); // back to every run's end
    QCOMPARE(side->shownAtNs(), -1.0);
    QTRY_VERIFY_WITH_TIMEOUT(side->settled(), 10000);

    // The same scales: every column's array values on one range (C's counts in the thousands
    // next to A's and B's waves between -1 and 1), each column's own array along the index...
    auto sameRanges = [&](auto plotOf, bool keys) {
        for (int i = 1; i < side->columnCount(); ++i) {
            QCustomPlot* a = plotOf(0);
            QCustomPlot* b = plotOf(i);
            if (a->yAxis->range() != b->yAxis->range()) return false;
            if (keys && a->xAxis->range() != b->xAxis->range()) return false;
        }
        return true;
    };
    QVERIFY(sameRanges([&](int i) { return side->arrayView(i)->plot(); }, false));
    QVERIFY(side->arrayView(0)->plot()->yAxis->range().upper > 20000 / 8);
    QVERIFY(side->arrayView(1)->plot()->xAxis->range().upper > 50000);
    // ... and the lock timelines on one time axis from each run's release, the longest run's.
    QVERIFY(side->setView(QStringLiteral("timeline")));
    QTRY_VERIFY_WITH_TIMEOUT(side->timeline(0)->isVisible(), 5000);
    QTest::qWait(50);
    const double longest = w->sideModel()->spanNs();
    QVERIFY(longest > 0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(side->timeline(i)->startNs(), 0.0);
        QCOMPARE(side->timeline(i)->spanNs(), std::max(longest, 1e3));
        QVERIFY(!side->timeline(i)->following());
    }
    QVERIFY(side->setView(QStringLiteral("contention")));
    QTest::qWait(50);
    QVERIFY(sameRanges([&](int i) { return side->contentionView(i)->histogramPlot(); }, true));
    // The combo box offers the four views.
    auto* choice = side->findChild<QComboBox*>(QStringLiteral("sideViewChoice"));
    QCOMPARE(choice->count(), 4);

    // Back to the run's views; a lesson played again starts from no columns.
    auto* back = side->findChild<QPushButton*>(QStringLiteral("sideBackButton"));
    back->click();
    QVERIFY(centralPage(*w) != side);
    panel->setPauseAfterEachRun(false);
    done.clear();
    QVERIFY2(w->playLesson(&err), qPrintable(err));
    QCOMPARE(side->columnCount(), 0);
    QVERIFY(done.wait(60000));
    QCOMPARE(side->columnCount(), 3);
    QCOMPARE(centralPage(*w), static_cast<QWidget*>(side));
    w.reset(); // the columns let go of their segments
}

void TestGuiSide::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_MAIN(TestGuiSide)
#include "tst_gui_side.moc"
