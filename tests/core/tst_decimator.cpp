// Decimation against brute force, dirty-range updates against full rescans, the dirty tracker
// against the partition's own work order, and the small mapping helpers of the views.
#include "analysis/decimator.h"
#include "analysis/dirty_tracker.h"
#include "analysis/time_mapping.h"
#include "analysis/wait_histogram.h"
#include "work/partition.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace shm;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Array {
    std::vector<double> data;
    std::vector<uint8_t> owner;
};

// Random values, about a fifth unwritten (NaN, owner 255).
Array makeArray(uint64_t n, uint32_t workers, uint32_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> value(-5, 5);
    Array a{std::vector<double>(n), std::vector<uint8_t>(n)};
    for (uint64_t i = 0; i < n; ++i) {
        if (rng() % 5 == 0) {
            a.data[i] = kNaN;
            a.owner[i] = 255;
        } else {
            a.data[i] = value(rng);
            a.owner[i] = uint8_t(rng() % workers);
        }
    }
    return a;
}

void compareColumns(const Decimator& a, const Decimator& b) {
    QCOMPARE(a.columns().size(), b.columns().size());
    for (size_t c = 0; c < a.columns().size(); ++c) {
        QVERIFY2(a.columns()[c] == b.columns()[c], qPrintable(QStringLiteral("column %1").arg(c)));
        for (uint32_t k = 0; k <= a.workers(); ++k)
            QCOMPARE(a.ownerCounts(c)[k], b.ownerCounts(c)[k]);
    }
}
} // namespace

class TestDecimator : public QObject {
    Q_OBJECT
  private slots:
    void exactAgainstBruteForce_data();
    void exactAgainstBruteForce();
    void dirtyUpdateEqualsFullRescan_data();
    void dirtyUpdateEqualsFullRescan();
    void ownerSetRuleForBins();
    void staticIndexFollowsWorkSource_data();
    void staticIndexFollowsWorkSource();
    void trackerCoversEveryWrite_data();
    void trackerCoversEveryWrite();
    void waitHistogramBuckets();
    void waitHistogramCountsWaitsAcrossPieces();
    void timeMappingRoundTrip();
};

void TestDecimator::exactAgainstBruteForce_data() {
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<qulonglong>("lo");
    QTest::addColumn<qulonglong>("hi");
    QTest::addColumn<int>("columns");
    QTest::addColumn<uint>("workers");
    QTest::newRow("one element") << 1ull << 0ull << 1ull << 10 << 1u;
    QTest::newRow("fewer elements than columns") << 37ull << 0ull << 37ull << 500 << 3u;
    QTest::newRow("equal") << 640ull << 0ull << 640ull << 640 << 4u;
    QTest::newRow("one more than columns") << 641ull << 0ull << 641ull << 640 << 4u;
    QTest::newRow("uneven") << 100003ull << 0ull << 100003ull << 777 << 8u;
    QTest::newRow("zoomed window") << 50000ull << 12345ull << 23456ull << 300 << 5u;
    QTest::newRow("window past the end is clamped") << 1000ull << 900ull << 5000ull << 64 << 2u;
    QTest::newRow("64 workers") << 20000ull << 0ull << 20000ull << 1600 << 64u;
    // Worker 255's owner byte is the "never written" byte too: its value tells (ownerOf).
    QTest::newRow("256 workers") << 40000ull << 0ull << 40000ull << 800 << 256u;
}

