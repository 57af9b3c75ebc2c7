// Replay of a recorded run (record/replay.h) on hand-built RecordedRuns: frameAt picks each
// worker's latest sample, the run's latest state and the latest array frame at or before t;
// replayLocks rebuilds exactly the LockActivity (closed and open intervals) and wait histogram
// the window had when it had consumed the events up to t; events are stepped in order.
#include "record/replay.h"

#include <QTest>

#include <random>

using namespace shm;

namespace {

WorkerSample sample(uint64_t at, uint32_t id, uint64_t processed, WorkerState state) {
    WorkerSample s;
    s.atNs = at;
    s.record.id = id;
    s.record.processed = processed;
    s.record.state = state;
    return s;
}

// Two workers sampled at different times, run samples, one full and one later full frame.
std::shared_ptr<RecordedRun> sampledRun() {
    auto run = std::make_shared<RecordedRun>();
    run->config.workers = 2;
    run->config.sync = SyncMode::Mutex;
    run->releaseNs = 1000;
    run->endNs = 5000;
    run->final.workers.resize(2);
    run->samples = {
        {sample(1000, 0, 0, WorkerState::Running), sample(2000, 0, 10, WorkerState::Running),
         sample(4000, 0, 40, WorkerState::Done)},
        {sample(1500, 1, 5, WorkerState::Running), sample(3000, 1, 30, WorkerState::Running)}};
    RunSample r1;
    r1.atNs = 1000;
    r1.phase = Phase::Running;
    r1.cursor = 7;
    RunSample r2 = r1;
    r2.atNs = 3500;
    r2.phase = Phase::Paused;
    r2.cursor = 9;
    r2.queue.active = true;
    r2.queue.depth = 3;
    run->runSamples = {r1, r2};
    ArrayFrame f1;
    f1.atNs = 1200;
    f1.count = 3;
    f1.values = {1, NAN, NAN};
    f1.owners = {0, 255, 255};
    ArrayFrame f2 = f1;
    f2.atNs = 3200;
    f2.values = {1, 2, 3};
    f2.owners = {0, 1, 1};
    run->frames = {f1, f2};
    return run;
}

// One lock shared by `workers`, holds with acquisition sequences, some after a wait; the last
// worker is left holding (parked) and another waiting when the run ends.
struct Scenario {
    uint32_t workers = 3;
    std::vector<std::vector<Event>> events;
    uint64_t endNs = 0;
};

Scenario makeScenario(uint32_t seed) {
    std::mt19937_64 rng(seed);
    Scenario s;
    s.events.resize(s.workers);
    std::vector<uint64_t> workerFree(s.workers, 1000);
    uint64_t lockFree = 1000, sequence = 0;
    for (int i = 0; i < 60; ++i) {
        const uint32_t k = uint32_t(rng() % s.workers);
        const uint64_t want = workerFree[k] + rng() % 300;
        const uint64_t begin = std::max(want, lockFree) + 1 + rng() % 50;
        const uint64_t end = begin + 1 + rng() % 400;
        auto& ev = s.events[k];
        if (begin > want + 10) ev.push_back(makeEvent(want, EventKind::WaitBegin, 0));
        ev.push_back(makeEvent(begin, EventKind::Acquired, 0, ++sequence));
        ev.push_back(makeEvent(end, EventKind::Released, 0, sequence));
        workerFree[k] = end;
        lockFree = end;
    }
    // Worker 2 takes the lock and never releases it; worker 0 waits for it until the end.
    const uint64_t park = std::max(lockFree, workerFree[2]) + 5;
    s.events[2].push_back(makeEvent(park, EventKind::Acquired, 0, ++sequence));
    const uint64_t waitFrom = std::max(park, workerFree[0]) + 7;
    s.events[0].push_back(makeEvent(waitFrom, EventKind::WaitBegin, 0));
    s.endNs = waitFrom + 500;
    return s;
}

// A LockActivity and histogram fed every event at or before t (all of them: t = UINT64_MAX).
void feed(const Scenario& s, uint64_t t, LockActivity& a, WaitHistogram& h) {
    a.reset(s.workers, 1, SyncMode::Mutex);
    h.reset(s.workers);
    for (uint32_t k = 0; k < s.workers; ++k) {
        const auto& ev = s.events[k];
        const size_t n =
            size_t(std::find_if(ev.begin(), ev.end(), [t](const Event& e) { return e.tNs > t; }) -
                   ev.begin());
        a.consume(k, ev.data(), n);
        h.consume(k, ev.data(), n);
    }
}

// The run a recorder would have kept: the intervals of the LockActivity fed the whole run.
std::shared_ptr<RecordedRun> recordedFrom(const Scenario& s) {
    LockActivity a;
    WaitHistogram h;
    feed(s, UINT64_MAX, a, h);
    auto run = std::make_shared<RecordedRun>();
    run->config.workers = s.workers;
    run->config.sync = SyncMode::Mutex;
    run->releaseNs = 1000;
    run->endNs = s.endNs;
    run->intervals.resize(s.workers);
    for (uint32_t k = 0; k < s.workers; ++k) {
        WorkerIntervals& w = run->intervals[k];
        w.holds.assign(a.holds(k).begin(), a.holds(k).end());
        w.waits.assign(a.waits(k).begin(), a.waits(k).end());
        auto end = [&](std::optional<LockInterval> iv) {
            if (iv) iv->endNs = s.endNs;
            return iv;
        };
        w.openHold = end(a.openHold(k));
        w.openWait = end(a.openWait(k));
    }
    return run;
}

std::vector<LockInterval> list(const std::deque<LockInterval>& d) {
    return {d.begin(), d.end()};
}

// A live activity's open interval ends at its worker's newest event; a replayed one at t (what
// the view draws up to "now" either way): equal but for that end.
void compareOpen(std::optional<LockInterval> live, std::optional<LockInterval> replayed,
                 uint64_t t) {
    QCOMPARE(replayed.has_value(), live.has_value());
    if (!live) return;
    QCOMPARE(replayed->beginNs, live->beginNs);
    QCOMPARE(replayed->lock, live->lock);
    QCOMPARE(replayed->endNs, t);
    QVERIFY(live->endNs <= t);
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT
  private slots:
    void frameAtSamples();
    void frameAtArray();
    void replayLocksEqualsLiveActivity();
    void eventStepping();
};

void TestReplay::frameAtSamples() {
    const auto run = sampledRun();
    // Before the release: clamped to it, worker 1 not sampled yet.
    auto f = frameAt(run, 0).frame.snapshot;
    QCOMPARE(f.nowNs, uint64_t(1000));
    QCOMPARE(f.workers.size(), size_t(2));
    QCOMPARE(f.workers[0], run->samples[0][0].record);
    QCOMPARE(f.workers[1].processed, uint64_t(0));
    QCOMPARE(f.workers[1].id, uint32_t(1));
    QCOMPARE(f.phase, Phase::Running);
    QCOMPARE(f.cursor, uint64_t(7));
    // At a sample, and between samples.
    f = frameAt(run, 2000).frame.snapshot;
    QCOMPARE(f.workers[0], run->samples[0][1].record);
    QCOMPARE(f.workers[1], run->samples[1][0].record);
    f = frameAt(run, 3999).frame.snapshot;
    QCOMPARE(f.workers[0], run->samples[0][1].record);
    QCOMPARE(f.workers[1], run->samples[1][1].record);
    QCOMPARE(f.phase, Phase::Paused);
    QCOMPARE(f.cursor, uint64_t(9));
    QCOMPARE(f.queue.depth, uint64_t(3));
    QVERIFY(!f.ended);
    // At and after the end: the last samples, Finished.
    for (uint64_t t : {uint64_t(5000), uint64_t(99999)}) {
        f = frameAt(run, t).frame.snapshot;
        QCOMPARE(f.nowNs, uint64_t(5000));
        QCOMPARE(f.workers[0], run->samples[0][2].record);
        QCOMPARE(f.workers[1], run->samples[1][1].record);
        QCOMPARE(f.phase, Phase::Finished);
    }
    QCOMPARE(frameAt(run, 4000).frame.snapshot.phase, Phase::Paused);
    QVERIFY(frameAt(nullptr, 10).frame.snapshot.workers.empty());
}

void TestReplay::frameAtArray() {
    const auto run = sampledRun();
    QVERIFY(frameAt(run, 1100).array == nullptr);
    QVERIFY(!frameAt(run, 1100).frame.snapshot.array.valid());
    auto r = frameAt(run, 1200);
    QCOMPARE(r.array, &run->frames[0]);
    QCOMPARE(r.frame.snapshot.array.count, uint64_t(3));
    QCOMPARE(r.frame.snapshot.array.data[0], 1.0);
    QCOMPARE(r.frame.snapshot.array.owner[2], uint8_t(255));
    r = frameAt(run, 3199);
    QCOMPARE(r.array, &run->frames[0]);
    r = frameAt(run, 4000);
    QCOMPARE(r.array, &run->frames[1]);
    QCOMPARE(r.frame.snapshot.array.data[2], 3.0);
    QCOMPARE(r.frame.snapshot.array.owner[1], uint8_t(1));
    // The ArrayRef keeps the run alive after everyone else let it go.
    ArrayRef kept;
    std::weak_ptr<const RecordedRun> weak;
    {
        std::shared_ptr<const RecordedRun> own = sampledRun();
        weak = own;
        kept = frameAt(own, 5000).frame.snapshot.array;
    }
    QVERIFY(!weak.expired());
    QCOMPARE(kept.data[1], 2.0);
    kept = {};
    QVERIFY(weak.expired());
    // A decimated frame gives no ArrayRef, only the frame's columns.
    auto dec = std::make_shared<RecordedRun>(*run);
    dec->frames[1].values.clear();
    dec->frames[1].owners.clear();
    dec->frames[1].count = 1'000'000;
    dec->frames[1].columns.resize(4);
    r = frameAt(dec, 4000);
    QVERIFY(!r.frame.snapshot.array.valid());
    QCOMPARE(r.array->columns.size(), size_t(4));
}

void TestReplay::replayLocksEqualsLiveActivity() {
    for (uint32_t seed : {1u, 7u, 42u}) {
        const Scenario s = makeScenario(seed);
        const auto run = recordedFrom(s);
        // Every event time, just before and after it, and some moments in between.
        std::vector<uint64_t> ts = {run->releaseNs, run->endNs};
        for (const auto& ev : s.events)
            for (const Event& e : ev)
                for (uint64_t t : {e.tNs - 1, e.tNs, e.tNs + 1})
                    ts.push_back(t);
        int opens = 0;
        for (uint64_t t : ts) {
            LockActivity live, replayed;
            WaitHistogram liveWaits, replayedWaits;
            feed(s, t, live, liveWaits);
            replayLocks(*run, t, replayed, replayedWaits);
            QCOMPARE(replayed.workers(), live.workers());
            for (uint32_t k = 0; k < s.workers; ++k) {
                QCOMPARE(list(replayed.holds(k)), list(live.holds(k)));
                QCOMPARE(list(replayed.waits(k)), list(live.waits(k)));
                compareOpen(live.openHold(k), replayed.openHold(k), t);
                compareOpen(live.openWait(k), replayed.openWait(k), t);
                opens += live.openHold(k).has_value();
            }
            QCOMPARE(replayedWaits.counts(), liveWaits.counts());
            QCOMPARE(replayedWaits.total(), liveWaits.total());
        }
        QVERIFY(opens > 0); // some moments fell inside a hold
        // At the end: worker 2 parked holding, worker 0 waiting, open up to the end.
        LockActivity a;
        WaitHistogram h;
        replayLocks(*run, run->endNs, a, h);
        QVERIFY(a.openHold(2).has_value());
        QCOMPARE(a.openHold(2)->endNs, run->endNs);
        QVERIFY(a.openWait(0).has_value());
        QVERIFY(h.total() > 0);
    }
}

void TestReplay::eventStepping() {
    const Scenario s = makeScenario(3);
    auto run = recordedFrom(s);
    run->marks = {RunMark{1500, MarkKind::State, 1, "done"},
                  RunMark{run->endNs, MarkKind::Phase, -1, "finished"}};
    const auto times = eventTimes(*run);
    QVERIFY(std::is_sorted(times.begin(), times.end()));
    QVERIFY(std::adjacent_find(times.begin(), times.end()) == times.end());
    size_t holds = 0;
    for (const auto& w : run->intervals)
        holds += w.holds.size() + (w.openHold ? 1 : 0);
    QVERIFY(times.size() >= 2 && times.size() <= holds + 2);
    QVERIFY(std::binary_search(times.begin(), times.end(), uint64_t(1500)));
    QVERIFY(std::binary_search(times.begin(), times.end(), run->intervals[2].openHold->beginNs));
    // Stepping forward from before the first visits every time in order, then stays.
    uint64_t t = 0;
    for (uint64_t want : times) {
        t = nextEventAfter(times, t);
        QCOMPARE(t, want);
    }
    QCOMPARE(nextEventAfter(times, t), t);
    for (auto it = times.rbegin() + 1; it != times.rend(); ++it) {
        t = previousEventBefore(times, t);
        QCOMPARE(t, *it);
    }
    QCOMPARE(previousEventBefore(times, t), t);
    // Between two events: the neighbours.
    QCOMPARE(nextEventAfter(times, times[1] - 1), times[1]);
    QCOMPARE(previousEventBefore(times, times[1] + 1), times[1]);
    QCOMPARE(nextEventAfter({}, 5), uint64_t(5));
}

QTEST_APPLESS_MAIN(TestReplay)
#include "tst_replay.moc"
