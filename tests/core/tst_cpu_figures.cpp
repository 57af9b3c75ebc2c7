// The figures that survive a busy machine: overlap from synthetic CPU points, cpu_share and
// CPU-time ns per increment in the report, and the caveats a starved run and a starved sweep
// baseline get. No processes: every input is made up, so every expected value is exact.
#include "analysis/caveats.h"
#include "analysis/cpu_overlap.h"
#include "analysis/report.h"
#include "analysis/sweep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace shm;

namespace {

constexpr uint64_t kMs = 1'000'000;
constexpr uint64_t kT0 = 5000 * kMs;

// A worker on a CPU during [from, to) ms after kT0 (each a list of such spans), as its points
// would say: a point at every span's edges.
std::vector<CpuPoint> onCpu(std::vector<std::pair<uint64_t, uint64_t>> spans) {
    std::vector<CpuPoint> pts{{kT0, 0}};
    uint64_t cpu = 0;
    for (const auto& [a, b] : spans) {
        if (kT0 + a * kMs > pts.back().tNs) pts.push_back({kT0 + a * kMs, cpu});
        cpu += (b - a) * kMs;
        pts.push_back({kT0 + b * kMs, cpu});
    }
    return pts;
}

bool near(std::optional<double> v, double want) {
    return v && std::abs(*v - want) < 1e-9;
}

// One finished run of a config: one worker per config.workers, each with the given CPU share
// of its busy time.
RunReport finishedRun(const ExperimentConfig& c, double computeSeconds, double share) {
    RunReport r;
    r.config = c;
    r.status = RunStatus::Finished;
    r.verified = true;
    r.computeSeconds = computeSeconds;
    for (uint32_t k = 0; k < c.workers; ++k) {
        WorkerReport w;
        w.id = k;
        w.outcome = WorkerOutcome::Done;
        w.time.busy = computeSeconds;
        w.cpuSeconds = computeSeconds * share;
        w.cpuShare = share;
        r.workers.push_back(w);
    }
    return r;
}

SweepPlan workersPlan(const char* spec) {
    SweepAxis axis;
    if (auto err = parseSweepAxis(spec, &axis)) qFatal("%s", err->c_str());
    SweepPlan plan;
    if (auto err = planSweep(ExperimentConfig{}, {axis}, 1, &plan)) qFatal("%s", err->c_str());
    return plan;
}

bool hasCode(const std::vector<Caveat>& cs, const std::string& code) {
    return std::any_of(cs.begin(), cs.end(), [&](const Caveat& c) { return c.code == code; });
}

} // namespace

class TestCpuFigures : public QObject {
    Q_OBJECT
  private slots:
    void overlapFromSyntheticPoints();
    void pausesAndMissingWorkers();
    void thinningKeepsTheTotals();
    void reportHasWallAndCpuFigures();
    void starvedWorkerGetsACaveat();
    void starvedBaselineFlagsTheSweep();
    void speedupAboveTheCoresIsFlagged();
};

void TestCpuFigures::overlapFromSyntheticPoints() {
    const uint64_t from = kT0, to = kT0 + 100 * kMs;
    // Both on a CPU all along: 1.
    QVERIFY(near(overlapFraction({onCpu({{0, 100}}), onCpu({{0, 100}})}, from, to), 1.0));
    // Taking turns every 4 ms (one core between them): never together, 0.
    std::vector<std::pair<uint64_t, uint64_t>> even, odd;
    for (uint64_t t = 0; t < 100; t += 8) {
        even.push_back({t, t + 4});
        odd.push_back({t + 4, t + 8});
    }
    QVERIFY(near(overlapFraction({onCpu(even), onCpu(odd)}, from, to), 0.0));
    // One all along, the other for the first 30 ms: 0.3.
    QVERIFY(near(overlapFraction({onCpu({{0, 100}}), onCpu({{0, 30}})}, from, to), 0.3));
    // Half a CPU each over the same 10 ms (points only at the ends): the share is the slope,
    // and the least share counts: 0.5 (an upper bound; the truth is 0 to 0.5).
    const std::vector<CpuPoint> half{{kT0, 0}, {kT0 + 100 * kMs, 50 * kMs}};
    QVERIFY(near(overlapFraction({half, half}, from, to), 0.5));
    // Three workers, the third only for 20-40 ms: 0.2.
    QVERIFY(near(
        overlapFraction({onCpu({{0, 100}}), onCpu({{0, 100}}), onCpu({{20, 40}})}, from, to), 0.2));
    // A share above 1 (a heartbeat later than its CPU reading) counts as 1, not more.
    const std::vector<CpuPoint> fast{{kT0, 0}, {kT0 + 100 * kMs, 130 * kMs}};
    QVERIFY(near(overlapFraction({fast, onCpu({{0, 100}})}, from, to), 1.0));
}

