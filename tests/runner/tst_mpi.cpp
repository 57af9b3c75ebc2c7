// --transport mpi on real ranks: mpirun starts shmscope-mpi-worker processes on this host
// (--oversubscribe: more ranks than cores), rank 0 publishes into the app's segment. Built and
// registered only where Open MPI is (openmpi-bin, libopenmpi-dev are in the README's packages).
#include "../test_util.h"
#include "analysis/metrics.h"
#include "runner/run_controller.h"
#include "segment/exit_codes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

class TestMpi : public QObject {
    Q_OBJECT
  private slots:
    void seedJobVerifiedWithMpiFigures();
    void partitionsAndWorkloads_data();
    void partitionsAndWorkloads();
    void longHistogramKeepsPublishing();
    void killedRankEndsTheRun();
    void stoppedRankIsNamed();
    void stoppedMpirunIsNamedAndEnded();
    void killedMpirunLeavesNoOpenMpiFiles();
    void traceShowsRanksAndMessages();
    void pauseResumeStop();
    void refusals_data();
    void refusals();
    void withoutMpirunOnPath();
    void badMpiArgs();
    void rankZeroWithoutTheSegment();
};

namespace {
using testutil::args;

QJsonObject report(const testutil::Result& r) {
    return QJsonDocument::fromJson(r.out).object();
}

bool shmExists(const QString& name) {
    struct stat st {};
    return ::stat(QString(QStringLiteral("/dev/shm/") + name).toLocal8Bit().constData(), &st) == 0;
}

// Ranks (or mpirun) still running for a segment: zombies have an empty cmdline, so only live
// processes count. mpirun may need a moment to reap its last rank after the app exits.
bool noRankLeft(const QString& segment) {
    QElapsedTimer t;
    t.start();
    while (!testutil::processesWith(segment.toUtf8()).isEmpty()) {
        if (t.elapsed() > 5000) return false;
        QThread::msleep(50);
    }
    return true;
}

// Open MPI's shared-memory files in /dev/shm itself (where a run the app does not direct puts
// them), and any run directory of the app `pid` for them.
QStringList openMpiFiles(qint64 pid) {
    QStringList out;
    const QString ours = QStringLiteral("shmscope-%1-").arg(pid);
    for (const QString& n : QDir(QStringLiteral("/dev/shm"))
                                .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        if (n.startsWith(QLatin1String("vader_segment.")) ||
            (n.startsWith(ours) && n.contains(QLatin1String("-mpi-"))))
            out << n;
    return out;
}

// Open MPI's session directories of the mpirun `pid` (<TMPDIR or /tmp>/ompi.*/pid.<pid>):
// what a killed mpirun leaves in /tmp.
QStringList sessionDirsOf(qint64 pid) {
    const QByteArray tmp = qgetenv("TMPDIR");
    const QDir base(tmp.isEmpty() ? QStringLiteral("/tmp") : QString::fromLocal8Bit(tmp));
    QStringList out;
    for (const QString& d : base.entryList({QStringLiteral("ompi.*")}, QDir::Dirs))
        if (QFileInfo::exists(base.filePath(d) + QStringLiteral("/pid.%1").arg(pid)))
            out << base.filePath(d) + QStringLiteral("/pid.%1").arg(pid);
    return out;
}

// The app `appPid`'s mpirun, once it runs (0 until then).
qint64 mpirunOf(qint64 appPid) {
    for (qint64 pid :
         testutil::processesWith(QStringLiteral("shmscope-%1-").arg(appPid).toUtf8())) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "mpirun") return pid;
    }
    return 0;
}

// Starts `shmscope --headless --json --transport mpi` with two slow-motion ranks (about 5 s of
// work) and waits until they compute. Returns the app's and mpirun's pids (0 on failure).
std::pair<qint64, qint64> startSlowMpiRun(QProcess& p) {
    p.start(testutil::shmscopePath(),
            args({"--headless", "--json", "--transport", "mpi", "--workers", "2", "--elements",
                  "3000000", "--delay-us", "3"}));
    if (!p.waitForStarted(10000)) return {0, 0};
    const qint64 app = p.processId();
    QElapsedTimer t;
    t.start();
    // mpirun's start-up took over 20 s beside CPU hogs.
    while (t.elapsed() < 90000 && p.state() == QProcess::Running) {
        if (testutil::processedByApp(app) > 0) return {app, mpirunOf(app)};
        QThread::msleep(50);
    }
    return {app, 0};
}

