// LockActivity (events → intervals) and the column rasteriser against brute-force references:
// random non-overlapping holds of one lock shared out among workers, random windows and column
// counts; coverage must equal the exact overlap per column and sum to at most 1 per lock.
#include "analysis/lane_groups.h"
#include "analysis/lock_lanes.h"

#include <QTest>

#include <random>

using namespace shm;

namespace {

// One lock's timeline handed out to workers: consecutive holds, each by a random worker, with a
// wait of that worker just before it (waits may overlap other workers' holds, as in a run).
struct Scenario {
    uint32_t workers;
    uint32_t locks;
    std::vector<std::vector<Event>> events;       // per worker, as a ring would deliver them
    std::vector<std::vector<LockInterval>> holds; // per worker, expected
    std::vector<std::vector<LockInterval>> waits;
    uint64_t endNs = 0;
};

Scenario makeScenario(uint32_t workers, uint32_t locks, uint32_t seed, int perLock) {
    std::mt19937_64 rng(seed);
    Scenario s{workers, locks, {}, {}, {}, 0};
    s.events.resize(workers);
    s.holds.resize(workers);
    s.waits.resize(workers);
    // Each worker does its acquisitions one after another; each lock's holds never overlap.
    std::vector<uint64_t> workerFree(workers, 1000), lockFree(locks, 1000);
    for (int i = 0; i < perLock * int(locks); ++i) {
        const uint32_t k = uint32_t(rng() % workers), l = uint32_t(rng() % locks);
        const uint64_t want = workerFree[k] + rng() % 3000;
        const uint64_t begin = std::max(want, lockFree[l]) + rng() % 50;
        const uint64_t end = begin + 1 + rng() % (rng() % 4 ? 500 : 50000);
        auto& ev = s.events[k];
        if (begin > want && rng() % 2) {
            ev.push_back({want, uint32_t(EventKind::WaitBegin), l});
            s.waits[k].push_back({want, begin, l});
        }
        ev.push_back({begin, uint32_t(EventKind::Acquired), l});
        ev.push_back({end, uint32_t(EventKind::Released), l});
        s.holds[k].push_back({begin, end, l});
        workerFree[k] = end;
        lockFree[l] = end;
        s.endNs = std::max(s.endNs, end);
    }
    return s;
}

// Brute force: every interval against every column.
std::vector<double> reference(const std::vector<LockInterval>& ivs, const TimeColumns& w,
                              int lock) {
    std::vector<double> cover(size_t(w.columns), 0.0);
    const double span = w.columnNs();
    for (int c = 0; c < w.columns; ++c) {
        const double a = w.t0Ns + c * span, b = a + span;
        for (const LockInterval& iv : ivs)
            if (lock < 0 || iv.lock == uint32_t(lock))
                cover[size_t(c)] +=
                    std::max(0.0, std::min(b, double(iv.endNs)) - std::max(a, double(iv.beginNs))) /
                    span;
    }
    return cover;
}

LockActivity feed(const Scenario& s, SyncMode sync, std::mt19937_64& rng) {
    LockActivity a;
    a.reset(s.workers, sync == SyncMode::Striped ? s.locks + 1 : 1, sync);
    // Consume in random slices, workers interleaved, as the view's refresh does.
    std::vector<size_t> at(s.workers, 0);
    for (bool more = true; more;) {
        more = false;
        for (uint32_t k = 0; k < s.workers; ++k) {
            const size_t n = std::min(s.events[k].size() - at[k], size_t(rng() % 40));
            a.consume(k, s.events[k].data() + at[k], n);
            at[k] += n;
            more = more || at[k] < s.events[k].size();
        }
    }
    return a;
}

// Shifts lock ids so stripe i is lock id i + 1 (lock 0 unused under striped).
Scenario asStripes(Scenario s) {
    for (auto& ev : s.events)
        for (Event& e : ev)
            ++e.lock;
    for (auto* v : {&s.holds, &s.waits})
        for (auto& ivs : *v)
            for (LockInterval& iv : ivs)
                ++iv.lock;
    return s;
}

} // namespace

