// fault_campaign [--runs N] [--seed S] [--timeout-ms T] [--verbose]
//
// The reliability campaign, rerunnable: N headless runs of the real shmscope binary with a
// random configuration, each hit by one random fault from outside, as an unlucky user or an
// attacker would: SIGKILL / SIGSTOP (with or without SIGCONT) of a worker, SIGKILL / SIGTERM /
// SIGINT / SIGSTOP of the app, SIGTERM twice (to the app, or to the app then its process
// group, as `timeout` does), SIGINT to the group (Ctrl+C: the workers get it too), truncation
// of the live segment, a foreign file under our prefix in /dev/shm, and the scripted hang.
// Each run is judged against what the app promises:
//   hang            the app has not exited T ms after the fault (it is then SIGKILLed)
//   wrong exit      an exit code or signal other than the one the fault calls for
//   unreported      a crash the report does not show (a worker we killed not marked crashed,
//                   a signal nobody sent, no report on a path that promises one)
//   leaked          a segment or queue of the run still in /dev/shm afterwards (after the
//                   next start's sweep, when the app itself was SIGKILLed)
//   orphan          a worker of the run still alive 1 s after the app exited
// and prints the counts, the figures per fault, and the kill-to-exit times. Exit 0 only when
// every count is 0. CTest runs it briefly; run it at length by hand (docs/reliability.md, "The
// fault campaign").
#include "../test_util.h"
#include "segment/segment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <signal.h>
#include <unistd.h>

namespace {

enum class Fault {
    KillWorker,
    StopWorker,     // never continued: the suspend timeout must end the run
    StopContWorker, // continued before the timeout: the run must finish verified
    KillApp,
    TermApp,
    IntApp,
    StopContApp,
    Truncate,
    ForeignFile,
    Hang, // --fault-action hang: the stall check must name it
    // Signals that come twice or to the whole process group: still exactly one report.
    TermTwice,    // SIGTERM to the app, then again 0-5 ms later (an impatient user)
    TermPidGroup, // SIGTERM to the app, then to its group (what `timeout -s TERM` does)
    IntGroup,     // SIGINT to the group: Ctrl+C, which the workers get too
};
constexpr const char* kFaultNames[] = {
    "SIGKILL worker",       "SIGSTOP worker", "SIGSTOP+SIGCONT worker", "SIGKILL app",
    "SIGTERM app",          "SIGINT app",     "SIGSTOP+SIGCONT app",    "truncate segment",
    "foreign file",         "hang worker",    "SIGTERM app twice",      "SIGTERM app, then group",
    "SIGINT group (Ctrl+C)"};
constexpr int kFaults = int(std::size(kFaultNames));

struct Counts {
    int runs = 0, struck = 0, hangs = 0, wrongExit = 0, unreported = 0, leaked = 0, orphans = 0;
};

struct Campaign {
    std::mt19937_64 rng;
    int timeoutMs = 20000;
    bool verbose = false;
    Counts total;
    std::map<int, Counts> perFault;
    std::vector<double> killToExitMs;                // worker SIGKILLed -> app exited
    std::vector<std::pair<double, QString>> slowest; // the slow ones, with how the run ended
    std::vector<qint64> killedApps; // their segments are checked after the next sweep

