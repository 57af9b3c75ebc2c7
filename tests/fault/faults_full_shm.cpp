// A /dev/shm too small for the run, for each transport: the app runs in a mount namespace of
// its own with a small tmpfs over /dev/shm (the machine's own is never filled: other tests run
// beside the campaign). The promise: a one-line refusal naming /dev/shm and its free space, a
// non-zero exit, no death by SIGBUS, nothing left in that /dev/shm.
#include "campaign.h"

#include "segment/queue_file.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>

#include <signal.h>
#include <unistd.h>

namespace campaign {

namespace {
constexpr uint64_t kMpiFileBytes = uint64_t(4) << 20; // Open MPI's vader file, one a rank

// The shell inside the namespace: mount, note the free space, run the app, list what is left.
const char kScript[] = "size=$1; shift\n"
                       "mount -t tmpfs -o size=$size tmpfs /dev/shm || exit 97\n"
                       "echo \"@@free $(stat -f -c '%a %S' /dev/shm)\" >&2\n"
                       "\"$@\" &\n"
                       "echo \"@@pid $!\" >&2\n"
                       "wait $!; rc=$?\n"
                       "echo \"@@left $(ls -A /dev/shm | tr '\\n' ' ')\" >&2\n"
                       "exit $rc\n";

QStringList namespaceArgs(uint64_t tmpfsBytes) {
    return {QStringLiteral("-m"),      QStringLiteral("--propagation"),
            QStringLiteral("private"), QStringLiteral("sh"),
            QStringLiteral("-c"),      QString::fromLatin1(kScript),
            QStringLiteral("sh"),      QString::number(tmpfsBytes)};
}

QString probeNamespace() {
    if (::geteuid() != 0) return QStringLiteral("needs root to mount a tmpfs over /dev/shm");
    QProcess p;
    p.start(QStringLiteral("unshare"), namespaceArgs(65536) << QStringLiteral("true"));
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("unshare -m / mount not permitted here: %1")
            .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return {};
}

// "@@key value" from the shell's lines on stderr.
QString marked(const QByteArray& err, const char* key) {
    const QByteArray tag = QByteArray("@@") + key + ' ';
    for (const QByteArray& line : err.split('\n'))
        if (line.startsWith(tag)) return QString::fromLocal8Bit(line.mid(tag.size())).trimmed();
    return {};
}
} // namespace

QString Campaign::fullShmUnavailable(Fault f) {
    static const QString why = probeNamespace();
    if (!why.isEmpty()) return why;
    if (f == Fault::FullShmMpi &&
        (QStandardPaths::findExecutable(QStringLiteral("mpirun")).isEmpty() ||
         !QFileInfo::exists(testutil::binDir() + QStringLiteral("/shmscope-mpi-worker"))))
        return QStringLiteral("Open MPI (mpirun) or shmscope-mpi-worker is not installed");
    return {};
}

void Campaign::runFullShm(Trial& t) {
    shm::ExperimentConfig cfg; // the CLI's defaults, and what the arguments below change
    cfg.workers = uint32_t(pick(1, 4));
    cfg.elements = pick(200, 1000) * 1000;
    cfg.transport = t.f == Fault::FullShmShared  ? shm::Transport::Shared
                    : t.f == Fault::FullShmQueue ? shm::Transport::Queue
                                                 : shm::Transport::Mpi;
    static const char* const kTransport[] = {"shared", "private", "queue", "mpi"};
    t.args = QStringList{
        QStringLiteral("--headless"),  QStringLiteral("--json"),
        QStringLiteral("--workers"),   QString::number(cfg.workers),
        QStringLiteral("--elements"),  QString::number(cfg.elements),
        QStringLiteral("--transport"), QString::fromLatin1(kTransport[int(cfg.transport)])};
    const uint64_t segment = shm::computeRegions(cfg).totalSize;
    // What else the run puts into /dev/shm beside its segment.
    const uint64_t more = t.f == Fault::FullShmQueue ? shm::queueBytesNeeded()
                          : t.f == Fault::FullShmMpi ? kMpiFileBytes * cfg.workers
                                                     : 0;
    // Half the time the segment does not fit; else it fits and what comes beside it does not.
    const bool segmentFits = more > 0 && pick(0, 1) == 1;
    uint64_t bytes =
        segmentFits ? pick(segment + 16384, segment + more - 16384) : pick(16384, segment - 16384);
    bytes &= ~uint64_t(4095);
    t.detail = QStringLiteral("tmpfs of %1 KiB: the segment needs %2 KiB, %3 KiB more beside it")
                   .arg(bytes >> 10)
                   .arg(segment >> 10)
                   .arg(more >> 10);

    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral("unshare"), namespaceArgs(bytes) << testutil::shmscopePath() << t.args);
    if (!p.waitForFinished(timeoutMs)) {
        t.hung = true;
        bad(t, &Counts::hangs, QStringLiteral("still running after %1 ms").arg(timeoutMs));
        const qint64 app = marked(p.readAllStandardError(), "pid").toLongLong();
        if (app > 0) ::kill(pid_t(app), SIGKILL);
        p.kill();
        p.waitForFinished(5000);
        return;
    }
    t.exitMs = double(clock.nsecsElapsed()) / 1e6;
    t.err = p.readAllStandardError();
    t.out = p.readAllStandardOutput();
    t.j = QJsonDocument::fromJson(t.out).object();
    t.status = t.j[QLatin1String("status")].toString();
    t.failure = t.j[QLatin1String("failure")].toString();
    t.pid = marked(t.err, "pid").toLongLong();
    t.needle = "shmscope-" + QByteArray::number(t.pid) + "-";
    // sh gives 128 + N for a death by signal N; the app's own codes are 0, 2 and 3.
    const int rc = p.exitCode();
    t.crashed = rc > 128;
    t.code = t.crashed ? rc - 128 : rc;
    const QStringList freeSpace = marked(t.err, "free").split(QLatin1Char(' '));
    const uint64_t freeBytes =
        freeSpace.size() == 2 ? freeSpace[0].toULongLong() * freeSpace[1].toULongLong() : 0;
    t.struck = rc != 97 && freeBytes < segment + more;
    t.left = marked(t.err, "left").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    judgeFullShm(t);
}

