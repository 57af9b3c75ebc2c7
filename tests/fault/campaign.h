#pragma once
// The fault campaign's pieces (fault_campaign.cpp says what it does and judges): the faults,
// one run's record, and the campaign that picks, strikes and judges them.
#include "../test_util.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <map>
#include <memory>
#include <random>
#include <sys/types.h>
#include <vector>

namespace campaign {

enum class Fault {
    KillWorker,
    StopWorker,     // never continued: the suspend timeout must end the run
    StopContWorker, // continued before the timeout: the run must finish verified
    KillApp,
    TermApp,
    IntApp,
    StopContApp,
    TruncateSegment,
    TruncateQueue, // --transport queue: its file cut to 0..4095, 4096..8191 or more bytes
    SquatQueue,    // <segment>-q and <segment>-q-<another key> made by someone else
    ForeignFiles,  // a live process's segment lookalike, a dead pid's of another uid / magic
    Hang,          // --fault-action hang: the stall check must name it
    // Signals that come twice or to the whole process group: still exactly one report.
    TermTwice,    // SIGTERM to the app, then again 0-5 ms later (an impatient user)
    TermPidGroup, // SIGTERM to the app, then to its group (what `timeout -s TERM` does)
    IntGroup,     // SIGINT to the group: Ctrl+C, which the workers get too
    // A /dev/shm too small for the run (a private tmpfs in a mount namespace of its own).
    FullShmShared,
    FullShmQueue,
    FullShmMpi,
    LockHolderKill, // SIGKILL of a worker while its slot and the lock say it holds the lock
    // Careless --worker-command workers (tests/runner/careless_worker.cpp).
    CarelessExitHolding,
    CarelessPause,
    CarelessPark,
    CarelessLockBytes,
    CarelessNeverAttach,
    CarelessDaemonise,
};

struct FaultInfo {
    const char* id;   // for --faults
    const char* name; // for the table
};
inline constexpr FaultInfo kFaultInfo[] = {
    {"kill-worker", "SIGKILL worker"},
    {"stop-worker", "SIGSTOP worker"},
    {"stop-cont-worker", "SIGSTOP+SIGCONT worker"},
    {"kill-app", "SIGKILL app"},
    {"term-app", "SIGTERM app"},
    {"int-app", "SIGINT app"},
    {"stop-cont-app", "SIGSTOP+SIGCONT app"},
    {"truncate-segment", "truncate segment"},
    {"truncate-queue", "truncate result queue"},
    {"squat-queue", "squatted queue names"},
    {"foreign-files", "foreign files"},
    {"hang-worker", "hang worker"},
    {"term-twice", "SIGTERM app twice"},
    {"term-pid-group", "SIGTERM app, then group"},
    {"int-group", "SIGINT group (Ctrl+C)"},
    {"full-shm-shared", "full /dev/shm, shared"},
    {"full-shm-queue", "full /dev/shm, queue"},
    {"full-shm-mpi", "full /dev/shm, mpi"},
    {"kill-lock-holder", "SIGKILL lock holder"},
    {"careless-exit-holding", "careless: exits holding"},
    {"careless-pause", "careless: runState=Paused"},
    {"careless-park", "careless: parkWorker=1"},
    {"careless-lock-bytes", "careless: lock bytes"},
    {"careless-never-attach", "careless: /bin/true"},
    {"careless-daemonise", "careless: daemonises"},
};
inline constexpr int kFaults = int(std::size(kFaultInfo));
inline const char* nameOf(Fault f) {
    return kFaultInfo[int(f)].name;
}
bool isFullShm(Fault f);
bool isCareless(Fault f);

struct Counts {
    int runs = 0, struck = 0, hangs = 0, wrongExit = 0, unreported = 0, leaked = 0, orphans = 0;
    int harmed = 0;             // files not the app's (planted by the fault) removed or changed
    std::vector<double> exitMs; // struck runs: the fault (or the app's start) to the app's exit
};

// A file the campaign put in /dev/shm that the app must leave exactly as it was.
struct Planted {
    QString path;
    ino_t inode = 0;
    uid_t uid = 0;
    QByteArray content;
};
bool plant(Planted& p, const QString& path, const QByteArray& content, uid_t owner, bool excl);
QString changed(const Planted& p); // "" while it is as it was

// One run: its fault, the app's command line, what the fault did and how the app ended.
struct Trial {
    int index = 0;
    Fault f = Fault::KillWorker;
    QStringList args;
    qint64 pid = 0;
    QByteArray needle; // in every worker's command line
    QList<qint64> workers;
    // `struck`: the fault reached a live target, measured, so its consequence is owed.
    bool struck = false;
    qint64 victim = 0;
    int victimSlot = -1; // LockHolderKill: the slot the victim was
    int appSignal = 0;
    int diesOf = 0;    // the signal the app must die of, if any
    int careless = -1; // the careless worker's index
    QString detail;    // what the fault did (verbose, and the failure lines)
    std::vector<Planted> planted;
    std::vector<qint64> helpers; // processes the campaign started for the fault (killed after)
    // How the app ended.
    bool hung = false;
    double exitMs = 0;
    bool crashed = false;
    int code = 0; // the signal when crashed
    QByteArray out, err;
    QJsonObject j;
    QString status, failure;
    QJsonArray ws;
    QStringList left; // FullShm*: what the app left in its private /dev/shm

