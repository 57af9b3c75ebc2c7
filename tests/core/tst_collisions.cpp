// The reconstruction of lost updates from hand-built update logs (analysis/collisions.h): one
// row per pattern, with the figures it must give and the first example's story.
#include "analysis/collisions.h"
#include "analysis/update_concurrency.h"
#include "segment/update_log_reader.h"

#include <QTest>

#include <optional>
#include <tuple>

using shm::UpdateAccess;
using shm::UpdateLog;

Q_DECLARE_METATYPE(UpdateLog)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {
UpdateAccess rmw(uint32_t worker, uint64_t read, uint64_t readNs, uint64_t writeNs,
                 uint32_t bin = 0) {
    return UpdateAccess{worker, bin, read, readNs, writeNs, true};
}
UpdateAccess cutShort(uint32_t worker, uint64_t read, uint64_t readNs, uint32_t bin = 0) {
    return UpdateAccess{worker, bin, read, readNs, readNs, false};
}
UpdateLog logOf(std::vector<std::vector<UpdateAccess>> workers,
                std::vector<uint64_t> dropped = {}) {
    UpdateLog log;
    log.enabled = true;
    log.capacityPerWorker = 100;
    dropped.resize(workers.size());
    log.workers = std::move(workers);
    log.dropped = std::move(dropped);
    return log;
}
// A worker's records as the reader turns them into accesses (ticks are ns here). Without a
// lock a worker reads the clock only after every few stores: writeTick kUnstampedWrite (1)
// says the write was made before the next stamp, or before the worker's final endTick (0 when it
// died: then before nowTick).
constexpr uint64_t kNo = shm::kUnstampedWrite;
std::vector<UpdateAccess> fromRecords(uint32_t worker, std::vector<shm::UpdateRecord> records,
                                      uint64_t head, uint64_t endTick,
                                      uint64_t nowTick = 5'000'000) {
    return shm::workerAccesses(records, head, endTick, nowTick, worker, shm::TickClock{}, 0);
}
uint64_t updatesIn(const UpdateLog& log) {
    uint64_t n = 0;
    for (const auto& w : log.workers)
        n += w.size();
    return n;
}
} // namespace

class TestCollisions : public QObject {
    Q_OBJECT
  private slots:
    void reconstruct_data();
    void reconstruct();
    void steps();
    void clockJump();
    void crowdedBin_data();
    void crowdedBin();
    void noLog();
    void together_data();
    void together();
    void lockOrder();
};

