#pragma once
// Shared helpers for tests that run the real binaries on real shared memory.
#include "segment/exit_codes.h"
#include "segment/segment.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <initializer_list>
#include <unistd.h>

namespace testutil {

inline QString binDir() {
    return QStringLiteral(SHMSCOPE_BIN_DIR);
}
inline QString shmscopePath() {
    return binDir() + QStringLiteral("/shmscope");
}
inline QString workerPath() {
    return binDir() + QStringLiteral("/shmscope-worker");
}

// A segment name of this test process: shmscope-<our pid>-<tag>, so parallel tests never
// collide and the stale sweep sees a live creator.
inline QString segmentName(const QString& tag) {
    return QStringLiteral("shmscope-%1-%2").arg(getpid()).arg(tag);
}

// shmscope-* entries in /dev/shm, optionally only those created by pid.
inline QStringList shmEntries(qint64 pid = 0) {
    const QString prefix =
        pid ? QStringLiteral("shmscope-%1-").arg(pid) : QStringLiteral("shmscope-");
    QStringList out;
    for (const QString& n :
         QDir(QStringLiteral("/dev/shm")).entryList(QDir::Files | QDir::System | QDir::Hidden))
        if (n.startsWith(prefix)) out << n;
    return out;
}

// Elements the workers have processed so far in the segment `name` (a /dev/shm entry), read
// by attaching to it like a viewer does; 0 while it cannot be attached (not initialised yet,
// or gone). Tests wait on it ("the run is making progress") instead of sleeping a guess.
inline uint64_t processedIn(const QString& name) {
    try {
        const auto seg = shm::Segment::attach(name.toStdString());
        uint64_t sum = 0;
        for (uint32_t k = 0; k < seg->config().workers; ++k)
            sum += seg->slot(k).processed.load();
        return sum;
    } catch (const shm::SegmentError&) {
        return 0;
    }
}
// The same for the run of the app with process id `pid` (its segments: shmscope-<pid>-*).
inline uint64_t processedByApp(qint64 pid) {
    uint64_t sum = 0;
    for (const QString& name : shmEntries(pid))
        sum += processedIn(name);
    return sum;
}

// Pids of running processes whose command line contains `needle` (reads /proc, so it needs
// no procps on the machine).
inline QList<qint64> processesWith(const QByteArray& needle) {
    QList<qint64> out;
    for (const QString& d : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = d.toLongLong(&ok);
        if (!ok) continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(d));
        if (!f.open(QIODevice::ReadOnly)) continue;
        QByteArray cmd = f.readAll();
        cmd.replace('\0', ' ');
        if (cmd.contains(needle)) out << pid;
    }
    return out;
}

// Starts a run on `controller` (a RunController or anything with its start(cfg, &err)); when it
// does not start, the log says why, so the failing check that follows has its cause beside it.
template <typename Controller, typename Config>
bool startOrWarn(Controller& controller, const Config& cfg) {
    QString err;
    if (controller.start(cfg, &err)) return true;
    qWarning() << err;
    return false;
}

// Writes `content` to a new file at `path` with `permissions` (if any: a script needs to be
// executable); false if it could not be written.
inline bool writeFile(const QString& path, const QByteArray& content,
                      QFileDevice::Permissions permissions = {}) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) return false;
    f.close();
    return !permissions || f.setPermissions(permissions);
}

// What all of the machine's CPUs did up to now, from /proc/stat. Tests that judge CPU time take
// two of these around a run to tell "the effect is missing" from "others had the cores".
struct MachineCpu {
    double busy = 0;  // CPU-seconds not idle: user, nice, system, irq, softirq, steal
    double total = 0; // all CPU-seconds, idle and iowait included
};
inline MachineCpu machineCpu() {
    QFile f(QStringLiteral("/proc/stat"));
    MachineCpu m;
    if (!f.open(QIODevice::ReadOnly)) return m;
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is
    // in user already, so the first eight fields are the whole.
    const QList<QByteArray> f8 = f.readLine().simplified().split(' ').mid(1, 8);
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (qsizetype i = 0; i < f8.size(); ++i) {
        const double s = f8[i].toDouble() / tick;
        m.total += s;
        if (i != 3 && i != 4) m.busy += s;
    }
    return m;
}
// The share (0..1) of the machine's CPU time from `a` to `b` that others used: everything
// busy in between less `ourSeconds` (our workers' CPU time). Steal time counts as others'.
inline double othersShare(const MachineCpu& a, const MachineCpu& b, double ourSeconds) {
    const double total = b.total - a.total;
    return total > 0 ? std::clamp((b.busy - a.busy - ourSeconds) / total, 0.0, 1.0) : 0.0;
}

struct Result {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out, err;
    qint64 pid = 0;
};

inline Result run(const QString& program, const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(program, args);
    Result r;
    if (!p.waitForStarted(10000)) return r;
    r.pid = p.processId();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A refusal of bad input: exit code 2 (kBadInput), one line on stderr that says `says`, no
// segment left behind. A macro, so a failure points at the test that expected the refusal;
// where it is used, <QTest> is included.
#define SHMSCOPE_VERIFY_REFUSED(r, says)                                                           \
    do {                                                                                           \
        QCOMPARE((r).exitCode, int(shm::exit_code::kBadInput));                                    \
        const QString err_ = QString::fromUtf8((r).err).trimmed();                                 \
        QVERIFY2(err_.contains(says), qPrintable(err_));                                           \
        QVERIFY2(!err_.contains(QLatin1Char('\n')), qPrintable(err_));                             \
        QVERIFY(testutil::shmEntries((r).pid).isEmpty());                                          \
    } while (false)

// {"--workers", "2"} as a QStringList (the tests build without implicit casts from ASCII).
inline QStringList args(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* a : list)
        out << QString::fromLatin1(a);
    return out;
}

inline Result runCli(const QStringList& args, int timeoutMs = 120000) {
    return run(shmscopePath(), args, timeoutMs);
}

// An interpreter that imports numpy (for the Python worker), or empty: the system's python3
// first, since a pyenv or virtualenv python3 on PATH may lack numpy.
inline QString pythonWithNumpy() {
    for (const char* py : {"/usr/bin/python3", "python3"}) {
        const Result r = run(QString::fromLatin1(py), args({"-c", "import numpy"}), 30000);
        if (r.status == QProcess::NormalExit && r.exitCode == 0) return QString::fromLatin1(py);
    }
    return {};
}

} // namespace testutil
