// The watchdog's decisions on a fake clock: every verdict (stalled worker, stalled run,
// deadlock, suspended, segment shrunk, mpirun left over, a crash that fails the run, an
// unrecovered robust death, a dead holder left at the end) and the edges of each threshold:
// just below, at and just above. No processes and no sleeps: tst_runs, tst_experiments and the
// fault campaign check the same verdicts end to end on real workers.
#include "runner/watchdog.h"

#include <QTest>

#include <optional>
#include <vector>

using shm::SyncMode;
using shm::WorkerState;
using watchdog::Finding;
using Workers = std::vector<watchdog::Worker>;

Q_DECLARE_METATYPE(watchdog::State)
Q_DECLARE_METATYPE(watchdog::Verdict)
Q_DECLARE_METATYPE(watchdog::Worker)
Q_DECLARE_METATYPE(SyncMode)
Q_DECLARE_METATYPE(std::optional<uint64_t>)
Q_DECLARE_METATYPE(WorkerState)
Q_DECLARE_METATYPE(watchdog::Control)
Q_DECLARE_METATYPE(watchdog::LockSeen)
Q_DECLARE_METATYPE(Workers)

namespace {
constexpr uint64_t kMs = 1'000'000;
constexpr uint64_t kS = 1'000 * kMs;

watchdog::Worker worker(WorkerState st, uint64_t heartbeatNs, uint32_t holding = 0) {
    watchdog::Worker w;
    w.pid = 4000;
    w.state = st;
    w.heartbeatNs = heartbeatNs;
    w.holdingLock = holding;
    return w;
}
watchdog::Worker running(uint64_t heartbeatNs, uint32_t holding = 0) {
    return worker(WorkerState::Running, heartbeatNs, holding);
}
watchdog::Worker exited(watchdog::Worker w) {
    w.exited = true;
    return w;
}
watchdog::Worker judgedSuspended(watchdog::Worker w) {
    w.suspended = true;
    return w;
}
watchdog::Worker stopped(watchdog::Worker w) {
    w.stopped = true;
    return w;
}
watchdog::Worker withPid(watchdog::Worker w, int64_t pid) {
    w.pid = pid;
    return w;
}

watchdog::Verdict verdict(Finding f, uint32_t k = 0, uint64_t silentNs = 0, uint32_t holding = 0) {
    watchdog::Verdict v;
    v.finding = f;
    v.worker = k;
    v.silentNs = silentNs;
    v.holdingLock = holding;
    return v;
}

watchdog::State state(uint32_t workers) {
    return watchdog::State::forRun(workers);
}
watchdog::State withEpoch(watchdog::State s, uint64_t epochNs) {
    s.stallEpochNs = epochNs;
    return s;
}
watchdog::State deadHolder(int k, uint64_t allBlockedNs, uint32_t workers = 3) {
    watchdog::State s = state(workers);
    s.deadHolder = k;
    s.allBlockedNs = allBlockedNs;
    return s;
}
watchdog::State suspendedSince(std::vector<uint64_t> since) {
    watchdog::State s = state(uint32_t(since.size()));
    s.suspendedSinceNs = std::move(since);
    return s;
}

shm::ExperimentConfig config(SyncMode sync, bool instrument, uint32_t stallMs = 1000,
                             uint32_t delayUs = 0) {
    shm::ExperimentConfig c;
    c.sync = sync;
    c.instrument = instrument;
    c.stallTimeoutMs = stallMs;
    c.delayUs = delayUs;
    c.suspendTimeoutMs = 2000;
    return c;
}

watchdog::Reading reading(uint64_t nowNs, Workers workers, uint64_t releaseNs = 1 * kS) {
    return {nowNs, releaseNs, std::move(workers)};
}

// Finding first: a failure names what was found before the details differ.
void compareVerdict(const watchdog::Verdict& got, const watchdog::Verdict& want) {
    QCOMPARE(QString::fromUtf8(toString(got.finding).data()),
             QString::fromUtf8(toString(want.finding).data()));
    QCOMPARE(got.worker, want.worker);
    QCOMPARE(got.silentNs, want.silentNs);
    QCOMPARE(got.holdingLock, want.holdingLock);
    QCOMPARE(got, want);
}
} // namespace

class TestWatchdog : public QObject {
    Q_OBJECT
  private slots:
    void stall_data();
    void stall();
    void appPauseDoesNotCount_data();
    void appPauseDoesNotCount();
    void deadlock_data();
    void deadlock();
    void suspended_data();
    void suspended();
    void segment_data();
    void segment();
    void mpiEnded_data();
    void mpiEnded();
    void mpirunStopped_data();
    void mpirunStopped();
    void crash_data();
    void crash();
    void atEnd_data();
    void atEnd();
    void exit_data();
    void exit();
    void control_data();
    void control();
    void orphanLock_data();
    void orphanLock();
    void orphanLockAfterPollGap();
    void orphanLockNamesTheLikelyWriter();
    void segmentName();
};

