// What every run is judged on, whatever its fault: a report, no signal nobody sent, no worker
// left running, nothing of the run left in /dev/shm, every file not the app's left as it was.
#include "campaign.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <signal.h>

namespace campaign {

namespace {
bool isSignalFault(Fault f) {
    return f <= Fault::StopContApp || f == Fault::TermTwice || f == Fault::TermPidGroup ||
           f == Fault::IntGroup;
}
bool isFileFault(Fault f) {
    return f == Fault::TruncateSegment || f == Fault::TruncateQueue || f == Fault::SquatQueue ||
           f == Fault::ForeignFiles;
}
} // namespace

void Campaign::judgeCommon(Trial& t) {
    if (isSignalFault(t.f))
        judgeSignals(t);
    else if (isFileFault(t.f))
        judgeFiles(t);
    else
        judgeLocks(t);
    if (t.hung) return; // killed by us: nothing more to judge of its ending
    // A report on every path but SIGKILL of the app.
    if (t.f != Fault::KillApp && t.j.isEmpty())
        bad(t, &Counts::unreported, QStringLiteral("no JSON report on stdout"));
    // Signals nobody sent.
    const bool groupSignal = t.f == Fault::TermPidGroup || t.f == Fault::IntGroup;
    const bool killsWorker = t.f == Fault::KillWorker || t.f == Fault::LockHolderKill;
    for (const QJsonValue& w : t.ws) {
        const int sig = w[QLatin1String("signal")].toInt();
        const bool ours = w[QLatin1String("pid")].toInteger() == t.victim && killsWorker;
        // A worker the group's signal killed: "stopped by the user's signal", not a crash.
        const bool user = groupSignal && sig == t.diesOf &&
                          w[QLatin1String("state")].toString() == QLatin1String("stopped");
        if (sig != 0 && sig != SIGKILL && !ours && !user)
            bad(t, &Counts::unreported, QStringLiteral("a worker died of signal %1").arg(sig));
        // SIGKILL by the app itself is how it ends workers after a failure: "terminated".
        if (sig == SIGKILL && !ours &&
            w[QLatin1String("state")].toString() == QLatin1String("crashed"))
            bad(t, &Counts::unreported,
                QStringLiteral("worker pid %1 crashed of a SIGKILL nobody sent")
                    .arg(w[QLatin1String("pid")].toInteger()));
    }
    if (t.crashed && t.code != t.diesOf && !(t.f == Fault::KillApp && t.code == SIGKILL))
        bad(t, &Counts::unreported, QStringLiteral("the app died of signal %1").arg(t.code));
}

// Every name of the run in /dev/shm: segment, queue, Open MPI's directory (files and dirs).
static QStringList runEntries(qint64 pid) {
    const QString prefix = QStringLiteral("shmscope-%1-").arg(pid);
    QStringList out;
    for (const QString& n :
         QDir(QStringLiteral("/dev/shm"))
             .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot))
        if (n.startsWith(prefix)) out << n;
    return out;
}

void Campaign::checkAfterwards(Trial& t) {
    // Orphans: PR_SET_PDEATHSIG (and the app's sweep of what workers leave running) should
    // have taken every worker, and every process that carries a worker's command line.
    QElapsedTimer grace;
    grace.start();
    QList<qint64> left;
    while (!(left = testutil::processesWith(t.needle)).isEmpty() && grace.elapsed() < 1000)
        QThread::msleep(20);
    if (!left.isEmpty()) {
        bad(t, &Counts::orphans,
            QStringLiteral("%1 process(es) outlived the app").arg(left.size()));
        for (qint64 p : left)
            ::kill(pid_t(p), SIGKILL);
    }
    if (t.f == Fault::StopWorker && t.victim) ::kill(pid_t(t.victim), SIGCONT);
    // Files not the app's: left as they were.
    QStringList planted;
    for (const Planted& p : t.planted) {
        planted << QFileInfo(p.path).fileName();
        if (const QString what = changed(p); !what.isEmpty())
            bad(t, &Counts::harmed, QStringLiteral("%1: %2 by the app").arg(p.path, what));
    }
    // Leaks (a SIGKILLed app cannot clean up: its segment is checked after the next sweep).
    if (t.f == Fault::KillApp && t.crashed) {
        killedApps.push_back(t.pid);
        return;
    }
    QStringList leftover;
    for (const QString& n : runEntries(t.pid))
        if (!planted.contains(n)) leftover << n;
    if (!leftover.isEmpty()) bad(t, &Counts::leaked, leftover.join(QLatin1Char(' ')));
    for (const QString& n : leftover) {
        const QString path = QStringLiteral("/dev/shm/") + n;
        if (QFileInfo(path).isDir())
            QDir(path).removeRecursively();
        else
            QFile::remove(path);
    }
}

} // namespace campaign