    bool finished() const { return !crashed && code == 0 && status == QLatin1String("finished"); }
    bool failed() const { return !crashed && code == 3 && status == QLatin1String("failed"); }
    QString report() const { return status + QStringLiteral(": ") + failure; }
};

// The app's segment, attached read-write like a viewer (for faults that watch or read it).
struct SegmentWatch {
    std::unique_ptr<shm::Segment> seg;
    bool attach(qint64 appPid); // true once attached (retries while the header is not ready)
};
QString segmentOf(qint64 appPid); // shmscope-<pid>-<16 hex digits>, or ""

struct Campaign {
    std::mt19937_64 rng;
    int timeoutMs = 20000;
    bool verbose = false;
    std::vector<Fault> enabled;
    Counts total;
    std::map<int, Counts> perFault;
    std::vector<double> killToExitMs;                // worker SIGKILLed -> app exited
    std::vector<std::pair<double, QString>> slowest; // the slow ones, with how the run ended
    std::vector<qint64> killedApps; // their segments are checked after the next sweep
    QByteArray segmentImage;        // a real segment's bytes, for lookalikes (ForeignFiles)
    int squatsBeforeQueue = 0;      // SquatQueue runs whose squat came before the queue existed

    uint64_t pick(uint64_t lo, uint64_t hi) {
        return std::uniform_int_distribution<uint64_t>(lo, hi)(rng);
    }
    template <size_t N> QString oneOf(const char* const (&v)[N]) {
        return QString::fromLatin1(v[pick(0, N - 1)]);
    }
    void bad(Trial& t, int Counts::*field, const QString& what);
    void trial(int index);

    // campaign_config.cpp
    QStringList randomConfig(Trial& t);
    QStringList carelessConfig(Trial& t);
    // faults_signals.cpp
    void strikeSignals(Trial& t);
    void judgeSignals(Trial& t);
    // faults_files.cpp
    void plantForeign(Trial& t);
    void squat(Trial& t);
    void truncateFile(Trial& t);
    void judgeFiles(Trial& t);
    // faults_full_shm.cpp
    QString fullShmUnavailable(Fault f); // why it cannot run here ("" when it can)
    void runFullShm(Trial& t);
    void judgeFullShm(Trial& t);
    // faults_locks.cpp
    void killLockHolder(Trial& t);
    std::function<void()> watchFor(Trial& t, SegmentWatch& w);
    void judgeLocks(Trial& t);

  private:
    bool startAndStrike(Trial& t, QProcess& app);
    void awaitExit(Trial& t, QProcess& app, const std::function<void()>& poll);
    void judgeCommon(Trial& t);
    void checkAfterwards(Trial& t);
};

bool alive(qint64 pid); // exists and is not a zombie

} // namespace campaign
