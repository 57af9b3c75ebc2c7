// What another process can do to the app's files in /dev/shm, on real runs: shrink the result
// queue under a run, leave too little room for it, create its name first, fill /dev/shm with
// files named like ours. Runs that need a small /dev/shm get their own: a tmpfs mounted in a
// private mount namespace (root only), as tst_segment's full-/dev/shm test does.
#include "../test_util.h"
#include "runner/run_controller.h"
#include "segment/exit_codes.h"
#include "segment/segment.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

class TestShmSafety : public QObject {
    Q_OBJECT
  private slots:
    void queueChangedMidRunFailsWithAReport_data();
    void queueChangedMidRunFailsWithAReport();
    void queueOnNearlyFullShmNamesIt();
    void squattedQueueNameDoesNotStopARun();
    void startBesideManyFilesIsQuickAndBrief();
};

namespace {
using testutil::args;

// The app run in a child with its own mount namespace and a fresh tmpfs over /dev/shm.
struct PrivateRun {
    QString skip;          // why it could not run (no root, no namespaces)
    int status = -1;       // waitpid status of the app
    double seconds = 0;    // the app's wall time
    double cpuSeconds = 0; // its user + system time (what a busy machine does not inflate)
    QByteArray out, err;
    QStringList left; // what the app left in /dev/shm (prepare's files excepted)
};

// prepare() runs in the child after the mount, before the app starts (files it makes are in
// /dev/shm already and not counted as left). Only async-signal-safe work in prepare is safe in
// general; plain system calls are what the tests use.
// prepared: the start of the names prepare() gives its files (not listed as left).
PrivateRun runInPrivateShm(const char* tmpfsOptions, const std::function<void()>& prepare,
                           const std::string& prepared, const QStringList& appArgs,
                           int timeoutMs = 120000) {
    PrivateRun r;
    if (geteuid() != 0) {
        r.skip = QStringLiteral("needs root to mount a small tmpfs over /dev/shm");
        return r;
    }
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    const std::string app = testutil::shmscopePath().toStdString();
    std::vector<std::string> argStore{app};
    for (const QString& a : appArgs)
        argStore.push_back(a.toStdString());
    std::vector<char*> argv;
    for (std::string& a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string outPath = d + "/out", errPath = d + "/err", resPath = d + "/result";
    const pid_t child = fork();
    if (child < 0) {
        r.skip = QStringLiteral("fork failed");
        return r;
    }
    if (child == 0) {
        const int res = ::open(resPath.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
        auto say = [&](const std::string& s) {
            (void)!::write(res, s.data(), s.size());
            _exit(0);
        };
        if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr))
            say("skip no mount namespace here\n");
        if (mount("tmpfs", "/dev/shm", "tmpfs", 0, tmpfsOptions) != 0) say("skip cannot mount\n");
        prepare();
        timespec t0{}, t1{};
        clock_gettime(CLOCK_MONOTONIC, &t0);
        const pid_t a = fork();
        if (a == 0) {
            const int o = ::open(outPath.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
            const int e = ::open(errPath.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
            dup2(o, 1);
            dup2(e, 2);
            execv(argv[0], argv.data());
            _exit(127);
        }
        int st = 0;
        struct rusage ru {};
        wait4(a, &st, 0, &ru);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        const auto sec = [](const timeval& t) {
            return double(t.tv_sec) + double(t.tv_usec) / 1e6;
        };
        std::string s =
            std::to_string(st) + " " +
            std::to_string(double(t1.tv_sec - t0.tv_sec) + double(t1.tv_nsec - t0.tv_nsec) / 1e9) +
            " " + std::to_string(sec(ru.ru_utime) + sec(ru.ru_stime)) + "\n";
        // What the app left: shmscope-* names (prepare's files are named otherwise).
        if (DIR* dd = opendir("/dev/shm")) {
            while (dirent* e = readdir(dd))
                if ((std::strncmp(e->d_name, "shmscope-", 9) == 0 ||
                     std::strncmp(e->d_name, "vader_segment", 13) == 0) &&
                    (prepared.empty() ||
                     std::strncmp(e->d_name, prepared.c_str(), prepared.size()) != 0))
                    s += std::string(e->d_name) + "\n";
            closedir(dd);
        }
        say(s);
    }
    QElapsedTimer t;
    t.start();
    int st = 0;
    while (waitpid(child, &st, WNOHANG) == 0) {
        if (t.elapsed() > timeoutMs) {
            ::kill(child, SIGKILL); // the app in it dies with it (PR_SET_PDEATHSIG is not set
            waitpid(child, &st, 0); // on the app: it is then reported as a hang below)
            r.skip.clear();
            r.status = -2;
            return r;
        }
        QThread::msleep(20);
    }
    QFile res(QString::fromStdString(resPath));
    if (!res.open(QIODevice::ReadOnly)) return r;
    const QList<QByteArray> lines = res.readAll().split('\n');
    if (lines.value(0).startsWith("skip ")) {
        r.skip = QString::fromUtf8(lines[0].mid(5));
        return r;
    }
    const QList<QByteArray> head = lines.value(0).split(' ');
    r.status = head.value(0).toInt();
    r.seconds = head.value(1).toDouble();
    r.cpuSeconds = head.value(2).toDouble();
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (!lines[i].isEmpty()) r.left << QString::fromUtf8(lines[i]);
    QFile o(QString::fromStdString(outPath)), e(QString::fromStdString(errPath));
    if (o.open(QIODevice::ReadOnly)) r.out = o.readAll();
    if (e.open(QIODevice::ReadOnly)) r.err = e.readAll();
    return r;
}

// A pid that surely is dead: a child that has exited and been reaped.
qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("/bin/true"));
    p.waitForStarted();
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

// The result queue of the app `pid`, once it exists ("" until then): today's
// shmscope-<pid>-<hex>-q-<key>, or the older shmscope-<pid>-<hex>-q.
QString queueOf(qint64 pid) {
    for (const QString& n : testutil::shmEntries(pid))
        if (n.endsWith(QLatin1String("-q")) || n.contains(QLatin1String("-q-"))) return n;
    return {};
}
} // namespace

// What another process does to the result queue's file 0.3 s into a run: truncates it to
// `size` bytes (inside its first page too, which stays mapped and reads as zeros past the
// cut), or overwrites it whole with random bytes (size -1: its size kept). The app fails the
// run with one line naming the queue, prints its report, dies of no signal (Boost's
// message_queue trusted its own offset pointers in the file: SIGSEGV in the app, about 1 run in
// 20 for a cut inside page 0) and leaves nothing in /dev/shm. Each row is run kRepeats times:
// the crash was a race with the receiver.
void TestShmSafety::queueChangedMidRunFailsWithAReport_data() {
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("says");
    const auto shrank = [](qint64 n) { return QStringLiteral("shrank to %1 bytes").arg(n); };
    for (const qint64 n : {qint64(0), qint64(9), qint64(100), qint64(4095), qint64(4096 + 8)})
        QTest::newRow(qPrintable(QStringLiteral("truncated to %1").arg(n))) << n << shrank(n);
    QTest::newRow("random bytes") << qint64(-1) << QStringLiteral(": corrupt message at");
}

namespace {
// Overwrites the file at path with random bytes, keeping its size; "" or why not.
QString scribble(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite)) return f.errorString();
    QByteArray junk(f.size(), Qt::Uninitialized);
    QFile urandom(QStringLiteral("/dev/urandom"));
    if (!urandom.open(QIODevice::ReadOnly) || urandom.read(junk.data(), junk.size()) != junk.size())
        return QStringLiteral("cannot read /dev/urandom");
    return f.write(junk) == junk.size() ? QString() : f.errorString();
}

