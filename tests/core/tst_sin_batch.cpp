// The workers' vector sine (work/sin_batch.h) against std::sin: every value within the
// verifier's tolerance, whatever the stride, the count (tails of every length) and the
// magnitude of the indices, and the same value for an index whichever batch it falls in.
#include "work/sin_batch.h"
#include "work/workload.h"

#include <QTest>

#include <cmath>
#include <vector>

class TestSinBatch : public QObject {
    Q_OBJECT
  private slots:
    void matchesStdSin_data();
    void matchesStdSin();
    void valueDoesNotDependOnTheBatch();
};

void TestSinBatch::matchesStdSin_data() {
    QTest::addColumn<quint64>("first");
    QTest::addColumn<quint64>("stride");
    QTest::addColumn<quint64>("count");
    QTest::newRow("the start, a block") << quint64(0) << quint64(1) << quint64(100000);
    QTest::newRow("tails 1 to 7") << quint64(5) << quint64(1) << quint64(7);
    QTest::newRow("one") << quint64(12345) << quint64(1) << quint64(1);
    QTest::newRow("cyclic stride 3") << quint64(1) << quint64(3) << quint64(99999);
    QTest::newRow("around 10^7") << quint64(9'999'000) << quint64(1) << quint64(2001);
    QTest::newRow("around 10^9") << quint64(999'999'000) << quint64(1) << quint64(2001);
    QTest::newRow("around 2^34, the largest array")
        << (quint64(1) << 34) - 1000 << quint64(1) << quint64(1000);
}

void TestSinBatch::matchesStdSin() {
    QFETCH(quint64, first);
    QFETCH(quint64, stride);
    QFETCH(quint64, count);
    for (quint64 n = 1; n <= 8 && n <= count; ++n) { // every tail length, then the whole
        std::vector<double> v(n);
        shm::sinOfIndices(v.data(), first, stride, n);
        for (quint64 j = 0; j < n; ++j)
            QVERIFY2(shm::matchesExpected(v[j], std::sin(double(first + j * stride))),
                     qPrintable(QStringLiteral("index %1 of %2").arg(j).arg(n)));
    }
    std::vector<double> v(count);
    shm::sinOfIndices(v.data(), first, stride, count);
    double worst = 0;
    for (quint64 j = 0; j < count; ++j)
        worst = std::max(worst, std::fabs(v[j] - std::sin(double(first + j * stride))));
    QVERIFY2(worst <= shm::kMatchTolerance,
             qPrintable(QStringLiteral("%1 from std::sin (%2)")
                            .arg(worst)
                            .arg(QLatin1String(shm::sinOfIndicesPath()))));
}

void TestSinBatch::valueDoesNotDependOnTheBatch() {
    std::vector<double> whole(1000);
    shm::sinOfIndices(whole.data(), 7, 1, whole.size());
    for (uint64_t from : {0, 1, 2, 3, 5, 997, 999}) {
        double one = 0;
        shm::sinOfIndices(&one, 7 + from, 1, 1);
        QCOMPARE(one, whole[from]);
    }
}

QTEST_APPLESS_MAIN(TestSinBatch)
#include "tst_sin_batch.moc"