    uint64_t pick(uint64_t lo, uint64_t hi) {
        return std::uniform_int_distribution<uint64_t>(lo, hi)(rng);
    }
    template <size_t N> QString oneOf(const char* const (&v)[N]) {
        return QString::fromLatin1(v[pick(0, N - 1)]);
    }
    QStringList randomConfig(Fault f);
    void trial(int index);
};

QStringList Campaign::randomConfig(Fault f) {
    static const char* const syncs[] = {"none", "mutex", "striped", "spin", "atomic", "robust"};
    static const char* const partitions[] = {"block", "cyclic", "dynamic", "guided"};
    static const char* const workloads[] = {"sin", "wave", "histogram"};
    static const char* const transports[] = {"shared", "shared", "shared", "private", "queue"};
    const uint64_t workers = pick(1, 5);
    // 50-400 ms of slow-motion work per worker, so a fault 0-150 ms in finds most runs live.
    const uint64_t delay = pick(5, 30);
    const uint64_t elements = workers * pick(50, 400) * 1000 / delay;
    const QString sync = oneOf(syncs);
    QStringList a{QStringLiteral("--headless"),
                  QStringLiteral("--json"),
                  QStringLiteral("--workers"),
                  QString::number(workers),
                  QStringLiteral("--elements"),
                  QString::number(elements),
                  QStringLiteral("--delay-us"),
                  QString::number(delay),
                  QStringLiteral("--sync"),
                  sync,
                  QStringLiteral("--partition"),
                  oneOf(partitions),
                  QStringLiteral("--workload"),
                  oneOf(workloads),
                  QStringLiteral("--suspend-timeout-ms"),
                  QStringLiteral("300"),
                  QStringLiteral("--stall-timeout-ms"),
                  QStringLiteral("1000")}; // 300 ms blamed starved workers beside a build
    const QString transport = oneOf(transports);
    if (f != Fault::Hang) a << QStringLiteral("--transport") << transport;
    if (f == Fault::Hang)
        a << QStringLiteral("--kill-worker") << QString::number(pick(0, workers - 1))
          << QStringLiteral("--kill-at-ms") << QString::number(pick(0, 150))
          << QStringLiteral("--fault-action") << QStringLiteral("hang");
    return a;
}

// A process that exists and is not a zombie (a signal to a zombie strikes nothing).
bool alive(qint64 pid) {
    const shm::ProcStat s = shm::readProcStat(pid);
    return s.exists && s.state != 'Z';
}

QString reportOf(const QJsonObject& j) {
    return j[QLatin1String("status")].toString() + QStringLiteral(": ") +
           j[QLatin1String("failure")].toString();
}

void Campaign::trial(int index) {
    const auto f = Fault(pick(0, kFaults - 1));
    const QStringList args = randomConfig(f);
    Counts& pc = perFault[int(f)];
    ++pc.runs;
    ++total.runs;
    auto bad = [&](int Counts::*field, const QString& what) {
        ++(pc.*field);
        ++(total.*field);
        std::printf("  run %d (%s): %s\n    shmscope %s\n", index, kFaultNames[int(f)],
                    qPrintable(what), qPrintable(args.join(QLatin1Char(' '))));
        std::fflush(stdout);
    };

    QString foreign;
    if (f == Fault::ForeignFile) {
        // Under our prefix, with a pid that is not running: the sweep must leave it alone.
        foreign = QStringLiteral("/dev/shm/shmscope-4194000-campaign-%1").arg(index);
        QFile file(foreign);
        if (file.open(QIODevice::WriteOnly)) file.write(QByteArray(int(pick(1, 8192)), 'x'));
    }

    QProcess app;
    // Its own process group, as a shell gives a job: the group faults must not reach us.
    app.setChildProcessModifier([] { ::setpgid(0, 0); });
    app.start(testutil::shmscopePath(), args);
    if (!app.waitForStarted(10000)) {
        bad(&Counts::wrongExit, QStringLiteral("could not start"));
        return;
    }
    const qint64 pid = app.processId();
    if (pid <= 0) { // exited already: a pid of 0 would signal our own process group
        app.waitForFinished(5000);
        bad(&Counts::wrongExit, QStringLiteral("exited at once: %1")
                                    .arg(QString::fromLocal8Bit(app.readAllStandardError())));
        return;
    }
    const QByteArray needle = "--segment shmscope-" + QByteArray::number(pid) + "-";
    QElapsedTimer clock;
    clock.start();
    QList<qint64> workers;
    while ((workers = testutil::processesWith(needle)).isEmpty() && clock.elapsed() < 10000 &&
           app.state() == QProcess::Running)
        app.waitForFinished(5);
    QThread::msleep(pick(0, 150));

    // The fault. `struck`: it reached a live target, so its consequence is owed.
    bool struck = false;
    qint64 victim = 0;
    int victimIndex = -1;
    int appSignal = 0;
    int diesOf = 0; // the signal the app must die of, if any
    QElapsedTimer sinceFault;
    if (!workers.isEmpty()) {
        victimIndex = int(pick(0, uint64_t(workers.size()) - 1));
        victim = workers[victimIndex];
    }
    auto signalWorker = [&](int sig) {
        if (victim && alive(victim) && ::kill(pid_t(victim), sig) == 0) struck = true;
    };
    switch (f) {
    case Fault::KillWorker:
        signalWorker(SIGKILL);
        break;
    case Fault::StopWorker:
        signalWorker(SIGSTOP);
        break;
    case Fault::StopContWorker:
        signalWorker(SIGSTOP);
        QThread::msleep(pick(10, 150));
        if (victim) ::kill(pid_t(victim), SIGCONT);
        break;
    case Fault::KillApp:
        appSignal = SIGKILL;
        break;
    case Fault::TermApp:
        appSignal = SIGTERM;
        break;
    case Fault::IntApp:
        appSignal = SIGINT;
        break;
    case Fault::StopContApp:
        if (alive(pid) && ::kill(pid_t(pid), SIGSTOP) == 0) struck = true;
        QThread::msleep(pick(10, 200));
        ::kill(pid_t(pid), SIGCONT);
        break;
    case Fault::Truncate:
        for (const QString& n : testutil::shmEntries(pid))
            if (!n.endsWith(QLatin1String("-q")) &&
                ::truncate(qPrintable(QStringLiteral("/dev/shm/") + n), off_t(pick(0, 8192))) == 0)
                struck = true;
        break;
    case Fault::ForeignFile:
    case Fault::Hang:
        struck = true;
        break; // judged below from the report
    case Fault::TermTwice:
    case Fault::TermPidGroup:
    case Fault::IntGroup: {
        // Struck: the first signal reached the live app (not a zombie whose report is out).
        diesOf = f == Fault::IntGroup ? SIGINT : SIGTERM;
        const bool live = alive(pid);
        const pid_t first = f == Fault::IntGroup ? -pid_t(pid) : pid_t(pid);
        struck = live && ::kill(first, diesOf) == 0;
        if (f != Fault::IntGroup) {
            QThread::usleep(pick(0, 5000));
            ::kill(f == Fault::TermTwice ? pid_t(pid) : -pid_t(pid), SIGTERM);
        }
        break;
    }
    }
    if (appSignal) diesOf = appSignal;
    if (appSignal && alive(pid) && ::kill(pid_t(pid), appSignal) == 0) struck = true;
    sinceFault.start();

    if (!app.waitForFinished(timeoutMs)) {
        bad(&Counts::hangs, QStringLiteral("still running %1 ms after the fault").arg(timeoutMs));
        app.kill();
        app.waitForFinished(5000);
    }
    const double exitMs = double(sinceFault.nsecsElapsed()) / 1e6;
    const bool crashed = app.exitStatus() == QProcess::CrashExit;
    const int code = app.exitCode(); // the signal when crashed
    const QByteArray out = app.readAllStandardOutput();
    const QJsonObject j = QJsonDocument::fromJson(out).object();
    const QString status = j[QLatin1String("status")].toString();
    const QJsonArray ws = j[QLatin1String("workers")].toArray();
    const QString failure = j[QLatin1String("failure")].toString();
    if (struck) {
        ++pc.struck;
        ++total.struck;
    }

    // What each fault calls for.
    auto expectExit = [&](bool ok, const QString& wanted) {
        if (!ok)
            bad(&Counts::wrongExit,
                QStringLiteral("wanted %1, got %2 %3 (%4)")
                    .arg(wanted, crashed ? QStringLiteral("signal") : QStringLiteral("exit"))
                    .arg(code)
                    .arg(reportOf(j)));
    };
    const bool finished = !crashed && code == 0 && status == QLatin1String("finished");
    const bool failed = !crashed && code == 3 && status == QLatin1String("failed");
    switch (f) {
    case Fault::KillWorker: {
        const bool recovered = !j[QLatin1String("recoveries")].toArray().isEmpty();
        expectExit(!struck || failed || (recovered && finished),
                   QStringLiteral("exit 3 (or 0 after a robust recovery)"));
        if (struck && ws.size() > victimIndex) {
            // Which slot the victim was: match by pid.
            bool shown = false;
            for (const QJsonValue& w : ws)
                if (w[QLatin1String("pid")].toInteger() == victim)
                    shown = w[QLatin1String("signal")].toInt() == SIGKILL;
            if (!shown)
                bad(&Counts::unreported,
                    QStringLiteral("worker pid %1 was SIGKILLed but the report does not say so")
                        .arg(victim));
            if (!crashed) {
                killToExitMs.push_back(exitMs);
                slowest.emplace_back(exitMs, reportOf(j) + QStringLiteral(" [") +
                                                 args.mid(2).join(QLatin1Char(' ')) +
                                                 QLatin1Char(']'));
            }
        }
        break;
    }
    case Fault::StopWorker:
        expectExit(!struck || (failed && failure.contains(QLatin1String("suspended"))) || finished,
                   QStringLiteral("exit 3 naming the suspended worker"));
        if (victim) ::kill(pid_t(victim), SIGCONT); // in case it outlived the app (orphan)
        break;
    case Fault::StopContWorker:
    case Fault::StopContApp:
    case Fault::ForeignFile:
        expectExit(finished, QStringLiteral("exit 0, finished"));
        break;
    case Fault::KillApp:
        expectExit(!struck || (crashed && code == SIGKILL) || finished,
                   QStringLiteral("death by SIGKILL"));
        if (struck && crashed) killedApps.push_back(pid);
        break;
    case Fault::TermApp:
    case Fault::IntApp:
        // (A signal that lands after the report of a finished run also kills by the signal.)
        expectExit(
            !struck || finished ||
                (crashed && code == appSignal &&
                 (status == QLatin1String("terminated") || status == QLatin1String("finished"))),
            QStringLiteral("the report (terminated), then death by the signal"));
        break;
    case Fault::Truncate:
        expectExit(!struck || finished ||
                       (failed && failure.startsWith(QLatin1String("segment shrank"))),
                   QStringLiteral("exit 3, segment shrank"));
        break;
    case Fault::TermTwice:
    case Fault::TermPidGroup:
    case Fault::IntGroup: {
        // One report, whole; death by the first signal; the signal named, no worker blamed.
        const bool terminated = status == QLatin1String("terminated");
        const QString first = j[QLatin1String("errors")].toArray().first().toString();
        expectExit(
            !struck || finished ||
                (crashed && code == diesOf && (terminated || status == QLatin1String("finished"))),
            QStringLiteral("one report, then death by the signal"));
        if (out.count("\"status\":") > 1)
            bad(&Counts::unreported, QStringLiteral("more than one report"));
        if (struck && terminated &&
            !first.startsWith(QStringLiteral("terminated by signal %1 (SIG").arg(diesOf)))
            bad(&Counts::unreported, QStringLiteral("the signal is not named: %1").arg(first));
        if (failure.contains(QLatin1String("worker")))
            bad(&Counts::unreported, QStringLiteral("a worker is blamed: %1").arg(failure));
        break;
    }
    case Fault::Hang: {
        const bool hit = j[QLatin1String("fault")][QLatin1String("struck")].toBool();
        expectExit((hit && failed && failure.contains(QLatin1String("stopped publishing"))) ||
                       (!hit && finished),
                   QStringLiteral("exit 3 naming the hung worker"));
        break;
    }
    }
    // A report on every path but SIGKILL of the app.
    if (f != Fault::KillApp && j.isEmpty())
        bad(&Counts::unreported, QStringLiteral("no JSON report on stdout"));
    // Signals nobody sent.
    const bool groupSignal = f == Fault::TermPidGroup || f == Fault::IntGroup;
    for (const QJsonValue& w : ws) {
        const int sig = w[QLatin1String("signal")].toInt();
        const bool ours = w[QLatin1String("pid")].toInteger() == victim && f == Fault::KillWorker;
        // A worker the group's signal killed: "stopped by the user's signal", not a crash.
        const bool user = groupSignal && sig == diesOf &&
                          w[QLatin1String("state")].toString() == QLatin1String("stopped");
        if (sig != 0 && sig != SIGKILL && !ours && !user)
            bad(&Counts::unreported, QStringLiteral("a worker died of signal %1").arg(sig));
        // SIGKILL by the app itself is how it ends workers after a failure: "terminated".
        if (sig == SIGKILL && !ours &&
            w[QLatin1String("state")].toString() == QLatin1String("crashed"))
            bad(&Counts::unreported,
                QStringLiteral("worker pid %1 crashed of a SIGKILL nobody sent")
                    .arg(w[QLatin1String("pid")].toInteger()));
    }
    if (crashed && code != diesOf && !(f == Fault::KillApp && code == SIGKILL))
        bad(&Counts::unreported, QStringLiteral("the app died of signal %1").arg(code));

    // Orphans: PR_SET_PDEATHSIG should have taken every worker with the app.
    QElapsedTimer grace;
    grace.start();
    QList<qint64> left;
    while (!(left = testutil::processesWith(needle)).isEmpty() && grace.elapsed() < 1000)
        QThread::msleep(20);
    if (!left.isEmpty()) {
        bad(&Counts::orphans, QStringLiteral("%1 worker(s) outlived the app").arg(left.size()));
        for (qint64 p : left)
            ::kill(pid_t(p), SIGKILL);
    }
    // Leaks (a SIGKILLed app cannot clean up: its segment is checked after the next sweep).
    if (!(f == Fault::KillApp && crashed)) {
        const QStringList leftover = testutil::shmEntries(pid);
        if (!leftover.isEmpty()) bad(&Counts::leaked, leftover.join(QLatin1Char(' ')));
        for (const QString& n : leftover)
            QFile::remove(QStringLiteral("/dev/shm/") + n);
    }
    if (!foreign.isEmpty()) {
        if (!QFile::exists(foreign))
            bad(&Counts::unreported, QStringLiteral("the sweep deleted a foreign file"));
        QFile::remove(foreign);
    }
    if (verbose)
        std::printf("run %d: %s%s -> %s %d %s (%.0f ms)\n", index, kFaultNames[int(f)],
                    struck ? "" : " (missed)", crashed ? "signal" : "exit", code,
                    qPrintable(reportOf(j)), exitMs);
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication qapp(argc, argv);
    int runs = 50;
    uint64_t seed = std::random_device{}();
    Campaign c;
    const QStringList a = qapp.arguments();
    for (int i = 1; i < a.size(); ++i) {
        const bool more = i + 1 < a.size();
        if (a[i] == QLatin1String("--runs") && more)
            runs = a[++i].toInt();
        else if (a[i] == QLatin1String("--seed") && more)
            seed = a[++i].toULongLong();
        else if (a[i] == QLatin1String("--timeout-ms") && more)
            c.timeoutMs = a[++i].toInt();
        else if (a[i] == QLatin1String("--verbose"))
            c.verbose = true;
        else {
            std::fprintf(stderr,
                         "fault_campaign: unknown argument %s\nusage: fault_campaign "
                         "[--runs N] [--seed S] [--timeout-ms T] [--verbose]\n",
                         qPrintable(a[i]));
            return 2;
        }
    }
    if (runs < 1) {
        std::fprintf(stderr, "fault_campaign: --runs needs a number >= 1\n");
        return 2;
    }
    c.rng.seed(seed);
    std::printf("fault campaign: %d runs, seed %llu (rerun: --seed %llu)\n", runs,
                (unsigned long long)seed, (unsigned long long)seed);
    std::fflush(stdout);
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < runs; ++i)
        c.trial(i);
    // One more start sweeps what the SIGKILLed apps left behind; nothing of theirs may remain.
    testutil::runCli({QStringLiteral("--headless"), QStringLiteral("--workers"),
                      QStringLiteral("1"), QStringLiteral("--elements"), QStringLiteral("1000")});
    for (qint64 pid : c.killedApps) {
        const QStringList leftover = testutil::shmEntries(pid);
        if (!leftover.isEmpty()) {
            ++c.total.leaked;
            ++c.perFault[int(Fault::KillApp)].leaked;
            std::printf("  not swept after SIGKILL of the app: %s\n",
                        qPrintable(leftover.join(QLatin1Char(' '))));
        }
    }

