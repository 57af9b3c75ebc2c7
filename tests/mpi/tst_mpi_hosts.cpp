// --transport mpi across two hosts: this one and shmscope-b, a host simulated by
// tests/mpi/simulated-hosts.sh (a network namespace behind one veth pair, its own hostname,
// /tmp, /dev/shm and CLOCK_MONOTONIC, its own sshd). The CTest fixture brings it up and down;
// where it cannot be made (not root, no namespaces, no sshd) this test exits 77 (skipped) and
// says why. Ranks 0-1 run here, 2-3 on shmscope-b, started by mpirun through ssh, their
// results over TCP on the veth pair only.
#include "../test_util.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <csignal>
#include <map>

class TestMpiHosts : public QObject {
    Q_OBJECT
  private slots:
    void seedJobAcrossTwoHosts();
    void timelineKeepsSendsWithTheirReceives();
    void killedRemoteRankIsNamed();
    void stoppedRemoteRankIsNamed();
};

namespace {
using testutil::args;

QString simDir() {
    return QStringLiteral(SHMSCOPE_SIM_DIR);
}

QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

// What mpirun needs to reach shmscope-b over the pair only (the hostfile, ssh's options, the
// /30 for TCP and Open MPI's own wire), as simulated-hosts.sh wrote it.
QString mpiArgs() {
    return readText(simDir() + QStringLiteral("/mpi-args"));
}

qint64 sshdPid() {
    return readText(simDir() + QStringLiteral("/sshd.pid")).toLongLong();
}

// The simulated host's clock is this many ns behind ours (its time namespace).
double clockBackNs() {
    return readText(simDir() + QStringLiteral("/clock-back-s")).toDouble() * 1e9;
}

// Runs argv inside shmscope-b (its UTS, network and mount namespaces: its /tmp, its /dev/shm).
testutil::Result inRemote(const QStringList& argv) {
    return testutil::run(QStringLiteral("nsenter"),
                         QStringList{QStringLiteral("-t"), QString::number(sshdPid()),
                                     QStringLiteral("-u"), QStringLiteral("-n"),
                                     QStringLiteral("-m"), QStringLiteral("--")}
                             << argv,
                         20000);
}

// What Open MPI left on shmscope-b: session directories in its /tmp, files in its /dev/shm.
QString remoteLeftovers() {
    const auto r = inRemote(args({"sh", "-c", "ls -A /tmp /dev/shm | grep -v ':$' | grep ."}));
    return QString::fromUtf8(r.out).trimmed();
}

// The same here: our run's directory for Open MPI's files and its session directory in /tmp.
QStringList localLeftovers(qint64 app, qint64 mpirun) {
    QStringList out;
    const QString ours = QStringLiteral("shmscope-%1-").arg(app);
    for (const QString& n : QDir(QStringLiteral("/dev/shm"))
                                .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        if (n.startsWith(ours)) out << n;
    for (const QString& d :
         QDir(QStringLiteral("/tmp")).entryList({QStringLiteral("ompi.*")}, QDir::Dirs))
        if (mpirun && QFileInfo::exists(QStringLiteral("/tmp/%1/pid.%2").arg(d).arg(mpirun)))
            out << d;
    return out;
}

bool sameNamespace(qint64 pid, qint64 other, const char* ns) {
    const auto link = [ns](qint64 p) { // "uts:[4026532242]": not a path, so no QFileInfo
        char buf[64] = {};
        const QByteArray path = "/proc/" + QByteArray::number(p) + "/ns/" + ns;
        return readlink(path.constData(), buf, sizeof buf - 1) > 0 ? QString::fromLatin1(buf)
                                                                   : QString();
    };
    const QString a = link(pid);
    return !a.isEmpty() && a == link(other);
}

// Live processes of the run (ranks, mpirun) on either host, after a moment to be reaped.
bool nothingRunning(const QString& segment) {
    QElapsedTimer t;
    t.start();
    while (!testutil::processesWith(segment.toUtf8()).isEmpty()) {
        if (t.elapsed() > 10000) return false;
        QThread::msleep(50);
    }
    return true;
}

QStringList twoHostRun(std::initializer_list<const char*> extra) {
    return args({"--headless", "--json", "--transport", "mpi", "--workers", "4"})
           << args(extra) << QStringLiteral("--mpi-args") << mpiArgs();
}

qint64 mpirunOf(qint64 app) {
    for (qint64 pid : testutil::processesWith(QStringLiteral("shmscope-%1-").arg(app).toUtf8())) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "mpirun") return pid;
    }
    return 0;
}

