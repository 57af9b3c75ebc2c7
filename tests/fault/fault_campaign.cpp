// fault_campaign [--runs N] [--seed S] [--faults ID,ID,...] [--list-faults] [--timeout-ms T]
//                [--pause-while FILE] [--verbose]
//
// The reliability campaign, rerunnable: N headless runs of the real shmscope binary with a
// random configuration, each hit by one random fault (of those --faults names; all by default),
// as an unlucky user, a careless worker or an attacker would:
//   signals       SIGKILL / SIGSTOP (with or without SIGCONT) of a worker; SIGKILL / SIGTERM /
//                 SIGINT / SIGSTOP+SIGCONT of the app; SIGTERM twice, to the app or to the app
//                 then its process group (as `timeout` does); SIGINT to the group (Ctrl+C)
//   files         the live segment truncated; the result queue (--transport queue) truncated
//                 inside its first page, just past it or short of its end; the queue's old name
//                 and a name with another key made first by someone else (some of another uid);
//                 under our prefix, a lookalike of a live process's segment (a real header
//                 naming a `sleep` of ours) and two dead pids' files not provably ours (a real
//                 header of another uid, our uid with another magic)
//   full /dev/shm a private tmpfs over /dev/shm (a mount namespace of its own) too small for the
//                 segment, or for what comes beside it (the queue, Open MPI's files), for each
//                 transport
//   locks         a worker SIGKILLed from outside while its slot and the lock say it holds it;
//                 the scripted hang (--fault-action hang)
//   careless      --worker-command workers that exit 0 holding the mutex, store runState =
//                 Paused or parkWorker = 1, write "locked" into the mutex's bytes, never attach
//                 (/bin/true), or leave a daemonised grandchild
// "Struck" is measured for every fault: the signal reached a live process, the truncation hit a
// live run's file, the sweep named the dead pids' files and the lookalike's process lived, the
// tmpfs had less room than the run needs, the kill landed while the lock said it was held, the
// hung worker was silent while alive, the careless act was seen in the segment. A fault that
// did not strike is counted as such, never as a pass.
// Each run is judged against what the app promises (docs/reliability.md):
//   hang            the app has not exited T ms after the fault (it is then SIGKILLed)
//   wrong exit      an exit code, signal or failure line other than the one the fault calls for
//   unreported      a crash the report does not show (a worker we killed not marked, a signal
//                   nobody sent, the app dead of a signal, no report on a path that promises one)
//   leaked          a segment, queue or Open MPI directory of the run still in /dev/shm
//                   afterwards (after the next start's sweep, when the app itself was SIGKILLed)
//   orphans         a process of the run (its command line names the segment) alive 1 s after
//                   the app exited
//   harmed          a file the fault planted (not the app's) removed or changed
// and prints a markdown table per fault (for docs/reliability.md). Exit 0 only when every count
// is 0.
#include "campaign.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace campaign;

