// Verification finds every wrong element and nothing else: sin and wave are checked by angle
// addition (verify.cpp), so these tests pin down how close that stays to std::sin and that the
// tolerance it allows is below the mistakes a run can make.
#include "analysis/smoothness.h"
#include "analysis/verify.h"
#include "work/workload.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <stop_token>
#include <thread>
#include <vector>

using namespace shm;
Q_DECLARE_METATYPE(shm::Workload)

namespace {

ExperimentConfig configOf(Workload w, uint64_t n) {
    ExperimentConfig c;
    c.workload = w;
    c.elements = n;
    return c;
}

std::vector<double> correctArray(Workload w, uint64_t n) {
    std::vector<double> a(n);
    for (uint64_t i = 0; i < n; ++i)
        a[i] = elementValue(w, i, n);
    return a;
}

} // namespace

class TestVerify : public QObject {
    Q_OBJECT
  private slots:
    void correctArrayVerifies_data();
    void correctArrayVerifies();
    void everyKindOfWrongElementIsFound_data();
    void everyKindOfWrongElementIsFound();
    void angleAdditionStaysWithinAFewUlp();
    void pictureFigureTellsNoiseFromAWave();
    void stopEndsEveryPartEarly();
};

void TestVerify::correctArrayVerifies_data() {
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<quint64>("n");
    QTest::newRow("sin 10^6 (threads)") << Workload::Sin << quint64(1'000'000);
    QTest::newRow("sin 1001 (one partial block)") << Workload::Sin << quint64(1001);
    QTest::newRow("wave 10^6") << Workload::Wave << quint64(1'000'000);
    QTest::newRow("wave 7") << Workload::Wave << quint64(7);
    QTest::newRow("mandelbrot 20000") << Workload::Mandelbrot << quint64(20000);
}

void TestVerify::correctArrayVerifies() {
    QFETCH(Workload, workload);
    QFETCH(quint64, n);
    const std::vector<double> a = correctArray(workload, n);
    VerifyResult got = verify(configOf(workload, n), a.data());
    got.lag1Autocorrelation.reset(); // the picture's figure: pictureFigure... checks it
    QCOMPARE(got, VerifyResult{});
}

void TestVerify::everyKindOfWrongElementIsFound_data() {
    correctArrayVerifies_data();
}

// A NaN left unwritten, the neighbour's value (an off-by-one index), a value 1e-9 off, a zero
// and an infinity are each one mismatch; a value one ulp off (another libm) is not.
void TestVerify::everyKindOfWrongElementIsFound() {
    QFETCH(Workload, workload);
    QFETCH(quint64, n);
    if (n < 7) QSKIP("needs 7 elements");
    std::vector<double> a = correctArray(workload, n);
    const uint64_t at[] = {0, n / 3, n / 2 + 1, n - 1};
    a[at[0]] = std::numeric_limits<double>::quiet_NaN();
    a[at[1]] = elementValue(workload, at[1] + 1, n);
    if (workload == Workload::Mandelbrot && a[at[1]] == elementValue(workload, at[1], n))
        a[at[1]] += 1; // neighbouring points often need the same iterations
    a[at[2]] += 1e-9;
    a[at[3]] = std::numeric_limits<double>::infinity();
    a[n / 4] = std::nextafter(a[n / 4], 2.0); // within tolerance: not counted
    VerifyResult expected;
    expected.unwritten = 1;
    expected.mismatches = 4;
    QCOMPARE(verify(configOf(workload, n), a.data()), expected);
}

