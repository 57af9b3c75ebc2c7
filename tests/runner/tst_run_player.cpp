// RunPlayer with real shmscope-worker processes: the signals of a played list in order, the
// settings each run gets (given settings win over the list's), stop in the middle, a run that
// cannot start, and a player playing over somebody else's controller.
#include "../test_util.h"
#include "runner/run_controller.h"
#include "runner/run_player.h"

#include <QSignalSpy>
#include <QTest>

using namespace shm;

class TestRunPlayer : public QObject {
    Q_OBJECT
  private slots:
    void playsTheListInOrder();
    void givenSettingsWin();
    void stopEndsTheListMidway();
    void aRunThatCannotStart();
    void ignoresRunsItDidNotStart();
    void waitsForNextAfterEachRun();
    void cleanupTestCase();

  private:
    static ExperimentConfig small(uint32_t workers, uint64_t elements) {
        ExperimentConfig cfg;
        cfg.workers = workers;
        cfg.elements = elements;
        return cfg;
    }
    static void setUp(RunPlayer& p) { p.controller().setWorkerPath(testutil::workerPath()); }
};

// Every signal the player sends, as one line each, in the order sent.
struct SignalLog : QObject {
    QStringList lines;
    QList<FinishedRun> finished;
    explicit SignalLog(RunPlayer& p) {
        connect(&p, &RunPlayer::runStarted, this,
                [this](int i, const QString& label, const ExperimentConfig& cfg) {
                    lines << QStringLiteral("started %1 %2 w%3").arg(i).arg(label).arg(cfg.workers);
                });
        connect(&p, &RunPlayer::runFailed, this,
                [this](int i, const QString& label, const QString&) {
                    lines << QStringLiteral("failed %1 %2").arg(i).arg(label);
                });
        connect(&p, &RunPlayer::runFinished, this, [this](const FinishedRun& r) {
            lines << QStringLiteral("finished %1 %2").arg(r.index).arg(r.label);
            finished << r;
        });
        connect(&p, &RunPlayer::finished, this, [this] { lines << QStringLiteral("end"); });
        connect(&p, &RunPlayer::stopped, this, [this] { lines << QStringLiteral("stopped"); });
        connect(&p, &RunPlayer::failed, this,
                [this](int i, const QString&) { lines << QStringLiteral("gave up at %1").arg(i); });
    }
};