class TestLockLanes : public QObject {
    Q_OBJECT
  private slots:
    void intervalsFromEvents();
    void openAndMalformed();
    void deadWorkerWaitsForNothing();
    void boundedMemory();
    void coverageAgainstBruteForce_data();
    void coverageAgainstBruteForce();
    void lockLaneSumsToAtMostOne();
    void stripeLanes();
    void alternatingHoldersShowHalf();
    void cutOverlapCases();
    void measuredHoldsAreCutBySequence_data();
    void measuredHoldsAreCutBySequence();
    void openHoldIsCutToo();
    void sequenceInEvents();
    void forgottenHoldsStillExclude();
    void keepShrinksBeyond64Workers();
    void groupLanesSplitEvenly_data();
    void groupLanesSplitEvenly();
    void groupLaneOfOneLockMatchesTheLockLane();
};

void TestLockLanes::intervalsFromEvents() {
    std::mt19937_64 rng(7);
    const Scenario s = makeScenario(4, 1, 1, 500);
    const LockActivity a = feed(s, SyncMode::Mutex, rng);
    uint64_t holds = 0;
    for (uint32_t k = 0; k < 4; ++k) {
        QCOMPARE(std::vector<LockInterval>(a.holds(k).begin(), a.holds(k).end()), s.holds[k]);
        QCOMPARE(std::vector<LockInterval>(a.waits(k).begin(), a.waits(k).end()), s.waits[k]);
        QVERIFY(!a.openHold(k) && !a.openWait(k));
        holds += s.holds[k].size();
    }
    QCOMPARE(a.counts().holds, holds);
    QCOMPARE(a.counts().malformed, 0u);
    QCOMPARE(a.newestNs(), s.endNs);
}

void TestLockLanes::openAndMalformed() {
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex);
    const Event e0[] = {{100, uint32_t(EventKind::WaitBegin), 0}};
    a.consume(0, e0, 1);
    QVERIFY(a.openWait(0));
    QCOMPARE(a.openWait(0)->beginNs, 100u);
    const Event e1[] = {{150, uint32_t(EventKind::Acquired), 0}};
    a.consume(0, e1, 1);
    QVERIFY(!a.openWait(0));
    QCOMPARE(a.waits(0).back(), (LockInterval{100, 150, 0}));
    QVERIFY(a.openHold(0));
    // The view draws an open hold up to "now".
    const TimeColumns w{100, 300, 2};
    const auto c = workerCoverage(a, 0, Activity::Hold, w, 300);
    QCOMPARE(c[0], 0.5);
    QCOMPARE(c[1], 1.0);
    // A Released without Acquired (dropped event) is counted, not turned into a hold.
    const Event e2[] = {{500, uint32_t(EventKind::Released), 0}};
    a.consume(1, e2, 1);
    QCOMPARE(a.counts().malformed, 1u);
    QVERIFY(a.holds(1).empty());
    // An event older than the worker's last one is clamped, never reorders.
    const Event e3[] = {{140, uint32_t(EventKind::Released), 0}};
    a.consume(0, e3, 1);
    QCOMPARE(a.holds(0).back(), (LockInterval{150, 150, 0}));
}

// A worker whose process ended: its open wait ends with it; an open hold stays (the dead
// process still holds the lock) until a Released arrives (a robust mutex's recoverer writes
// it into the dead worker's ring).
void TestLockLanes::deadWorkerWaitsForNothing() {
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex);
    const Event w0[] = {{100, uint32_t(EventKind::WaitBegin), 0}};
    a.consume(0, w0, 1);
    a.endWorker(0, 250);
    QVERIFY(!a.openWait(0));
    QCOMPARE(a.waits(0).back(), (LockInterval{100, 250, 0}));
    const Event h1[] = {{120, uint32_t(EventKind::Acquired), 0}};
    a.consume(1, h1, 1);
    a.endWorker(1, 300);
    QVERIFY(a.openHold(1));
    const Event r1[] = {{400, uint32_t(EventKind::Released), 0}};
    a.consume(1, r1, 1);
    QVERIFY(!a.openHold(1));
    QCOMPARE(a.holds(1).back(), (LockInterval{120, 400, 0}));
    QCOMPARE(a.counts().malformed, 0u);
}

