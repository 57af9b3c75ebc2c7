// Verification split across cores, on arrays real shmscope-worker processes wrote: a wrong
// element is found in whichever part holds it (at either end, on either side of a boundary),
// the split equals the single-thread check, and a stopped check ends early and counts as not
// verified, never as "0 mismatches".
#include "../test_util.h"
#include "analysis/verify.h"
#include "runner/run_controller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <vector>

using namespace shm;

class TestVerifyRuns : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void plantedMismatchIsFoundInEveryPart_data();
    void plantedMismatchIsFoundInEveryPart();
    void stopDuringVerificationIsNotVerified();
    void cleanupTestCase();

  private:
    int m_seq = 0;
    void setUp(RunController& c) {
        c.setWorkerPath(testutil::workerPath());
        c.setSegmentName(testutil::segmentName(QStringLiteral("verify%1").arg(++m_seq)));
    }
    ExperimentConfig m_cfg;
    std::vector<double> m_written; // the array as the workers left it (sin, verified clean)
};

// One real run, copied out: every row plants its mismatch in a copy of it.
void TestVerifyRuns::initTestCase() {
    m_cfg.workload = Workload::Sin;
    m_cfg.elements = 3'000'017; // odd, so the parts' boundaries fall between blocks
    m_cfg.workers = 2;
    RunController c;
    setUp(c);
    QSignalSpy done(&c, &RunController::finished);
    QVERIFY(testutil::startOrWarn(c, m_cfg));
    QVERIFY(done.wait(60000));
    QCOMPARE(c.report().status, RunStatus::Finished);
    QVERIFY(c.report().verified);
    QCOMPARE(c.report().mismatches, 0u);
    const ArrayRef a = c.snapshot().array; // still mapped: the name is gone, the pages stay
    QVERIFY(a.valid());
    m_written.assign(a.data, a.data + m_cfg.elements);
}

void TestVerifyRuns::plantedMismatchIsFoundInEveryPart_data() {
    QTest::addColumn<quint64>("parts");
    QTest::addColumn<quint64>("at");
    const uint64_t n = 3'000'017;
    for (const uint64_t parts : {2u, 3u}) {
        const uint64_t boundary = verifyPartBegin(n, parts, 1);
        QTest::addRow("%llu parts, first element", qulonglong(parts)) << quint64(parts) << 0ull;
        QTest::addRow("%llu parts, last element", qulonglong(parts))
            << quint64(parts) << quint64(n - 1);
        QTest::addRow("%llu parts, last of part 0", qulonglong(parts))
            << quint64(parts) << quint64(boundary - 1);
        QTest::addRow("%llu parts, first of part 1", qulonglong(parts))
            << quint64(parts) << quint64(boundary);
        QTest::addRow("%llu parts, last of the next-to-last part", qulonglong(parts))
            << quint64(parts) << quint64(verifyPartBegin(n, parts, parts - 1) - 1);
    }
}

void TestVerifyRuns::plantedMismatchIsFoundInEveryPart() {
    QFETCH(quint64, parts);
    QFETCH(quint64, at);
    std::vector<double> a = m_written;
    a[at] += 1e-6; // far outside the tolerance, well inside the value range
    VerifyOptions split;
    split.parts = unsigned(parts);
    std::atomic<uint64_t> checked{0};
    split.checked = &checked;
    VerifyOptions one;
    one.parts = 1;
    const VerifyResult got = verify(m_cfg, a.data(), split);
    QCOMPARE(got.mismatches, 1u);
    QCOMPARE(got.unwritten, 0u);
    QVERIFY(!got.cancelled);
    QCOMPARE(checked.load(), m_cfg.elements);
    QCOMPARE(got, verify(m_cfg, a.data(), one));
    QCOMPARE(got, verify(m_cfg, a.data())); // one part per core, as the controller runs it

    a[at] = std::nan(""); // unwritten: counted in both figures, in any part
    const VerifyResult hole = verify(m_cfg, a.data(), split);
    QCOMPARE(hole.mismatches, 1u);
    QCOMPARE(hole.unwritten, 1u);
    QCOMPARE(hole, verify(m_cfg, a.data(), one));
}

// Stop pressed while the array is checked (mandelbrot: hundreds of iterations per element, so
// the check takes far longer than the ~1 ms slice a part finishes before it sees the stop). The
// stop comes the moment the check begins; the check ends before covering the array, and the
// report says not verified, with its counts null in the JSON.
void TestVerifyRuns::stopDuringVerificationIsNotVerified() {
    RunController c;
    setUp(c);
    ExperimentConfig cfg;
    cfg.workload = Workload::Mandelbrot;
    cfg.elements = 4'000'000;
    cfg.workers = 2;
    cfg.delayUs = 20; // the run itself is stopped early: only the check is long
    QSignalSpy done(&c, &RunController::finished);
    QElapsedTimer sinceStop;
    connect(&c, &RunController::verifying, this, [&] {
        QVERIFY(c.isVerifying());
        sinceStop.start();
        c.stop();
    });
    QVERIFY(testutil::startOrWarn(c, cfg));
    QTRY_VERIFY_WITH_TIMEOUT(
        c.snapshot().workers.size() == 2 && c.snapshot().workers[0].processed > 0, 20000);
    c.stop(); // the workers: the array stays mostly unwritten, and is checked all the same
    QVERIFY(done.wait(60000));
    QVERIFY(sinceStop.isValid());
    qInfo("verification stopped %.1f ms after Stop, after %llu of %llu elements",
          double(sinceStop.nsecsElapsed()) / 1e6, qulonglong(c.verifiedElements()),
          qulonglong(cfg.elements));
    const RunReport& r = c.report();
    QVERIFY(c.verified().cancelled);
    QVERIFY(!r.verified);
    QVERIFY(r.verifyCancelled);
    QVERIFY(c.verifiedElements() < cfg.elements);
    QCOMPARE(QString::fromStdString(r.verdict()),
             QStringLiteral("not verified (verification stopped)"));
    const std::string json = toJson(r);
    QVERIFY(json.find("\"verified\":false") != std::string::npos);
    QVERIFY(json.find("\"mismatches\":null") != std::string::npos);
    QVERIFY(r.segmentRemoved);
}

void TestVerifyRuns::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestVerifyRuns)
#include "tst_verify_runs.moc"