QString hostName() {
    char buf[256] = {};
    gethostname(buf, sizeof buf - 1);
    return QString::fromLocal8Bit(buf).section(QLatin1Char('.'), 0, 0).left(14); // the slot's width
}
} // namespace

void TestMpi::seedJobVerifiedWithMpiFigures() {
    // The command, as is.
    const auto r = testutil::runCli(args({"--headless", "--json", "--transport", "mpi", "--workers",
                                          "2", "--workload", "sin", "--elements", "10000000"}));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("finished"));
    QCOMPARE(rep[QLatin1String("verdict")].toString(), QStringLiteral("array verified"));
    QCOMPARE(rep[QLatin1String("transport")].toString(), QStringLiteral("mpi"));
    const QJsonObject mpi = rep[QLatin1String("mpi")].toObject();
    QCOMPARE(mpi[QLatin1String("ranks")].toInt(), 2);
    QCOMPARE(mpi[QLatin1String("hosts")].toInt(), 1);
    // Rank 1's half of the array went to rank 0 as messages: 5*10^6 doubles and the headers.
    const double bytes = mpi[QLatin1String("bytes")].toDouble();
    QVERIFY2(bytes >= 5e6 * 8 && bytes < 5e6 * 8 * 1.01, qPrintable(QString::number(bytes)));
    QVERIFY(mpi[QLatin1String("messages")].toInt() >= 3);
    QVERIFY(mpi[QLatin1String("gather_seconds")].toDouble() > 0);
    QVERIFY(mpi[QLatin1String("launcher_seconds")].toDouble() > 0);
    QVERIFY(mpi[QLatin1String("send_seconds")].toDouble() > 0);
    QVERIFY(mpi[QLatin1String("command")].toString().startsWith(QLatin1String("mpirun ")));
    const QJsonArray workers = rep[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 2);
    for (int k = 0; k < 2; ++k) {
        const QJsonObject w = workers[k].toObject();
        QCOMPARE(w[QLatin1String("host")].toString(), hostName());
        QCOMPARE(w[QLatin1String("program")].toString(), QStringLiteral("shmscope-mpi-worker"));
        QCOMPARE(w[QLatin1String("processed")].toInt(), 5'000'000);
        const QJsonObject m = w[QLatin1String("mpi")].toObject();
        QCOMPARE(m[QLatin1String("rank")].toInt(), k);
        QVERIFY(m[QLatin1String("compute_seconds")].toDouble() > 0);
        QVERIFY(w[QLatin1String("pid")].toInt() > 0);
    }
    // Rank 0 received what rank 1 sent.
    QCOMPARE(workers[0].toObject()[QLatin1String("mpi")].toObject()[QLatin1String("bytes")],
             workers[1].toObject()[QLatin1String("mpi")].toObject()[QLatin1String("bytes")]);
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(rep[QLatin1String("segment")].toObject()[QLatin1String("removed")].toBool());
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
    QVERIFY(rep[QLatin1String("errors")].toArray().isEmpty());
}

void TestMpi::partitionsAndWorkloads_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("cyclic") << args({"--partition", "cyclic"});
    QTest::newRow("block-cyclic") << args({"--partition", "block-cyclic"});
    QTest::newRow("dynamic") << args({"--partition", "dynamic"});
    QTest::newRow("guided") << args({"--partition", "guided"});
    QTest::newRow("histogram") << args({"--workload", "histogram"});
    QTest::newRow("mandelbrot") << args({"--workload", "mandelbrot"});
    // The blog's split loses its tail over MPI exactly as over shared memory.
    QTest::newRow("seed") << args({"--partition", "seed"});
}

void TestMpi::partitionsAndWorkloads() {
    QFETCH(QStringList, flags);
    const QStringList base =
        args({"--headless", "--json", "--workers", "3", "--elements", "200003", "--chunk", "997"}) +
        flags;
    const auto r = testutil::runCli(base + args({"--transport", "mpi"}));
    const auto shared = testutil::runCli(base);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(shared.exitCode, 0);
    const QJsonObject rep = report(r), ref = report(shared);
    if (flags.contains(QLatin1String("histogram"))) {
        // Rank 0 is the only writer: no lost updates without a lock, where shared memory with
        // --sync none loses them.
        QCOMPARE(rep[QLatin1String("verdict")].toString(), QStringLiteral("histogram verified"));
        QCOMPARE(rep[QLatin1String("lost_updates")].toInt(-1), 0);
        return;
    }
    // The same verdict as the same job on shared memory: verified, or the seed split's tail.
    QCOMPARE(rep[QLatin1String("verdict")].toString(), ref[QLatin1String("verdict")].toString());
    QCOMPARE(rep[QLatin1String("unwritten")].toInt(), ref[QLatin1String("unwritten")].toInt());
    if (!flags.contains(QLatin1String("seed")))
        QVERIFY(rep[QLatin1String("verdict")].toString().endsWith(QLatin1String("verified")));
    // Every rank did a part (dynamic: rank 0 answers requests between its own pieces).
    for (const auto& w : rep[QLatin1String("workers")].toArray())
        QVERIFY2(w.toObject()[QLatin1String("processed")].toInt() > 0, r.out.constData());
}

