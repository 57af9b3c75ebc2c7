// The window's worker states and verdicts (run_texts.h) are worded from the figures again, so
// they can be translated; untranslated they must say exactly what the core's report says
// (shm::stateText, RunReport::verdict) in every case, or the two have drifted apart. The same
// for a sweep point's outcome and caveats (sweep_texts.h against shm::resultText, caveatLines).
#include "analysis/metrics.h"
#include "analysis/sweep.h"
#include "gui/common/run_texts.h"
#include "gui/sweep/sweep_texts.h"

#include <QTest>

namespace {
shm::WorkerRecord worker(shm::WorkerState state) {
    shm::WorkerRecord w;
    w.state = state;
    return w;
}

// One finished run of a point: its workers each on a CPU for `share` of the compute time.
shm::RunReport finishedRun(const shm::ExperimentConfig& c, double computeSeconds, double share,
                           int64_t lost = 0) {
    shm::RunReport r;
    r.config = c;
    r.status = shm::RunStatus::Finished;
    r.verified = true;
    r.computeSeconds = computeSeconds;
    r.lostUpdates = lost;
    r.mismatches = lost ? 3 : 0;
    for (uint32_t k = 0; k < c.workers; ++k) {
        shm::WorkerReport w;
        w.id = k;
        w.outcome = shm::WorkerOutcome::Done;
        w.time.busy = computeSeconds;
        w.cpuSeconds = computeSeconds * share;
        w.cpuShare = share;
        r.workers.push_back(w);
    }
    return r;
}

shm::SweepPlan plan(const char* spec, const char* second = nullptr) {
    std::vector<shm::SweepAxis> axes(second ? 2 : 1);
    if (auto err = shm::parseSweepAxis(spec, &axes[0])) qFatal("%s", err->c_str());
    if (second)
        if (auto err = shm::parseSweepAxis(second, &axes[1])) qFatal("%s", err->c_str());
    shm::ExperimentConfig base;
    base.workload = shm::Workload::Histogram;
    shm::SweepPlan p;
    if (auto err = shm::planSweep(base, axes, 1, &p)) qFatal("%s", err->c_str());
    return p;
}
} // namespace

class TestRunTexts : public QObject {
    Q_OBJECT
  private slots:
    void workerStates_data() {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("exited");
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("variant"); // 1 failed to start, 2 suspended, 3 by us,
                                          // 4 held lock + recovered, 5 stop requested
        using S = shm::WorkerState;
        for (int s = 0; s <= int(shm::kLastWorkerState); ++s)
            QTest::addRow("live %d", s) << s << false << 0 << -1 << 0;
        QTest::newRow("suspended") << int(S::Running) << false << 0 << -1 << 2;
        QTest::newRow("done") << int(S::Done) << true << 0 << 0 << 0;
        QTest::newRow("stopped") << int(S::Running) << true << 0 << 0 << 5;
        QTest::newRow("crashed") << int(S::Running) << true << 9 << -1 << 0;
        QTest::newRow("crashed holding") << int(S::Running) << true << 9 << -1 << 4;
        QTest::newRow("terminated") << int(S::Running) << true << 15 << -1 << 3;
        QTest::newRow("failed code") << int(S::Failed) << true << 0 << 3 << 0;
        QTest::newRow("failed to start") << int(S::Starting) << true << 0 << -1 << 1;
    }
    void workerStates() {
        QFETCH(int, state);
        QFETCH(bool, exited);
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QFETCH(int, variant);
        shm::WorkerRecord w = worker(shm::WorkerState(state));
        w.exited = exited;
        w.signal = signal;
        w.exitCode = exitCode;
        w.failedToStart = variant == 1;
        w.suspended = variant == 2;
        w.terminatedByUs = variant == 3;
        w.diedHoldingLock = variant == 4;
        w.recoveredBy = variant == 4 ? 2 : -1;
        shm::RunSnapshot s;
        s.stopRequested = variant == 5;
        s.workers.push_back(w);
        const QString core = QString::fromStdString(shm::stateText(w, s));
        QCOMPARE(run_texts::workerState(w, s), core);
    }