namespace {

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

// A real segment's bytes (a small run's), for the lookalikes of ForeignFiles.
QByteArray realSegmentImage() {
    shm::ExperimentConfig cfg;
    cfg.workers = 1;
    cfg.elements = 1000;
    const std::string name = shm::makeSegmentName();
    const auto seg = shm::Segment::create(name, cfg);
    QFile f(QStringLiteral("/dev/shm/") + QString::fromStdString(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The faults --faults names ("" = all); false with a line on stderr for an unknown id.
bool chooseFaults(Campaign& c, const QString& list) {
    for (int f = 0; f < kFaults; ++f)
        if (list.isEmpty() ||
            list.split(QLatin1Char(',')).contains(QLatin1String(kFaultInfo[f].id)))
            c.enabled.push_back(Fault(f));
    for (const QString& id : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool known = false;
        for (const FaultInfo& i : kFaultInfo)
            known = known || id == QLatin1String(i.id);
        if (!known) {
            std::fprintf(stderr, "fault_campaign: unknown fault '%s' (--list-faults)\n",
                         qPrintable(id));
            return false;
        }
    }
    // A full /dev/shm needs a mount namespace (and Open MPI for its own row): skipped, saying why.
    std::erase_if(c.enabled, [&](Fault f) {
        const QString why = isFullShm(f) ? c.fullShmUnavailable(f) : QString();
        if (!why.isEmpty()) std::printf("skipped: %s (%s)\n", nameOf(f), qPrintable(why));
        return !why.isEmpty();
    });
    // A Python worker's run is refused before any worker starts, like the shared row's; the
    // campaign has no row of its own for it.
    std::printf("not in the campaign: full /dev/shm with numpy workers (the same refusal as "
                "\"full /dev/shm, shared\": it comes before any worker starts)\n");
    return !c.enabled.empty();
}

void printTable(const Campaign& c) {
    std::printf("\n| fault | runs | struck | hangs | wrong exit | unreported | leaked | orphans | "
                "harmed | exit after the fault: median / max |\n"
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    auto row = [](const QString& name, const Counts& k) {
        std::printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.0f / %.0f ms |\n",
                    qPrintable(name), k.runs, k.struck, k.hangs, k.wrongExit, k.unreported,
                    k.leaked, k.orphans, k.harmed, percentile(k.exitMs, 0.5),
                    percentile(k.exitMs, 1.0));
    };
    Counts all = c.total;
    for (const auto& [f, k] : c.perFault) {
        row(QString::fromLatin1(nameOf(Fault(f))), k);
        all.exitMs.insert(all.exitMs.end(), k.exitMs.begin(), k.exitMs.end());
    }
    row(QStringLiteral("**total**"), all);
}

} // namespace

namespace {
struct Options {
    int runs = 50;
    uint64_t seed = std::random_device{}();
    QString faults, pauseWhile;
};

// The command line into `o` and `c`; an exit code when the program is to end now (-1: go on).
int parseArgs(const QStringList& a, Options& o, Campaign& c) {
    for (int i = 1; i < a.size(); ++i) {
        const bool more = i + 1 < a.size();
        if (a[i] == QLatin1String("--runs") && more)
            o.runs = a[++i].toInt();
        else if (a[i] == QLatin1String("--seed") && more)
            o.seed = a[++i].toULongLong();
        else if (a[i] == QLatin1String("--timeout-ms") && more)
            c.timeoutMs = a[++i].toInt();
        else if (a[i] == QLatin1String("--faults") && more)
            o.faults = a[++i];
        else if (a[i] == QLatin1String("--pause-while") && more)
            o.pauseWhile = a[++i];
        else if (a[i] == QLatin1String("--verbose"))
            c.verbose = true;
        else if (a[i] == QLatin1String("--list-faults")) {
            for (const FaultInfo& f : kFaultInfo)
                std::printf("%-24s %s\n", f.id, f.name);
            return 0;
        } else {
            std::fprintf(stderr,
                         "fault_campaign: unknown argument %s\nusage: fault_campaign [--runs N] "
                         "[--seed S] [--faults ID,...] [--list-faults] [--timeout-ms T] "
                         "[--pause-while FILE] [--verbose]\n",
                         qPrintable(a[i]));
            return 2;
        }
    }
    if (o.runs < 1) {
        std::fprintf(stderr, "fault_campaign: --runs needs a number >= 1\n");
        return 2;
    }
    return -1;
}
} // namespace

int main(int argc, char** argv) {
    QCoreApplication qapp(argc, argv);
    Options o;
    Campaign c;
    if (const int code = parseArgs(qapp.arguments(), o, c); code >= 0) return code;
    const int runs = o.runs;
    const uint64_t seed = o.seed;
    const QString& faults = o.faults;
    const QString& pauseWhile = o.pauseWhile;
    if (!chooseFaults(c, faults)) return 2;
    c.rng.seed(seed);
    c.segmentImage = realSegmentImage();
    std::printf("fault campaign: %d runs, seed %llu (rerun: --seed %llu%s%s)\n", runs,
                (unsigned long long)seed, (unsigned long long)seed,
                faults.isEmpty() ? "" : " --faults ", qPrintable(faults));
    std::fflush(stdout);
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < runs; ++i) {
        // Another job asked for the CPUs: wait between runs, never inside one.
        while (!pauseWhile.isEmpty() && QFile::exists(pauseWhile))
            QThread::sleep(1);
        c.trial(i);
    }
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
    printTable(c);
    std::printf("\nworker SIGKILL -> app exit: median %.0f ms, p95 %.0f ms, max %.0f ms (%zu)\n",
                percentile(c.killToExitMs, 0.5), percentile(c.killToExitMs, 0.95),
                percentile(c.killToExitMs, 1.0), c.killToExitMs.size());
    // Not all the same path: a kill that leaves a lock held waits out the 0.5 s deadlock
    // confirmation, queue senders get up to 3 s to stop, a robust run finishes its work.
    std::sort(c.slowest.begin(), c.slowest.end(), std::greater<>());
    for (size_t i = 0; i < std::min<size_t>(3, c.slowest.size()); ++i)
        std::printf("  %.0f ms: %s\n", c.slowest[i].first, qPrintable(c.slowest[i].second));
    if (c.perFault.count(int(Fault::SquatQueue)))
        std::printf("squats made before the queue existed: %d of %d struck\n", c.squatsBeforeQueue,
                    c.perFault[int(Fault::SquatQueue)].struck);
    std::printf("wall time %.0f s\n", double(wall.elapsed()) / 1000);
    const Counts& t = c.total;
    return t.hangs + t.wrongExit + t.unreported + t.leaked + t.orphans + t.harmed == 0 ? 0 : 1;
}