// Stall timeout 1 s; the barrier opened at 1 s. Instrumented lock runs and lock-free runs
// judge each running worker; an uninstrumented lock run only the run as a whole.
void TestWatchdog::stall_data() {
    QTest::addColumn<SyncMode>("sync");
    QTest::addColumn<bool>("instrument");
    QTest::addColumn<uint32_t>("delayUs");
    QTest::addColumn<watchdog::State>("before");
    QTest::addColumn<Workers>("workers");
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<watchdog::Verdict>("expected");

    const auto M = SyncMode::Mutex;
    const watchdog::State s = state(2);
    const uint64_t hb = 2 * kS; // last heartbeat
    const Workers fine{running(hb), running(hb + kS)};
    QTest::newRow("just below the timeout")
        << M << true << 0u << s << fine << hb + kS - 1 << verdict(Finding::None);
    QTest::newRow("at the timeout")
        << M << true << 0u << s << fine << hb + kS << verdict(Finding::None);
    QTest::newRow("just above the timeout") << M << true << 0u << s << fine << hb + kS + 1
                                            << verdict(Finding::StalledWorker, 0, kS + 1);
    QTest::newRow("the delay adds twice itself: at")
        << M << true << 500u << s << fine << hb + kS + kMs << verdict(Finding::None);
    QTest::newRow("the delay adds twice itself: above")
        << M << true << 500u << s << fine << hb + kS + kMs + 1
        << verdict(Finding::StalledWorker, 0, kS + kMs + 1);
    QTest::newRow("holding a stripe")
        << SyncMode::Striped << true << 0u << s << Workers{running(hb + kS), running(hb, 4)}
        << hb + 2 * kS << verdict(Finding::StalledWorker, 1, 2 * kS, 4);
    QTest::newRow("the first silent worker is named")
        << M << true << 0u << s << Workers{running(hb + 3 * kS), running(hb), running(hb)}
        << hb + 3 * kS << verdict(Finding::StalledWorker, 1, 3 * kS);
    QTest::newRow("waiting for a lock is never judged")
        << M << true << 0u << s << Workers{worker(WorkerState::WaitingForLock, hb)} << hb + 60 * kS
        << verdict(Finding::None);
    QTest::newRow("a worker that finished")
        << M << true << 0u << s << Workers{worker(WorkerState::Done, hb)} << hb + 60 * kS
        << verdict(Finding::None);
    QTest::newRow("paused workers are not judged")
        << M << true << 0u << s << Workers{worker(WorkerState::Paused, hb)} << hb + 60 * kS
        << verdict(Finding::None);
    QTest::newRow("an exited worker") << M << true << 0u << s << Workers{exited(running(hb))}
                                      << hb + 60 * kS << verdict(Finding::None);
    QTest::newRow("a suspended worker owns the verdict")
        << M << true << 0u << s << Workers{running(hb), judgedSuspended(running(hb + 50 * kS))}
        << hb + 60 * kS << verdict(Finding::None);
    QTest::newRow("suspended, then exited: judged again")
        << M << true << 0u << s << Workers{running(hb), exited(judgedSuspended(running(hb)))}
        << hb + 60 * kS << verdict(Finding::StalledWorker, 0, 60 * kS);
    QTest::newRow("a heartbeat after now")
        << M << true << 0u << s << Workers{running(hb + kS)} << hb << verdict(Finding::None);
    QTest::newRow("silence counts from the barrier")
        << M << true << 0u << s << Workers{running(0)} << 2 * kS << verdict(Finding::None);
    QTest::newRow("silence counts from the barrier: above")
        << M << true << 0u << s << Workers{running(0)} << 2 * kS + 1
        << verdict(Finding::StalledWorker, 0, kS + 1);
    QTest::newRow("silence counts from the stall epoch")
        << M << true << 0u << withEpoch(s, 10 * kS) << Workers{running(hb)} << 11 * kS
        << verdict(Finding::None);
    QTest::newRow("silence counts from the stall epoch: above")
        << M << true << 0u << withEpoch(s, 10 * kS) << Workers{running(hb)} << 11 * kS + 1
        << verdict(Finding::StalledWorker, 0, kS + 1);
    QTest::newRow("lock-free, uninstrumented: each worker")
        << SyncMode::Atomic << false << 0u << s << Workers{running(hb + kS), running(hb)}
        << hb + kS + 1 << verdict(Finding::StalledWorker, 1, kS + 1);
    QTest::newRow("uninstrumented mutex: one silent worker is a waiter")
        << M << false << 0u << s << Workers{running(hb + kS), running(hb)} << hb + kS + 1
        << verdict(Finding::None);
    QTest::newRow("uninstrumented mutex: the run, at the timeout")
        << M << false << 0u << s << Workers{running(hb), running(hb - kS)} << hb + kS
        << verdict(Finding::None);
    QTest::newRow("uninstrumented mutex: the run, above")
        << M << false << 0u << s << Workers{running(hb), running(hb - kS)} << hb + kS + 1
        << verdict(Finding::StalledRun, 0, kS + 1);
    QTest::newRow("uninstrumented mutex: waiting states count as silence too")
        << M << false << 0u << s
        << Workers{worker(WorkerState::WaitingForLock, hb), worker(WorkerState::Done, hb)}
        << hb + kS + 1 << verdict(Finding::StalledRun, 0, kS + 1);
    QTest::newRow("uninstrumented mutex: nobody live")
        << M << false << 0u << s
        << Workers{exited(running(hb)), judgedSuspended(exited(running(hb)))} << hb + 60 * kS
        << verdict(Finding::None);
}

void TestWatchdog::stall() {
    QFETCH(SyncMode, sync);
    QFETCH(bool, instrument);
    QFETCH(uint32_t, delayUs);
    QFETCH(watchdog::State, before);
    QFETCH(Workers, workers);
    QFETCH(uint64_t, now);
    QFETCH(watchdog::Verdict, expected);
    expected.pid = expected.finding == Finding::StalledWorker ? 4000 : 0;
    const watchdog::Step step = watchdog::checkStall(before, reading(now, workers),
                                                     config(sync, instrument, 1000, delayUs));
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.state, before); // the stall check remembers nothing of its own
}

