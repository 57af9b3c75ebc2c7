// Every index is processed exactly once, by the worker the partition says, for many shapes.
#include "work/partition.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace shm;
Q_DECLARE_METATYPE(shm::Partition)

class TestPartition : public QObject {
    Q_OBJECT
  private slots:
    void coverage_data();
    void coverage();
    void blockSizesDifferByAtMostOne();
    void guidedClaimsShrink();
    void seedSplitAsWritten_data();
    void seedSplitAsWritten();
};

void TestPartition::coverage_data() {
    QTest::addColumn<Partition>("partition");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("w");
    QTest::addColumn<quint64>("chunk");
    const Partition all[] = {Partition::Block, Partition::Cyclic, Partition::BlockCyclic,
                             Partition::Dynamic, Partition::Guided};
    struct Shape {
        quint64 n;
        quint32 w;
        quint64 chunk;
        const char* what;
    };
    const Shape shapes[] = {
        {10000, 4, 1024, "seed 10000/4"},
        {10001, 4, 1024, "N not divisible"},
        {3, 8, 1, "N < W"},
        {1, 4, 1024, "N = 1"},
        {100, 1, 7, "W = 1"},
        {100, 3, 1000, "chunk > N"},
        {999, 7, 10, "odd everything"},
        {64, 64, 1, "W = N, chunk 1"},
        {100003, 64, 33, "64 workers"},
        {5000, 5, 5000, "chunk = N"},
        {12345, 6, 1, "chunk 1"},
        {1 << 16, 2, 4096, "powers of two"},
    };
    for (Partition p : all)
        for (const Shape& s : shapes)
            QTest::addRow("%s %s", toString(p).data(), s.what) << p << s.n << s.w << s.chunk;
}

void TestPartition::coverage() {
    QFETCH(Partition, partition);
    QFETCH(quint64, n);
    QFETCH(quint32, w);
    QFETCH(quint64, chunk);
    ExperimentConfig cfg;
    cfg.partition = partition;
    cfg.elements = n;
    cfg.workers = w;
    cfg.chunk = chunk;
    std::atomic<uint64_t> cursor{0};
    std::vector<WorkSource> sources;
    for (uint32_t k = 0; k < w; ++k)
        sources.emplace_back(cfg, k, &cursor);
    std::vector<int> seen(n, 0);
    std::vector<uint64_t> perWorker(w, 0);
    // Interleave workers round-robin, as if they ran concurrently and claimed in turn.
    std::vector<bool> done(w, false);
    uint32_t finished = 0;
    while (finished < w) {
        for (uint32_t k = 0; k < w; ++k) {
            if (done[k]) continue;
            IndexRange r;
            if (!sources[k].next(r)) {
                done[k] = true;
                ++finished;
                continue;
            }
            QVERIFY(r.count() >= 1);
            QVERIFY2(partition == Partition::Guided || r.count() <= chunk,
                     "piece larger than a chunk");
            for (uint64_t i = r.begin; i < r.end; i += r.stride) {
                QVERIFY2(i < n, "index past the end");
                ++seen[i];
                ++perWorker[k];
                if (isStatic(partition)) QCOMPARE(staticOwner(cfg, i), int(k));
            }
        }
    }
    for (uint64_t i = 0; i < n; ++i)
        if (seen[i] != 1)
            QFAIL(qPrintable(QStringLiteral("index %1 processed %2 times").arg(i).arg(seen[i])));
    if (isStatic(partition))
        for (uint32_t k = 0; k < w; ++k)
            QCOMPARE(perWorker[k], staticShare(cfg, k));
}

void TestPartition::blockSizesDifferByAtMostOne() {
    ExperimentConfig cfg;
    for (uint64_t n : {1ull, 7ull, 10001ull, 1000003ull})
        for (uint32_t w : {1u, 3u, 4u, 64u}) {
            cfg.elements = n;
            cfg.workers = w;
            uint64_t lo = UINT64_MAX, hi = 0, sum = 0;
            for (uint32_t k = 0; k < w; ++k) {
                const uint64_t s = staticShare(cfg, k);
                lo = std::min(lo, s);
                hi = std::max(hi, s);
                sum += s;
            }
            QVERIFY(hi - lo <= 1);
            QCOMPARE(sum, n);
        }
}

void TestPartition::guidedClaimsShrink() {
    ExperimentConfig cfg;
    cfg.partition = Partition::Guided;
    cfg.elements = 100000;
    cfg.workers = 4;
    cfg.chunk = 100;
    std::atomic<uint64_t> cursor{0};
    WorkSource src(cfg, 0, &cursor);
    IndexRange r;
    uint64_t previous = UINT64_MAX;
    while (src.next(r)) {
        QVERIFY(r.count() <= previous); // one worker alone: claims never grow
        QVERIFY(r.count() >= std::min<uint64_t>(100, cfg.elements - r.begin));
        previous = r.count();
    }
    QCOMPARE(cursor.load(), cfg.elements);
}

void TestPartition::seedSplitAsWritten_data() {
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("w");
    QTest::addColumn<quint64>("ranges");
    QTest::addColumn<quint64>("extra");
    QTest::addColumn<quint64>("outOfBounds");
    QTest::addColumn<quint64>("neverCovered");
    // arange(0, 10001, 2500) = [0, 2500, 5000, 7500, 10000]: a fifth range, never run.
    QTest::newRow("blog's size plus one") << 10001ull << 4u << 5ull << 1ull << 2499ull << 1ull;
    QTest::newRow("divides evenly") << 10000ull << 4u << 4ull << 0ull << 0ull << 0ull;
    QTest::newRow("10 by 4") << 10ull << 4u << 5ull << 1ull << 0ull << 2ull;
    QTest::newRow("10 by 3") << 10ull << 3u << 4ull << 1ull << 2ull << 1ull;
    QTest::newRow("fewer elements than workers: step 0")
        << 3ull << 4u << 0ull << 0ull << 0ull << 3ull;
}

void TestPartition::seedSplitAsWritten() {
    QFETCH(quint64, n);
    QFETCH(quint32, w);
    QFETCH(quint64, ranges);
    QFETCH(quint64, extra);
    QFETCH(quint64, outOfBounds);
    QFETCH(quint64, neverCovered);
    const ExperimentConfig cfg{.workers = w, .elements = n, .partition = Partition::Seed};
    const SeedSplit s = seedSplit(cfg);
    QCOMPARE(s.ranges, ranges);
    QCOMPARE(s.extraRanges, extra);
    QCOMPARE(s.outOfBounds, outOfBounds);
    QCOMPARE(s.neverCovered, neverCovered);
    // What the workers are handed matches: ranges [k*step, (k+1)*step), each index once, and
    // exactly neverCovered indices left over.
    std::vector<int> seen(n, 0);
    for (uint32_t k = 0; k < w; ++k) {
        WorkSource src(cfg, k, nullptr);
        IndexRange r;
        uint64_t given = 0;
        while (src.next(r))
            for (uint64_t i = r.begin; i < r.end; i += r.stride) {
                QCOMPARE(staticOwner(cfg, i), int(k));
                QCOMPARE(staticIndex(cfg, k, given++), i);
                ++seen[i];
            }
        QCOMPARE(given, staticShare(cfg, k));
    }
    QCOMPARE(uint64_t(std::count(seen.begin(), seen.end(), 0)), neverCovered);
    QCOMPARE(std::count(seen.begin(), seen.end(), 2), 0);
}

QTEST_GUILESS_MAIN(TestPartition)
#include "tst_partition.moc"