void TestCpuFigures::pausesAndMissingWorkers() {
    const uint64_t from = kT0, to = kT0 + 100 * kMs;
    // Together for 0-50 ms, then paused 50-100 (neither ran): the pause is not in the window.
    const auto a = onCpu({{0, 50}}), b = onCpu({{0, 50}});
    QVERIFY(near(overlapFraction({a, b}, from, to), 0.5));
    QVERIFY(near(overlapFraction({a, b}, from, to, {{kT0 + 50 * kMs, kT0 + 100 * kMs}}), 1.0));
    // A worker that published nothing: not measured, never a made-up number.
    QVERIFY(!overlapFraction({a, {}}, from, to));
    QVERIFY(!overlapFraction({a, {{kT0, 0}}}, from, to));
    QVERIFY(!overlapFraction({a, b}, to, from)); // an empty window
    QVERIFY(!overlapFraction({}, from, to));
    const CpuOverlap none = measuredOverlap({a, {}}, from, to, {}, kMs, 0);
    QVERIFY(!none.fraction);
    QVERIFY(none.method.rfind("not measured", 0) == 0);
    const CpuOverlap some = measuredOverlap({a, b}, from, to, {}, kMs, 1);
    QVERIFY(near(some.fraction, 0.5));
    QVERIFY(near(some.resolutionMs, 2.0)); // halved once: every other point
}

void TestCpuFigures::thinningKeepsTheTotals() {
    std::vector<CpuPoint> pts;
    for (uint64_t i = 0; i <= 1000; ++i)
        pts.push_back({kT0 + i * kMs, i * kMs / 2});
    const CpuPoint first = pts.front(), last = pts.back();
    const int halvings = thinPoints(pts, 100);
    QCOMPARE(halvings, 4); // 1001 -> 501 -> 251 -> 126 -> 63
    QVERIFY(pts.size() <= 100);
    QVERIFY(pts.front() == first);
    QVERIFY(pts.back() == last);
    QVERIFY(near(overlapFraction({pts}, kT0, kT0 + 1000 * kMs), 0.5));
}

// The counters report keeps its wall-time ns per increment and adds the CPU-time one; every
// report has overlap (null here: nothing sampled), overlap_method, caveats and cpu_share.
void TestCpuFigures::reportHasWallAndCpuFigures() {
    RunSnapshot s;
    s.config.workload = Workload::Counters;
    s.config.workers = 2;
    s.config.increments = 1'000'000;
    s.releaseNs = kT0;
    s.nowNs = kT0 + 20 * kMs;
    for (uint32_t k = 0; k < 2; ++k) {
        WorkerRecord w;
        w.id = k;
        w.pid = 100 + k;
        w.state = WorkerState::Done;
        w.startNs = kT0;
        w.doneNs = kT0 + 20 * kMs; // 20 ms busy
        w.exited = true;
        w.exitCode = 0;
        w.processed = 1'000'000;
        w.cpuNs = k == 0 ? 20 * kMs : 5 * kMs; // worker 1 got a quarter of a CPU
        s.workers.push_back(w);
    }
    const RunReport r = buildReport(s, VerifyResult{}, RunMeta{});
    QCOMPARE(r.workers[0].nsPerIncrement, 20.0);
    QCOMPARE(r.workers[1].nsPerIncrement, 20.0);
    QCOMPARE(r.workers[0].cpuNsPerIncrement, 20.0);
    QCOMPARE(r.workers[1].cpuNsPerIncrement, 5.0);
    QCOMPARE(r.totalCpuNsPerIncrement, 12.5);
    QVERIFY(near(r.workers[1].cpuShare, 0.25));
    const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(toJson(r))).object();
    QVERIFY(j.contains(QLatin1String("overlap")));
    QVERIFY(j[QLatin1String("overlap")].isNull());
    QVERIFY(
        j[QLatin1String("overlap_method")].toString().startsWith(QLatin1String("not measured")));
    QVERIFY(j[QLatin1String("overlap_resolution_ms")].isNull());
    const QJsonObject c = j[QLatin1String("counters")].toObject();
    QCOMPARE(c[QLatin1String("total_ns_per_increment")].toDouble(), 20.0);
    QCOMPARE(c[QLatin1String("total_cpu_ns_per_increment")].toDouble(), 12.5);
    const QJsonObject w1 = j[QLatin1String("workers")].toArray()[1].toObject();
    QCOMPARE(w1[QLatin1String("ns_per_increment")].toDouble(), 20.0);
    QCOMPARE(w1[QLatin1String("cpu_ns_per_increment")].toDouble(), 5.0);
    QCOMPARE(w1[QLatin1String("cpu_share")].toDouble(), 0.25);
    // Starved worker 1 is named (2 workers fit this machine's cores only with 2 or more).
    const QJsonArray caveats = j[QLatin1String("caveats")].toArray();
    if (usableCores() >= 2) {
        QCOMPARE(caveats.size(), 1);
        QCOMPARE(caveats[0].toObject()[QLatin1String("code")].toString(),
                 QStringLiteral("cpu_share_low"));
        QCOMPARE(caveats[0].toObject()[QLatin1String("text")].toString(),
                 QStringLiteral("worker 1 got 25 % of a CPU: the machine is busy"));
    }
}