// The app did not poll for a while (a loaded machine, a VM paused by its host): a worker's
// silence from before the gap must not count. Polls 10 ms apart are normal; a gap of more than
// 100 ms moves the epoch.
void TestWatchdog::appPauseDoesNotCount_data() {
    QTest::addColumn<uint64_t>("lastPoll");
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<uint64_t>("epoch");
    QTest::addColumn<bool>("stalled"); // the worker, silent since 1 s, with a 1 s timeout
    QTest::newRow("first poll") << uint64_t(0) << 3 * kS << uint64_t(0) << true;
    QTest::newRow("10 ms apart") << 3 * kS - 10 * kMs << 3 * kS << uint64_t(0) << true;
    QTest::newRow("a gap at the limit") << 3 * kS - 100 * kMs << 3 * kS << uint64_t(0) << true;
    QTest::newRow("a gap just over it") << 3 * kS - 100 * kMs - 1 << 3 * kS << 3 * kS << false;
    QTest::newRow("a 2.2 s gap") << 800 * kMs << 3 * kS << 3 * kS << false;
}

void TestWatchdog::appPauseDoesNotCount() {
    QFETCH(uint64_t, lastPoll);
    QFETCH(uint64_t, now);
    QFETCH(uint64_t, epoch);
    QFETCH(bool, stalled);
    watchdog::State s = state(1);
    s.lastPollNs = lastPoll;
    s = watchdog::notePoll(s, now);
    QCOMPARE(s.lastPollNs, now);
    QCOMPARE(s.stallEpochNs, epoch);
    const watchdog::Step step = watchdog::checkStall(s, reading(now, {running(kS)}, 500 * kMs),
                                                     config(SyncMode::Mutex, true));
    QCOMPARE(step.verdict.finding == Finding::StalledWorker, stalled);
}

// Worker 0 died holding a lock that is not robust; 500 ms of every survivor blocked in a row
// declare the deadlock. Blocked: says it waits, or silent for more than 1 s (+ twice the delay).
void TestWatchdog::deadlock_data() {
    QTest::addColumn<watchdog::State>("before");
    QTest::addColumn<Workers>("workers");
    QTest::addColumn<uint32_t>("delayUs");
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<uint64_t>("allBlockedAfter");
    QTest::addColumn<watchdog::Verdict>("expected");

    const uint64_t t = 10 * kS;
    const watchdog::Worker dead = exited(running(t - 5 * kS, 1));
    const watchdog::Worker waiting = worker(WorkerState::WaitingForLock, t);
    const Workers blocked{dead, waiting, waiting};
    watchdog::Verdict dl = verdict(Finding::Deadlock, 0, 0, 1);
    dl.blocked = 2;

    QTest::newRow("no dead holder")
        << deadHolder(-1, 0) << blocked << 0u << t << uint64_t(0) << verdict(Finding::None);
    QTest::newRow("first seen blocked")
        << deadHolder(0, 0) << blocked << 0u << t << t << verdict(Finding::None);
    QTest::newRow("just below the confirmation")
        << deadHolder(0, t) << blocked << 0u << t + 500 * kMs - 1 << t << verdict(Finding::None);
    QTest::newRow("at the confirmation")
        << deadHolder(0, t) << blocked << 0u << t + 500 * kMs << t << dl;
    QTest::newRow("a survivor that runs restarts the count")
        << deadHolder(0, t) << Workers{dead, waiting, running(t + 400 * kMs)} << 0u << t + 500 * kMs
        << uint64_t(0) << verdict(Finding::None);
    QTest::newRow("silent exactly 1 s is not blocked")
        << deadHolder(0, t) << Workers{dead, waiting, running(t)} << 0u << t + kS << uint64_t(0)
        << verdict(Finding::None);
    QTest::newRow("silent just over 1 s is blocked")
        << deadHolder(0, t) << Workers{dead, waiting, running(t)} << 0u << t + kS + 1 << t << dl;
    QTest::newRow("the delay lengthens the silence")
        << deadHolder(0, t) << Workers{dead, waiting, running(t)} << 1000u << t + kS + 2 * kMs
        << uint64_t(0) << verdict(Finding::None);
    QTest::newRow("the delay lengthens the silence: above")
        << deadHolder(0, t) << Workers{dead, waiting, running(t)} << 1000u << t + kS + 2 * kMs + 1
        << t << dl;
    QTest::newRow("a heartbeat after now is not silence")
        << deadHolder(0, t) << Workers{dead, waiting, running(t + 9 * kS)} << 0u << t + 3 * kS
        << uint64_t(0) << verdict(Finding::None);
    QTest::newRow("everyone else exited")
        << deadHolder(0, t) << Workers{dead, exited(waiting), exited(waiting)} << 0u << t + 5 * kS
        << t << verdict(Finding::None);
    watchdog::Verdict stripe = verdict(Finding::Deadlock, 1, 0, 3);
    stripe.blocked = 1;
    QTest::newRow("the dead holder's stripe, one survivor")
        << deadHolder(1, t) << Workers{exited(waiting), exited(running(t, 3)), waiting} << 0u
        << t + kS << t << stripe;
}

