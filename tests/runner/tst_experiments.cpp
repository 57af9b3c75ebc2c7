// The experiments teachers run from the command line, as they would run them: the shmscope
// binary with --headless --json, real workers, real shared memory, and the published report.
//   - scripted faults: --kill-worker/--kill-at-ms/--kill-when
//   - a crash while holding the lock: the robust mutex recovers, the plain mutex deadlocks
#include "../test_util.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <signal.h>
#include <unistd.h>

namespace {

struct Report {
    int exitCode = -1;
    QJsonObject json;
    QByteArray err;
};

// One headless run; the report parsed. Nothing of ours may stay in /dev/shm afterwards.
Report runJson(const QStringList& args) {
    const testutil::Result r =
        testutil::run(testutil::shmscopePath(),
                      QStringList{QStringLiteral("--headless"), QStringLiteral("--json")} + args);
    Report out;
    out.exitCode = r.status == QProcess::NormalExit ? r.exitCode : -1;
    out.json = QJsonDocument::fromJson(r.out).object();
    out.err = r.err;
    if (!testutil::shmEntries(r.pid).isEmpty()) out.exitCode = -2; // a segment left behind
    return out;
}

QJsonObject worker(const QJsonObject& report, int k) {
    return report[QLatin1String("workers")].toArray()[k].toObject();
}

QString text(const QJsonObject& o, const char* key) {
    return o[QLatin1String(key)].toString();
}

qint64 integer(const QJsonObject& o, const char* key) {
    return o[QLatin1String(key)].toInteger(-1);
}

// Four workers in slow motion (20 µs per element): each has ~100 ms of work, so a kill at
// 20 ms finds every worker still busy and needing the lock.
QStringList slowRun(const QString& sync, const QStringList& more = {}) {
    return QStringList{QStringLiteral("--workers"),  QStringLiteral("4"),
                       QStringLiteral("--elements"), QStringLiteral("20000"),
                       QStringLiteral("--delay-us"), QStringLiteral("20"),
                       QStringLiteral("--sync"),     sync} +
           more;
}

const QStringList kKillOneWhileHolding{QStringLiteral("--kill-worker"), QStringLiteral("1"),
                                       QStringLiteral("--kill-at-ms"),  QStringLiteral("20"),
                                       QStringLiteral("--kill-when"),   QStringLiteral("holding")};

} // namespace

class TestExperiments : public QObject {
    Q_OBJECT
  private slots:
    void robustMutexRecoversFromAHolderKilledInside_data();
    void robustMutexRecoversFromAHolderKilledInside();
    void plainLocksDeadlockVisiblyThenFail_data();
    void plainLocksDeadlockVisiblyThenFail();
    void scriptedKillIsReproducible();
    void faultSettingsRefuseWhatCannotHappen();
    void privateCopiesLeaveTheArrayEmpty_data();
    void privateCopiesLeaveTheArrayEmpty();
    void queueDeliversEveryResult_data();
    void queueDeliversEveryResult();
    void suspendedWorkerIsNamedAndFailsTheRun_data();
    void suspendedWorkerIsNamedAndFailsTheRun();
    void continuedInTimeTheRunFinishes();
    void countersAreVerifiedInBothLayouts_data();
    void countersAreVerifiedInBothLayouts();
    void cpuShareAndOverlapAreReported();
    void hungWorkerIsNamedByTheStallCheck_data();
    void hungWorkerIsNamedByTheStallCheck();
    void longCriticalSectionIsNotAStall();
    void segmentShrunkUnderTheRunFailsIt();
};

void TestExperiments::robustMutexRecoversFromAHolderKilledInside_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addRow("wave block") << QStringList{};
    QTest::addRow("wave dynamic") << QStringList{QStringLiteral("--partition"),
                                                 QStringLiteral("dynamic"),
                                                 QStringLiteral("--chunk"), QStringLiteral("500")};
    // A read-modify-write: redoing the dead worker's element would count it twice, skipping it
    // would lose it; the undo log makes the histogram exact.
    QTest::addRow("histogram cyclic")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("histogram"),
                       QStringLiteral("--partition"), QStringLiteral("cyclic")};
    QTest::addRow("wave chunk scope")
        << QStringList{QStringLiteral("--lock-scope"), QStringLiteral("chunk"),
                       QStringLiteral("--chunk"), QStringLiteral("250")};
}