void TestMpi::longHistogramKeepsPublishing() {
    // A histogram's counts go to rank 0 every 20 ms of work, not only at the end: a rank busy
    // for longer than the stall timeout is not taken for a hung one.
    const testutil::MachineCpu before = testutil::machineCpu();
    const auto r = testutil::runCli(
        args({"--headless", "--json", "--transport", "mpi", "--workers", "2", "--workload",
              "histogram", "--elements", "100000000", "--stall-timeout-ms", "200"}));
    // A rank that is runnable but waits for a core publishes nothing either: with others using
    // a quarter of the machine or more, 200 ms of silence can be the load (measured: beside
    // two CPU hogs and compilers), so a stall then cannot be judged.
    const double others = testutil::othersShare(before, testutil::machineCpu(),
                                                report(r)[QLatin1String("cpu_seconds")].toDouble());
    if (r.exitCode != 0 && r.err.contains("stopped publishing") && others >= 0.25)
        QSKIP(qPrintable(QStringLiteral("the machine was busy (others used %1%): %2")
                             .arg(others * 100, 0, 'f', 0)
                             .arg(QString::fromUtf8(r.err.trimmed()))));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(report(r)[QLatin1String("verdict")].toString(), QStringLiteral("histogram verified"));
}

void TestMpi::killedRankEndsTheRun() {
    // The fault: 4 ranks, rank 2 killed mid-run.
    const auto r = testutil::runCli(
        args({"--headless", "--json", "--transport", "mpi", "--workers", "4", "--workload", "sin",
              "--elements", "40000000", "--kill-worker", "2", "--kill-at-ms", "150"}));
    QCOMPARE(r.exitCode, int(shm::exit_code::kRunFailed));
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("failed"));
    QVERIFY(rep[QLatin1String("fault")].toObject()[QLatin1String("struck")].toBool());
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.startsWith(QStringLiteral("rank 2 (pid ")), qPrintable(failure));
    QVERIFY2(failure.contains(QStringLiteral(" on %1)").arg(hostName())), qPrintable(failure));
    QVERIFY2(failure.contains(QLatin1String("signal 9")), qPrintable(failure));
    // One line on stderr, naming it.
    const QByteArray err = r.err.trimmed();
    QVERIFY2(!err.contains('\n'), err.constData());
    QVERIFY2(err.contains("rank 2"), err.constData());
    const QJsonObject w2 = rep[QLatin1String("workers")].toArray()[2].toObject();
    QCOMPARE(w2[QLatin1String("signal")].toInt(), 9);
    QCOMPARE(w2[QLatin1String("state")].toString(), QStringLiteral("crashed"));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(rep[QLatin1String("segment")].toObject()[QLatin1String("removed")].toBool());
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
}

void TestMpi::stoppedRankIsNamed() {
    // SIGSTOP (the fault's stop action) to a rank on this host: named as a rank, the run ends.
    const auto r = testutil::runCli(
        args({"--headless", "--json", "--transport", "mpi", "--workers", "3", "--workload", "sin",
              "--elements", "30000000", "--kill-worker", "1", "--kill-at-ms", "100",
              "--fault-action", "stop", "--suspend-timeout-ms", "300"}));
    QCOMPARE(r.exitCode, int(shm::exit_code::kRunFailed));
    const QJsonObject rep = report(r);
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.startsWith(QLatin1String("rank 1 (pid ")) &&
                 failure.contains(QLatin1String("is suspended (SIGSTOP)")),
             qPrintable(failure));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
}

