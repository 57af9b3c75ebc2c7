// The first screen a teacher meets (issue 26): on a fresh profile "Open the lessons" shows the
// first lesson ready to run and Ctrl+L runs it; `--lesson ID` makes the welcome page's main
// button run that lesson; the no-lock page says a slow-motion run's wall-vs-CPU gap is slept
// slow motion, not waiting; axes that count whole things get whole-number ticks.
#include "../test_util.h"
#include "gui/common/integer_ticker.h"
#include "gui/lessons/lesson_panel.h"
#include "gui/main_window.h"
#include "gui/models/contention_model.h"
#include "gui/views/array_view.h"
#include "gui/views/contention_view.h"
#include "gui/views/welcome_page.h"
#include "gui/views/work_time_plot.h"
#include "lessons/lesson.h"
#include "runner/run_player.h"
#include "window_test_util.h"

#include <QAction>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>
#include <memory>

namespace {

shm::ExperimentConfig config(uint32_t workers, uint64_t elements, shm::SyncMode sync,
                             uint32_t delayUs = 0) {
    return {.workers = workers, .elements = elements, .sync = sync, .delayUs = delayUs};
}

QAction* actionWithShortcut(QWidget* w, const QKeySequence& keys) {
    for (QAction* a : w->findChildren<QAction*>())
        if (a->shortcut() == keys) return a;
    return nullptr;
}

// Stops whatever lesson plays and waits for its run to end, so the next test starts clean.
void stopLesson(MainWindow& w) {
    w.lessonPlayer()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.controller().isActive(), 30000);
}

bool whole(double v) {
    return std::abs(v - std::round(v)) < 1e-9;
}

// Every tick of the axis (as last drawn) on a whole number.
QString fractionalTicks(QCPAxis* axis) {
    QStringList bad;
    for (double t : axis->tickVector())
        if (!whole(t)) bad << QString::number(t);
    return bad.join(QStringLiteral(", "));
}

} // namespace

class TestFirstScreen : public QObject {
    Q_OBJECT
  private slots:
    void freshProfileOpensTheFirstLessonReadyToRun();
    void lessonFlagMakesTheMainButtonRunIt();
    void slowMotionGapIsSleptNotWaiting();
    void gapTextFromFigures();
    void integerTickerStepsAreWhole();
    void histogramAndWorkerAxesHaveWholeTicks();
};

void TestFirstScreen::freshProfileOpensTheFirstLessonReadyToRun() {
    QStandardPaths::setTestModeEnabled(true); // a profile no earlier session wrote to
    QSettings().clear();
    {
        MainWindow w(CliOptions{}, true); // as `shmscope` opens it, settings and all
        w.controller().setWorkerPath(testutil::workerPath());
        w.controller().setSegmentName(testutil::segmentName(QStringLiteral("fresh")));
        w.resize(1024, 700);
        w.show();
        auto* open =
            w.welcomePage()->findChild<QPushButton*>(QStringLiteral("welcomeLessonButton"));
        QVERIFY(open && open->isVisible());
        open->click();
        LessonPanel* panel = w.lessonPanel();
        QTRY_VERIFY(panel->isVisible());
        const QList<Lesson> lessons = builtInLessons();
        QVERIFY(!lessons.isEmpty());
        QVERIFY(panel->hasLesson());
        QCOMPARE(panel->currentId(), lessons.front().id);
        auto* run = panel->findChild<QPushButton*>(QStringLiteral("runLessonButton"));
        QVERIFY(run && run->isEnabled());
        // Ctrl+L (Lessons > Run / Stop Lesson) runs it.
        QAction* ctrlL = actionWithShortcut(&w, QKeySequence(Qt::CTRL | Qt::Key_L));
        QVERIFY(ctrlL);
        ctrlL->trigger();
        QTRY_VERIFY(w.lessonPlayer()->playing());
        QCOMPARE(panel->lesson().id, lessons.front().id);
        stopLesson(w);
    }
    QSettings().clear();
}