void TestDecimator::exactAgainstBruteForce() {
    QFETCH(qulonglong, n);
    QFETCH(qulonglong, lo);
    QFETCH(qulonglong, hi);
    QFETCH(int, columns);
    QFETCH(uint, workers);
    const Array a = makeArray(n, workers, uint32_t(n));
    Decimator d;
    d.configure(n, workers, Decimator::WrittenBy::NotNaN);
    d.setView(lo, hi, columns);
    d.process(a.data.data(), a.owner.data());
    QVERIFY(!d.hasDirty());
    const uint64_t end = std::min<uint64_t>(hi, n);
    const auto& cols = d.columns();
    QCOMPARE(cols.size(), size_t(std::min<uint64_t>(end - lo, uint64_t(columns))));
    QCOMPARE(cols.front().begin, uint64_t(lo));
    QCOMPARE(cols.back().end, end);
    const uint64_t width = (end - lo) / cols.size();
    for (size_t c = 0; c < cols.size(); ++c) {
        const DecimatedColumn& col = cols[c];
        if (c) QCOMPARE(col.begin, cols[c - 1].end); // contiguous, no gaps or overlaps
        QVERIFY(col.end - col.begin == width || col.end - col.begin == width + 1);
        double mn = std::numeric_limits<double>::infinity(), mx = -mn;
        uint64_t written = 0;
        std::vector<uint32_t> counts(workers + 1, 0);
        for (uint64_t i = col.begin; i < col.end; ++i) {
            const int o = ownerOf(a.owner[i], !std::isnan(a.data[i]));
            ++counts[o >= 0 && uint32_t(o) < workers ? uint32_t(o) : workers];
            if (std::isnan(a.data[i])) continue;
            ++written;
            mn = std::min(mn, a.data[i]);
            mx = std::max(mx, a.data[i]);
        }
        QCOMPARE(col.written, written);
        if (written) {
            QCOMPARE(col.min, mn);
            QCOMPARE(col.max, mx);
        }
        for (uint32_t k = 0; k <= workers; ++k)
            QCOMPARE(d.ownerCounts(c)[k], counts[k]);
        const uint32_t best = *std::max_element(counts.begin(), counts.end() - 1);
        if (best)
            QCOMPARE(counts[col.dominantOwner], best);
        else
            QCOMPARE(col.dominantOwner, workers);
    }
}

void TestDecimator::dirtyUpdateEqualsFullRescan_data() {
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("withExpected");
    QTest::newRow("small") << 999ull << 100 << false;
    QTest::newRow("large") << 300000ull << 1200 << false;
    QTest::newRow("sparse columns") << 150ull << 1000 << true;
    QTest::newRow("with mismatch check") << 54321ull << 640 << true;
}

void TestDecimator::dirtyUpdateEqualsFullRescan() {
    QFETCH(qulonglong, n);
    QFETCH(int, columns);
    QFETCH(bool, withExpected);
    const uint32_t workers = 4;
    Array a = makeArray(n, workers, 7);
    auto expected = [](uint64_t i) { return std::sin(double(i)); };
    Decimator live;
    live.configure(n, workers, Decimator::WrittenBy::NotNaN);
    live.setView(0, n, columns);
    if (withExpected) live.setExpected(expected);
    live.process(a.data.data(), a.owner.data());

    // Workers write some ranges; only those are marked; the budgeted passes finish them.
    std::mt19937_64 rng(11);
    for (int round = 0; round < 20; ++round) {
        const uint64_t b = rng() % n, len = 1 + rng() % std::max<uint64_t>(1, n / 50);
        const uint64_t e = std::min<uint64_t>(n, b + len);
        for (uint64_t i = b; i < e; ++i) {
            a.data[i] = (rng() % 3 == 0) ? expected(i) : double(int64_t(rng() % 1000) - 500) / 7.0;
            a.owner[i] = uint8_t(rng() % workers);
        }
        live.markDirty(b, e);
        while (live.hasDirty())
            live.process(a.data.data(), a.owner.data(), 1);
    }
    Decimator full;
    full.configure(n, workers, Decimator::WrittenBy::NotNaN);
    full.setView(0, n, columns);
    if (withExpected) full.setExpected(expected);
    full.process(a.data.data(), a.owner.data());
    compareColumns(live, full);
}