void Campaign::judgeFullShm(Trial& t) {
    QStringList lines; // the app's own, without the shell's
    for (const QByteArray& l : t.err.split('\n'))
        if (!l.isEmpty() && !l.startsWith("@@")) lines << QString::fromLocal8Bit(l);
    if (t.code == 97 && !t.crashed) {
        bad(t, &Counts::wrongExit, QStringLiteral("the tmpfs could not be mounted"));
        return;
    }
    if (t.crashed)
        bad(t, &Counts::unreported, QStringLiteral("the app died of signal %1").arg(t.code));
    const bool refused = !t.crashed && t.code != 0 && lines.size() == 1 &&
                         lines[0].contains(QLatin1String("/dev/shm")) &&
                         lines[0].contains(QLatin1String("free"));
    // Open MPI maps its files without reserving their pages: a run whose segment fits may
    // finish verified in less room than their 4 MiB a rank (then it did not need them).
    const bool mpiCoped = t.f == Fault::FullShmMpi && t.finished();
    if (t.struck && !refused && !mpiCoped)
        bad(t, &Counts::wrongExit,
            QStringLiteral("wanted one line naming /dev/shm and its free space, non-zero exit; "
                           "got %1 %2 and %3 line(s): %4 (%5)")
                .arg(t.crashed ? QStringLiteral("signal") : QStringLiteral("exit"))
                .arg(t.code)
                .arg(lines.size())
                .arg(lines.join(QStringLiteral(" | ")), t.detail));
    if (!t.left.isEmpty())
        bad(t, &Counts::leaked,
            QStringLiteral("left in its /dev/shm: %1").arg(t.left.join(QLatin1Char(' '))));
    if (t.pid > 0) {
        QList<qint64> orphans;
        for (int i = 0; i < 50 && !(orphans = testutil::processesWith(t.needle)).isEmpty(); ++i)
            QThread::msleep(20);
        if (!orphans.isEmpty()) {
            bad(t, &Counts::orphans,
                QStringLiteral("%1 process(es) outlived the app").arg(orphans.size()));
            for (qint64 o : orphans)
                ::kill(pid_t(o), SIGKILL);
        }
    }
}

} // namespace campaign
