#pragma once
// Shared helpers for tests that run the real binaries on real shared memory.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

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