void TestDecimator::ownerSetRuleForBins() {
    // Histogram bins start at 0 and count as written once an owner is recorded.
    std::vector<double> bins = {0, 3, 0, 7};
    std::vector<uint8_t> owner = {255, 1, 0, 255};
    Decimator d;
    d.configure(4, 2, Decimator::WrittenBy::OwnerSet);
    d.setView(0, 4, 4);
    std::vector<double> expected = {0, 3, 1, 7};
    d.setExpected([&](uint64_t i) { return expected[i]; });
    d.process(bins.data(), owner.data());
    QCOMPARE(d.columns()[0].written, 0u);
    QCOMPARE(d.columns()[1].written, 1u);
    QCOMPARE(d.columns()[2].mismatches, 1u); // 0 written where 1 was expected: a lost update
    QCOMPARE(d.columns()[3].written, 0u);
    // 256 workers: a counted bin under owner 255 is worker 255's, an empty one nobody's.
    Decimator most;
    most.configure(4, 256, Decimator::WrittenBy::OwnerSet);
    most.setView(0, 4, 4);
    most.process(bins.data(), owner.data());
    QCOMPARE(most.columns()[0].written, 0u);
    QCOMPARE(most.columns()[0].dominantOwner, 256u);
    QCOMPARE(most.ownerCounts(0)[256], 1u);
    QCOMPARE(most.columns()[3].written, 1u);
    QCOMPARE(most.columns()[3].dominantOwner, 255u);
    QCOMPARE(most.ownerCounts(3)[255], 1u);
}

void TestDecimator::staticIndexFollowsWorkSource_data() {
    QTest::addColumn<int>("partition");
    QTest::addColumn<qulonglong>("n");
    QTest::addColumn<uint>("workers");
    QTest::addColumn<qulonglong>("chunk");
    for (auto p : {shm::Partition::Block, shm::Partition::Cyclic, shm::Partition::BlockCyclic})
        for (auto [n, w, c] : {std::tuple{1000ull, 4u, 64ull}, std::tuple{1003ull, 7u, 10ull},
                               std::tuple{5ull, 8u, 2ull}, std::tuple{4096ull, 3u, 1000ull}})
            QTest::addRow("%s n=%llu w=%u c=%llu", std::string(shm::toString(p)).c_str(), n, w, c)
                << int(p) << n << w << c;
}

void TestDecimator::staticIndexFollowsWorkSource() {
    QFETCH(int, partition);
    QFETCH(qulonglong, n);
    QFETCH(uint, workers);
    QFETCH(qulonglong, chunk);
    shm::ExperimentConfig cfg;
    cfg.partition = shm::Partition(partition);
    cfg.elements = n;
    cfg.workers = workers;
    cfg.chunk = chunk;
    for (uint32_t k = 0; k < workers; ++k) {
        shm::WorkSource src(cfg, k, nullptr);
        shm::IndexRange r;
        uint64_t i = 0;
        while (src.next(r))
            for (uint64_t idx = r.begin; idx < r.end; idx += r.stride, ++i)
                QCOMPARE(shm::staticIndex(cfg, k, i), idx);
        QCOMPARE(i, shm::staticShare(cfg, k));
    }
}

void TestDecimator::trackerCoversEveryWrite_data() {
    QTest::addColumn<int>("partition");
    for (auto p : {shm::Partition::Block, shm::Partition::Cyclic, shm::Partition::BlockCyclic,
                   shm::Partition::Dynamic, shm::Partition::Guided})
        QTest::newRow(std::string(shm::toString(p)).c_str()) << int(p);
}