// A long two-host run, started; returns once a rank on shmscope-b computes, with the app's,
// mpirun's and that rank's pid (0s on failure).
struct Started {
    qint64 app = 0, mpirun = 0, remoteRank = 0;
};
Started startLongRun(QProcess& p, std::initializer_list<const char*> extra) {
    p.start(testutil::shmscopePath(), twoHostRun(extra));
    Started s;
    if (!p.waitForStarted(10000)) return s;
    s.app = p.processId();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 90000 && p.state() == QProcess::Running) {
        // Ranks are processes with the segment in their command line; rank 2's slot tells its
        // pid once it said hello. Which of them runs in shmscope-b: its UTS namespace.
        if (testutil::processedByApp(s.app) > 0) {
            s.mpirun = mpirunOf(s.app);
            for (qint64 pid :
                 testutil::processesWith(QStringLiteral("shmscope-%1-").arg(s.app).toUtf8()))
                if (sameNamespace(pid, sshdPid(), "uts") &&
                    readText(QStringLiteral("/proc/%1/comm").arg(pid))
                        .startsWith(QLatin1String("shmscope-mpi"))) // comm: 15 characters
                    s.remoteRank = pid;
            if (s.remoteRank) return s;
        }
        QThread::msleep(50);
    }
    return s;
}

QJsonObject finishedReport(QProcess& p) {
    if (!p.waitForFinished(120000)) p.kill();
    p.waitForFinished();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QJsonObject hostOf(const QJsonObject& rep, int index) {
    return rep[QLatin1String("mpi")]
        .toObject()[QLatin1String("host_list")]
        .toArray()[index]
        .toObject();
}
} // namespace