// Worker 1 is killed inside its critical section; the next worker to lock the robust mutex gets
// EOWNERDEAD, repairs, takes the rest of worker 1's work over, and the run ends verified.
void TestExperiments::robustMutexRecoversFromAHolderKilledInside() {
    QFETCH(QStringList, args);
    const testutil::MachineCpu before = testutil::machineCpu();
    const Report r = runJson(slowRun(QStringLiteral("robust"), args + kKillOneWhileHolding));
    // Recovery needs a survivor that locks again after the kill. Beside two CPU hogs the
    // survivors once finished their share while the victim, preempted, still held the lock
    // (wave, chunk scope): nobody was left to recover, which a busy machine cannot judge.
    const double others = testutil::othersShare(before, testutil::machineCpu(),
                                                r.json[QLatin1String("cpu_seconds")].toDouble());
    if (r.exitCode != 0 && r.err.contains("no survivor locked it again") && others >= 0.25)
        QSKIP(qPrintable(QStringLiteral("the machine was busy (others used %1%): the survivors "
                                        "finished before worker 1 died holding the lock")
                             .arg(others * 100, 0, 'f', 0)));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("finished"));
    QCOMPARE(integer(j, "mismatches"), 0);
    QCOMPARE(integer(j, "unwritten"), 0);
    QCOMPARE(integer(j, "lost_updates"), 0);
    QVERIFY(j[QLatin1String("failure")].isNull());
    const QJsonArray rec = j[QLatin1String("recoveries")].toArray();
    QCOMPARE(rec.size(), 1);
    const QJsonObject one = rec[0].toObject();
    QCOMPARE(integer(one, "dead_worker"), 1);
    QVERIFY(integer(one, "by_worker") != 1 && integer(one, "by_worker") >= 0);
    QVERIFY(integer(one, "at_ns") > 0);
    const QJsonObject dead = worker(j, 1);
    QCOMPARE(text(dead, "state"), QStringLiteral("crashed"));
    QCOMPARE(integer(dead, "signal"), qint64(SIGKILL));
    QVERIFY(dead[QLatin1String("died_holding_lock")].toBool());
    QVERIFY2(text(dead, "state_text").contains(QStringLiteral("recovered by")),
             qPrintable(text(dead, "state_text")));
    const QJsonObject fault = j[QLatin1String("fault")].toObject();
    QVERIFY(fault[QLatin1String("killed")].toBool());
    QVERIFY(fault[QLatin1String("killed_at_ms")].toDouble() >= 20);
}

void TestExperiments::plainLocksDeadlockVisiblyThenFail_data() {
    QTest::addColumn<QString>("sync");
    QTest::addColumn<QString>("lock");
    QTest::addRow("mutex") << QStringLiteral("mutex") << QStringLiteral("the mutex");
    QTest::addRow("spin") << QStringLiteral("spin") << QStringLiteral("the spin lock");
}