    std::printf("\n%-24s %6s %7s %6s %6s %11s %7s %8s\n", "fault", "runs", "struck", "hangs",
                "wrong", "unreported", "leaked", "orphans");
    auto row = [](const char* name, const Counts& k) {
        std::printf("%-24s %6d %7d %6d %6d %11d %7d %8d\n", name, k.runs, k.struck, k.hangs,
                    k.wrongExit, k.unreported, k.leaked, k.orphans);
    };
    for (const auto& [f, k] : c.perFault)
        row(kFaultNames[f], k);
    row("total", c.total);
    std::printf("worker SIGKILL -> app exit: median %.0f ms, p95 %.0f ms, max %.0f ms (%zu)\n",
                percentile(c.killToExitMs, 0.5), percentile(c.killToExitMs, 0.95),
                percentile(c.killToExitMs, 1.0), c.killToExitMs.size());
    // Not all the same path: a kill that leaves a lock held waits out the 0.5 s deadlock
    // confirmation, queue senders get up to 3 s to stop, a robust run finishes its work.
    std::sort(c.slowest.begin(), c.slowest.end(), std::greater<>());
    for (size_t i = 0; i < std::min<size_t>(3, c.slowest.size()); ++i)
        std::printf("  %.0f ms: %s\n", c.slowest[i].first, qPrintable(c.slowest[i].second));
    std::printf("wall time %.0f s\n", double(wall.elapsed()) / 1000);
    const Counts& t = c.total;
    return t.hangs + t.wrongExit + t.unreported + t.leaked + t.orphans == 0 ? 0 : 1;
}