void TestMpiHosts::seedJobAcrossTwoHosts() {
    // The command with the simulated pair's hostfile: ranks 0-1 here, 2-3 there.
    const auto r = testutil::runCli(twoHostRun({"--workload", "sin", "--elements", "10000000"}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject rep = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("finished"));
    QCOMPARE(rep[QLatin1String("verdict")].toString(), QStringLiteral("array verified"));
    const QJsonObject mpi = rep[QLatin1String("mpi")].toObject();
    QCOMPARE(mpi[QLatin1String("hosts")].toInt(), 2);
    const QJsonArray hosts = mpi[QLatin1String("host_list")].toArray();
    QCOMPARE(hosts.size(), 2);
    char here[256] = {};
    gethostname(here, sizeof here - 1);
    QCOMPARE(hostOf(rep, 0)[QLatin1String("name")].toString(),
             QString::fromLocal8Bit(here).section(QLatin1Char('.'), 0, 0));
    QCOMPARE(hostOf(rep, 1)[QLatin1String("name")].toString(), QStringLiteral("shmscope-b"));
    QCOMPARE(hostOf(rep, 0)[QLatin1String("ranks")].toArray(), QJsonArray({0, 1}));
    QCOMPARE(hostOf(rep, 1)[QLatin1String("ranks")].toArray(), QJsonArray({2, 3}));
    // shmscope-b's clock is behind ours by exactly what its time namespace says: the measured
    // offset must be that, within the error bound it reports.
    const double offset = hostOf(rep, 1)[QLatin1String("clock_offset_ns")].toDouble();
    const double bound = hostOf(rep, 1)[QLatin1String("clock_error_ns")].toDouble();
    QVERIFY2(bound > 0 && std::abs(offset - clockBackNs()) <= bound + 1,
             qPrintable(QStringLiteral("offset %1 ns, bound %2 ns, true %3 ns")
                            .arg(offset, 0, 'f', 0)
                            .arg(bound)
                            .arg(clockBackNs(), 0, 'f', 0)));
    QCOMPARE(mpi[QLatin1String("clock_error_ns")].toDouble(), bound);
    QCOMPARE(hostOf(rep, 0)[QLatin1String("clock_error_ns")].toInt(), 0);
    // Bytes and messages as on one host: each rank sent its 2.5*10^6 doubles in batches of a
    // header and the values, then a final header (96 bytes each): exactly, on either host.
    const QJsonArray workers = rep[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 4);
    double sent = 0;
    for (int k = 0; k < 4; ++k) {
        const QJsonObject w = workers[k].toObject();
        const QJsonObject m = w[QLatin1String("mpi")].toObject();
        QCOMPARE(w[QLatin1String("host")].toString(),
                 hostOf(rep, k < 2 ? 0 : 1)[QLatin1String("name")].toString());
        QCOMPARE(m[QLatin1String("host_index")].toInt(), k < 2 ? 0 : 1);
        QCOMPARE(w[QLatin1String("processed")].toInt(), 2'500'000);
        if (k == 0) continue;
        const double messages = m[QLatin1String("messages")].toDouble();
        const double batches = (messages - 1) / 2;
        QCOMPARE(m[QLatin1String("bytes")].toDouble(), 2.5e6 * 8 + 96 * (batches + 1));
        QVERIFY(batches >= std::ceil(2.5e6 / 65536));
        sent += m[QLatin1String("bytes")].toDouble();
    }
    QCOMPARE(mpi[QLatin1String("bytes")].toDouble(), sent);
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(rep[QLatin1String("segment")].toObject()[QLatin1String("removed")].toBool());
    QVERIFY(nothingRunning(seg));
    QCOMPARE(remoteLeftovers(), QString());
    QCOMPARE(localLeftovers(r.pid, 0), QStringList());
    // Open MPI's warnings (a directory it could not use, a failed connect) would be here.
    QVERIFY2(rep[QLatin1String("errors")].toArray().isEmpty(), r.err.constData());
}

// The trace (what the window's message timeline draws): rank k's i-th send matches rank 0's
// i-th receive from k. Placed on rank 0's clock with the measured offset, a send never begins
// after that receive ended (nothing arrives before it is sent), and a send larger than Open
// MPI's eager limit never ends before the receive began (it waits for its receiver) — both
// within the host's error bound. Without the offset, shmscope-b's sends would be drawn as far
// before their receives as its clock is behind.
void TestMpiHosts::timelineKeepsSendsWithTheirReceives() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("trace.json"));
    const auto r = testutil::runCli(
        twoHostRun({"--workload", "sin", "--elements", "10000000", "--trace", qPrintable(file)}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject rep = QJsonDocument::fromJson(r.out).object();
    const double boundUs = hostOf(rep, 1)[QLatin1String("clock_error_ns")].toDouble() / 1e3;
    QVERIFY(boundUs > 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject trace = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonObject other = trace[QLatin1String("otherData")].toObject();
    QCOMPARE(other[QLatin1String("lock_intervals_trimmed")].toInt(), 0);
    QCOMPARE(other[QLatin1String("lock_events_dropped_by_workers")].toInt(), 0);
    // Trace pids are the ranks' pids: rank k's from the report.
    std::map<qint64, int> rankOfPid;
    const QJsonArray workers = rep[QLatin1String("workers")].toArray();
    for (int k = 0; k < workers.size(); ++k)
        rankOfPid[qint64(workers[k].toObject()[QLatin1String("pid")].toDouble())] = k;
    struct Slice {
        double b, e;
        int kib;
    };
    std::map<int, QList<Slice>> sends, receives; // by rank
    for (const QJsonValue v : trace[QLatin1String("traceEvents")].toArray()) {
        const QJsonObject e = v.toObject();
        const QString name = e[QLatin1String("name")].toString();
        const QJsonObject a = e[QLatin1String("args")].toObject();
        const double b = e[QLatin1String("ts")].toDouble(), d = e[QLatin1String("dur")].toDouble();
        const int rank = rankOfPid[qint64(e[QLatin1String("pid")].toDouble())];
        if (name == QLatin1String("send"))
            sends[rank] << Slice{b, b + d, a[QLatin1String("kib")].toInt()};
        else if (name == QLatin1String("receive") && !a[QLatin1String("request")].toBool())
            receives[a[QLatin1String("from")].toInt()] << Slice{b, b + d, 0};
    }
    int checked = 0, rendezvous = 0;
    for (int k = 2; k < 4; ++k) { // the ranks on shmscope-b
        const QList<Slice>& s = sends[k];
        const QList<Slice>& rc = receives[k];
        QVERIFY2(s.size() >= 38 && rc.size() == s.size() + 1, // + its final header
                 qPrintable(QStringLiteral("rank %1: %2 sends, %3 receives")
                                .arg(k)
                                .arg(s.size())
                                .arg(rc.size())));
        for (int i = 0; i < s.size(); ++i) {
            const QString at = QStringLiteral("rank %1 send %2: [%3, %4] us, receive [%5, %6] us")
                                   .arg(k)
                                   .arg(i)
                                   .arg(s[i].b, 0, 'f', 3)
                                   .arg(s[i].e, 0, 'f', 3)
                                   .arg(rc[i].b, 0, 'f', 3)
                                   .arg(rc[i].e, 0, 'f', 3);
            QVERIFY2(s[i].b <= rc[i].e + boundUs, qPrintable(at));
            if (s[i].kib > 65) { // 64 KiB: Open MPI's TCP eager limit
                QVERIFY2(s[i].e >= rc[i].b - boundUs, qPrintable(at));
                ++rendezvous;
            }
            ++checked;
        }
    }
    QVERIFY(rendezvous >= 2 * 36);
    qInfo("%d remote sends checked (%d waited for their receiver), clock bound %.1f us", checked,
          rendezvous, boundUs);
}

// A rank on shmscope-b SIGKILLed from inside its namespace: mpirun hears of it from its daemon
// there; the run fails naming the rank, its pid and its host, well within the stall timeout,
// and nothing is left on either host (no rank, no Open MPI files).
void TestMpiHosts::killedRemoteRankIsNamed() {
    QProcess p;
    const Started s = startLongRun(p, {"--workload", "sin", "--elements", "3000000", "--delay-us",
                                       "2", "--stall-timeout-ms", "20000"});
    QVERIFY2(s.app && s.remoteRank, p.readAllStandardError().constData());
    QElapsedTimer sinceKill;
    sinceKill.start();
    const auto k =
        inRemote(args({"sh", "-c"}) << QStringLiteral("kill -KILL %1").arg(s.remoteRank));
    QVERIFY2(k.exitCode == 0, k.err.constData());
    const QJsonObject rep = finishedReport(p);
    const double seconds = sinceKill.elapsed() / 1e3;
    QCOMPARE(p.exitCode(), int(shm::exit_code::kRunFailed));
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.contains(QStringLiteral("(pid %1 on shmscope-b").arg(s.remoteRank)) &&
                 failure.startsWith(QLatin1String("rank ")) &&
                 failure.contains(QLatin1String("killed by signal 9")),
             qPrintable(failure));
    qInfo("failed %.2f s after the kill: %s", seconds, qPrintable(failure));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(!seg.isEmpty());
    QVERIFY(nothingRunning(seg));
    QCOMPARE(remoteLeftovers(), QString());
    QCOMPARE(localLeftovers(s.app, s.mpirun), QStringList());
}

// SIGSTOP instead: nothing dies, so only the stall check can tell; a rank on another host has
// no /proc here to say "stopped", and rank 0 hears nothing from it. Named with its host.
void TestMpiHosts::stoppedRemoteRankIsNamed() {
    QProcess p;
    const Started s = startLongRun(p, {"--workload", "sin", "--elements", "3000000", "--delay-us",
                                       "2", "--stall-timeout-ms", "3000"});
    QVERIFY2(s.app && s.remoteRank, p.readAllStandardError().constData());
    const auto k =
        inRemote(args({"sh", "-c"}) << QStringLiteral("kill -STOP %1").arg(s.remoteRank));
    QVERIFY2(k.exitCode == 0, k.err.constData());
    const QJsonObject rep = finishedReport(p);
    QCOMPARE(p.exitCode(), int(shm::exit_code::kRunFailed));
    const QString failure = rep[QLatin1String("failure")].toString();
    QVERIFY2(failure.contains(QStringLiteral("(pid %1 on shmscope-b)").arg(s.remoteRank)) &&
                 failure.contains(QLatin1String("stopped publishing")),
             qPrintable(failure));
    const QString seg = rep[QLatin1String("segment")].toObject()[QLatin1String("name")].toString();
    QVERIFY(nothingRunning(seg));
    QCOMPARE(remoteLeftovers(), QString());
    QCOMPARE(localLeftovers(s.app, s.mpirun), QStringList());
}

// Skipped (77) where the fixture could not make the simulated host, with its reason.
int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (!QFileInfo::exists(simDir() + QStringLiteral("/hostfile"))) {
        const QString why = readText(simDir() + QStringLiteral("/unavailable"));
        std::fprintf(
            stderr, "SKIP: no simulated second host: %s\n",
            qPrintable(why.isEmpty() ? QStringLiteral("simulated-hosts.sh up did not run") : why));
        return 77;
    }
    TestMpiHosts t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_mpi_hosts.moc"
