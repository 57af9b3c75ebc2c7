// The lock events of real worker processes, rebuilt into intervals with LockActivity: holds of
// one lock by different workers never overlap, and within a worker waits and holds never
// overlap and come in order. This is what the lock timeline draws; if it fails, the timeline
// shows two holders of one mutex at once.
#include "../test_util.h"
#include "analysis/lock_lanes.h"
#include "runner/run_controller.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace shm;
Q_DECLARE_METATYPE(shm::SyncMode)
Q_DECLARE_METATYPE(shm::LockScope)

namespace {

struct Hold {
    LockInterval iv;
    uint32_t worker;
};

QString describe(const Hold& h) {
    return QStringLiteral("worker %1 [%2, %3)").arg(h.worker).arg(h.iv.beginNs).arg(h.iv.endNs);
}

} // namespace

class TestLockEvents : public QObject {
    Q_OBJECT
  private slots:
    void holdsNeverOverlap_data();
    void holdsNeverOverlap();
    void cleanupTestCase();

  private:
    int m_seq = 0;
};

void TestLockEvents::holdsNeverOverlap_data() {
    QTest::addColumn<SyncMode>("sync");
    QTest::addColumn<LockScope>("scope");
    QTest::addColumn<uint32_t>("delayUs");
    QTest::addColumn<bool>("killHolder");
    for (SyncMode s : {SyncMode::Mutex, SyncMode::Spin, SyncMode::Striped, SyncMode::Robust})
        for (LockScope scope : {LockScope::Element, LockScope::Chunk})
            for (uint32_t delay : {0u, 1u, 5u})
                QTest::addRow("%s %s delay %u", toString(s).data(),
                              scope == LockScope::Element ? "element" : "chunk", delay)
                    << s << scope << delay << false;
    // Worker 1 killed inside the robust mutex: its hold must end where the recovering worker's
    // begins (the recoverer writes the dead worker's Released), never under it.
    for (LockScope scope : {LockScope::Element, LockScope::Chunk})
        QTest::addRow("robust %s killed holder", scope == LockScope::Element ? "element" : "chunk")
            << SyncMode::Robust << scope << 5u << true;
}