void TestWatchdog::deadlock() {
    QFETCH(watchdog::State, before);
    QFETCH(Workers, workers);
    QFETCH(uint32_t, delayUs);
    QFETCH(uint64_t, now);
    QFETCH(uint64_t, allBlockedAfter);
    QFETCH(watchdog::Verdict, expected);
    const watchdog::Step step = watchdog::checkDeadlock(
        before, reading(now, workers), config(SyncMode::Mutex, true, 30'000, delayUs));
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.state.allBlockedNs, allBlockedAfter);
    QCOMPARE(step.state.deadHolder, before.deadHolder);
}

// Suspend timeout 2 s: named (suspendedSinceNs set) at once, the run failed at 2 s, SIGCONT
// before that forgets it.
void TestWatchdog::suspended_data() {
    QTest::addColumn<watchdog::State>("before");
    QTest::addColumn<Workers>("workers");
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<std::vector<uint64_t>>("sinceAfter");
    QTest::addColumn<watchdog::Verdict>("expected");

    const uint64_t t = 10 * kS;
    const watchdog::Worker w = running(t);
    const watchdog::Worker st = stopped(withPid(running(t, 1), 4321));
    watchdog::Verdict named = verdict(Finding::Suspended, 1, 0, 1);
    named.pid = 4321;

    QTest::newRow("nobody stopped") << suspendedSince({0, 0}) << Workers{w, w} << t
                                    << std::vector<uint64_t>{0, 0} << verdict(Finding::None);
    QTest::newRow("first seen stopped") << suspendedSince({0, 0}) << Workers{w, st} << t
                                        << std::vector<uint64_t>{0, t} << verdict(Finding::None);
    QTest::newRow("just below the timeout")
        << suspendedSince({0, t}) << Workers{w, st} << t + 2 * kS - 1 << std::vector<uint64_t>{0, t}
        << verdict(Finding::None);
    QTest::newRow("at the timeout") << suspendedSince({0, t}) << Workers{w, st} << t + 2 * kS
                                    << std::vector<uint64_t>{0, t} << named;
    QTest::newRow("SIGCONT before the timeout")
        << suspendedSince({0, t}) << Workers{w, w} << t + 2 * kS << std::vector<uint64_t>{0, 0}
        << verdict(Finding::None);
    QTest::newRow("stopped, then exited")
        << suspendedSince({0, t}) << Workers{w, exited(st)} << t + 9 * kS
        << std::vector<uint64_t>{0, 0} << verdict(Finding::None);
    watchdog::Verdict first = verdict(Finding::Suspended, 0, 0, 1);
    first.pid = 4321;
    QTest::newRow("the first is named, the rest keep their clocks")
        << suspendedSince({t, 0, t}) << Workers{st, st, w} << t + 3 * kS
        << std::vector<uint64_t>{t, 0, t} << first;
}

void TestWatchdog::suspended() {
    QFETCH(watchdog::State, before);
    QFETCH(Workers, workers);
    QFETCH(uint64_t, now);
    QFETCH(std::vector<uint64_t>, sinceAfter);
    QFETCH(watchdog::Verdict, expected);
    const watchdog::Step step =
        watchdog::checkSuspended(before, reading(now, workers), config(SyncMode::Mutex, true));
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.state.suspendedSinceNs, sinceAfter);
    for (uint32_t k = 0; k < sinceAfter.size(); ++k)
        QCOMPARE(step.state.suspended(k), sinceAfter[k] != 0);
}

void TestWatchdog::segment_data() {
    QTest::addColumn<bool>("reportedBefore");
    QTest::addColumn<std::optional<uint64_t>>("shrunkTo");
    QTest::addColumn<bool>("reportedAfter");
    QTest::addColumn<watchdog::Verdict>("expected");
    watchdog::Verdict shrunk = verdict(Finding::SegmentShrunk);
    shrunk.shrunkTo = 4096;
    QTest::newRow("intact") << false << std::optional<uint64_t>() << false
                            << verdict(Finding::None);
    QTest::newRow("shrunk") << false << std::optional<uint64_t>(4096) << true << shrunk;
    QTest::newRow("shrunk, said once")
        << true << std::optional<uint64_t>(4096) << true << verdict(Finding::None);
}

void TestWatchdog::segment() {
    QFETCH(bool, reportedBefore);
    QFETCH(std::optional<uint64_t>, shrunkTo);
    QFETCH(bool, reportedAfter);
    QFETCH(watchdog::Verdict, expected);
    watchdog::State s = state(2);
    s.shrinkReported = reportedBefore;
    const watchdog::Step step = watchdog::checkSegment(s, shrunkTo);
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.verdict.shrunkTo, expected.shrunkTo);
    QCOMPARE(step.state.shrinkReported, reportedAfter);
}

// Every rank says Done; mpirun gets 5 s to exit, and is ended once.
void TestWatchdog::mpiEnded_data() {
    QTest::addColumn<uint64_t>("doneSince");
    QTest::addColumn<Workers>("ranks");
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<uint64_t>("doneSinceAfter");
    QTest::addColumn<bool>("endIt");
    const uint64_t t = 10 * kS;
    const watchdog::Worker done = worker(WorkerState::Done, t);
    const Workers allDone{done, done};
    QTest::newRow("a rank still runs")
        << t << Workers{done, running(t)} << t + 6 * kS << uint64_t(0) << false;
    QTest::newRow("all done: first seen") << uint64_t(0) << allDone << t << t << false;
    QTest::newRow("just below 5 s") << t << allDone << t + 5 * kS - 1 << t << false;
    QTest::newRow("at 5 s") << t << allDone << t + 5 * kS << ~uint64_t(0) << true;
    QTest::newRow("ended once already")
        << ~uint64_t(0) << allDone << t + 60 * kS << ~uint64_t(0) << false;
}