// mpirun itself stopped (SIGSTOP): its ranks compute on, but the job cannot end. The app
// notices within the suspend timeout (2 s here, the stall timeout if that is shorter), says
// mpirun was stopped and that it ended it, not "mpirun was killed by signal 9" (its own kill,
// once every rank was done + 5 s), and leaves none of Open MPI's files behind.
void TestMpi::stoppedMpirunIsNamedAndEnded() {
    const QStringList before = openMpiFiles(0);
    QProcess p;
    const auto [app, mpirun] = startSlowMpiRun(p);
    QVERIFY2(app && mpirun, p.readAllStandardError().constData());
    QVERIFY(::kill(pid_t(mpirun), SIGSTOP) == 0);
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), int(shm::exit_code::kRunFailed));
    const QJsonObject rep = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.startsWith(
                 QStringLiteral("mpirun (pid %1) was stopped (SIGSTOP) for ").arg(mpirun)) &&
                 failure.contains(QLatin1String("ShmScope ended it")),
             qPrintable(failure));
    QVERIFY2(!err.contains(QLatin1String("signal 9")), qPrintable(err));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
    QCOMPARE(openMpiFiles(app), before);
    QCOMPARE(sessionDirsOf(mpirun), QStringList());
}

// mpirun killed from outside (SIGKILL: it cannot clean up): the app removes Open MPI's files
// of the run (4 MiB per rank) with its segment, and mpirun's session directory in /tmp (PMIx's
// stores, about 8 MB).
void TestMpi::killedMpirunLeavesNoOpenMpiFiles() {
    const QStringList before = openMpiFiles(0);
    QProcess p;
    const auto [app, mpirun] = startSlowMpiRun(p);
    QVERIFY2(app && mpirun, p.readAllStandardError().constData());
    QVERIFY(::kill(pid_t(mpirun), SIGKILL) == 0);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), int(shm::exit_code::kRunFailed));
    const QJsonObject rep = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
    QCOMPARE(openMpiFiles(app), before);
    QCOMPARE(sessionDirsOf(mpirun), QStringList());
}

void TestMpi::traceShowsRanksAndMessages() {
    // --trace: the processes are ranks with their host, the ring lanes are messages.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mpi-trace.json"));
    const auto r = testutil::runCli(args({"--headless", "--transport", "mpi", "--workers", "2",
                                          "--elements", "400000", "--trace"})
                                    << file);
    QCOMPARE(r.exitCode, 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray events =
        QJsonDocument::fromJson(f.readAll()).object()[QLatin1String("traceEvents")].toArray();
    QStringList processes;
    int sends = 0, receives = 0;
    for (const auto& v : events) {
        const QJsonObject e = v.toObject();
        const QString name = e[QLatin1String("name")].toString();
        if (name == QLatin1String("process_name"))
            processes << e[QLatin1String("args")].toObject()[QLatin1String("name")].toString();
        sends += name == QLatin1String("send");
        receives += name == QLatin1String("receive");
        QVERIFY(name != QLatin1String("hold"));
    }
    QCOMPARE(processes.size(), 2);
    for (const QString& p : processes)
        QVERIFY2(p.startsWith(QLatin1Char('r')) &&
                     p.endsWith(QStringLiteral(" on %1)").arg(hostName())),
                 qPrintable(p));
    QVERIFY(sends > 0);
    QVERIFY(receives > 0);
}

void TestMpi::pauseResumeStop() {
    RunController c;
    c.setWorkerPath(testutil::workerPath());
    c.setMpiWorkerPath(testutil::binDir() + QStringLiteral("/shmscope-mpi-worker"));
    const QString seg = testutil::segmentName(QStringLiteral("mpi-pause"));
    c.setSegmentName(seg);
    QSignalSpy done(&c, &RunController::finished);
    // Slow motion: 3 ranks at 200 µs an element would take 20 s.
    shm::ExperimentConfig cfg{.workers = 3, .elements = 300'000, .delayUs = 200};
    cfg.transport = shm::Transport::Mpi;
    // Paused ranks send nothing: a pause longer than the stall timeout must not read as a
    // stall (rank 0 vouches for them), neither while paused nor right after the resume.
    cfg.stallTimeoutMs = 500;
    QString error;
    QVERIFY2(c.start(cfg, &error), qPrintable(error));
    const auto processed = [&c] {
        uint64_t n = 0;
        for (const auto& w : c.snapshot().workers)
            n += w.processed;
        return n;
    };
    // Every rank's first batches are in (mpirun's start-up alone took over 20 s beside CPU hogs).
    QTRY_VERIFY_WITH_TIMEOUT(processed() > 3000, 60000);
    c.pause();
    // Every rank says it is paused, and the batches in flight have landed: the count holds
    // still over 300 ms (polled, so a slow machine only makes it take longer).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& w : c.snapshot().workers)
                if (w.state != shm::WorkerState::Paused) return false;
            return true;
        }(),
        10000);
    QElapsedTimer still, total;
    still.start();
    total.start();
    uint64_t atPause = processed();
    while (still.elapsed() < 300) {
        QVERIFY2(total.elapsed() < 10000, "the count did not settle after the pause");
        QTest::qWait(20);
        if (processed() != atPause) {
            atPause = processed();
            still.restart();
        }
    }
    // The observation window of the pause (part of the experiment): nothing moves in it, and
    // a longer wait on a slow machine only makes the check stricter.
    QTest::qWait(700);
    QCOMPARE(processed(), atPause);
    QVERIFY2(!c.snapshot().failed, c.report().failure.c_str());
    for (const auto& w : c.snapshot().workers)
        QVERIFY2(w.state == shm::WorkerState::Paused, shm::stateText(w, c.snapshot()).c_str());
    c.resume();
    QTRY_VERIFY_WITH_TIMEOUT(processed() > atPause + 1000, 10000);
    QVERIFY(!c.snapshot().failed);
    c.stop();
    QVERIFY(done.wait(20000));
    const shm::RunReport& r = c.report();
    QCOMPARE(r.status, shm::RunStatus::Finished); // stopped by the user: not a failure
    QVERIFY(r.processed < 300'000);
    QVERIFY(r.segmentRemoved);
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
    for (const auto& w : r.workers)
        QVERIFY2(w.outcome == shm::WorkerOutcome::Stopped, w.stateText.c_str());
}

void TestMpi::refusals_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("message");
    QTest::newRow("sync mutex") << args({"--transport", "mpi", "--sync", "mutex"})
                                << QStringLiteral("--transport mpi: ranks share no memory");
    QTest::newRow("counters") << args({"--transport", "mpi", "--workload", "counters"})
                              << QStringLiteral("--transport mpi: the counters workload");
    QTest::newRow("mpi-args alone") << args({"--mpi-args", "--hostfile h"})
                                    << QStringLiteral("--mpi-args goes with --transport mpi");
    QTest::newRow("worker command") << args({"--transport", "mpi", "--worker-command", "true"})
                                    << QStringLiteral("--worker-command does not apply");
    QTest::newRow("hang") << args({"--transport", "mpi", "--kill-worker", "1", "--fault-action",
                                   "hang"})
                          << QStringLiteral("--fault-action hang: an MPI rank");
}

