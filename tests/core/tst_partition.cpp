// Every index is processed exactly once, by the worker the partition says, for many shapes.
#include "partition.h"

#include <QTest>

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

QTEST_GUILESS_MAIN(TestPartition)
#include "tst_partition.moc"