    void verdicts_data() {
        QTest::addColumn<int>("workload");
        QTest::addColumn<int>("transport");
        QTest::addColumn<quint64>("mismatches");
        QTest::addColumn<quint64>("unwritten");
        QTest::addColumn<qint64>("lost");
        using W = shm::Workload;
        using T = shm::Transport;
        const int sin = int(W::Sin), hist = int(W::Histogram), ctr = int(W::Counters);
        const int shared = int(T::Shared), priv = int(T::Private);
        QTest::newRow("verified") << sin << shared << Q_UINT64_C(0) << Q_UINT64_C(0)
                                  << Q_INT64_C(0);
        QTest::newRow("1 mismatch")
            << sin << shared << Q_UINT64_C(1) << Q_UINT64_C(0) << Q_INT64_C(0);
        QTest::newRow("some unwritten")
            << sin << shared << Q_UINT64_C(12345) << Q_UINT64_C(12) << Q_INT64_C(0);
        QTest::newRow("all unwritten")
            << sin << shared << Q_UINT64_C(1000) << Q_UINT64_C(1000) << Q_INT64_C(0);
        QTest::newRow("private") << sin << priv << Q_UINT64_C(1000) << Q_UINT64_C(1000)
                                 << Q_INT64_C(0);
        QTest::newRow("histogram ok")
            << hist << shared << Q_UINT64_C(0) << Q_UINT64_C(0) << Q_INT64_C(0);
        QTest::newRow("lost") << hist << shared << Q_UINT64_C(3) << Q_UINT64_C(0)
                              << Q_INT64_C(4321);
        QTest::newRow("extra") << hist << shared << Q_UINT64_C(1) << Q_UINT64_C(0) << Q_INT64_C(-2);
        QTest::newRow("counters ok")
            << ctr << shared << Q_UINT64_C(0) << Q_UINT64_C(0) << Q_INT64_C(0);
        QTest::newRow("counter wrong")
            << ctr << shared << Q_UINT64_C(1) << Q_UINT64_C(0) << Q_INT64_C(0);
        QTest::newRow("counters wrong")
            << ctr << priv << Q_UINT64_C(4) << Q_UINT64_C(0) << Q_INT64_C(0);
    }
    void verdicts() {
        QFETCH(int, workload);
        QFETCH(int, transport);
        QFETCH(quint64, mismatches);
        QFETCH(quint64, unwritten);
        QFETCH(qint64, lost);
        shm::RunReport r;
        r.config.workload = shm::Workload(workload);
        r.config.transport = shm::Transport(transport);
        r.verified = true;
        r.mismatches = mismatches;
        r.unwritten = unwritten;
        r.lostUpdates = lost;
        QCOMPARE(run_texts::verdict(r), QString::fromStdString(r.verdict()));
        r.verified = false;
        QCOMPARE(run_texts::verdict(r), QString::fromStdString(r.verdict()));
    }
    // Starved baselines (the 1-worker run, and workers=1 per sync value), speedups above the
    // cores, lost updates and failed runs: every point's result and every caveat line as core's.
    void sweepResultsAndCaveats() {
        for (const bool grid : {false, true}) {
            const shm::SweepPlan p =
                grid ? plan("workers=1,8", "sync=none,mutex") : plan("workers=1,2,8");
            std::vector<std::vector<shm::RunReport>> reports(p.points.size());
            for (size_t i = 0; i < p.points.size(); ++i) {
                const bool one = p.points[i].workers == 1;
                reports[i].push_back(
                    finishedRun(p.points[i], one ? 5.3 : 1.0, one ? 0.2 : 0.9, i == 1 ? 1234 : 0));
                if (i == 2) reports[i].push_back(shm::RunReport{}); // a failed run
            }
            const shm::SweepSummary s = shm::summarizeSweep(p, reports, 2);
            size_t caveats = 0;
            for (const shm::SweepPointSummary& point : s.points) {
                QCOMPARE(sweep_texts::result(point),
                         QString::fromStdString(shm::resultText(point)));
                for (const shm::Caveat& c : point.caveats) {
                    QCOMPARE(sweep_texts::caveat(s, c), QString::fromStdString(c.text));
                    ++caveats;
                }
            }
            QVERIFY(caveats >= 3);
            QStringList lines;
            for (const std::string& l : shm::caveatLines(s))
                lines << QString::fromStdString(l);
            QCOMPARE(sweep_texts::caveatLines(s), lines);
        }
        shm::SweepPointSummary none;
        none.failed = 3;
        QCOMPARE(sweep_texts::result(none), QString::fromStdString(shm::resultText(none)));
    }
};

QTEST_MAIN(TestRunTexts)
#include "tst_run_texts.moc"