void TestFirstScreen::lessonFlagMakesTheMainButtonRunIt() {
    auto w = testutil::newWindow(QStringLiteral("offer"), config(2, 1000, shm::SyncMode::None));
    w->show();
    WelcomePage* welcome = w->welcomePage();
    auto* runLesson = welcome->findChild<QPushButton*>(QStringLiteral("welcomeRunLessonButton"));
    QVERIFY(runLesson && !runLesson->isVisible()); // only with --lesson
    QVERIFY(!w->offerLesson(QStringLiteral("no-such-lesson")));
    QVERIFY(w->offerLesson(QStringLiteral("lost-updates")));
    QVERIFY(welcome->lessonFirst());
    QVERIFY(runLesson->isVisible());
    QVERIFY(runLesson->isDefault());
    QVERIFY(!welcome->findChild<QPushButton*>(QStringLiteral("welcomeStartButton"))->isDefault());
    QCOMPARE(runLesson->text(), QStringLiteral("Run lesson: Lost updates (Ctrl+L)"));
    QCOMPARE(w->lessonPanel()->currentId(), QStringLiteral("lost-updates"));
    runLesson->click();
    QVERIFY(w->lessonPlayer()->playing());
    QCOMPARE(w->lessonPanel()->lesson().id, QStringLiteral("lost-updates"));
    stopLesson(*w);
}

void TestFirstScreen::slowMotionGapIsSleptNotWaiting() {
    // 500 us per element is slept (under 200 us it would be spun): 2 x 200 elements, ~0.1 s.
    auto w =
        testutil::newWindow(QStringLiteral("slow"), config(2, 400, shm::SyncMode::Atomic, 500));
    w->resize(1280, 800);
    w->show();
    QVERIFY(testutil::runToEnd(*w));
    const ContentionModel::Summary& s = w->contentionModel()->summary();
    QVERIFY(s.slowMotionSlept);
    QVERIFY(s.slowMotionNs > 0);
    QVERIFY(s.slowMotionNs <= s.busyNs);
    ContentionView* view = w->contentionView();
    QVERIFY(view->showsNoLockMessage());
    const QString gap = ContentionView::timeGapText(s);
    QVERIFY2(gap.contains(QStringLiteral("slept")) && gap.contains(QStringLiteral("slow motion")),
             qPrintable(gap));
    QVERIFY2(!gap.contains(QStringLiteral("wait"), Qt::CaseInsensitive), qPrintable(gap));
    QVERIFY2(view->noLockText().contains(gap), qPrintable(view->noLockText()));
}

void TestFirstScreen::gapTextFromFigures() {
    ContentionModel::Summary s;
    s.busyNs = 1'000'000'000;
    s.cpuNs = 150'000'000;
    s.slowMotionNs = 800'000'000;
    s.delayUs = 500;
    s.slowMotionSlept = true;
    s.workers = 4;
    s.cores = 4;
    QString t = ContentionView::timeGapText(s);
    QVERIFY2(t.contains(QStringLiteral("15.0 %")), qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("slept 80.0 % of their time in slow motion")) ||
                 t.contains(QStringLiteral("slept 80.0 %")),
             qPrintable(t));
    QVERIFY2(!t.contains(QStringLiteral("wait"), Qt::CaseInsensitive), qPrintable(t));
    QVERIFY2(!t.contains(QStringLiteral("ready to run")), qPrintable(t)); // 5 %: not worth a word
    // No slow motion, more workers than cores: the gap is time without a core.
    s.slowMotionNs = 0;
    s.delayUs = 0;
    s.slowMotionSlept = false;
    s.workers = 8;
    s.cores = 2;
    t = ContentionView::timeGapText(s);
    QVERIFY2(t.contains(QStringLiteral("85.0 %")) && t.contains(QStringLiteral("8 workers share "
                                                                               "2 cores")),
             qPrintable(t));
    QVERIFY2(!t.contains(QStringLiteral("slow motion")), qPrintable(t));
    QVERIFY2(!t.contains(QStringLiteral("wait"), Qt::CaseInsensitive), qPrintable(t));
    QVERIFY(ContentionView::timeGapText(ContentionModel::Summary{}).isEmpty());
}