// How far the verifier's expected value strays from the worker's, measured through
// verifyRange: elements set to it + (tolerance - 8 ulp) must all match and + (tolerance +
// 8 ulp) must all fail (either sign), which holds only while the angle addition stays within
// 8 ulp of std::sin everywhere. Checked where indices start and near 10^9 (large arguments go
// through libm's slow reduction); wave alike, for a small n (libm per element) and large ones
// (angle addition from the worker's own phase).
void TestVerify::angleAdditionStaysWithinAFewUlp() {
    struct Range {
        Workload w;
        uint64_t first, count, n;
    };
    const Range ranges[] = {{Workload::Sin, 0, 300'000, 300'000},
                            {Workload::Sin, 999'000'000, 300'000, 1'000'000'000},
                            {Workload::Wave, 0, 300'000, 300'000}, // libm per element
                            {Workload::Wave, 0, 300'000, 10'000'000},
                            {Workload::Wave, 4'900'000, 300'000, 10'000'000},
                            {Workload::Wave, 700'000'000, 100'000, 800'000'000}};
    for (const Range& r : ranges) {
        const double margin = 8 * std::numeric_limits<double>::epsilon();
        std::vector<double> exact(r.count), v(r.count);
        for (uint64_t k = 0; k < r.count; ++k)
            exact[k] = elementValue(r.w, r.first + k, r.n);
        for (const double sign : {1.0, -1.0}) {
            for (uint64_t k = 0; k < r.count; ++k)
                v[k] = exact[k] + sign * (kMatchTolerance - margin);
            QCOMPARE(verifyRange(r.w, v.data(), r.first, r.first + r.count, r.n).mismatches, 0u);
            for (uint64_t k = 0; k < r.count; ++k)
                v[k] = exact[k] + sign * (kMatchTolerance + margin);
            QCOMPARE(verifyRange(r.w, v.data(), r.first, r.first + r.count, r.n).mismatches,
                     r.count);
        }
    }
}

// The seed-job lesson judges its picture by the lag-1 autocorrelation: wave (a finely sampled
// sine) near 1, sin(i) at cos(1) (a noisy band), noise near 0; a sample of a big array gives
// what all its pairs give; unwritten values are skipped; a constant array has no figure.
void TestVerify::pictureFigureTellsNoiseFromAWave() {
    const std::vector<double> wave = correctArray(Workload::Wave, 200'000);
    const std::vector<double> sinI = correctArray(Workload::Sin, 200'000);
    QVERIFY(*verify(configOf(Workload::Wave, 200'000), wave.data()).lag1Autocorrelation > 0.99);
    const double s = *verify(configOf(Workload::Sin, 200'000), sinI.data()).lag1Autocorrelation;
    QVERIFY2(std::abs(s - std::cos(1.0)) < 0.01, qPrintable(QString::number(s)));

    const std::vector<double> big = correctArray(Workload::Sin, 5'000'000); // sampled
    QVERIFY(std::abs(*lag1Autocorrelation(big.data(), big.size()) - std::cos(1.0)) < 0.01);

    std::vector<double> noise(100'000);
    uint64_t x = 88172645463325252ull; // xorshift: a fixed sequence, so the test cannot flake
    for (double& v : noise) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        v = double(x >> 11) / double(1ull << 53);
    }
    QVERIFY(std::abs(*lag1Autocorrelation(noise.data(), noise.size())) < 0.02);

    std::vector<double> holes = wave;
    for (size_t i = 0; i < holes.size(); i += 3)
        holes[i] = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(*lag1Autocorrelation(holes.data(), holes.size()) > 0.99);

    const std::vector<double> flat(1000, 0.5);
    QVERIFY(!lag1Autocorrelation(flat.data(), flat.size()));
    QVERIFY(!lag1Autocorrelation(wave.data(), 3));
    QVERIFY(!verify(configOf(Workload::Histogram, 10), std::vector<double>(16).data())
                 .lag1Autocorrelation);
}

// A stop requested before the check: nothing checked, cancelled. Requested once the parts are
// under way (seen through the progress count): each ends within its slice, far short of the
// array, and the result is cancelled with no picture figure (a part is no picture).
void TestVerify::stopEndsEveryPartEarly() {
    const uint64_t n = 4'000'000;
    std::vector<double> a(n, std::numeric_limits<double>::quiet_NaN()); // cheap to fill
    const ExperimentConfig cfg = configOf(Workload::Mandelbrot, n);     // slow per element
    std::stop_source stopped;
    stopped.request_stop();
    std::atomic<uint64_t> checked{0};
    VerifyOptions before;
    before.parts = 2;
    before.stop = stopped.get_token();
    before.checked = &checked;
    const VerifyResult none = verify(cfg, a.data(), before);
    QVERIFY(none.cancelled);
    QCOMPARE(checked.load(), 0u);
    QVERIFY(!none.lag1Autocorrelation);

    std::stop_source midway;
    VerifyOptions during;
    during.parts = 2;
    during.stop = midway.get_token();
    during.checked = &checked;
    VerifyResult got;
    std::thread t([&] { got = verify(cfg, a.data(), during); });
    while (checked.load() == 0)
        std::this_thread::yield();
    midway.request_stop();
    t.join();
    QVERIFY(got.cancelled);
    QVERIFY2(checked.load() < n / 2, qPrintable(QString::number(checked.load())));
    QCOMPARE(got.mismatches, checked.load()); // every element it did check was NaN
    QVERIFY(!got.lag1Autocorrelation);
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