// One run of queueChangedMidRunFailsWithAReport: "" if the app behaved, else what it did.
QString changeQueueMidRun(qint64 size, const QString& says) {
    QProcess p;
    // Histogram bins by many senders, one message a result (--delay-us): the receiver is
    // inside a receive most of the time, where the old queue crashed. About 2 s of work.
    p.start(
        testutil::shmscopePath(),
        args({"--headless", "--json", "--transport", "queue", "--workload", "histogram", "--sync",
              "atomic", "--workers", "5", "--elements", "400000", "--delay-us", "15"}));
    if (!p.waitForStarted(10000)) return QStringLiteral("the app did not start");
    const qint64 pid = p.processId();
    QElapsedTimer t;
    t.start();
    while (testutil::processedByApp(pid) == 0 && t.elapsed() < 60000)
        QThread::msleep(10);
    const QString q = queueOf(pid);
    if (q.isEmpty())
        return QStringLiteral("no queue: ") + testutil::shmEntries(pid).join(QLatin1Char(' '));
    QThread::msleep(300);
    const QString path = QStringLiteral("/dev/shm/") + q;
    if (size >= 0 && ::truncate(path.toLocal8Bit().constData(), off_t(size)) != 0)
        return QStringLiteral("truncate failed");
    if (size < 0)
        if (QString why = scribble(path); !why.isEmpty()) return why;
    if (!p.waitForFinished(120000)) return QStringLiteral("the app did not end within 120 s");
    const QByteArray err = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("the app died of signal %1: %2")
            .arg(p.exitCode())
            .arg(QString::fromUtf8(err));
    if (p.exitCode() != shm::exit_code::kRunFailed)
        return QStringLiteral("exit code %1: %2").arg(p.exitCode()).arg(QString::fromUtf8(err));
    const QJsonObject rep = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    if (rep[QLatin1String("status")].toString() != QLatin1String("failed"))
        return QStringLiteral("no failed report: ") + QString::fromUtf8(err);
    const QString failure = rep[QLatin1String("failure")].toString();
    if (!failure.startsWith(QStringLiteral("result queue ") + q) || !failure.contains(says))
        return QStringLiteral("failure: ") + failure;
    // One line on stderr says it, naming the queue.
    const QStringList lines = QString::fromUtf8(err).split(QLatin1Char('\n'));
    if (lines.filter(q).filter(says).size() != 1)
        return QStringLiteral("stderr: ") + QString::fromUtf8(err);
    if (!testutil::shmEntries(pid).isEmpty())
        return QStringLiteral("left: ") + testutil::shmEntries(pid).join(QLatin1Char(' '));
    return {};
}
} // namespace