void TestLockLanes::boundedMemory() {
    std::mt19937_64 rng(3);
    const Scenario s = makeScenario(2, 1, 5, 300);
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex, 50);
    for (uint32_t k = 0; k < 2; ++k)
        a.consume(k, s.events[k].data(), s.events[k].size());
    for (uint32_t k = 0; k < 2; ++k) {
        QCOMPARE(a.holds(k).size(), size_t(50));
        QCOMPARE(a.holds(k).back(), s.holds[k].back()); // the newest are kept
    }
    QCOMPARE(a.counts().holds, uint64_t(s.holds[0].size() + s.holds[1].size()));
    QVERIFY(a.counts().trimmed >= a.counts().holds - 100);
}

void TestLockLanes::coverageAgainstBruteForce_data() {
    QTest::addColumn<uint32_t>("seed");
    for (uint32_t seed = 1; seed <= 12; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestLockLanes::coverageAgainstBruteForce() {
    QFETCH(uint32_t, seed);
    std::mt19937_64 rng(seed * 101);
    const uint32_t workers = 1 + seed % 5;
    const Scenario s = makeScenario(workers, 1, seed, 400);
    const LockActivity a = feed(s, SyncMode::Mutex, rng);
    for (int trial = 0; trial < 20; ++trial) {
        const double t0 = double(rng() % (s.endNs + 2000)) - 1000;
        const double span = 1 + double(rng() % (s.endNs / (1 + rng() % 50) + 10));
        const TimeColumns w{t0, t0 + span, 1 + int(rng() % 700)};
        for (uint32_t k = 0; k < workers; ++k) {
            for (Activity kind : {Activity::Hold, Activity::Wait}) {
                const auto got = workerCoverage(a, k, kind, w, 0);
                const auto want =
                    reference(kind == Activity::Hold ? s.holds[k] : s.waits[k], w, -1);
                QCOMPARE(got.size(), want.size());
                for (size_t c = 0; c < got.size(); ++c)
                    QVERIFY2(std::abs(got[c] - std::min(1.0, want[c])) < 1e-6,
                             qPrintable(QStringLiteral("worker %1 column %2: %3 vs %4")
                                            .arg(k)
                                            .arg(c)
                                            .arg(got[c])
                                            .arg(want[c])));
            }
        }
    }
}

void TestLockLanes::lockLaneSumsToAtMostOne() {
    for (uint32_t seed = 1; seed <= 8; ++seed) {
        std::mt19937_64 rng(seed);
        const uint32_t workers = 2 + seed % 4;
        const Scenario s = makeScenario(workers, 1, seed + 50, 500);
        const LockActivity a = feed(s, SyncMode::Mutex, rng);
        for (int trial = 0; trial < 10; ++trial) {
            const double t0 = double(rng() % s.endNs);
            const TimeColumns w{t0, t0 + 1 + double(rng() % s.endNs), 1 + int(rng() % 400)};
            const auto lanes = lockLanes(a, w, 0);
            QCOMPARE(lanes.size(), size_t(1));
            QCOMPARE(lanes[0].label, std::string("lock"));
            std::vector<LockInterval> all;
            for (const auto& h : s.holds)
                all.insert(all.end(), h.begin(), h.end());
            const auto want = reference(all, w, 0);
            std::vector<double> sum(size_t(w.columns), 0.0);
            for (uint32_t k = 0; k < workers; ++k) {
                const auto c = workerCoverage(a, k, Activity::Hold, w, 0);
                for (size_t i = 0; i < c.size(); ++i)
                    sum[i] += c[i];
            }
            for (size_t c = 0; c < sum.size(); ++c) {
                QVERIFY(sum[c] <= 1.0 + 1e-9);
                QVERIFY(std::abs(lanes[0].cover[c] - want[c]) < 1e-6);
                QCOMPARE(lanes[0].holder[c] >= 0, lanes[0].cover[c] > 0);
            }
        }
    }
}

void TestLockLanes::stripeLanes() {
    std::mt19937_64 rng(11);
    for (uint32_t stripes : {3u, 8u, 16u}) {
        const Scenario s = asStripes(makeScenario(4, stripes, stripes, 200));
        const LockActivity a = feed(s, SyncMode::Striped, rng);
        const TimeColumns w{0, double(s.endNs), 300};
        const auto lanes = lockLanes(a, w, 0);
        std::vector<LockInterval> all;
        for (const auto& h : s.holds)
            all.insert(all.end(), h.begin(), h.end());
        if (stripes <= kMaxStripeLanes) {
            QCOMPARE(lanes.size(), size_t(stripes));
            for (uint32_t l = 0; l < stripes; ++l) {
                QCOMPARE(lanes[l].label, "s" + std::to_string(l));
                const auto want = reference(all, w, int(l + 1));
                for (size_t c = 0; c < want.size(); ++c)
                    QVERIFY(std::abs(lanes[l].cover[c] - want[c]) < 1e-6);
            }
        } else {
            QCOMPARE(lanes.size(), size_t(1));
            QCOMPARE(lanes[0].label, std::string("stripes"));
            const auto want = reference(all, w, -1);
            for (size_t c = 0; c < want.size(); ++c)
                QVERIFY(std::abs(lanes[0].cover[c] - want[c] / stripes) < 1e-6);
        }
    }
}

// The case the user saw: two workers alternating 1 µs holds on one mutex, viewed at a zoom
// where a column spans 100 µs. Each must show about half, never both full.
void TestLockLanes::alternatingHoldersShowHalf() {
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex);
    for (uint64_t i = 0; i < 2000; ++i) {
        const Event ev[] = {{i * 1000, uint32_t(EventKind::Acquired), 0},
                            {i * 1000 + 1000, uint32_t(EventKind::Released), 0}};
        a.consume(uint32_t(i % 2), ev, 2);
    }
    const TimeColumns w{0, 2e6, 20};
    for (uint32_t k = 0; k < 2; ++k)
        for (double v : workerCoverage(a, k, Activity::Hold, w, 0))
            QCOMPARE(v, 0.5);
    const auto lanes = lockLanes(a, w, 0);
    for (double v : lanes[0].cover)
        QCOMPARE(v, 1.0);
}

void TestLockLanes::cutOverlapCases() {
    // The later hold's begin inside the earlier one: the earlier one ends there.
    LockInterval e{100, 200, 0}, l{150, 300, 0};
    QVERIFY(cutOverlap(e, l));
    QCOMPARE(e, (LockInterval{100, 150, 0}));
    QCOMPARE(l, (LockInterval{150, 300, 0}));
    // Disjoint or touching: nothing to do.
    QVERIFY(!cutOverlap(e, l));
    LockInterval a{10, 20, 0}, b{30, 40, 0};
    QVERIFY(!cutOverlap(a, b));
    QCOMPARE(a, (LockInterval{10, 20, 0}));
    // The later hold's begin before the earlier one's (read before a try_lock that waited the
    // earlier hold out): it begins where the earlier one ends.
    LockInterval e2{100, 200, 0}, l2{50, 300, 0};
    QVERIFY(cutOverlap(e2, l2));
    QCOMPARE(e2, (LockInterval{100, 200, 0}));
    QCOMPARE(l2, (LockInterval{200, 300, 0}));
    // ... and where the earlier one's end was read late too (past the later one's end).
    LockInterval e3{100, 500, 0}, l3{50, 300, 0};
    QVERIFY(cutOverlap(e3, l3));
    QCOMPARE(e3, (LockInterval{100, 300, 0}));
    QCOMPARE(l3, (LockInterval{300, 300, 0})); // empty: covers nothing
    // Only ever shortened: never beyond what was measured.
    std::mt19937_64 rng(11);
    for (int i = 0; i < 100000; ++i) {
        uint64_t v[4];
        for (uint64_t& x : v)
            x = rng() % 64;
        const LockInterval p0{std::min(v[0], v[1]), std::max(v[0], v[1]), 0};
        const LockInterval q0{std::min(v[2], v[3]), std::max(v[2], v[3]), 0};
        LockInterval p = p0, q = q0;
        cutOverlap(p, q);
        QVERIFY(p.beginNs == p0.beginNs && p.endNs <= p0.endNs && p.beginNs <= p.endNs);
        QVERIFY(q.endNs == q0.endNs && q.beginNs >= q0.beginNs && q.beginNs <= q.endNs);
        QVERIFY(p.endNs <= q.beginNs || p.endNs == p.beginNs || q.endNs == q.beginNs);
    }
}

namespace {

// What workers measure (locks.h): each hold of one lock, in acquisition order, by a random
// worker, true times disjoint; the measured begin a little before the true one (the tick read
// before try_lock; now and then long before: preempted before the try_lock), the end after the
// true one (read after the unlock; now and then long after: preempted there). A worker's own
// events stay in order, and back-to-back holds of one worker merge as Locker merges them.
// Harsher than a run: a worker's late end does not hold back its next true begin, so its later
// holds can come out measured after holds that followed them (as if clocks disagreed).
struct Measured {
    std::vector<std::vector<Event>> events;
    std::vector<std::vector<LockInterval>> measured; // per worker, as pushed
};

Measured measureHolds(uint32_t workers, int holds, uint32_t seed, bool withSequence) {
    std::mt19937_64 rng(seed);
    Measured m;
    m.events.resize(workers);
    m.measured.resize(workers);
    std::vector<uint64_t> ownEnd(workers, 0), lastSeq(workers, 0);
    uint64_t t = 1'000'000;
    for (int i = 1; i <= holds; ++i) {
        const uint32_t k = uint32_t(rng() % workers);
        const uint64_t trueBegin = t + rng() % 40, trueEnd = trueBegin + 20 + rng() % 60;
        t = trueEnd;
        uint64_t begin = trueBegin - std::min<uint64_t>(trueBegin, rng() % 30);
        if (rng() % 50 == 0) begin -= std::min<uint64_t>(begin, rng() % 400);
        uint64_t end = trueEnd + rng() % 40;
        if (rng() % 50 == 0) end += rng() % 2000;
        begin = std::max(begin, ownEnd[k]);
        end = std::max(end, begin);
        auto& ev = m.events[k];
        auto& iv = m.measured[k];
        const uint64_t seq = withSequence ? uint64_t(i) : kNoSequence;
        if (withSequence && lastSeq[k] + 1 == uint64_t(i) && !iv.empty() && rng() % 2) {
            ev.back() = makeEvent(end, EventKind::Released, 0, seq); // merged into the last
            iv.back().endNs = end;
        } else {
            ev.push_back(makeEvent(begin, EventKind::Acquired, 0, seq));
            ev.push_back(makeEvent(end, EventKind::Released, 0, seq));
            iv.push_back({begin, end, 0});
        }
        ownEnd[k] = end;
        lastSeq[k] = uint64_t(i);
    }
    return m;
}

uint64_t overlapsOfOneLock(const LockActivity& a) {
    std::vector<LockInterval> all;
    for (uint32_t k = 0; k < a.workers(); ++k)
        for (const LockInterval& iv : a.holds(k))
            if (iv.endNs > iv.beginNs) all.push_back(iv);
    std::sort(all.begin(), all.end(),
              [](const LockInterval& x, const LockInterval& y) { return x.beginNs < y.beginNs; });
    uint64_t overlaps = 0;
    for (size_t i = 1; i < all.size(); ++i)
        overlaps += all[i].beginNs < all[i - 1].endNs;
    return overlaps;
}

} // namespace

void TestLockLanes::measuredHoldsAreCutBySequence_data() {
    QTest::addColumn<uint32_t>("seed");
    QTest::addColumn<int>("slice"); // events per worker per consume; 0 = each worker at once
    for (uint32_t seed = 1; seed <= 6; ++seed) {
        QTest::addRow("seed %u, frames", seed) << seed << 40;
        QTest::addRow("seed %u, whole workers", seed) << seed << 0;
    }
}

// Holds of one lock come out disjoint whatever order the workers' events are read in, each
// within what was measured; without the sequences the same measurements overlap (so the test
// sees the cut).
void TestLockLanes::measuredHoldsAreCutBySequence() {
    QFETCH(uint32_t, seed);
    QFETCH(int, slice);
    const uint32_t workers = 2 + seed % 4;
    const auto run = [&](const Measured& m) {
        LockActivity a;
        a.reset(workers, 1, SyncMode::Mutex, SIZE_MAX);
        std::mt19937_64 rng(seed);
        std::vector<size_t> at(workers, 0);
        for (bool more = true; more;) {
            more = false;
            for (uint32_t k = 0; k < workers; ++k) {
                const size_t left = m.events[k].size() - at[k];
                const size_t n = slice ? std::min(left, size_t(rng() % slice)) : left;
                a.consume(k, m.events[k].data() + at[k], n);
                at[k] += n;
                more = more || at[k] < m.events[k].size();
            }
        }
        return a;
    };
    const Measured m = measureHolds(workers, 30000, seed, true);
    const LockActivity a = run(m);
    QCOMPARE(overlapsOfOneLock(a), 0u);
    QCOMPARE(a.counts().malformed, 0u);
    QVERIFY(a.counts().cut > 100);
    uint64_t kept = 0;
    for (uint32_t k = 0; k < workers; ++k) {
        QCOMPARE(a.holds(k).size(), m.measured[k].size());
        for (size_t i = 0; i < a.holds(k).size(); ++i) {
            const LockInterval& got = a.holds(k)[i];
            const LockInterval& was = m.measured[k][i];
            QVERIFY(got.beginNs >= was.beginNs && got.endNs <= was.endNs);
            QVERIFY(got.beginNs <= got.endNs);
            if (i) QVERIFY(got.beginNs >= a.holds(k)[i - 1].endNs); // a worker's own order
            kept += got.endNs - got.beginNs;
        }
    }
    QVERIFY(kept > 0);
    QVERIFY(overlapsOfOneLock(run(measureHolds(workers, 30000, seed, false))) > 100);
}

// A parked holder's hold is open (no Released until its recoverer writes one) and must not
// overlap the hold before it either.
void TestLockLanes::openHoldIsCutToo() {
    LockActivity a;
    a.reset(2, 1, SyncMode::Robust);
    const Event w0[] = {makeEvent(100, EventKind::Acquired, 0, 1),
                        makeEvent(300, EventKind::Released, 0, 1)};
    const Event w1[] = {makeEvent(250, EventKind::Acquired, 0, 2)};
    a.consume(0, w0, 2);
    a.consume(1, w1, 1);
    QVERIFY(a.openHold(1));
    QCOMPARE(a.openHold(1)->beginNs, 250u);
    QCOMPARE(a.holds(0).back(), (LockInterval{100, 250, 0}));
    // Its begin read before the earlier hold's (preempted before its try_lock): it begins where
    // the earlier one ends, whichever worker's events are read first.
    const Event v1[] = {makeEvent(50, EventKind::Acquired, 0, 2)};
    for (const bool openFirst : {false, true}) {
        LockActivity b;
        b.reset(2, 1, SyncMode::Robust);
        if (openFirst) b.consume(1, v1, 1);
        b.consume(0, w0, 2);
        if (!openFirst) b.consume(1, v1, 1);
        QCOMPARE(b.openHold(1)->beginNs, 300u);
        QCOMPARE(b.holds(0).back(), (LockInterval{100, 300, 0}));
        QCOMPARE(b.counts().cut, 1u);
    }
}

// The sequence rides in bits the event did not use: 40 bits, whatever their value, and an
// event without one says so.
void TestLockLanes::sequenceInEvents() {
    for (const uint64_t seq : {uint64_t(0), uint64_t(1), uint64_t(1) << 24, (uint64_t(1) << 24) - 1,
                               (uint64_t(1) << 40) - 1, uint64_t(123456789012)}) {
        for (const uint32_t lock : {0u, 1u, 4097u}) {
            const Event e = makeEvent(77, EventKind::Released, lock, seq);
            QCOMPARE(eventKind(e), EventKind::Released);
            QCOMPARE(eventLock(e), lock);
            QVERIFY(eventHasSequence(e));
            QCOMPARE(eventSequence(e), seq);
        }
    }
    const Event none = makeEvent(77, EventKind::WaitBegin, 3);
    QVERIFY(!eventHasSequence(none));
    QCOMPARE(eventKind(none), EventKind::WaitBegin);
    QCOMPARE(eventLock(none), 3u);
    // Holds across the 2^24 boundary are still ordered (an earlier encoding lost them there).
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex);
    const uint64_t s = uint64_t(1) << 24;
    const Event w0[] = {makeEvent(100, EventKind::Acquired, 0, s - 1),
                        makeEvent(300, EventKind::Released, 0, s - 1),
                        makeEvent(400, EventKind::Acquired, 0, s + 1),
                        makeEvent(500, EventKind::Released, 0, s + 1)};
    const Event w1[] = {makeEvent(250, EventKind::Acquired, 0, s),
                        makeEvent(420, EventKind::Released, 0, s)};
    a.consume(0, w0, 4);
    a.consume(1, w1, 2);
    QCOMPARE(a.holds(0)[0], (LockInterval{100, 250, 0}));
    QCOMPARE(a.holds(1)[0], (LockInterval{250, 400, 0}));
    QCOMPARE(a.holds(0)[1], (LockInterval{400, 500, 0}));
}