void TestRunPlayer::playsTheListInOrder() {
    RunPlayer player;
    setUp(player);
    player.setPauseMs(50);
    SignalLog log(player);
    QSignalSpy done(&player, &RunPlayer::finished);
    const QList<PlayRun> runs{{QStringLiteral("A"), small(1, 5000)},
                              {QStringLiteral("B"), small(2, 6000)},
                              {QStringLiteral("C"), small(3, 7000)}};
    QString err;
    QVERIFY2(player.play(runs, &err), qPrintable(err));
    QVERIFY(player.playing());
    QCOMPARE(player.currentIndex(), 0);
    QVERIFY(!player.play(runs, &err)); // one list at a time
    QVERIFY(!err.isEmpty());
    QVERIFY(done.wait(60000));
    QCOMPARE(log.lines,
             (QStringList{QStringLiteral("started 0 A w1"), QStringLiteral("finished 0 A"),
                          QStringLiteral("started 1 B w2"), QStringLiteral("finished 1 B"),
                          QStringLiteral("started 2 C w3"), QStringLiteral("finished 2 C"),
                          QStringLiteral("end")}));
    QVERIFY(!player.playing());
    QCOMPARE(player.runsDone(), 3);
    // Each finished run's data: its own settings, report and final snapshot.
    for (int i = 0; i < 3; ++i) {
        const FinishedRun& r = log.finished[i];
        QVERIFY(r.config == runs[i].config);
        QVERIFY(r.report.config == runs[i].config);
        QVERIFY(r.report.finished());
        QCOMPARE(r.final.config.elements, runs[i].config.elements);
        QVERIFY(!r.cutShort);
    }
    log.finished.clear(); // their snapshots keep the segments mapped
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

void TestRunPlayer::givenSettingsWin() {
    RunPlayer player;
    setUp(player);
    SignalLog log(player);
    ExperimentConfig flags = small(2, 9000);
    flags.workload = Workload::Histogram;
    // Only the named settings win: workers and elements stay the runs' own.
    player.setGivenSettings({QStringLiteral("workload")}, flags);
    const QList<PlayRun> runs{{QStringLiteral("A"), small(1, 4000)},
                              {QStringLiteral("B"), small(3, 5000)}};
    QCOMPARE(player.runs().size(), 0);
    QSignalSpy done(&player, &RunPlayer::finished);
    QString err;
    QVERIFY2(player.play(runs, &err), qPrintable(err));
    QVERIFY(player.settingsFor(1).workload == Workload::Histogram);
    QCOMPARE(player.settingsFor(1).workers, 3u);
    QVERIFY(done.wait(60000));
    QCOMPARE(log.finished.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const ExperimentConfig& ran = log.finished[i].report.config;
        QVERIFY(ran.workload == Workload::Histogram);
        QCOMPARE(ran.workers, runs[i].config.workers);
        QCOMPARE(ran.elements, runs[i].config.elements);
    }
    // The same function the window uses for flags over saved settings.
    const ExperimentConfig saved = small(6, 123);
    const ExperimentConfig both =
        applyGivenSettings(saved, {QStringLiteral("workers"), QStringLiteral("no-such")}, flags);
    QCOMPARE(both.workers, 2u);
    QCOMPARE(both.elements, uint64_t(123));
}

void TestRunPlayer::stopEndsTheListMidway() {
    RunPlayer player;
    setUp(player);
    SignalLog log(player);
    // Slow motion: each run lasts seconds, so stop lands in the middle of the second.
    ExperimentConfig slow = small(2, 20000);
    slow.delayUs = 200;
    QSignalSpy started(&player, &RunPlayer::runStarted);
    QSignalSpy stopped(&player, &RunPlayer::stopped);
    QString err;
    QVERIFY2(player.play({{QStringLiteral("A"), small(1, 2000)},
                          {QStringLiteral("B"), slow},
                          {QStringLiteral("C"), small(1, 2000)}},
                         &err),
             qPrintable(err));
    QTRY_VERIFY_WITH_TIMEOUT(started.size() == 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(player.controller().phase() == Phase::Running, 30000);
    player.stop();
    QVERIFY(stopped.wait(15000));
    QCOMPARE(log.lines,
             (QStringList{QStringLiteral("started 0 A w1"), QStringLiteral("finished 0 A"),
                          QStringLiteral("started 1 B w2"), QStringLiteral("finished 1 B"),
                          QStringLiteral("stopped")}));
    QVERIFY(!log.finished[0].cutShort);
    QVERIFY(log.finished[1].cutShort);
    QVERIFY(!player.playing());
    QVERIFY(!player.controller().isActive());
    QCOMPARE(player.runsDone(), 2);
    // Nothing else starts afterwards.
    QTest::qWait(300);
    QCOMPARE(started.size(), 2);
    log.finished.clear();
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

void TestRunPlayer::aRunThatCannotStart() {
    ExperimentConfig bad = small(2, 2000);
    bad.killWorker = 5; // not a worker: the settings do not validate
    QVERIFY(validate(bad).has_value());
    // A sweep goes on with the next run...
    {
        RunPlayer player;
        setUp(player);
        player.setGoOnAfterFailedStart(true);
        SignalLog log(player);
        QSignalSpy done(&player, &RunPlayer::finished);
        QString err;
        QVERIFY2(player.play({{QStringLiteral("bad"), bad}, {QStringLiteral("ok"), small(1, 3000)}},
                             &err),
                 qPrintable(err));
        QVERIFY(done.wait(30000));
        QCOMPARE(log.lines,
                 (QStringList{QStringLiteral("failed 0 bad"), QStringLiteral("started 1 ok w1"),
                              QStringLiteral("finished 1 ok"), QStringLiteral("end")}));
        QCOMPARE(player.runsDone(), 2);
        QVERIFY(!player.lastError().isEmpty());
    }
    // ... a lesson ends there: at once for its first run, with failed() for a later one.
    {
        RunPlayer player;
        setUp(player);
        SignalLog log(player);
        QString err;
        QVERIFY(!player.play({{QStringLiteral("bad"), bad}}, &err));
        QCOMPARE(err, QString::fromStdString(*validate(bad)));
        QVERIFY(!player.playing());
        QSignalSpy failed(&player, &RunPlayer::failed);
        QVERIFY2(player.play({{QStringLiteral("ok"), small(1, 3000)},
                              {QStringLiteral("bad"), bad},
                              {QStringLiteral("never"), small(1, 3000)}},
                             &err),
                 qPrintable(err));
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().at(0).toInt(), 1);
        QCOMPARE(log.lines,
                 (QStringList{QStringLiteral("failed 0 bad"), QStringLiteral("started 0 ok w1"),
                              QStringLiteral("finished 0 ok"), QStringLiteral("failed 1 bad"),
                              QStringLiteral("gave up at 1")}));
    }
}

// Over the window's controller: a run somebody else started is not one of the list's.
void TestRunPlayer::ignoresRunsItDidNotStart() {
    RunController controller;
    controller.setWorkerPath(testutil::workerPath());
    RunPlayer player(controller);
    QSignalSpy runs(&player, &RunPlayer::runFinished);
    QSignalSpy ended(&controller, &RunController::finished);
    QString err;
    QVERIFY2(controller.start(small(1, 3000), &err), qPrintable(err));
    QVERIFY(!player.play({{QStringLiteral("A"), small(1, 3000)}}, &err)); // it is busy
    QVERIFY(ended.wait(30000));
    QCOMPARE(runs.size(), 0);
    // Its starter decides how a run starts (the window shows the settings first).
    QList<ExperimentConfig> asked;
    player.setStarter([&](const ExperimentConfig& cfg, QString* e) {
        asked << cfg;
        return controller.start(cfg, e);
    });
    QSignalSpy done(&player, &RunPlayer::finished);
    QVERIFY2(player.play({{QStringLiteral("A"), small(2, 4000)}}, &err), qPrintable(err));
    QVERIFY(done.wait(30000));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().workers, 2u);
    QCOMPARE(runs.size(), 1);
}

// Pause after each run (the window's lessons): the next run starts on next(), not on its own;
// without it the list plays through; stop() while waiting ends the list.
void TestRunPlayer::waitsForNextAfterEachRun() {
    const QList<PlayRun> runs{{QStringLiteral("A"), small(1, 3000)},
                              {QStringLiteral("B"), small(2, 4000)}};
    {
        RunPlayer player;
        setUp(player);
        player.setPauseMs(0);
        player.setWaitForNext(true);
        SignalLog log(player);
        QSignalSpy finishedRuns(&player, &RunPlayer::runFinished);
        QSignalSpy done(&player, &RunPlayer::finished);
        QString err;
        QVERIFY2(player.play(runs, &err), qPrintable(err));
        QVERIFY(finishedRuns.wait(30000));
        QVERIFY(player.waiting());
        QVERIFY(player.playing());
        // Long past the pause (0 ms): B has not started, the controller is idle.
        QTest::qWait(800);
        QCOMPARE(log.lines,
                 (QStringList{QStringLiteral("started 0 A w1"), QStringLiteral("finished 0 A")}));
        QVERIFY(!player.controller().isActive());
        player.next();
        QVERIFY(!player.waiting());
        QCOMPARE(player.currentIndex(), 1);
        QVERIFY(done.wait(30000));
        QCOMPARE(log.lines,
                 (QStringList{QStringLiteral("started 0 A w1"), QStringLiteral("finished 0 A"),
                              QStringLiteral("started 1 B w2"), QStringLiteral("finished 1 B"),
                              QStringLiteral("end")}));
        QVERIFY(!player.waiting()); // after the last run the list ends, nothing waits
        log.finished.clear();
    }
    {
        RunPlayer player; // without it, the same list plays through without next()
        setUp(player);
        player.setPauseMs(0);
        QSignalSpy done(&player, &RunPlayer::finished);
        QString err;
        QVERIFY2(player.play(runs, &err), qPrintable(err));
        QVERIFY(done.wait(30000));
        QCOMPARE(player.runsDone(), 2);
    }
    {
        RunPlayer player; // stop while waiting: stopped(), B never starts
        setUp(player);
        player.setWaitForNext(true);
        QSignalSpy started(&player, &RunPlayer::runStarted);
        QSignalSpy finishedRuns(&player, &RunPlayer::runFinished);
        QSignalSpy stopped(&player, &RunPlayer::stopped);
        QString err;
        QVERIFY2(player.play(runs, &err), qPrintable(err));
        QVERIFY(finishedRuns.wait(30000));
        QVERIFY(player.waiting());
        player.stop();
        QCOMPARE(stopped.size(), 1);
        QVERIFY(!player.playing());
        player.next(); // nothing to go on with
        QCOMPARE(started.size(), 1);
    }
}

void TestRunPlayer::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestRunPlayer)
#include "tst_run_player.moc"