void TestShmSafety::queueChangedMidRunFailsWithAReport() {
    QFETCH(qint64, size);
    QFETCH(QString, says);
    constexpr int kRepeats = 5;
    for (int i = 0; i < kRepeats; ++i) {
        const QString bad = changeQueueMidRun(size, says);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("run %1: %2").arg(i + 1).arg(bad)));
    }
}

// /dev/shm has room for the segment but not for the queue: the run is refused naming
// /dev/shm, instead of a worker dying of SIGBUS ("killed by signal 7") at its first message
// past the end of the room.
void TestShmSafety::queueOnNearlyFullShmNamesIt() {
    shm::ExperimentConfig cfg;
    cfg.workers = 2;
    cfg.elements = 200'000;
    cfg.transport = shm::Transport::Queue;
    const uint64_t segBytes = shm::computeRegions(cfg).totalSize;
    constexpr uint64_t kTmpfs = 8u << 20;
    const uint64_t fill = kTmpfs - segBytes - (256u << 10); // 256 KiB left beside the segment
    const PrivateRun r = runInPrivateShm(
        "size=8m",
        [&] {
            const int fd = ::open("/dev/shm/filler", O_CREAT | O_WRONLY, 0600);
            (void)!posix_fallocate(fd, 0, off_t(fill));
            ::close(fd);
        },
        "filler",
        args({"--headless", "--json", "--transport", "queue", "--workers", "2", "--elements",
              "200000"}));
    if (!r.skip.isEmpty()) QSKIP(qPrintable(r.skip));
    QVERIFY2(r.status != -2, "the app did not end within 120 s");
    QVERIFY2(
        WIFEXITED(r.status),
        qPrintable(QStringLiteral("status %1: %2").arg(r.status).arg(QString::fromUtf8(r.err))));
    QVERIFY2(WEXITSTATUS(r.status) != 0, r.err.constData());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.contains(QLatin1String("/dev/shm")) && !err.contains(QLatin1String("signal 7")),
             qPrintable(err));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(r.left.isEmpty(), qPrintable(r.left.join(QLatin1Char(' '))));
}

