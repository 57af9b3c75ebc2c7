// Signals to a worker, to the app and to its process group, and what each calls for.
#include "campaign.h"

#include <QThread>

#include <signal.h>

namespace campaign {

void Campaign::strikeSignals(Trial& t) {
    if (!t.workers.isEmpty()) t.victim = t.workers[int(pick(0, uint64_t(t.workers.size()) - 1))];
    auto signalWorker = [&](int sig) {
        if (t.victim && alive(t.victim) && ::kill(pid_t(t.victim), sig) == 0) t.struck = true;
    };
    const pid_t pid = pid_t(t.pid);
    switch (t.f) {
    case Fault::KillWorker:
        signalWorker(SIGKILL);
        break;
    case Fault::StopWorker:
        signalWorker(SIGSTOP);
        break;
    case Fault::StopContWorker:
        signalWorker(SIGSTOP);
        QThread::msleep(pick(10, 150));
        if (t.victim) ::kill(pid_t(t.victim), SIGCONT);
        break;
    case Fault::KillApp:
    case Fault::TermApp:
    case Fault::IntApp:
        t.appSignal = t.diesOf = t.f == Fault::KillApp   ? SIGKILL
                                 : t.f == Fault::TermApp ? SIGTERM
                                                         : SIGINT;
        t.struck = alive(pid) && ::kill(pid, t.appSignal) == 0;
        break;
    case Fault::StopContApp:
        if (alive(pid) && ::kill(pid, SIGSTOP) == 0) t.struck = true;
        QThread::msleep(pick(10, 200));
        ::kill(pid, SIGCONT);
        break;
    default: { // TermTwice, TermPidGroup, IntGroup
        // Struck: the first signal reached the live app (not a zombie whose report is out).
        t.diesOf = t.f == Fault::IntGroup ? SIGINT : SIGTERM;
        const bool live = alive(pid);
        const pid_t first = t.f == Fault::IntGroup ? -pid : pid;
        t.struck = live && ::kill(first, t.diesOf) == 0;
        if (t.f != Fault::IntGroup) {
            QThread::usleep(pick(0, 5000));
            ::kill(t.f == Fault::TermTwice ? pid : -pid, SIGTERM);
        }
        break;
    }
    }
}

namespace {
// Whether the report shows worker `pid` killed by SIGKILL.
bool shownKilled(const Trial& t, qint64 pid) {
    for (const QJsonValue& w : t.ws)
        if (w[QLatin1String("pid")].toInteger() == pid)
            return w[QLatin1String("signal")].toInt() == SIGKILL;
    return false;
}
} // namespace

void Campaign::judgeSignals(Trial& t) {
    auto expectExit = [&](bool ok, const QString& wanted) {
        if (!ok && !t.hung)
            bad(t, &Counts::wrongExit,
                QStringLiteral("wanted %1, got %2 %3 (%4)")
                    .arg(wanted, t.crashed ? QStringLiteral("signal") : QStringLiteral("exit"))
                    .arg(t.code)
                    .arg(t.report()));
    };
    const bool finished = t.finished(), failed = t.failed();
    switch (t.f) {
    case Fault::KillWorker: {
        const bool recovered = !t.j[QLatin1String("recoveries")].toArray().isEmpty();
        expectExit(!t.struck || failed || (recovered && finished),
                   QStringLiteral("exit 3 (or 0 after a robust recovery)"));
        if (t.struck && !shownKilled(t, t.victim))
            bad(t, &Counts::unreported,
                QStringLiteral("worker pid %1 was SIGKILLed but the report does not say so")
                    .arg(t.victim));
        if (t.struck && !t.crashed) {
            killToExitMs.push_back(t.exitMs);
            slowest.emplace_back(t.exitMs, t.report() + QStringLiteral(" [") +
                                               t.args.mid(2).join(QLatin1Char(' ')) +
                                               QLatin1Char(']'));
        }
        break;
    }
    case Fault::StopWorker:
        expectExit(!t.struck || (failed && t.failure.contains(QLatin1String("suspended"))) ||
                       finished,
                   QStringLiteral("exit 3 naming the suspended worker"));
        break;
    case Fault::StopContWorker:
    case Fault::StopContApp:
        expectExit(finished, QStringLiteral("exit 0, finished"));
        break;
    case Fault::KillApp:
        expectExit(!t.struck || (t.crashed && t.code == SIGKILL) || finished,
                   QStringLiteral("death by SIGKILL"));
        break;
    case Fault::TermApp:
    case Fault::IntApp:
        // (A signal that lands after the report of a finished run also kills by the signal.)
        expectExit(!t.struck || finished ||
                       (t.crashed && t.code == t.appSignal &&
                        (t.status == QLatin1String("terminated") ||
                         t.status == QLatin1String("finished"))),
                   QStringLiteral("the report (terminated), then death by the signal"));
        break;
    default: { // TermTwice, TermPidGroup, IntGroup
        // One report, whole; death by the first signal; the signal named, no worker blamed.
        const bool terminated = t.status == QLatin1String("terminated");
        const QString first = t.j[QLatin1String("errors")].toArray().first().toString();
        expectExit(!t.struck || finished ||
                       (t.crashed && t.code == t.diesOf &&
                        (terminated || t.status == QLatin1String("finished"))),
                   QStringLiteral("one report, then death by the signal"));
        if (t.out.count("\"status\":") > 1)
            bad(t, &Counts::unreported, QStringLiteral("more than one report"));
        if (t.struck && terminated &&
            !first.startsWith(QStringLiteral("terminated by signal %1 (SIG").arg(t.diesOf)))
            bad(t, &Counts::unreported, QStringLiteral("the signal is not named: %1").arg(first));
        if (t.failure.contains(QLatin1String("worker")))
            bad(t, &Counts::unreported, QStringLiteral("a worker is blamed: %1").arg(t.failure));
        break;
    }
    }
}

} // namespace campaign