void TestCollisions::reconstruct_data() {
    QTest::addColumn<UpdateLog>("log");
    QTest::addColumn<std::vector<double>>("bins");
    QTest::addColumn<qint64>("expected"); // updates the run should have made
    QTest::addColumn<qint64>("explained");
    QTest::addColumn<qint64>("overwritten");
    QTest::addColumn<qint64>("rolledBack");
    QTest::addColumn<qint64>("sameReads");
    QTest::addColumn<QString>("reason"); // the first unexplained reason's code, "" if none
    QTest::addColumn<QString>("story");  // the first example's text (or closest's), "" if none

    // One after the other, each reading the other's write: nothing lost.
    UpdateLog serial = logOf({{rmw(0, 0, 0, 10), rmw(0, 2, 40, 50)}, {rmw(1, 1, 20, 30)}});
    QTest::newRow("serial") << serial << std::vector<double>{3} << qint64(3) << qint64(0)
                            << qint64(0) << qint64(0) << qint64(0) << QString()
                            << "w0 read 0 at +0 ns, w0 wrote 1 at +10 ns, w1 read 1 at +20 ns, "
                               "w1 wrote 2 at +30 ns: nothing lost";

    // Under one stamp (atomics): w1 read what w0 wrote at the same nanosecond. The write is
    // told first, or the view would show w1 reading 1 while the bin still held 0.
    UpdateLog oneStamp = logOf({{rmw(0, 0, 0, 10)}, {rmw(1, 1, 10, 20)}});
    QTest::newRow("read at the write's time")
        << oneStamp << std::vector<double>{2} << qint64(2) << qint64(0) << qint64(0) << qint64(0)
        << qint64(0) << QString()
        << "w0 read 0 at +0 ns, w0 wrote 1 at +10 ns, w1 read 1 at +10 ns, w1 wrote 2 at +20 ns: "
           "nothing lost";

    // The example: both read the same value, the first write is overwritten.
    UpdateLog same = logOf({{}, {rmw(1, 0, 12, 31)}, {}, {rmw(3, 0, 19, 44)}});
    QTest::newRow("overwritten") << same << std::vector<double>{1} << qint64(2) << qint64(1)
                                 << qint64(1) << qint64(0) << qint64(1) << QString()
                                 << "w1 read 0 at +0 ns, w3 read 0 at +7 ns, w1 wrote 1 at +19 "
                                    "ns, w3 wrote 1 at +32 ns: w1's update was overwritten";

    // w0 reads 0, stalls while w1 takes the bin to 3, then writes 1: w1's first update collided
    // with w0's (both read 0), its next two were rolled back.
    UpdateLog stale =
        logOf({{rmw(0, 0, 0, 100)}, {rmw(1, 0, 10, 20), rmw(1, 1, 30, 40), rmw(1, 2, 50, 60)}});
    QTest::newRow("rolled back") << stale << std::vector<double>{1} << qint64(4) << qint64(3)
                                 << qint64(1) << qint64(2) << qint64(1) << QString()
                                 << "w0 read 0 at +0 ns, w1 read 0 at +10 ns, w1 wrote 1 at +20 "
                                    "ns, w0 wrote 1 at +100 ns: w1's update was overwritten";

    // Three workers in one collision: all read 0, only the last write counts.
    UpdateLog three = logOf({{rmw(0, 0, 0, 30)}, {rmw(1, 0, 5, 40)}, {rmw(2, 0, 10, 50)}});
    QTest::newRow("three at once") << three << std::vector<double>{1} << qint64(3) << qint64(2)
                                   << qint64(2) << qint64(0) << qint64(3) << QString()
                                   << "w0 read 0 at +0 ns, w1 read 0 at +5 ns, w0 wrote 1 at +30 "
                                      "ns, w1 wrote 1 at +40 ns: w0's update was overwritten";

    // Atomics: the intervals overlap (each timed around a fetch_add that waited for the line),
    // but every read is distinct: serialised, nothing lost, no collision.
    UpdateLog atomic = logOf({{rmw(0, 0, 0, 50)}, {rmw(1, 1, 10, 60)}});
    QTest::newRow("atomic overlap") << atomic << std::vector<double>{2} << qint64(2) << qint64(0)
                                    << qint64(0) << qint64(0) << qint64(0) << QString()
                                    << "w0 read 0 at +0 ns, w1 read 1 at +10 ns, w0 wrote 1 at "
                                       "+50 ns, w1 wrote 2 at +60 ns: nothing lost";

    // A worker died between its read and its write: the bin lacks its update, the log says why.
    UpdateLog half = logOf({{rmw(0, 0, 0, 10)}, {cutShort(1, 1, 20)}});
    QTest::newRow("half done") << half << std::vector<double>{1} << qint64(2) << qint64(0)
                               << qint64(0) << qint64(0) << qint64(0) << "half_done" << QString();

    // Past capacity: 3 updates were made but not logged, one of the 5 was lost somewhere.
    UpdateLog full = logOf({{rmw(0, 0, 0, 10), rmw(0, 1, 20, 30)}, {}}, {3, 0});
    QTest::newRow("log full") << full << std::vector<double>{4} << qint64(5) << qint64(0)
                              << qint64(0) << qint64(0) << qint64(0) << "log_full" << QString();

    // A worker that does not log (--worker-command): its updates have no record.
    UpdateLog silent = logOf({{rmw(0, 0, 0, 10), rmw(0, 1, 20, 30)}, {}});
    QTest::newRow("not logged") << silent << std::vector<double>{3} << qint64(4) << qint64(0)
                                << qint64(0) << qint64(0) << qint64(0) << "not_logged" << QString();

    // A read of a value no logged write produced before it: the order cannot be trusted.
    UpdateLog skew = logOf({{rmw(0, 5, 0, 10)}, {rmw(1, 0, 20, 30)}});
    QTest::newRow("order ambiguous")
        << skew << std::vector<double>{1} << qint64(2) << qint64(0) << qint64(0) << qint64(0)
        << qint64(0) << "order_ambiguous" << QString();

    // Two collisions. In the first, w0's read of 0 is logged 280 ns after w1 wrote 1 (their
    // CPUs' clocks apart, within the tolerance): drawn by time it would read a value already
    // gone. The second, whose times tell the order's story, is the first example.
    UpdateLog apart = logOf(
        {{rmw(0, 0, 290, 300), rmw(0, 1, 5005, 5030)}, {rmw(1, 0, 0, 10), rmw(1, 1, 5000, 5020)}});
    QTest::newRow("clocks apart") << apart << std::vector<double>{2} << qint64(4) << qint64(2)
                                  << qint64(2) << qint64(0) << qint64(2) << QString()
                                  << "w1 read 1 at +0 ns, w0 read 1 at +5 ns, w1 wrote 2 at +20 "
                                     "ns, w0 wrote 2 at +30 ns: w1's update was overwritten";

    // Two bins: a collision in bin 1 only.
    UpdateLog two = logOf({{rmw(0, 0, 0, 10, 0), rmw(0, 0, 20, 40, 1)},
                           {rmw(1, 1, 15, 25, 0), rmw(1, 0, 30, 50, 1)}});
    QTest::newRow("two bins") << two << std::vector<double>{2, 1} << qint64(4) << qint64(1)
                              << qint64(1) << qint64(0) << qint64(1) << QString()
                              << "w0 read 0 at +0 ns, w1 read 0 at +10 ns, w0 wrote 1 at +20 "
                                 "ns, w1 wrote 1 at +30 ns: w0's update was overwritten";

    // From records. Every access stamped around its update (under a lock, atomics, slow
    // motion): the clock reads are the interval.
    UpdateLog stamped = logOf({fromRecords(0, {{1000, 1020, 0, 0}}, 1, 1100),
                               fromRecords(1, {{1010, 1030, 0, 0}}, 1, 1100)});
    QTest::newRow("stamped records")
        << stamped << std::vector<double>{1} << qint64(2) << qint64(1) << qint64(1) << qint64(0)
        << qint64(1) << QString()
        << "w0 read 0 at +0 ns, w1 read 0 at +10 ns, w0 wrote 1 at +20 ns, w1 wrote 1 at +30 "
           "ns: w0's update was overwritten";
    // w0 read bin 0 at the start of a group, and was preempted before its write: the group's
    // closing stamp (its next update, on bin 1) comes 1 ms later. Meanwhile w1 made two updates
    // of bin 0, and w0's late write rolled the bin back over both. Its write can only be placed
    // there if its bound is the next stamp, not its read.
    UpdateLog gap =
        logOf({fromRecords(0, {{1000, kNo, 0, 0}, {1000, 1'000'000, 1, 0}}, 2, 1'000'100),
               fromRecords(1, {{200'000, 200'010, 0, 0}, {300'000, 300'010, 0, 1}}, 2, 300'020)});
    QTest::newRow("group over a long gap")
        << gap << std::vector<double>{1, 1} << qint64(4) << qint64(2) << qint64(1) << qint64(1)
        << qint64(1) << QString()
        << "w0 read 0 at +0 ns, w1 read 0 at +199000 ns, w1 wrote 1 at +199010 ns, w0 wrote 1 "
           "at +999000 ns: w1's update was overwritten";
    // The group's last write has no stamp after it: the worker's final endTick bounds it (not
    // the reader's clock).
    UpdateLog final = logOf({fromRecords(0, {{1000, kNo, 0, 0}}, 1, 700'000, 3'000'000),
                             fromRecords(1, {{200'000, 200'010, 0, 0}}, 1, 200'100)});
    QTest::newRow("final stamp")
        << final << std::vector<double>{1} << qint64(2) << qint64(1) << qint64(1) << qint64(0)
        << qint64(1) << QString()
        << "w0 read 0 at +0 ns, w1 read 0 at +199000 ns, w1 wrote 1 at +199010 ns, w0 wrote 1 "
           "at +699000 ns: w1's update was overwritten";
    // w0 died in the middle of a group: its second update read bin 1 and never wrote (writeTick
    // 0, half done), and no endTick. Its first, complete but unstamped, happened before the
    // reader looked (nowTick): late enough to overwrite w1's update.
    UpdateLog died = logOf({fromRecords(0, {{1000, kNo, 0, 0}, {1000, 0, 1, 0}}, 1, 0, 900'000),
                            fromRecords(1, {{200'000, 200'010, 0, 0}}, 1, 200'100)});
    QTest::newRow("half done in a group")
        << died << std::vector<double>{1, 0} << qint64(3) << qint64(1) << qint64(1) << qint64(0)
        << qint64(1) << QStringLiteral("half_done")
        << "w0 read 0 at +0 ns, w1 read 0 at +199000 ns, w1 wrote 1 at +199010 ns, w0 wrote 1 "
           "at +899000 ns: w1's update was overwritten";
}

void TestCollisions::reconstruct() {
    QFETCH(UpdateLog, log);
    QFETCH(std::vector<double>, bins);
    QFETCH(qint64, expected);
    QFETCH(qint64, explained);
    QFETCH(qint64, overwritten);
    QFETCH(qint64, rolledBack);
    QFETCH(qint64, sameReads);
    QFETCH(QString, reason);
    QFETCH(QString, story);
    double total = 0;
    for (double b : bins)
        total += b;
    const int64_t lost = expected - int64_t(total);
    const shm::CollisionReport r = shm::reconstructCollisions(log, bins, lost, uint64_t(expected));
    QVERIFY(r.logged);
    QCOMPARE(qint64(r.explained), explained);
    QCOMPARE(qint64(r.overwritten), overwritten);
    QCOMPARE(qint64(r.rolledBack), rolledBack);
    QCOMPARE(qint64(r.sameReadPairs), sameReads);
    // The identity: every lost update explained or counted with a reason.
    QCOMPARE(int64_t(r.explained + r.unexplained), lost);
    uint64_t reasoned = 0;
    for (const auto& why : r.reasons)
        reasoned += why.count;
    QCOMPARE(reasoned, r.unexplained);
    QCOMPARE(r.reasons.empty() ? QString() : QString::fromStdString(r.reasons.front().code),
             reason);
    QCOMPARE(uint64_t(r.examples.size()), r.explained);
    QVERIFY(r.updates <= updatesIn(log));
    const auto& shown = r.examples.empty() ? r.closest : r.examples;
    QCOMPARE(shown.empty() ? QString() : QString::fromStdString(shm::describeCollision(shown[0])),
             story);
}

// The steps the view walks: every read and write in time order, the bin's value after each,
// the lost write struck through.
void TestCollisions::steps() {
    UpdateLog log = logOf({{}, {rmw(1, 41, 1012, 1031)}, {}, {rmw(3, 41, 1019, 1044)}});
    // Values from 41: earlier updates made by a worker that is not in the picture.
    std::vector<UpdateAccess> before;
    for (uint64_t v = 0; v < 41; ++v)
        before.push_back(rmw(0, v, 2 * v, 2 * v + 1));
    log.workers[0] = before;
    const std::vector<double> bins{42};
    const shm::CollisionReport r = shm::reconstructCollisions(log, bins, 1, 43);
    QCOMPARE(r.explained, uint64_t(1));
    QCOMPARE(r.examples.size(), size_t(1));
    const shm::CollisionExample& e = r.examples[0];
    // The write w3's read saw (w0's last, 40 -> 41) is shown too: w3 read 41 from it, not
    // from w1's write.
    QCOMPARE(e.valueBefore, uint64_t(40));
    const auto steps = shm::collisionSteps(e);
    QCOMPARE(steps.size(), size_t(6));
    const uint64_t binAfter[] = {40, 41, 41, 41, 42, 42};
    const bool write[] = {false, true, false, false, true, true};
    const bool struck[] = {false, false, false, false, true, false};
    for (size_t i = 0; i < 6; ++i) {
        QCOMPARE(steps[i].binAfter, binAfter[i]);
        QCOMPARE(steps[i].write, write[i]);
        QCOMPARE(steps[i].struck, struck[i]);
    }
    QCOMPARE(e.accesses[size_t(steps[4].access)].worker, 1u); // w1's write is the lost one
    QCOMPARE(QString::fromStdString(shm::describeCollision(e)),
             QStringLiteral("w1 read 41 at +0 ns, w3 read 41 at +7 ns, w1 wrote 42 at +19 ns, "
                            "w3 wrote 42 at +32 ns: w1's update was overwritten"));
}

// Under a lock the next holder's read stamp may come a few ns before the previous holder's
// write stamp (segment/update_log_reader.h): the reader raises it to that write where the values
// chain, and leaves everything else as the clocks said.
void TestCollisions::lockOrder() {
    UpdateLog log = logOf({{rmw(0, 0, 0, 100), rmw(0, 2, 98, 150), rmw(0, 0, 5, 20, 1)},
                           {rmw(1, 1, 90, 95), rmw(1, 0, 7, 30, 1), rmw(1, 4000000000, 1, 2, 2)}});
    shm::orderLockedUpdates(log);
    // Bin 0: 0 -> 1 -> 2, the second read 10 ns before the first write.
    QCOMPARE(log.workers[1][0].readNs, uint64_t(100));
    QCOMPARE(log.workers[1][0].writeNs, uint64_t(100));
    QCOMPARE(log.workers[0][1].readNs, uint64_t(100));
    QCOMPARE(log.workers[0][1].writeNs, uint64_t(150));
    QCOMPARE(log.workers[0][0], rmw(0, 0, 0, 100));
    // Bin 1: both read 0 (no lock kept them apart): nothing is known, nothing moves.
    QCOMPARE(log.workers[0][2], rmw(0, 0, 5, 20, 1));
    QCOMPARE(log.workers[1][1], rmw(1, 0, 7, 30, 1));
    // A value no update of bin 2 could have read: left alone.
    QCOMPARE(log.workers[1][2], rmw(1, 4000000000, 1, 2, 2));
    // 7 us apart is no reordering but two clocks that disagree (clockJump): left as measured.
    UpdateLog jump = logOf({{rmw(0, 0, 8000, 8010)}, {rmw(1, 1, 1000, 1010)}});
    shm::orderLockedUpdates(jump);
    QCOMPARE(jump.workers[1][0], rmw(1, 1, 1000, 1010));

    shm::ExperimentConfig c;
    for (const auto& [sync, scope, covered] :
         {std::tuple{shm::SyncMode::Mutex, shm::LockScope::Element, true},
          {shm::SyncMode::Spin, shm::LockScope::Chunk, true},
          {shm::SyncMode::Robust, shm::LockScope::Element, true},
          {shm::SyncMode::Striped, shm::LockScope::Element, true},
          {shm::SyncMode::Striped, shm::LockScope::Chunk, false},
          {shm::SyncMode::None, shm::LockScope::Element, false},
          {shm::SyncMode::Atomic, shm::LockScope::Element, false}}) {
        c.sync = sync;
        c.lockScope = scope;
        QCOMPARE(shm::locksCoverBins(c), covered);
    }
}

// w1's clock runs 7 us behind w0's (two vCPUs' TSCs jumped apart): its read of w0's 1 is
// logged before w0 wrote it, further than the 3 us tolerance. The bin is searched again with a
// wider one, its lost update explained, and the report says how wide.
void TestCollisions::clockJump() {
    const UpdateLog log = logOf({{rmw(0, 0, 10000, 10010), rmw(0, 2, 10050, 10070)},
                                 {rmw(1, 1, 3020, 3030), rmw(1, 2, 3040, 3060)}});
    const std::vector<double> bins{3};
    const shm::CollisionReport r = shm::reconstructCollisions(log, bins, 1, 4);
    QCOMPARE(qint64(r.explained), qint64(1));
    QCOMPARE(qint64(r.unexplained), qint64(0));
    QCOMPARE(qint64(r.overwritten), qint64(1));
    QCOMPARE(qint64(r.clockSlackNs), qint64(12000));
    // Within the tolerance, the tolerance stays 3 us.
    const UpdateLog calm = logOf({{rmw(0, 0, 0, 30)}, {rmw(1, 0, 5, 40)}});
    const std::vector<double> one{1};
    QCOMPARE(qint64(shm::reconstructCollisions(calm, one, 1, 2).clockSlackNs), qint64(3000));
}

// Workers that collide all the time under a clock too coarse to order them: a seeded random
// interleaving of W workers' read-modify-writes of one bin on two CPUs (two workers run at a
// time; now and then one is preempted for another), accesses a few ns apart against the 3 us the
// clocks are trusted to, so mostly the values tell the order. Every lost update must be
// explained. A search that forgot its dead ends walked them again from every earlier choice and
// gave up (search_limit) on the last three rows.
void TestCollisions::crowdedBin_data() {
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("updates");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("2 x 20000") << 2 << 20000 << quint64(1);
    QTest::newRow("4 x 10000") << 4 << 10000 << quint64(2);
    QTest::newRow("4 x 10000, another seed") << 4 << 10000 << quint64(3);
    QTest::newRow("8 x 1250") << 8 << 1250 << quint64(4);
    QTest::newRow("8 x 5000") << 8 << 5000 << quint64(5);
}

void TestCollisions::crowdedBin() {
    QFETCH(int, workers);
    QFETCH(int, updates);
    QFETCH(quint64, seed);
    uint64_t rng = seed * 0x9e3779b97f4a7c15ull;
    auto next = [&rng](uint64_t below) { // xorshift64*
        rng ^= rng >> 12, rng ^= rng << 25, rng ^= rng >> 27;
        return (rng * 0x2545f4914f6cdd1dull >> 11) % below;
    };
    const auto n = static_cast<size_t>(workers);
    std::vector<std::vector<UpdateAccess>> logs(n);
    std::vector<int> left(n, updates);
    std::vector<std::optional<UpdateAccess>> open(n);
    auto busy = [&](size_t w) { return left[w] > 0 || open[w].has_value(); };
    size_t running[2] = {0, n > 1 ? 1u : 0u};
    uint64_t value = 0, now = 1000;
    for (int remaining = 2 * workers * updates; remaining > 0; --remaining) {
        for (size_t& r : running) // preempted now and then, or done: another worker gets the CPU
            if (!busy(r) || next(2000) == 0)
                for (size_t k = 0, w = next(n); k < n; ++k, w = (w + 1) % n)
                    if (busy(w) && w != running[0] && w != running[1]) {
                        r = w;
                        break;
                    }
        size_t w = running[next(2)];
        if (!busy(w)) w = running[0] == w ? running[1] : running[0];
        now += next(40);
        if (std::optional<UpdateAccess>& o = open[w]) {
            value = o->readValue + 1;
            o->writeNs = now;
            logs[w].push_back(*o);
            o.reset();
        } else {
            o = rmw(uint32_t(w), value, now, now);
            --left[w];
        }
    }
    const std::vector<double> bins{double(value)};
    const uint64_t expected = uint64_t(workers) * uint64_t(updates), lost = expected - value;
    const shm::CollisionReport r =
        shm::reconstructCollisions(logOf(std::move(logs)), bins, int64_t(lost), expected);
    QVERIFY(lost > 0);
    QCOMPARE(qint64(r.explained), qint64(lost));
    QCOMPARE(qint64(r.unexplained), qint64(0));
}

void TestCollisions::noLog() {
    UpdateLog off;
    off.offReason = "--collisions is off";
    const std::vector<double> bins{1};
    const shm::CollisionReport r = shm::reconstructCollisions(off, bins, 1, 2);
    QVERIFY(!r.logged);
    QCOMPARE(r.offReason, std::string("--collisions is off"));
    QCOMPARE(r.explained + r.unexplained, uint64_t(0));
}

// updatesTogether on hand-built logs: worker w updates at the given times (µs after the
// barrier); the figure is the share of 10 µs slots with any update that have every worker's.
void TestCollisions::together_data() {
    QTest::addColumn<QList<QList<int>>>("timesUs");
    QTest::addColumn<double>("expected"); // < 0: null
    QTest::newRow("one after the other") << QList<QList<int>>{{0, 10, 20}, {30, 40, 50}} << 0.0;
    QTest::newRow("side by side") << QList<QList<int>>{{0, 10, 20}, {1, 11, 21}} << 1.0;
    // Slots 0..5 have updates; both workers in slots 0, 1 and 2: half.
    QTest::newRow("one preempted")
        << QList<QList<int>>{{0, 10, 20, 30, 40, 50}, {5, 15, 25}} << 0.5;
    QTest::newRow("one worker") << QList<QList<int>>{{0, 10, 20}} << -1.0;
    // A worker with no update (it got no share) does not count.
    QTest::newRow("an idle worker") << QList<QList<int>>{{0, 10}, {}, {2, 12}} << 1.0;
}

void TestCollisions::together() {
    QFETCH(QList<QList<int>>, timesUs);
    QFETCH(double, expected);
    UpdateLog log;
    log.enabled = true;
    for (int w = 0; w < timesUs.size(); ++w) {
        log.workers.emplace_back();
        for (int t : timesUs[w])
            log.workers.back().push_back(
                {uint32_t(w), 0, 0, uint64_t(t) * 1000, uint64_t(t) * 1000 + 50, true});
    }
    const std::optional<double> got = updatesTogether(log);
    if (expected < 0) {
        QVERIFY(!got);
        return;
    }
    QVERIFY(got);
    QCOMPARE(*got, expected);
}

QTEST_APPLESS_MAIN(TestCollisions)
#include "tst_collisions.moc"