// Another user holds the old queue name "<segment>-q" before the run (the segment's name was
// known: here it is chosen, a watcher of /dev/shm learns it the moment the segment appears):
// the queue's name is not that one, so the run goes on and verifies, and the squatter's file
// is not touched.
void TestShmSafety::squattedQueueNameDoesNotStopARun() {
    const QString seg = testutil::segmentName(QStringLiteral("squat"));
    const std::string squat = "/dev/shm/" + seg.toStdString() + "-q";
    const int fd = ::open(squat.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0644);
    QVERIFY(fd >= 0);
    if (geteuid() == 0) QVERIFY(fchown(fd, 30001, 30001) == 0); // only root can give it away
    ::close(fd);
    struct Unlink {
        std::string path;
        ~Unlink() { ::unlink(path.c_str()); }
    } unlinkSquat{squat};
    RunController c;
    c.setWorkerPath(testutil::workerPath());
    c.setSegmentName(seg);
    QSignalSpy done(&c, &RunController::finished);
    shm::ExperimentConfig cfg{.workers = 2, .elements = 300'000};
    cfg.transport = shm::Transport::Queue;
    QString error;
    QVERIFY2(c.start(cfg, &error), qPrintable(error));
    QVERIFY(done.wait(120000));
    const shm::RunReport& r = c.report();
    QVERIFY2(r.status == shm::RunStatus::Finished, r.failure.c_str());
    QCOMPARE(QString::fromStdString(r.verdict()), QStringLiteral("array verified"));
    QVERIFY(r.segmentRemoved);
    struct stat st {};
    QVERIFY(::stat(squat.c_str(), &st) == 0); // the squatter's file, untouched
    QCOMPARE(testutil::shmEntries(getpid()), QStringList{seg + QStringLiteral("-q")});
}

// 150k empty files named like stale segments (shmscope-<dead pid>-*): the start-up sweep reads
// each with one lstat (it was a vector search per name: 32 s), and says so in a few lines plus
// a count (it was one line per file).
void TestShmSafety::startBesideManyFilesIsQuickAndBrief() {
    constexpr int kFiles = 150'000;
    const std::string name = "shmscope-" + std::to_string(deadPid()) + "-f";
    const std::string prefix = "/dev/shm/" + name;
    const QStringList run = args({"--headless", "--workers", "1", "--elements", "1000"});
    const PrivateRun empty = runInPrivateShm(
        "size=64m,nr_inodes=400k", [] {}, name, run);
    if (!empty.skip.isEmpty()) QSKIP(qPrintable(empty.skip));
    const PrivateRun full = runInPrivateShm(
        "size=64m,nr_inodes=400k",
        [&] {
            char path[256];
            for (int i = 0; i < kFiles; ++i) {
                std::snprintf(path, sizeof path, "%s%d", prefix.c_str(), i);
                ::close(::open(path, O_CREAT | O_WRONLY, 0600));
            }
        },
        name, run, 300000);
    QVERIFY2(full.status != -2, "the app did not end within 300 s");
    QVERIFY2(WIFEXITED(full.status) && WEXITSTATUS(full.status) == 0, full.err.constData());
    const qsizetype lines = full.err.count('\n');
    qInfo("start beside %d stale-looking files: %.2f s (CPU %.2f s), without them %.2f s (CPU "
          "%.2f s); %lld lines on stderr",
          kFiles, full.seconds, full.cpuSeconds, empty.seconds, empty.cpuSeconds,
          static_cast<long long>(lines));
    QVERIFY2(lines <= qsizetype(shm::kSweepListed) + 1, full.err.right(2000).constData());
    const QByteArray more = QByteArray::number(kFiles - qsizetype(shm::kSweepListed)) + " more";
    QVERIFY2(full.err.contains(more), full.err.right(2000).constData());
    // Generous, and in CPU time (wall time here is mostly the load beside it): "does not take
    // half a minute", not a speed claim (the figures are printed).
    QVERIFY2(full.cpuSeconds - empty.cpuSeconds < 10, qPrintable(QString::number(full.cpuSeconds)));
    // The app's own files are gone (the 150k, not ours, stay: they are not listed).
    QVERIFY2(full.left.isEmpty(), qPrintable(full.left.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestShmSafety)
#include "tst_shm_safety.moc"