// The same kill with a lock that cannot be recovered: the three survivors block on it, the
// controller confirms the holder is dead and all of them are blocked, and the run fails with
// the deadlock named. Nothing hangs and nothing is left behind.
void TestExperiments::plainLocksDeadlockVisiblyThenFail() {
    QFETCH(QString, sync);
    QFETCH(QString, lock);
    const Report r = runJson(slowRun(sync, kKillOneWhileHolding));
    QCOMPARE(r.exitCode, 3);
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("failed"));
    QCOMPARE(text(j, "failure"),
             QStringLiteral("deadlock: worker 1 died holding %1, 3 workers blocked").arg(lock));
    QCOMPARE(j[QLatin1String("recoveries")].toArray().size(), 0);
    QCOMPARE(text(worker(j, 1), "state"), QStringLiteral("crashed"));
    QVERIFY(worker(j, 1)[QLatin1String("died_holding_lock")].toBool());
    for (int k : {0, 2, 3})
        QCOMPARE(text(worker(j, k), "state"), QStringLiteral("terminated"));
    QVERIFY(integer(j, "unwritten") > 0);

    // The survivors' waits never ended, yet they count, up to each survivor's end: their
    // counters hear of a wait only when it ends (before, wait_seconds read 0, 0.009 and 0
    // after half a second blocked).
    const auto num = [](const QJsonObject& o, const char* key) {
        return o[QLatin1String(key)].toDouble(-1);
    };
    const QJsonObject dead = worker(j, 1);
    double wait = 0, busy = 0;
    for (int k = 0; k < 4; ++k) {
        const QJsonObject w = worker(j, k);
        wait += num(w, "wait_seconds");
        busy += num(w, "busy_seconds");
        const QJsonObject wl = w[QLatin1String("lock")].toObject();
        QVERIFY(qAbs(num(wl, "wait_share") - num(w, "wait_seconds") / num(w, "busy_seconds")) <
                1e-6);
        QCOMPARE(num(wl, "open_wait_seconds"), num(w, "open_wait_seconds"));
        if (k == 1) continue;
        QVERIFY(num(w, "open_wait_seconds") > 0);
        QVERIFY(num(w, "open_wait_seconds") <= num(w, "wait_seconds"));
        // Blocked from the kill (or just before) to its end. All started within a moment of
        // each other and the dead worker's time ended at its death.
        const double afterKill = num(w, "busy_seconds") - num(dead, "busy_seconds");
        QVERIFY2(num(w, "wait_seconds") >= 0.8 * afterKill,
                 qPrintable(QStringLiteral("worker %1 waited %2 s of the %3 s after the kill")
                                .arg(k)
                                .arg(num(w, "wait_seconds"))
                                .arg(afterKill)));
    }
    // The dead holder's hold never ended either: counted up to its death.
    QVERIFY(num(dead, "open_hold_seconds") > 0);
    QCOMPARE(num(dead, "open_wait_seconds"), 0.0);
    const QJsonObject runLock = j[QLatin1String("lock")].toObject();
    QVERIFY(num(runLock, "open_hold_seconds") > 0);
    QVERIFY(num(runLock, "open_wait_seconds") > 0);
    QVERIFY(qAbs(num(runLock, "wait_share") - wait / busy) < 1e-6);
    QVERIFY(num(runLock, "wait_share") > 0.5); // three of four blocked for most of the run
}

// The same flags give the same fault: worker 2 dies by SIGKILL, not before the time asked for,
// and the other workers' work is all that is written.
void TestExperiments::scriptedKillIsReproducible() {
    const QStringList args =
        slowRun(QStringLiteral("none"), {QStringLiteral("--kill-worker"), QStringLiteral("2"),
                                         QStringLiteral("--kill-at-ms"), QStringLiteral("30")});
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Report r = runJson(args);
        QCOMPARE(r.exitCode, 3);
        const QJsonObject& j = r.json;
        QCOMPARE(text(j, "status"), QStringLiteral("failed"));
        const QJsonObject fault = j[QLatin1String("fault")].toObject();
        QCOMPARE(integer(fault, "worker"), 2);
        QCOMPARE(integer(fault, "at_ms"), 30);
        QCOMPARE(text(fault, "when"), QStringLiteral("time"));
        QVERIFY(fault[QLatin1String("killed")].toBool());
        QVERIFY(fault[QLatin1String("killed_at_ms")].toDouble() >= 30);
        QCOMPARE(text(worker(j, 2), "state"), QStringLiteral("crashed"));
        QCOMPARE(integer(worker(j, 2), "signal"), qint64(SIGKILL));
        QVERIFY(text(j, "failure").startsWith(QStringLiteral("worker 2 was killed by signal 9")));
        const QJsonObject cfg = j[QLatin1String("config")].toObject();
        QCOMPARE(integer(cfg, "kill_worker"), 2);
        QCOMPARE(text(cfg, "kill_when"), QStringLiteral("time"));
    }
    // Without a scripted fault the report says so: no "fault" object, kill_worker null.
    const Report plain = runJson({QStringLiteral("--elements"), QStringLiteral("1000")});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(!plain.json.contains(QLatin1String("fault")));
    QVERIFY(plain.json[QLatin1String("config")].toObject()[QLatin1String("kill_worker")].isNull());
}