void TestCpuFigures::starvedWorkerGetsACaveat() {
    ExperimentConfig c;
    c.workers = 2;
    RunReport r = finishedRun(c, 1.0, 0.95);
    QVERIFY(runCaveats(r, 2).empty());
    r.workers[1].cpuSeconds = 0.35;
    auto cs = runCaveats(r, 2);
    QCOMPARE(cs.size(), size_t(1));
    QCOMPARE(cs[0].text, std::string("worker 1 got 35 % of a CPU: the machine is busy"));
    // A futex waiter sleeps on purpose: its waits are not starvation.
    r.workers[1].time.wait = 0.6;
    QVERIFY(runCaveats(r, 2).empty());
    // Slow motion sleeps on purpose too.
    r.workers[1].time.wait = 0;
    r.config.delayUs = 10;
    QVERIFY(runCaveats(r, 2).empty());
    // More workers than cores: said once, not as starvation of each.
    r.config.delayUs = 0;
    cs = runCaveats(r, 1);
    QCOMPARE(cs.size(), size_t(1));
    QCOMPARE(cs[0].code, std::string("more_workers_than_cores"));
    // Counters that rarely ran together.
    r.workers[1].cpuSeconds = 0.95;
    r.config.workload = Workload::Counters;
    r.overlap.fraction = 0.3;
    cs = runCaveats(r, 2);
    QCOMPARE(cs.size(), size_t(1));
    QCOMPARE(cs[0].code, std::string("overlap_low"));
}

// The case: a 1-worker baseline preempted (0.155 s CPU in 0.72 s) makes every speedup
// absurd. Every point that divides by it is flagged, the text says so once, and the JSON has it.
void TestCpuFigures::starvedBaselineFlagsTheSweep() {
    const SweepPlan plan = workersPlan("workers=1,2");
    std::vector<std::vector<RunReport>> reports(2);
    for (size_t i = 0; i < 2; ++i)
        for (int rep = 0; rep < 3; ++rep)
            reports[i].push_back(
                finishedRun(plan.points[i], i == 0 ? 0.72 : 0.36, i == 0 ? 0.155 / 0.72 : 0.97));
    SweepSummary s = summarizeSweep(plan, reports, 2);
    QVERIFY(near(s.points[0].cpuShare, 0.155 / 0.72));
    for (const SweepPointSummary& p : s.points)
        QVERIFY(hasCode(p.caveats, "baseline_cpu_share_low"));
    QCOMPARE(s.points[1].caveats.front().text,
             std::string("the 1-worker run got 22 % of a core: speedups are not meaningful"));
    const std::string text = toText(s);
    QVERIFY2(text.find("caveat: the 1-worker run got 22 % of a core") != std::string::npos,
             text.c_str());
    QCOMPARE(caveatLines(s).size(), size_t(1)); // said once, not per point
    const QJsonObject j = QJsonDocument::fromJson(QByteArray::fromStdString(toJson(s))).object();
    QCOMPARE(j[QLatin1String("caveats")].toArray().size(), 2);
    const QJsonObject p1 = j[QLatin1String("points")].toArray()[1].toObject();
    QCOMPARE(p1[QLatin1String("caveats")].toArray()[0].toObject()[QLatin1String("code")].toString(),
             QStringLiteral("baseline_cpu_share_low"));
    // A healthy baseline: nothing flagged.
    for (auto& r : reports[0])
        r.workers[0].cpuSeconds = 0.70;
    s = summarizeSweep(plan, reports, 2);
    for (const SweepPointSummary& p : s.points)
        QVERIFY(p.caveats.empty());
    QVERIFY(caveatLines(s).empty());
}

// Oversubscription printed "speedups" of 5.3x on 2 cores: flagged.
void TestCpuFigures::speedupAboveTheCoresIsFlagged() {
    const SweepPlan plan = workersPlan("workers=1,8");
    std::vector<std::vector<RunReport>> reports(2);
    reports[0].push_back(finishedRun(plan.points[0], 5.3, 0.95));
    reports[1].push_back(finishedRun(plan.points[1], 1.0, 0.25));
    const SweepSummary s = summarizeSweep(plan, reports, 2);
    QVERIFY(near(s.points[1].speedup, 5.3));
    QVERIFY(hasCode(s.points[1].caveats, "speedup_above_cores"));
    QVERIFY(!hasCode(s.points[1].caveats, "baseline_cpu_share_low"));
    QVERIFY(s.points[0].caveats.empty());
    QVERIFY(toText(s).find("workers=8: speedup 5.30 with 2 cores") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestCpuFigures)
#include "tst_cpu_figures.moc"
