// One run of the campaign: plant what the fault needs, start the app, strike, wait, judge.
#include "campaign.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

#include <cstdio>
#include <signal.h>
#include <unistd.h>

namespace campaign {

void Campaign::bad(Trial& t, int Counts::*field, const QString& what) {
    ++(perFault[int(t.f)].*field);
    ++(total.*field);
    std::printf("  run %d (%s): %s\n    shmscope %s\n", t.index, nameOf(t.f), qPrintable(what),
                qPrintable(t.args.join(QLatin1Char(' '))));
    std::fflush(stdout);
}

void Campaign::trial(int index) {
    Trial t;
    t.index = index;
    t.f = enabled[pick(0, enabled.size() - 1)];
    t.args = randomConfig(t);
    Counts& pc = perFault[int(t.f)];
    ++pc.runs;
    ++total.runs;
    if (isFullShm(t.f)) {
        runFullShm(t);
    } else {
        if (t.f == Fault::ForeignFiles) plantForeign(t);
        QProcess app;
        if (startAndStrike(t, app)) { // else counted as a wrong exit; the fault's files go below
            judgeCommon(t);
            checkAfterwards(t);
        }
    }
    if (t.struck) {
        ++pc.struck;
        ++total.struck;
        pc.exitMs.push_back(t.exitMs);
    }
    for (qint64 h : t.helpers)
        ::kill(pid_t(h), SIGKILL);
    for (const Planted& p : t.planted)
        QFile::remove(p.path);
    if (verbose)
        std::printf("run %d: %s%s -> %s %d %s (%.0f ms)%s%s\n    %s\n", index, nameOf(t.f),
                    t.struck ? "" : " (missed)", t.crashed ? "signal" : "exit", t.code,
                    qPrintable(t.report()), t.exitMs, t.detail.isEmpty() ? "" : "; ",
                    qPrintable(t.detail), qPrintable(t.args.mid(2).join(QLatin1Char(' '))));
}

// Faults the run carries from its start (its configuration or files planted before it): their
// exit time counts from the app's start, the others' from the strike.
static bool carriedByTheRun(Fault f) {
    return isCareless(f) || f == Fault::Hang || f == Fault::ForeignFiles;
}

// Starts the app, waits for its workers (or, for a squat, its segment), strikes and waits for
// the app's exit. False when the app could not be started (counted as a wrong exit).
bool Campaign::startAndStrike(Trial& t, QProcess& app) {
    // Its own process group, as a shell gives a job: the group faults must not reach us.
    app.setChildProcessModifier([] { ::setpgid(0, 0); });
    QElapsedTimer sinceFault;
    sinceFault.start();
    app.start(testutil::shmscopePath(), t.args);
    if (!app.waitForStarted(10000)) {
        bad(t, &Counts::wrongExit, QStringLiteral("could not start"));
        return false;
    }
    t.pid = app.processId();
    if (t.pid <= 0) { // exited already: a pid of 0 would signal our own process group
        app.waitForFinished(5000);
        bad(t, &Counts::wrongExit,
            QStringLiteral("exited at once: %1")
                .arg(QString::fromLocal8Bit(app.readAllStandardError())));
        return false;
    }
    t.needle = "--segment shmscope-" + QByteArray::number(t.pid) + "-";
    SegmentWatch watch;
    const std::function<void()> poll = watchFor(t, watch);
    QElapsedTimer clock;
    clock.start();
    if (t.f == Fault::SquatQueue) {
        squat(t); // at once: before the queue exists, if it can
    } else if (!carriedByTheRun(t.f)) {
        while ((t.workers = testutil::processesWith(t.needle)).isEmpty() &&
               clock.elapsed() < 10000 && app.state() == QProcess::Running)
            app.waitForFinished(5);
        QThread::msleep(pick(0, 150));
    }
    if (!carriedByTheRun(t.f)) sinceFault.start();
    if (t.f == Fault::TruncateSegment || t.f == Fault::TruncateQueue)
        truncateFile(t);
    else if (t.f == Fault::LockHolderKill)
        killLockHolder(t);
    else if (!carriedByTheRun(t.f) && t.f != Fault::SquatQueue)
        strikeSignals(t);
    awaitExit(t, app, poll);
    t.exitMs = double(sinceFault.nsecsElapsed()) / 1e6;
    return true;
}

// Waits for the app's exit, calling `poll` every 2 ms (the faults that watch the segment).
void Campaign::awaitExit(Trial& t, QProcess& app, const std::function<void()>& poll) {
    QElapsedTimer clock;
    clock.start();
    // (waitForFinished is false for a process that finished before the call.)
    while (app.state() != QProcess::NotRunning && !app.waitForFinished(poll ? 2 : 50) &&
           clock.elapsed() < timeoutMs)
        if (poll) poll();
    if (app.state() != QProcess::NotRunning) {
        t.hung = true;
        bad(t, &Counts::hangs,
            QStringLiteral("still running %1 ms after the fault").arg(timeoutMs));
        app.kill();
        app.waitForFinished(5000);
    }
    t.crashed = app.exitStatus() == QProcess::CrashExit;
    t.code = app.exitCode();
    t.out = app.readAllStandardOutput();
    t.err = app.readAllStandardError();
    t.j = QJsonDocument::fromJson(t.out).object();
    t.status = t.j[QLatin1String("status")].toString();
    t.ws = t.j[QLatin1String("workers")].toArray();
    t.failure = t.j[QLatin1String("failure")].toString();
}

} // namespace campaign