void TestExperiments::faultSettingsRefuseWhatCannotHappen() {
    const struct {
        QStringList args;
        const char* says;
    } cases[] = {
        {{QStringLiteral("--kill-worker"), QStringLiteral("4")},
         "--kill-worker: 4 is not a worker"},
        {{QStringLiteral("--kill-worker"), QStringLiteral("0"), QStringLiteral("--kill-when"),
          QStringLiteral("holding")},
         "--kill-when holding: sync none takes no lock"},
    };
    for (const auto& c : cases) {
        const Report r = runJson(c.args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(c.says), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
}

void TestExperiments::privateCopiesLeaveTheArrayEmpty_data() {
    QTest::addColumn<QString>("workload");
    QTest::addRow("wave") << QStringLiteral("wave");
    QTest::addRow("histogram") << QStringLiteral("histogram");
}

// The blog's mistake: every worker computes all of its share (100 % done), into its own
// copy-on-write pages; the controller's array never sees a value.
void TestExperiments::privateCopiesLeaveTheArrayEmpty() {
    QFETCH(QString, workload);
    const Report r =
        runJson({QStringLiteral("--transport"), QStringLiteral("private"),
                 QStringLiteral("--workload"), workload, QStringLiteral("--elements"),
                 QStringLiteral("100000"), QStringLiteral("--workers"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("finished"));
    QCOMPARE(text(j, "transport"), QStringLiteral("private"));
    QCOMPARE(integer(j, "processed"), 100000);
    for (int k = 0; k < 3; ++k)
        QCOMPARE(integer(worker(j, k), "processed"), integer(worker(j, k), "assigned"));
    if (workload == QLatin1String("wave")) {
        QCOMPARE(integer(j, "unwritten"), 100000);
    } else {
        QCOMPARE(integer(j, "lost_updates"), 100000); // every bin still 0
    }
    QVERIFY(text(j, "verdict").contains(QStringLiteral("private copies")));
}

void TestExperiments::queueDeliversEveryResult_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addRow("wave block") << QStringList{};
    QTest::addRow("wave cyclic") << QStringList{QStringLiteral("--partition"),
                                                QStringLiteral("cyclic")};
    QTest::addRow("sin dynamic") << QStringList{QStringLiteral("--workload"), QStringLiteral("sin"),
                                                QStringLiteral("--partition"),
                                                QStringLiteral("dynamic")};
    QTest::addRow("histogram") << QStringList{QStringLiteral("--workload"),
                                              QStringLiteral("histogram")};
}

// The workers never touch the array; every result arrives through the queue and the app
// writes it: verified like shared memory, with the queue's figures in the report.
void TestExperiments::queueDeliversEveryResult() {
    QFETCH(QStringList, args);
    const Report r = runJson(QStringList{QStringLiteral("--transport"), QStringLiteral("queue"),
                                         QStringLiteral("--elements"), QStringLiteral("300000")} +
                             args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("finished"));
    QCOMPARE(integer(j, "mismatches"), 0);
    QCOMPARE(integer(j, "lost_updates"), 0);
    const QJsonObject q = j[QLatin1String("queue")].toObject();
    QVERIFY(integer(q, "messages") > 0);
    QVERIFY(integer(q, "bytes") > 300000 * 8); // every result, and the message headers
    QCOMPARE(integer(q, "capacity"), 256);
    QVERIFY(integer(q, "max_depth") >= 1 && integer(q, "max_depth") <= 256);
    QVERIFY(integer(q, "send_wait_ns") >= 0);
}

namespace {
// Starts shmscope --headless --json with args, waits until its workers run, lets act() do
// something to the app (its pid) or its workers (their pids), and returns the report.
Report runAndInterfere(const QStringList& args,
                       const std::function<void(qint64 app, const QList<qint64>& workers)>& act) {
    Report out;
    QProcess p;
    p.start(testutil::shmscopePath(),
            QStringList{QStringLiteral("--headless"), QStringLiteral("--json")} + args);
    if (!p.waitForStarted()) return out;
    const qint64 pid = p.processId(); // 0 once it has exited
    const QByteArray needle = "--segment shmscope-" + QByteArray::number(pid) + "-";
    QElapsedTimer t;
    t.start();
    QList<qint64> workers;
    // Past the barrier and working: the workers have processed something.
    while (((workers = testutil::processesWith(needle)).isEmpty() ||
            testutil::processedByApp(pid) == 0) &&
           t.elapsed() < 30000)
        QTest::qWait(20);
    act(pid, workers);
    p.waitForFinished(60000);
    out.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    out.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    out.err = p.readAllStandardError();
    if (!testutil::shmEntries(pid).isEmpty()) out.exitCode = -2; // left behind
    return out;
}

// SIGSTOPs one worker, optionally SIGCONTs it after continueAfterMs; the report and its pid.
struct Stopped {
    Report report;
    qint64 workerPid = 0;
};
Stopped runAndStopAWorker(const QStringList& args, int continueAfterMs = -1) {
    Stopped out;
    out.report = runAndInterfere(args, [&](qint64, const QList<qint64>& workers) {
        if (workers.isEmpty()) return;
        out.workerPid = workers.first();
        ::kill(pid_t(out.workerPid), SIGSTOP);
        if (continueAfterMs >= 0) {
            // The stop's length is the experiment (shorter or longer than the stall timeout):
            // a sleep, not a condition.
            QTest::qWait(continueAfterMs);
            ::kill(pid_t(out.workerPid), SIGCONT);
        }
    });
    return out;
}
} // namespace

void TestExperiments::suspendedWorkerIsNamedAndFailsTheRun_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::addRow("not holding") << QStringList{QStringLiteral("--workers"),
                                                QStringLiteral("2"),
                                                QStringLiteral("--elements"),
                                                QStringLiteral("20000"),
                                                QStringLiteral("--delay-us"),
                                                QStringLiteral("50")}
                                 << QString();
    // One worker, chunk-scoped mutex, 2 ms per element: it holds the mutex nearly always.
    QTest::addRow("holding the mutex")
        << QStringList{QStringLiteral("--workers"),    QStringLiteral("1"),
                       QStringLiteral("--elements"),   QStringLiteral("4000"),
                       QStringLiteral("--sync"),       QStringLiteral("mutex"),
                       QStringLiteral("--lock-scope"), QStringLiteral("chunk"),
                       QStringLiteral("--chunk"),      QStringLiteral("1000"),
                       QStringLiteral("--delay-us"),   QStringLiteral("2000")}
        << QStringLiteral(" and holds the mutex");
}

// SIGSTOP of a worker: named with its pid (and the lock it holds) and the run failed after
// --suspend-timeout-ms, not after the 30-s stall check.
void TestExperiments::suspendedWorkerIsNamedAndFailsTheRun() {
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QElapsedTimer t;
    t.start();
    const Stopped s = runAndStopAWorker(
        args + QStringList{QStringLiteral("--suspend-timeout-ms"), QStringLiteral("500")});
    QVERIFY(s.workerPid > 0);
    QCOMPARE(s.report.exitCode, 3);
    const QString failure = text(s.report.json, "failure");
    QVERIFY2(failure.contains(
                 QStringLiteral("(pid %1) is suspended (SIGSTOP)%2").arg(s.workerPid).arg(says)),
             qPrintable(failure));
    QVERIFY(testutil::processesWith(QByteArray::number(s.workerPid)).isEmpty() ||
            ::kill(pid_t(s.workerPid), 0) != 0);
}

// SIGCONT before the limit: the run goes on and finishes verified.
void TestExperiments::continuedInTimeTheRunFinishes() {
    const Stopped s = runAndStopAWorker(
        {QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--elements"),
         QStringLiteral("10000"), QStringLiteral("--delay-us"), QStringLiteral("50"),
         QStringLiteral("--suspend-timeout-ms"), QStringLiteral("5000")},
        300);
    QVERIFY(s.workerPid > 0);
    QVERIFY2(s.report.exitCode == 0, s.report.err.constData());
    QCOMPARE(text(s.report.json, "status"), QStringLiteral("finished"));
    QCOMPARE(integer(s.report.json, "mismatches"), 0);
}

void TestExperiments::countersAreVerifiedInBothLayouts_data() {
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("stride");
    QTest::addRow("packed") << QStringLiteral("packed") << 8;
    QTest::addRow("padded") << QStringLiteral("padded") << 128;
}

// Each worker's own counter reaches exactly --increments; the report says where the counters
// were and what an increment cost each worker (no timing asserted: the bench compares them).
void TestExperiments::countersAreVerifiedInBothLayouts() {
    QFETCH(QString, layout);
    QFETCH(int, stride);
    const Report r = runJson({QStringLiteral("--workload"), QStringLiteral("counters"),
                              QStringLiteral("--workers"), QStringLiteral("3"),
                              QStringLiteral("--counter-layout"), layout,
                              QStringLiteral("--increments"), QStringLiteral("2000000")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("finished"));
    QCOMPARE(text(j, "verdict"), QStringLiteral("counters verified"));
    QCOMPARE(integer(j, "mismatches"), 0);
    QCOMPARE(integer(j, "processed"), 6000000);
    const QJsonObject c = j[QLatin1String("counters")].toObject();
    QCOMPARE(text(c, "layout"), layout);
    QCOMPARE(integer(c, "stride_bytes"), stride);
    QCOMPARE(integer(c, "line_bytes"), 64);
    QVERIFY(c[QLatin1String("total_ns_per_increment")].toDouble() > 0);
    // Wall-time figures (the published contract) and CPU-time ones, side by side.
    QVERIFY(c[QLatin1String("total_cpu_ns_per_increment")].toDouble() > 0);
    for (int k = 0; k < 3; ++k) {
        QVERIFY(worker(j, k)[QLatin1String("ns_per_increment")].toDouble() > 0);
        QVERIFY(worker(j, k)[QLatin1String("cpu_ns_per_increment")].toDouble() > 0);
        QCOMPARE(integer(worker(j, k), "processed"), 2000000);
    }
}

// A real 2-worker run: each worker's CPU share of its busy time is a fraction (a hair above 1
// allowed: the CPU clock and the wall clock are read apart), overlap is a fraction or null with
// the reason, and caveats is always an array. No figure is asserted: on a loaded machine any
// share is right.
void TestExperiments::cpuShareAndOverlapAreReported() {
    const Report r =
        runJson({QStringLiteral("--workload"), QStringLiteral("sin"), QStringLiteral("--workers"),
                 QStringLiteral("2"), QStringLiteral("--elements"), QStringLiteral("2000000")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject& j = r.json;
    QCOMPARE(text(j, "status"), QStringLiteral("finished"));
    for (int k = 0; k < 2; ++k) {
        const QJsonValue share = worker(j, k)[QLatin1String("cpu_share")];
        QVERIFY2(share.isDouble(), qPrintable(QString::number(k)));
        QVERIFY2(share.toDouble() > 0 && share.toDouble() <= 1.05,
                 qPrintable(QString::number(share.toDouble())));
    }
    QVERIFY(j.contains(QLatin1String("overlap")));
    const QJsonValue overlap = j[QLatin1String("overlap")];
    const QString method = text(j, "overlap_method");
    if (overlap.isNull()) {
        QVERIFY2(method.startsWith(QLatin1String("not measured: ")), qPrintable(method));
    } else {
        QVERIFY2(overlap.toDouble() >= 0 && overlap.toDouble() <= 1,
                 qPrintable(QString::number(overlap.toDouble())));
        QVERIFY(j[QLatin1String("overlap_resolution_ms")].toDouble() >= 1);
        QVERIFY2(method.contains(QLatin1String("ms")), qPrintable(method));
    }
    QVERIFY(j[QLatin1String("caveats")].isArray());
    for (const QJsonValue& c : j[QLatin1String("caveats")].toArray()) {
        QVERIFY(!c[QLatin1String("code")].toString().isEmpty());
        QVERIFY(!c[QLatin1String("text")].toString().isEmpty());
    }
}

void TestExperiments::hungWorkerIsNamedByTheStallCheck_data() {
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("says");
    QTest::addRow("at a time") << QStringLiteral("time") << QString();
    QTest::addRow("holding the mutex")
        << QStringLiteral("holding") << QStringLiteral(" while holding the mutex");
}

// --fault-action hang: worker 1 keeps running but publishes nothing (an endless loop). The
// stall check names it after --stall-timeout-ms; the others, queued on the lock it may hold,
// are waiting, not stalled, and are not blamed.
void TestExperiments::hungWorkerIsNamedByTheStallCheck() {
    QFETCH(QString, when);
    QFETCH(QString, says);
    QElapsedTimer t;
    t.start();
    const Report r = runJson(slowRun(
        QStringLiteral("mutex"),
        {QStringLiteral("--kill-worker"), QStringLiteral("1"), QStringLiteral("--kill-at-ms"),
         QStringLiteral("20"), QStringLiteral("--kill-when"), when,
         QStringLiteral("--fault-action"), QStringLiteral("hang"),
         QStringLiteral("--stall-timeout-ms"), QStringLiteral("1000")}));
    QCOMPARE(r.exitCode, 3);
    const QString failure = text(r.json, "failure");
    QVERIFY2(failure.startsWith(QStringLiteral("worker 1 (pid %1) stopped publishing")
                                    .arg(integer(worker(r.json, 1), "pid"))),
             qPrintable(failure));
    QVERIFY2(failure.endsWith(says.isEmpty() ? QStringLiteral(" s") : says), qPrintable(failure));
    const QJsonObject fault = r.json[QLatin1String("fault")].toObject();
    QCOMPARE(text(fault, "action"), QStringLiteral("hang"));
    QVERIFY(fault[QLatin1String("struck")].toBool());
    QVERIFY(!fault[QLatin1String("killed")].toBool()); // the fault hung it; the stop killed it
    QVERIFY2(t.elapsed() < 20000, "named after the stall timeout, not 30 s");
}

// One worker holds the mutex for a whole 1,000-element chunk at 2 ms per element (2 s per
// hold), the others wait for it, the last one about 4 s: with a 3 s stall timeout the waiters
// (silent longer than that) are not blamed, and neither is a worker the moment it gets the
// lock after such a wait (its wait once counted as silence until its next publish: a
// fresh-clone CI run failed here with "silent for 2.3 s while holding the mutex").
void TestExperiments::longCriticalSectionIsNotAStall() {
    const Report r =
        runJson({QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--elements"),
                 QStringLiteral("3000"), QStringLiteral("--sync"), QStringLiteral("mutex"),
                 QStringLiteral("--lock-scope"), QStringLiteral("chunk"), QStringLiteral("--chunk"),
                 QStringLiteral("1000"), QStringLiteral("--delay-us"), QStringLiteral("2000"),
                 QStringLiteral("--stall-timeout-ms"), QStringLiteral("3000")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(text(r.json, "status"), QStringLiteral("finished"));
    QCOMPARE(integer(r.json, "mismatches"), 0);
}

// Another process truncates the live segment to one page: the app does not die of SIGBUS but
// fails the run naming the cause, prints its report, exits 3 and removes the segment; the
// workers that touched the lost pages exit 3 with one line instead of dying of SIGBUS.
void TestExperiments::segmentShrunkUnderTheRunFailsIt() {
    const Report r =
        runAndInterfere(slowRun(QStringLiteral("mutex")), [](qint64 app, const QList<qint64>&) {
            for (const QString& n : testutil::shmEntries(app))
                QCOMPARE(::truncate(qPrintable(QStringLiteral("/dev/shm/") + n), 4096), 0);
        });
    QCOMPARE(r.exitCode, 3); // -2 would be a segment left behind
    QCOMPARE(text(r.json, "status"), QStringLiteral("failed"));
    QVERIFY2(text(r.json, "failure").startsWith(QStringLiteral("segment shrank to 4096 bytes")),
             qPrintable(text(r.json, "failure")));
    QVERIFY(r.json[QLatin1String("segment")].toObject()[QLatin1String("removed")].toBool());
    for (int k = 0; k < 4; ++k)
        QVERIFY2(integer(worker(r.json, k), "signal") != SIGBUS, r.err.constData());
}

QTEST_GUILESS_MAIN(TestExperiments)
#include "tst_experiments.moc"