void TestWatchdog::mpiEnded() {
    QFETCH(uint64_t, doneSince);
    QFETCH(Workers, ranks);
    QFETCH(uint64_t, now);
    QFETCH(uint64_t, doneSinceAfter);
    QFETCH(bool, endIt);
    watchdog::State s = state(uint32_t(ranks.size()));
    s.mpiAllDoneNs = doneSince;
    const watchdog::Step step = watchdog::checkMpiEnded(s, reading(now, ranks));
    QCOMPARE(step.verdict.finding == Finding::MpiNotExited, endIt);
    QCOMPARE(step.state.mpiAllDoneNs, doneSinceAfter);
}

// mpirun stopped: judged after the suspend or the stall timeout, whichever is shorter, once;
// a SIGCONT before that starts the clock again.
void TestWatchdog::mpirunStopped_data() {
    QTest::addColumn<uint64_t>("since");
    QTest::addColumn<bool>("stopped");
    QTest::addColumn<uint32_t>("stallMs");
    QTest::addColumn<uint64_t>("sinceAfter");
    QTest::addColumn<bool>("fails");
    const uint64_t t = 10 * kS, now = t + 2 * kS; // suspend timeout: 2000 ms (the default)
    QTest::newRow("running") << t << false << 30'000u << uint64_t(0) << false;
    QTest::newRow("first seen stopped") << uint64_t(0) << true << 30'000u << now << false;
    QTest::newRow("just below 2 s") << t + 1 << true << 30'000u << t + 1 << false;
    QTest::newRow("at 2 s") << t << true << 30'000u << ~uint64_t(0) << true;
    QTest::newRow("stall timeout shorter")
        << now - 500 * kMs << true << 500u << ~uint64_t(0) << true;
    QTest::newRow("said once") << ~uint64_t(0) << true << 30'000u << ~uint64_t(0) << false;
}

void TestWatchdog::mpirunStopped() {
    QFETCH(uint64_t, since);
    QFETCH(bool, stopped);
    QFETCH(uint32_t, stallMs);
    QFETCH(uint64_t, sinceAfter);
    QFETCH(bool, fails);
    watchdog::State s = state(2);
    s.mpirunStoppedSinceNs = since;
    shm::ExperimentConfig cfg;
    cfg.stallTimeoutMs = stallMs;
    const uint64_t now = 12 * kS;
    const watchdog::Step step = watchdog::checkMpirunStopped(
        s, reading(now, Workers{running(now), running(now)}), stopped, cfg);
    QCOMPARE(step.verdict.finding == Finding::MpirunStopped, fails);
    if (fails) QCOMPARE(step.verdict.silentNs, now - since);
    QCOMPARE(step.state.mpirunStoppedSinceNs, sinceAfter);
}

// Worker 2 was killed by a signal. What its death means depends on who killed it, whether the
// run had failed already, the lock it held and whether that lock is robust.
void TestWatchdog::crash_data() {
    QTest::addColumn<int>("deadHolderBefore");
    QTest::addColumn<uint32_t>("holding");
    QTest::addColumn<bool>("byUs");
    QTest::addColumn<bool>("runFailed");
    QTest::addColumn<SyncMode>("sync");
    QTest::addColumn<bool>("diedHoldingLock");
    QTest::addColumn<int>("deadHolderAfter");
    QTest::addColumn<bool>("awaitsRecovery");
    QTest::addColumn<watchdog::Verdict>("expected");
    const auto none = verdict(Finding::None);
    const auto M = SyncMode::Mutex;
    QTest::newRow("killed by the app, holding")
        << -1 << 1u << true << false << M << false << -1 << false << none;
    QTest::newRow("after the run failed, holding")
        << -1 << 1u << false << true << M << true << -1 << false << none;
    QTest::newRow("holding nothing")
        << -1 << 0u << false << false << M << false << -1 << false << verdict(Finding::Crashed, 2);
    QTest::newRow("holding the robust mutex")
        << -1 << 1u << false << false << SyncMode::Robust << true << -1 << true << none;
    QTest::newRow("robust, holding nothing")
        << -1 << 0u << false << false << SyncMode::Robust << false << -1 << false
        << verdict(Finding::Crashed, 2);
    QTest::newRow("holding the mutex: deadlock watch")
        << -1 << 1u << false << false << M << true << 2 << false << none;
    QTest::newRow("holding a stripe: deadlock watch")
        << -1 << 3u << false << false << SyncMode::Striped << true << 2 << false << none;
    QTest::newRow("a second dead holder fails the run")
        << 0 << 1u << false << false << M << true << 0 << false
        << verdict(Finding::Crashed, 2, 0, 1);
}