// Simulates workers writing in their partition's order and publishing progress in batches;
// after each "frame" every element written since the last one must lie in a reported range.
void TestDecimator::trackerCoversEveryWrite() {
    QFETCH(int, partition);
    shm::ExperimentConfig cfg;
    cfg.partition = shm::Partition(partition);
    cfg.elements = 10007;
    cfg.workers = 3;
    cfg.chunk = 100;
    std::vector<double> data(cfg.elements, kNaN);
    std::atomic<uint64_t> cursor{0};
    std::vector<shm::WorkSource> sources;
    for (uint32_t k = 0; k < cfg.workers; ++k)
        sources.emplace_back(cfg, k, &cursor);
    std::vector<shm::IndexRange> piece(cfg.workers);
    std::vector<uint64_t> pos(cfg.workers, 0);
    std::vector<bool> has(cfg.workers, false), finished(cfg.workers, false);
    std::vector<shm::WorkerRecord> snap(cfg.workers);
    DirtyTracker tracker;
    tracker.reset(cfg);
    std::mt19937 rng(3);
    uint64_t written = 0;
    while (written < cfg.elements) {
        std::vector<uint64_t> fresh;
        for (int step = 0; step < 40; ++step) {
            const uint32_t k = rng() % cfg.workers;
            if (finished[k]) continue;
            if (!has[k]) {
                if (!sources[k].next(piece[k])) {
                    finished[k] = true;
                    continue;
                }
                has[k] = true;
                pos[k] = 0;
            }
            for (int e = 0; e < 7 && pos[k] < piece[k].count(); ++e, ++pos[k]) {
                const uint64_t i = piece[k].begin + pos[k] * piece[k].stride;
                data[i] = 1.0;
                fresh.push_back(i);
                ++snap[k].processed;
                ++written;
            }
            if (pos[k] == piece[k].count()) has[k] = false;
        }
        const auto ranges = tracker.update(snap, cursor.load(), data.data());
        for (uint64_t i : fresh) {
            const bool covered = std::any_of(ranges.begin(), ranges.end(), [i](const auto& r) {
                return i >= r.first && i < r.second;
            });
            QVERIFY2(covered, qPrintable(QStringLiteral("index %1 written but not marked").arg(i)));
        }
    }
}

void TestDecimator::waitHistogramBuckets() {
    QCOMPARE(WaitHistogram::bucketOf(0), 0);
    QCOMPARE(WaitHistogram::bucketOf(99), 0);
    QCOMPARE(WaitHistogram::bucketOf(100), 1);
    QCOMPARE(WaitHistogram::bucketOf(1000), 1 + WaitHistogram::kPerDecade);
    QCOMPARE(WaitHistogram::bucketOf(999), WaitHistogram::kPerDecade);
    QCOMPARE(WaitHistogram::bucketOf(uint64_t(1e12)), WaitHistogram::kBuckets - 1);
    for (int b = 1; b < WaitHistogram::kBuckets; ++b)
        QCOMPARE(WaitHistogram::bucketOf(uint64_t(std::ceil(WaitHistogram::lowerEdgeNs(b) + 1e-6))),
                 b);
}

void TestDecimator::waitHistogramCountsWaitsAcrossPieces() {
    using K = shm::EventKind;
    const std::vector<shm::Event> ev = {
        {100, uint32_t(K::Acquired), 0},  {200, uint32_t(K::Released), 0},
        {300, uint32_t(K::WaitBegin), 0}, {5300, uint32_t(K::Acquired), 0},
        {5400, uint32_t(K::Released), 0}, {5500, uint32_t(K::WaitBegin), 0},
        {5550, uint32_t(K::Acquired), 0}};
    WaitHistogram whole;
    whole.reset(1);
    whole.consume(0, ev.data(), ev.size());
    QCOMPARE(whole.total(), 2u);
    QCOMPARE(whole.counts()[size_t(WaitHistogram::bucketOf(5000))], 1u);
    QCOMPARE(whole.counts()[0], 1u); // 50 ns
    // Frames bring events in pieces; a wait that begins in one and ends in the next counts once.
    for (size_t cut = 0; cut <= ev.size(); ++cut) {
        WaitHistogram pieces;
        pieces.reset(1);
        pieces.consume(0, ev.data(), cut);
        pieces.consume(0, ev.data() + cut, ev.size() - cut);
        QCOMPARE(pieces.counts(), whole.counts());
    }
}

void TestDecimator::timeMappingRoundTrip() {
    TimeMapping m{1000, 3000, 50, 250};
    QCOMPARE(m.toX(1000), 50.0);
    QCOMPARE(m.toX(3000), 250.0);
    QCOMPARE(m.toT(150), 2000.0);
    m.zoom(2000, 0.5, 1);
    QCOMPARE(m.t0, 1500.0);
    QCOMPARE(m.t1, 2500.0);
    m.zoom(2000, 1e-9, 100); // never below the minimum span
    QCOMPARE(m.t1 - m.t0, 100.0);
}

QTEST_GUILESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