// Holds are forgotten for cutting once old (or over budget); one arriving later, next to a
// forgotten one, begins after it, and a jump of more than 2^24 acquisitions (events dropped)
// still orders the right way.
void TestLockLanes::forgottenHoldsStillExclude() {
    LockActivity a;
    a.reset(2, 1, SyncMode::Mutex);
    const uint64_t jump = uint64_t(1) << 30;
    const Event w0[] = {makeEvent(100, EventKind::Acquired, 0, 1),
                        makeEvent(300, EventKind::Released, 0, 1),
                        makeEvent(400, EventKind::Acquired, 0, 3),
                        makeEvent(500, EventKind::Released, 0, 3),
                        makeEvent(5'000'000'000, EventKind::Acquired, 0, jump),
                        makeEvent(5'000'000'100, EventKind::Released, 0, jump)};
    const Event w1[] = {makeEvent(250, EventKind::Acquired, 0, 2),
                        makeEvent(450, EventKind::Released, 0, 2),
                        makeEvent(4'999'999'950, EventKind::Acquired, 0, jump + 1),
                        makeEvent(5'000'000'200, EventKind::Released, 0, jump + 1)};
    a.consume(0, w0, 6); // seq 1 and 3 are 5 s older than the newest event: forgotten
    a.consume(1, w1, 4);
    // Seq 2 could only be cut at the floor (seq 3's end, past its own): nothing left to draw.
    QCOMPARE(a.holds(1)[0].beginNs, a.holds(1)[0].endNs);
    QCOMPARE(a.holds(0)[1], (LockInterval{400, 500, 0}));
    // After the jump: seq jump + 1 follows seq jump, so it begins where that one ends.
    QCOMPARE(a.holds(1)[1], (LockInterval{5'000'000'100, 5'000'000'200, 0}));
    QCOMPARE(a.holds(0)[2], (LockInterval{5'000'000'000, 5'000'000'100, 0}));
}

void TestLockLanes::keepShrinksBeyond64Workers() {
    QCOMPARE(LockActivity::keepPerWorker(4), LockActivity::kDefaultKeep);
    QCOMPARE(LockActivity::keepPerWorker(64), LockActivity::kDefaultKeep);
    QCOMPARE(LockActivity::keepPerWorker(256), size_t(25'000));
    for (uint32_t w = 65; w <= 256; ++w)
        QVERIFY(LockActivity::keepPerWorker(w) * w <= 64 * LockActivity::kDefaultKeep);
}

void TestLockLanes::groupLanesSplitEvenly_data() {
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("maxLanes");
    QTest::addColumn<int>("size"); // workers a lane
    QTest::addColumn<int>("lanes");
    QTest::newRow("fits") << 64 << 64 << 1 << 64;
    QTest::newRow("room to spare") << 4 << 100 << 1 << 4;
    QTest::newRow("256 in 16") << 256 << 16 << 16 << 16;
    QTest::newRow("256 in 17") << 256 << 17 << 16 << 16;
    QTest::newRow("256 in 15") << 256 << 15 << 32 << 8;
    QTest::newRow("256 in 40") << 256 << 40 << 8 << 32;
    QTest::newRow("100 in 10: last lane shorter") << 100 << 10 << 16 << 7;
    QTest::newRow("no room at all") << 256 << 0 << 256 << 1;
    QTest::newRow("negative room") << 5 << -3 << 8 << 1;
    QTest::newRow("no workers") << 0 << 10 << 1 << 0;
}

// Consecutive, equal groups (a power of two) that cover every worker once, within maxLanes.
void TestLockLanes::groupLanesSplitEvenly() {
    QFETCH(int, workers);
    QFETCH(int, maxLanes);
    QFETCH(int, size);
    QFETCH(int, lanes);
    const auto groups = groupLanes(uint32_t(workers), maxLanes);
    QCOMPARE(int(groups.size()), lanes);
    uint32_t next = 0;
    for (const LaneGroup& g : groups) {
        QCOMPARE(g.first, next);
        QVERIFY(g.count >= 1 && g.count <= uint32_t(size));
        if (&g != &groups.back()) QCOMPARE(int(g.count), size);
        next += g.count;
    }
    QCOMPARE(next, uint32_t(workers));
}

// 256 workers on one mutex, grouped 16 a lane: a group's hold is exactly the sum of its
// members' (one lock: they never overlap), the groups together are the lock lane, and no
// column is held more than once.
void TestLockLanes::groupLaneOfOneLockMatchesTheLockLane() {
    std::mt19937_64 rng(256);
    const uint32_t workers = 256;
    const Scenario s = makeScenario(workers, 1, 7, 20);
    const LockActivity a = feed(s, SyncMode::Mutex, rng);
    const TimeColumns w{0, double(s.endNs), 240};
    std::vector<std::vector<double>> holds(workers), waits(workers);
    for (uint32_t k = 0; k < workers; ++k) {
        holds[k] = workerCoverage(a, k, Activity::Hold, w, 0);
        waits[k] = workerCoverage(a, k, Activity::Wait, w, 0);
    }
    const auto lane = lockLanes(a, w, 0, &holds).at(0);
    const auto groups = groupLanes(workers, 16);
    QCOMPARE(groups.size(), size_t(16));
    std::vector<double> sum(size_t(w.columns), 0.0);
    for (const LaneGroup& g : groups) {
        const GroupCoverage c = groupCoverage(g, holds, waits, 1);
        for (size_t i = 0; i < sum.size(); ++i) {
            double members = 0, waiting = 0;
            for (uint32_t k = g.first; k < g.first + g.count; ++k)
                members += holds[k][i], waiting += waits[k][i];
            QVERIFY(std::abs(c.hold[i] - std::min(1.0, members)) < 1e-9);
            QVERIFY(std::abs(c.wait[i] - waiting / g.count) < 1e-9);
            QVERIFY(c.holder[i] == -1 || (uint32_t(c.holder[i]) >= g.first &&
                                          uint32_t(c.holder[i]) < g.first + g.count));
            QCOMPARE(c.holder[i] >= 0, members > 0);
            sum[i] += c.hold[i];
        }
    }
    for (size_t i = 0; i < sum.size(); ++i) {
        QVERIFY(sum[i] <= 1.0 + 1e-9);
        QVERIFY(std::abs(sum[i] - lane.cover[i]) < 1e-6);
    }
}

QTEST_GUILESS_MAIN(TestLockLanes)
#include "tst_lock_lanes.moc"