void TestWatchdog::crash() {
    QFETCH(int, deadHolderBefore);
    QFETCH(uint32_t, holding);
    QFETCH(bool, byUs);
    QFETCH(bool, runFailed);
    QFETCH(SyncMode, sync);
    QFETCH(bool, diedHoldingLock);
    QFETCH(int, deadHolderAfter);
    QFETCH(bool, awaitsRecovery);
    QFETCH(watchdog::Verdict, expected);
    watchdog::State s = deadHolder(deadHolderBefore, 7 * kS);
    const watchdog::CrashStep step = watchdog::onCrash(s, 2, holding, byUs, runFailed, sync);
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.diedHoldingLock, diedHoldingLock);
    QCOMPARE(step.state.deadHolder, deadHolderAfter);
    QCOMPARE(step.state.awaitingRecovery,
             awaitsRecovery ? std::vector<uint32_t>{2} : std::vector<uint32_t>{});
    // A new deadlock watch starts its count afresh.
    QCOMPARE(step.state.allBlockedNs,
             deadHolderAfter != deadHolderBefore ? uint64_t(0) : s.allBlockedNs);
}

void TestWatchdog::atEnd_data() {
    QTest::addColumn<std::vector<uint32_t>>("awaiting");
    QTest::addColumn<int>("deadHolder");
    QTest::addColumn<std::vector<bool>>("recovered");
    QTest::addColumn<watchdog::Verdict>("expected");
    const std::vector<bool> none(4, false);
    const std::vector<bool> oneRecovered{false, true, false, false};
    QTest::newRow("nothing to answer for")
        << std::vector<uint32_t>{} << -1 << none << verdict(Finding::None);
    QTest::newRow("robust death recovered")
        << std::vector<uint32_t>{1} << -1 << oneRecovered << verdict(Finding::None);
    QTest::newRow("robust death not recovered")
        << std::vector<uint32_t>{1} << -1 << none << verdict(Finding::Unrecovered, 1);
    QTest::newRow("the second robust death not recovered")
        << std::vector<uint32_t>{1, 3} << -1 << oneRecovered << verdict(Finding::Unrecovered, 3);
    QTest::newRow("a dead holder nobody deadlocked on")
        << std::vector<uint32_t>{} << 2 << none << verdict(Finding::DeadHolderLeft, 2);
    QTest::newRow("unrecovered comes first")
        << std::vector<uint32_t>{1} << 2 << none << verdict(Finding::Unrecovered, 1);
}

void TestWatchdog::atEnd() {
    QFETCH(std::vector<uint32_t>, awaiting);
    QFETCH(int, deadHolder);
    QFETCH(std::vector<bool>, recovered);
    QFETCH(watchdog::Verdict, expected);
    watchdog::State s = state(4);
    s.awaitingRecovery = awaiting;
    s.deadHolder = deadHolder;
    compareVerdict(watchdog::atEnd(s, recovered), expected);
}

// Worker 2 (pid 4002) exited normally. A careless worker is trusted no more than a crashed one:
// exiting while its slot says it holds a lock is a dead holder, and exiting 0 before saying
// Done (never attached, or left its share) fails the run.
void TestWatchdog::exit_data() {
    QTest::addColumn<int>("deadHolderBefore");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<uint32_t>("holding");
    QTest::addColumn<WorkerState>("slotState");
    QTest::addColumn<bool>("runFailed");
    QTest::addColumn<SyncMode>("sync");
    QTest::addColumn<int>("deadHolderAfter");
    QTest::addColumn<bool>("awaitsRecovery");
    QTest::addColumn<watchdog::Verdict>("expected");
    const auto none = verdict(Finding::None);
    const auto M = SyncMode::Mutex;
    const auto early = [](WorkerState st) {
        watchdog::Verdict v = verdict(Finding::ExitedEarly, 2);
        v.pid = 4002;
        v.state = st;
        return v;
    };
    QTest::newRow("done, holding nothing")
        << -1 << 0 << 0u << WorkerState::Done << false << M << -1 << false << none;
    QTest::newRow("never attached (/bin/true)") << -1 << 0 << 0u << WorkerState::Starting << false
                                                << M << -1 << false << early(WorkerState::Starting);
    QTest::newRow("left its share") << -1 << 0 << 0u << WorkerState::Running << false << M << -1
                                    << false << early(WorkerState::Running);
    QTest::newRow("at the barrier") << -1 << 0 << 0u << WorkerState::AtBarrier << false << M << -1
                                    << false << early(WorkerState::AtBarrier);
    QTest::newRow("exit 3 is judged by its code")
        << -1 << 3 << 0u << WorkerState::Failed << false << M << -1 << false << none;
    QTest::newRow("exit 0 holding the mutex: deadlock watch")
        << -1 << 0 << 1u << WorkerState::Done << false << M << 2 << false << none;
    QTest::newRow("exit 1 holding a stripe: deadlock watch")
        << -1 << 1 << 3u << WorkerState::Running << false << SyncMode::Striped << 2 << false
        << none;
    QTest::newRow("exit 0 holding the robust mutex: recovery")
        << -1 << 0 << 1u << WorkerState::Done << false << SyncMode::Robust << -1 << true << none;
    watchdog::Verdict second = verdict(Finding::ExitedHolding, 2, 0, 1);
    second.pid = 4002;
    QTest::newRow("a second holder gone fails the run")
        << 0 << 0 << 1u << WorkerState::Done << false << M << 0 << false << second;
    QTest::newRow("after the run failed")
        << -1 << 0 << 1u << WorkerState::Starting << true << M << -1 << false << none;
}