void TestFirstScreen::integerTickerStepsAreWhole() {
    QCustomPlot plot;
    plot.resize(600, 300);
    plot.xAxis->setTicker(QSharedPointer<IntegerTicker>::create());
    const QCPRange ranges[] = {{-0.5, 3.5}, {0, 1.2},   {-0.6, 1.6},     {0, 6.3},
                               {0, 12.5},   {0, 37.4},  {-0.5, 63.5},    {0, 250},
                               {0, 1e6},    {0.2, 0.8}, {1000.3, 1004.9}};
    for (const QCPRange& r : ranges) {
        plot.xAxis->setRange(r);
        plot.replot();
        QVERIFY2(!plot.xAxis->tickVector().isEmpty() || r.size() < 1,
                 qPrintable(QStringLiteral("no ticks on %1..%2").arg(r.lower).arg(r.upper)));
        const QString bad = fractionalTicks(plot.xAxis);
        QVERIFY2(bad.isEmpty(),
                 qPrintable(QStringLiteral("%1..%2: %3").arg(r.lower).arg(r.upper).arg(bad)));
    }
    // 1,000 of 10^9 elements (--array-range): six significant digits labelled every tick
    // "5·10^8"; each tick is written out whole then, so no two read alike. The whole array
    // keeps its short labels.
    plot.xAxis->setNumberFormat(QStringLiteral("gb"));
    plot.xAxis->setRange(500'000'000, 500'001'000);
    plot.replot();
    const QVector<QString> labels = plot.xAxis->tickVectorLabels();
    QVERIFY(labels.size() >= 2);
    for (qsizetype i = 1; i < labels.size(); ++i)
        QVERIFY2(labels[i] != labels[i - 1], qPrintable(labels[i]));
    QVERIFY2(labels.contains(QStringLiteral("500,000,200")), qPrintable(labels.join(u' ')));
    plot.xAxis->setRange(0, 1e9);
    plot.replot();
    QVERIFY2(!plot.xAxis->tickVectorLabels().join(u' ').contains(u','),
             qPrintable(plot.xAxis->tickVectorLabels().join(u' ')));
    // The test can fail: the default ticker puts ticks between whole numbers on such a range.
    plot.xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot.xAxis->setRange(0, 1.2);
    plot.replot();
    QVERIFY(!fractionalTicks(plot.xAxis).isEmpty());
}

void TestFirstScreen::histogramAndWorkerAxesHaveWholeTicks() {
    // A histogram of 4 bins and few counts: bins and counts are whole numbers on the axes.
    shm::ExperimentConfig cfg = config(3, 12, shm::SyncMode::Atomic);
    cfg.workload = shm::Workload::Histogram;
    cfg.bins = 4;
    auto w = testutil::newWindow(QStringLiteral("bins"), cfg);
    w->resize(1280, 800);
    w->show();
    QVERIFY(testutil::runToEnd(*w));
    QCustomPlot* array = w->arrayView()->plot();
    array->replot();
    QCOMPARE(array->xAxis->label(), QStringLiteral("bin"));
    QVERIFY2(fractionalTicks(array->xAxis).isEmpty(), qPrintable(fractionalTicks(array->xAxis)));
    QVERIFY2(fractionalTicks(array->yAxis).isEmpty(), qPrintable(fractionalTicks(array->yAxis)));
    // Workers: one tick per worker (w0, w1, w2), none between them.
    QCustomPlot* times = w->contentionView()->workTimes()->plot();
    times->replot();
    QVERIFY(!times->xAxis->tickVector().isEmpty());
    QVERIFY2(fractionalTicks(times->xAxis).isEmpty(), qPrintable(fractionalTicks(times->xAxis)));
}

QTEST_MAIN(TestFirstScreen)
#include "tst_gui_first_screen.moc"