void TestLockEvents::holdsNeverOverlap() {
    QFETCH(SyncMode, sync);
    QFETCH(LockScope, scope);
    QFETCH(uint32_t, delayUs);
    QFETCH(bool, killHolder);
    RunController c;
    c.setWorkerPath(testutil::workerPath());
    c.setSegmentName(testutil::segmentName(QStringLiteral("lockev%1").arg(++m_seq)));
    c.setKeepEvents(true);
    // Block partition. Without delay, 2500 elements per worker: at most 3 events per
    // acquisition, so at most 7500 per worker, which fits the 8192-event ring even if nobody
    // drained it. With 5 µs per element, 10000 per worker so the workers really overlap and
    // wait: the lock admits one element per 5 µs, at most 2000 acquisitions (6000 events) of one
    // worker per 10 ms, and the test drains every millisecond. No drops: every event is seen.
    ExperimentConfig cfg;
    cfg.elements = delayUs >= 5 ? 40'000 : 10'000;
    cfg.workers = 4;
    cfg.partition = Partition::Block;
    cfg.sync = sync;
    cfg.stripes = 4;
    cfg.lockScope = scope;
    cfg.chunk = 8;
    cfg.delayUs = delayUs;
    if (killHolder) {
        cfg.killWorker = 1;
        cfg.killAtMs = 20;
        cfg.killWhen = KillWhen::Holding;
    }
    QSignalSpy done(&c, &RunController::finished);
    // Take frames as often as the window would several times over: each drains the rings and
    // hands out the events since the last one.
    std::vector<std::vector<Event>> all(cfg.workers);
    const auto take = [&] {
        const RunFrame f = c.takeFrame();
        for (size_t k = 0; k < f.newEvents.size() && k < all.size(); ++k)
            all[k].insert(all[k].end(), f.newEvents[k].begin(), f.newEvents[k].end());
    };
    QTimer drain;
    connect(&drain, &QTimer::timeout, &c, take);
    drain.start(1);
    QString err;
    QVERIFY2(c.start(cfg, &err), qPrintable(err));
    QVERIFY(done.wait(120000));
    drain.stop();
    take(); // what was drained at the end
    const RunReport& r = c.report();
    QCOMPARE(r.status, RunStatus::Finished);
    QCOMPARE(r.mismatches, 0u);
    QCOMPARE(r.recoveries.size(), size_t(killHolder ? 1 : 0));
    QCOMPARE(r.droppedEvents, 0u);
    uint64_t clamped = 0;
    for (const auto& w : c.snapshot().workers)
        clamped += w.clampedEvents;

    LockActivity a;
    a.reset(cfg.workers, sync == SyncMode::Striped ? 1 + cfg.stripes : 1, sync, SIZE_MAX);
    uint64_t events = 0;
    for (uint32_t k = 0; k < cfg.workers; ++k) {
        const std::vector<Event>& ev = all[k];
        events += ev.size();
        for (size_t i = 1; i < ev.size(); ++i)
            QVERIFY2(ev[i].tNs >= ev[i - 1].tNs,
                     qPrintable(QStringLiteral("worker %1: event %2 at %3 ns is older than the "
                                               "one before it at %4 ns")
                                    .arg(k)
                                    .arg(i)
                                    .arg(ev[i].tNs)
                                    .arg(ev[i - 1].tNs)));
        a.consume(k, ev.data(), ev.size());
        QVERIFY(!a.openHold(k));
        QVERIFY(!a.openWait(k));
    }
    QCOMPARE(a.counts().malformed, 0u);
    qInfo("%llu events, %llu holds, %llu waits, %llu clamped by the writer",
          (unsigned long long)events, (unsigned long long)a.counts().holds,
          (unsigned long long)a.counts().waits, (unsigned long long)clamped);
    QVERIFY2(events >= 1000, qPrintable(QStringLiteral("only %1 events").arg(events)));

    // Across workers, per lock: sorted by begin, each hold begins at or after every earlier
    // hold's end.
    std::vector<std::vector<Hold>> perLock(sync == SyncMode::Striped ? 1 + cfg.stripes : 1);
    for (uint32_t k = 0; k < cfg.workers; ++k)
        for (const LockInterval& iv : a.holds(k)) {
            QVERIFY(iv.lock < perLock.size());
            // A hold cut to nothing (its measured ends overlapped its neighbours', see
            // LockActivity::consume) covers no time and is drawn nowhere.
            if (iv.endNs > iv.beginNs) perLock[iv.lock].push_back({iv, k});
        }
    uint64_t overlaps = 0;
    QString first;
    for (auto& holds : perLock) {
        std::sort(holds.begin(), holds.end(),
                  [](const Hold& x, const Hold& y) { return x.iv.beginNs < y.iv.beginNs; });
        for (size_t i = 1; i < holds.size(); ++i) {
            if (holds[i].iv.beginNs >= holds[i - 1].iv.endNs) continue;
            if (!overlaps++)
                first = QStringLiteral("lock %1: %2 begins inside %3")
                            .arg(holds[i].iv.lock)
                            .arg(describe(holds[i]), describe(holds[i - 1]));
        }
    }
    QVERIFY2(overlaps == 0, qPrintable(QStringLiteral("%1 overlapping holds of %2 (%3 events); "
                                                      "first: %4")
                                           .arg(overlaps)
                                           .arg(a.counts().holds)
                                           .arg(events)
                                           .arg(first)));

    // Within a worker: its waits and holds, in begin order, never overlap.
    for (uint32_t k = 0; k < cfg.workers; ++k) {
        std::vector<LockInterval> all(a.holds(k).begin(), a.holds(k).end());
        all.insert(all.end(), a.waits(k).begin(), a.waits(k).end());
        std::sort(all.begin(), all.end(), [](const LockInterval& x, const LockInterval& y) {
            return x.beginNs < y.beginNs || (x.beginNs == y.beginNs && x.endNs < y.endNs);
        });
        for (size_t i = 1; i < all.size(); ++i)
            QVERIFY2(all[i].beginNs >= all[i - 1].endNs,
                     qPrintable(QStringLiteral("worker %1: [%2, %3) begins inside [%4, %5)")
                                    .arg(k)
                                    .arg(all[i].beginNs)
                                    .arg(all[i].endNs)
                                    .arg(all[i - 1].beginNs)
                                    .arg(all[i - 1].endNs)));
    }
}

void TestLockEvents::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestLockEvents)
#include "tst_lock_events.moc"