void TestWatchdog::exit() {
    QFETCH(int, deadHolderBefore);
    QFETCH(int, exitCode);
    QFETCH(uint32_t, holding);
    QFETCH(WorkerState, slotState);
    QFETCH(bool, runFailed);
    QFETCH(SyncMode, sync);
    QFETCH(int, deadHolderAfter);
    QFETCH(bool, awaitsRecovery);
    QFETCH(watchdog::Verdict, expected);
    const watchdog::State s = deadHolder(deadHolderBefore, 7 * kS);
    const watchdog::CrashStep step =
        watchdog::onExit(s, 2, 4002, exitCode, holding, slotState, runFailed, sync);
    compareVerdict(step.verdict, expected);
    QCOMPARE(step.diedHoldingLock, holding != 0);
    QCOMPARE(step.state.deadHolder, deadHolderAfter);
    QCOMPARE(step.state.awaitingRecovery,
             awaitsRecovery ? std::vector<uint32_t>{2} : std::vector<uint32_t>{});
}

// The header's live control as the app wrote it vs as it reads: any difference is a foreign
// write, and a run with exactly one --worker-command worker names it as the likely writer.
void TestWatchdog::control_data() {
    QTest::addColumn<watchdog::Control>("reads");
    QTest::addColumn<Workers>("workers");
    QTest::addColumn<watchdog::Verdict>("expected");
    const watchdog::Control wrote{1, 0, 0, 5}; // running, nobody parked or hung, 5 us
    const auto foreign = [](watchdog::Worker w) {
        w.foreign = true;
        return w;
    };
    const Workers ours{withPid(running(0), 4000), withPid(running(0), 4001)};
    const Workers oneForeign{withPid(running(0), 4000), foreign(withPid(running(0), 4001))};
    const Workers twoForeign{foreign(withPid(running(0), 4000)),
                             foreign(withPid(running(0), 4001))};
    const auto write = [](watchdog::Field f, uint64_t value, int named = -1) {
        watchdog::Verdict v = verdict(Finding::ForeignWrite);
        v.field = f;
        v.value = value;
        if (named >= 0) {
            v.named = true;
            v.worker = uint32_t(named);
            v.pid = 4000 + named;
        }
        return v;
    };
    QTest::newRow("as written") << wrote << oneForeign << verdict(Finding::None);
    QTest::newRow("paused, one foreign worker")
        << watchdog::Control{2, 0, 0, 5} << oneForeign << write(watchdog::Field::RunState, 2, 1);
    QTest::newRow("paused, two foreign workers")
        << watchdog::Control{2, 0, 0, 5} << twoForeign << write(watchdog::Field::RunState, 2);
    QTest::newRow("paused, no foreign worker")
        << watchdog::Control{2, 0, 0, 5} << ours << write(watchdog::Field::RunState, 2);
    QTest::newRow("park worker 0")
        << watchdog::Control{1, 1, 0, 5} << oneForeign << write(watchdog::Field::ParkWorker, 1, 1);
    QTest::newRow("hang worker 1")
        << watchdog::Control{1, 0, 2, 5} << oneForeign << write(watchdog::Field::HangWorker, 2, 1);
    QTest::newRow("delay") << watchdog::Control{1, 0, 0, 900} << oneForeign
                           << write(watchdog::Field::DelayUs, 900, 1);
}

void TestWatchdog::control() {
    QFETCH(watchdog::Control, reads);
    QFETCH(Workers, workers);
    QFETCH(watchdog::Verdict, expected);
    const watchdog::Control wrote{1, 0, 0, 5};
    const watchdog::Verdict got = watchdog::checkControl(reading(9 * kS, workers), wrote, reads);
    compareVerdict(got, expected);
}

// One lock read every 100 ms from 10 s on (fake clock), the same way each time: orphaned
// (taken, no live holder, no acquisition since) for 1 s, or stall-timeout-ms if shorter, fails
// the run; a live owner, a live claimant or a new acquisition never does.
void TestWatchdog::orphanLock_data() {
    QTest::addColumn<watchdog::LockSeen>("lock");
    QTest::addColumn<Workers>("workers");
    QTest::addColumn<uint32_t>("stallMs");
    QTest::addColumn<bool>("acquiring"); // a new acquisition at every reading
    QTest::addColumn<int>("deadHolderK");
    QTest::addColumn<int>("failsAtMs"); // after the first reading; -1: never (within 5 s)
    QTest::addColumn<int>("namedWorker");
    const auto lock = [](bool taken, int64_t owner, bool live) {
        watchdog::LockSeen l;
        l.id = 1;
        l.taken = taken;
        l.ownerTid = owner;
        l.ownerLive = live;
        l.acquisitions = 77;
        return l;
    };
    const Workers waiting{withPid(worker(WorkerState::WaitingForLock, 0), 4000),
                          withPid(worker(WorkerState::WaitingForLock, 0), 4001),
                          withPid(exited(worker(WorkerState::Done, 0)), 4002)};
    Workers claimedByLive = waiting;
    claimedByLive[1] = withPid(running(0, 1), 4001);
    Workers claimedByExited = waiting;
    claimedByExited[2].holdingLock = 1;
    Workers oneStopped = waiting;
    oneStopped[0].stopped = true;
    QTest::newRow("garbage bytes, no owner")
        << lock(true, 0, false) << waiting << 30000u << false << -1 << 1000 << -1;
    QTest::newRow("owned by an exited worker")
        << lock(true, 4002, false) << waiting << 30000u << false << -1 << 1000 << 2;
    QTest::newRow("owned by a thread of no worker")
        << lock(true, 5555, false) << waiting << 30000u << false << -1 << 1000 << -1;
    QTest::newRow("stall timeout shorter")
        << lock(true, 0, false) << waiting << 500u << false << -1 << 500 << -1;
    QTest::newRow("claimed by an exited worker still orphaned")
        << lock(true, 0, false) << claimedByExited << 30000u << false << -1 << 1000 << -1;
    QTest::newRow("free") << lock(false, 0, false) << waiting << 30000u << false << -1 << -1 << -1;
    QTest::newRow("live owner") << lock(true, 4001, true) << waiting << 30000u << false << -1 << -1
                                << -1;
    QTest::newRow("claimed by a live worker (spin lock: no owner)")
        << lock(true, 0, false) << claimedByLive << 30000u << false << -1 << -1 << -1;
    QTest::newRow("acquired again and again")
        << lock(true, 0, false) << waiting << 30000u << true << -1 << -1 << -1;
    QTest::newRow("a worker stopped: the suspended check's")
        << lock(true, 0, false) << oneStopped << 30000u << false << -1 << -1 << -1;
    QTest::newRow("a dead holder watched: the deadlock check's")
        << lock(true, 4002, false) << waiting << 30000u << false << 2 << -1 << -1;
}