void TestMpi::refusals() {
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const auto r = testutil::runCli(QStringList{QStringLiteral("--headless")} + flags);
    SHMSCOPE_VERIFY_REFUSED(r, message);
}

void TestMpi::withoutMpirunOnPath() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
    p.setProcessEnvironment(env);
    p.start(testutil::shmscopePath(), args({"--headless", "--transport", "mpi"}));
    QVERIFY(p.waitForStarted(10000));
    const qint64 pid = p.processId();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), int(shm::exit_code::kRunFailed));
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    QCOMPARE(err, QStringLiteral("shmscope: --transport mpi: mpirun not found on PATH (Debian: "
                                 "apt-get install openmpi-bin)"));
    QVERIFY(testutil::shmEntries(pid).isEmpty());
}

void TestMpi::badMpiArgs() {
    // mpirun refuses an option it does not know: the run fails with mpirun's own words.
    const auto r = testutil::runCli(args({"--headless", "--json", "--transport", "mpi", "--workers",
                                          "2", "--mpi-args", "--no-such-option"}));
    QCOMPARE(r.exitCode, int(shm::exit_code::kRunFailed));
    const QJsonObject rep = report(r);
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.startsWith(QLatin1String("mpirun failed with exit code")),
             qPrintable(failure));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(!shmExists(seg));
    QVERIFY(noRankLeft(seg));
}

void TestMpi::rankZeroWithoutTheSegment() {
    // Rank 0 started where the segment is not (another host, or a typo): one line, exit 3.
    QStringList argv{QStringLiteral("-np"),
                     QStringLiteral("2"),
                     QStringLiteral("--oversubscribe"),
                     testutil::binDir() + QStringLiteral("/shmscope-mpi-worker"),
                     QStringLiteral("--segment"),
                     QStringLiteral("shmscope-1-no-such-segment")};
    if (geteuid() == 0) argv.prepend(QStringLiteral("--allow-run-as-root"));
    const auto r = testutil::run(QStringLiteral("mpirun"), argv, 60000);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("shmscope-mpi-worker: rank 0: "), r.err.constData());
    QVERIFY2(r.err.contains("it must run on the app's host"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestMpi)
#include "tst_mpi.moc"