void TestWatchdog::orphanLock() {
    QFETCH(watchdog::LockSeen, lock);
    QFETCH(Workers, workers);
    QFETCH(uint32_t, stallMs);
    QFETCH(bool, acquiring);
    QFETCH(int, deadHolderK);
    QFETCH(int, failsAtMs);
    QFETCH(int, namedWorker);
    const shm::ExperimentConfig cfg = config(SyncMode::Mutex, true, stallMs);
    watchdog::State s = state(uint32_t(workers.size()));
    s.deadHolder = deadHolderK;
    const uint64_t t0 = 10 * kS;
    for (int ms = 0; ms <= 5000; ms += 100) {
        if (acquiring) lock.acquisitions += 1;
        const watchdog::Step step =
            watchdog::checkLocks(s, reading(t0 + uint64_t(ms) * kMs, workers), {lock}, cfg);
        s = step.state;
        if (!step.verdict) continue;
        QCOMPARE(ms, failsAtMs);
        watchdog::Verdict want =
            verdict(Finding::OrphanLock, namedWorker < 0 ? 0 : namedWorker, uint64_t(ms) * kMs, 1);
        want.pid = lock.ownerTid;
        want.named = namedWorker >= 0;
        compareVerdict(step.verdict, want);
        return;
    }
    QCOMPARE(-1, failsAtMs);
}

// A gap in the app's polls (it was not running) restarts the count: the lock was not watched.
void TestWatchdog::orphanLockAfterPollGap() {
    watchdog::LockSeen lock;
    lock.id = 1;
    lock.taken = true;
    const Workers workers{withPid(worker(WorkerState::WaitingForLock, 0), 4000)};
    const shm::ExperimentConfig cfg = config(SyncMode::Mutex, true, 30000);
    watchdog::State s = state(1);
    s = watchdog::checkLocks(s, reading(10 * kS, workers), {lock}, cfg).state;
    s = watchdog::notePoll(s, 10 * kS);
    s = watchdog::notePoll(s, 10 * kS + 900 * kMs); // the app stood still for 0.9 s
    QVERIFY(!watchdog::checkLocks(s, reading(10 * kS + 1000 * kMs, workers), {lock}, cfg).verdict);
    QVERIFY(watchdog::checkLocks(s, reading(10 * kS + 1900 * kMs, workers), {lock}, cfg).verdict);
}

// Lock bytes that say "locked" with no owner were written by another process: the one worker
// that runs --worker-command is named as the likely writer; with two, nobody is.
void TestWatchdog::orphanLockNamesTheLikelyWriter() {
    watchdog::LockSeen lock;
    lock.id = 1;
    lock.taken = true;
    auto foreign = [](watchdog::Worker w) {
        w.foreign = true;
        return w;
    };
    const watchdog::Worker waiting = worker(WorkerState::WaitingForLock, 0);
    const shm::ExperimentConfig cfg = config(SyncMode::Mutex, true, 30000);
    for (const int foreignCount : {1, 2}) {
        const Workers workers{foreignCount == 2 ? foreign(withPid(waiting, 4000))
                                                : withPid(waiting, 4000),
                              withPid(waiting, 4001), foreign(withPid(running(0), 4002))};
        watchdog::State s = state(3);
        watchdog::Verdict v;
        for (int ms = 0; ms <= 1000 && !v; ms += 100) {
            const auto step = watchdog::checkLocks(
                s, reading(10 * kS + uint64_t(ms) * kMs, workers), {lock}, cfg);
            s = step.state;
            v = step.verdict;
        }
        QVERIFY(v.finding == Finding::OrphanLock);
        QCOMPARE(v.writerPid, int64_t(foreignCount == 1 ? 4002 : 0));
        QCOMPARE(v.worker, uint32_t(foreignCount == 1 ? 2 : 0));
    }
}

// The segment's name removed (or replaced by another file) under the run: said once.
void TestWatchdog::segmentName() {
    const watchdog::State s = state(2);
    QVERIFY(!watchdog::checkSegmentName(s, false, false).verdict);
    for (const bool replaced : {false, true}) {
        const watchdog::Step step = watchdog::checkSegmentName(s, !replaced, replaced);
        watchdog::Verdict want = verdict(Finding::SegmentRemoved);
        want.value = replaced ? 1 : 0;
        compareVerdict(step.verdict, want);
        QVERIFY(!watchdog::checkSegmentName(step.state, !replaced, replaced).verdict); // once
    }
}

QTEST_APPLESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
