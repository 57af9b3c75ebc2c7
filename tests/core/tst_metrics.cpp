// Waits and holds that never end: a survivor blocked on a dead holder's mutex, a holder killed
// or stopped inside its critical section, a run stopped mid-wait. The counters hear of a wait
// only when it ends, so metrics.h counts an open one from the moment the worker published up to
// the worker's end (or now). Hand-built records, so each row's figures are known exactly.
#include "analysis/host_groups.h"
#include "analysis/metrics.h"
#include "analysis/report.h"
#include "analysis/wait_histogram.h"
#include "model/layout.h"

#include <QTest>

#include <cstdint>

using namespace shm;

namespace {

constexpr uint64_t kMs = 1'000'000;
constexpr uint64_t kStart = 1000 * kMs; // the worker passed the barrier here

// A worker that started at kStart with 2 ms of closed waits and 1 ms of closed holds counted.
WorkerRecord workerWithCounters() {
    WorkerRecord w;
    w.pid = 4242;
    w.state = WorkerState::Running;
    w.startNs = kStart;
    w.heartbeatNs = kStart;
    w.lock.acquisitions = 10;
    w.lock.contended = 2;
    w.lock.waitNs = 2 * kMs;
    w.lock.holdNs = 1 * kMs;
    w.lock.maxWaitNs = 1500'000;
    return w;
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
  private slots:
    void openIntervalsCountUpToTheEnd_data();
    void openIntervalsCountUpToTheEnd();
    void packedMomentIsRecoveredNearTheHeartbeat_data();
    void packedMomentIsRecoveredNearTheHeartbeat();
    void runFiguresAndReportAgree();
    void ranksGroupedByHost_data();
    void ranksGroupedByHost();
};

void TestMetrics::openIntervalsCountUpToTheEnd_data() {
    QTest::addColumn<uint64_t>("waitSince"); // 0: not waiting
    QTest::addColumn<uint64_t>("holdSince"); // 0: not parked in a hold
    QTest::addColumn<uint64_t>("exitAt");    // 0: still running at `now`
    QTest::addColumn<uint64_t>("now");
    QTest::addColumn<uint64_t>("openWait");
    QTest::addColumn<uint64_t>("openHold");
    const uint64_t now = kStart + 600 * kMs;
    QTest::addRow("none") << uint64_t(0) << uint64_t(0) << uint64_t(0) << now << uint64_t(0)
                          << uint64_t(0);
    // A survivor blocked at 100 ms, terminated at 520 ms: 420 ms of waiting nobody counted.
    QTest::addRow("open wait, killed") << kStart + 100 * kMs << uint64_t(0) << kStart + 520 * kMs
                                       << now << 420 * kMs << uint64_t(0);
    // Live (or a replay at `now`): counted up to now.
    QTest::addRow("open wait, live")
        << kStart + 100 * kMs << uint64_t(0) << uint64_t(0) << now << 500 * kMs << uint64_t(0);
    // The holder parked at 20 ms and was killed at 25 ms: its time, and its hold, end there.
    QTest::addRow("open hold, killed")
        << uint64_t(0) << kStart + 20 * kMs << kStart + 25 * kMs << now << uint64_t(0) << 5 * kMs;
    // Stopped (SIGSTOP) while holding: still its hold at now.
    QTest::addRow("open hold, stopped")
        << uint64_t(0) << kStart + 20 * kMs << uint64_t(0) << now << uint64_t(0) << 580 * kMs;
    QTest::addRow("both") << kStart + 300 * kMs << kStart + 100 * kMs << uint64_t(0) << now
                          << 300 * kMs << 500 * kMs;
    // A record read after the clock the end was taken by: never negative.
    QTest::addRow("wait began after the end")
        << kStart + 700 * kMs << uint64_t(0) << uint64_t(0) << now << uint64_t(0) << uint64_t(0);
}

void TestMetrics::openIntervalsCountUpToTheEnd() {
    QFETCH(uint64_t, waitSince);
    QFETCH(uint64_t, holdSince);
    QFETCH(uint64_t, exitAt);
    QFETCH(uint64_t, now);
    QFETCH(uint64_t, openWait);
    QFETCH(uint64_t, openHold);
    WorkerRecord w = workerWithCounters();
    w.waitSinceNs = waitSince;
    w.holdSinceNs = holdSince;
    w.holdingLock = holdSince ? 1 : 0;
    w.state = waitSince ? WorkerState::WaitingForLock : WorkerState::Running;
    if (exitAt) {
        w.exited = true;
        w.exitNs = exitAt;
        w.signal = 9;
    }
    QCOMPARE(openWaitNs(w, now), openWait);
    QCOMPARE(openHoldNs(w, now), openHold);

    const LockStats l = lockStats(w, now);
    QCOMPARE(l.waitNs, 2 * kMs + openWait);
    QCOMPARE(l.holdNs, 1 * kMs + openHold);
    QCOMPARE(l.openWaitNs, openWait);
    QCOMPARE(l.openHoldNs, openHold);
    QCOMPARE(l.maxWaitNs, std::max<uint64_t>(1500'000, openWait));
    QCOMPARE(l.contended, uint64_t(2)); // acquisitions that waited: an open wait acquired nothing
    QCOMPARE(meanWaitNs(l), double(l.waitNs) / double(openWait ? 3 : 2));

    const TimeSplit t = timeSplit(w, now);
    const double busy = double((exitAt ? exitAt : now) - kStart) / 1e9;
    QCOMPARE(t.busy, busy);
    QCOMPARE(t.wait, double(2 * kMs + openWait) / 1e9);
    QCOMPARE(t.hold, double(1 * kMs + openHold) / 1e9);
    QCOMPARE(t.openWait, double(openWait) / 1e9);
    QCOMPARE(t.openHold, double(openHold) / 1e9);
    QCOMPARE(t.compute, std::max(0.0, busy - t.wait - t.hold));
    QCOMPARE(waitShare(w, now), std::min(1.0, t.wait / busy));

    // A hold the worker no longer says it holds is not open, whatever the stale moment says.
    w.holdingLock = 0;
    QCOMPARE(openHoldNs(w, now), uint64_t(0));
}

void TestMetrics::packedMomentIsRecoveredNearTheHeartbeat_data() {
    QTest::addColumn<uint64_t>("moment");
    QTest::addColumn<uint64_t>("heartbeat");
    const uint64_t t = 123'456 * 1'000'000'000ull; // a day and more after boot
    QTest::addRow("just after the beat") << t + 5 * kMs << t;
    QTest::addRow("a beat after it") << t << t + 5 * kMs; // read after the acquisition's beat
    QTest::addRow("half an hour later") << t + 1800'000 * kMs << t;
    QTest::addRow("soon after boot") << 3 * kMs << 1 * kMs;
    // The 32 bits wrap every 2^42 ns (73 min): a moment across a wrap from the beat.
    const uint64_t wrap = uint64_t(1) << 42;
    QTest::addRow("across a wrap") << 7 * wrap + 2 * kMs << 7 * wrap - 3 * kMs;
}

void TestMetrics::packedMomentIsRecoveredNearTheHeartbeat() {
    QFETCH(uint64_t, moment);
    QFETCH(uint64_t, heartbeat);
    const uint32_t word = packSince(moment);
    QVERIFY(word != 0); // 0 means "none"
    const uint64_t back = unpackSince(word, heartbeat);
    // Kept to 1.024 us, rounded down: never late.
    QVERIFY2(back <= moment && moment - back < 1024,
             qPrintable(QStringLiteral("%1 back as %2").arg(moment).arg(back)));
    QCOMPARE(unpackSince(0, heartbeat), uint64_t(0));
}

// The crash-holding run by hand: worker 1 parked holding and was killed, 0, 2 and 3 blocked on
// it until the controller terminated them. The run's figures, the report and the histogram of
// open waits all count the same waits.
void TestMetrics::runFiguresAndReportAgree() {
    RunSnapshot s;
    s.phase = Phase::Finished;
    s.config.workers = 4;
    s.releaseNs = kStart;
    s.nowNs = kStart + 900 * kMs;
    s.failed = true;
    s.ended = true;
    for (uint32_t k = 0; k < 4; ++k) {
        WorkerRecord w = workerWithCounters();
        w.id = k;
        w.exited = true;
        w.signal = 9;
        if (k == 1) {
            w.holdingLock = 1;
            w.parked = true;
            w.holdSinceNs = kStart + 20 * kMs;
            w.exitNs = kStart + 30 * kMs;
        } else {
            w.terminatedByUs = true;
            w.state = WorkerState::WaitingForLock;
            w.waitSinceNs = kStart + (20 + k) * kMs;
            w.exitNs = kStart + 520 * kMs;
        }
        s.workers.push_back(w);
    }
    const uint64_t end = runEndNs(s);
    QCOMPARE(end, kStart + 520 * kMs);
    const RunTotals t = totals(s);
    QCOMPARE(t.lock.openWaitNs, uint64_t((500 + 498 + 497) * kMs));
    QCOMPARE(t.lock.openHoldNs, 10 * kMs);
    QCOMPARE(t.lock.openWaits, uint64_t(3));
    QCOMPARE(t.lock.maxWaitNs, 500 * kMs);
    QCOMPARE(t.lock.waitNs, 4 * 2 * kMs + t.lock.openWaitNs);

    const RunReport r = buildReport(s, VerifyResult{}, RunMeta{});
    QCOMPARE(r.lock, t.lock);
    double wait = 0, busy = 0;
    for (const WorkerReport& w : r.workers) {
        wait += w.time.wait;
        busy += w.time.busy;
        QCOMPARE(w.lock, lockStats(s.workers[w.id], end));
    }
    QCOMPARE(r.waitShare, waitShare(s));
    QVERIFY(qAbs(r.waitShare - wait / busy) < 1e-12);
    QVERIFY(r.waitShare > 0.9); // three of four workers waited nearly all their time
    const QByteArray json = QByteArray::fromStdString(toJson(r));
    QVERIFY(json.contains("\"open_wait_seconds\":1.495"));
    QVERIFY(json.contains("\"open_hold_seconds\":0.01"));

    const std::vector<uint64_t> open = WaitHistogram::openCounts(s);
    uint64_t n = 0;
    for (uint64_t c : open)
        n += c;
    QCOMPARE(n, uint64_t(3));
    QCOMPARE(open[size_t(WaitHistogram::bucketOf(500 * kMs))], uint64_t(3));
}

// Ranks as rank 0 publishes them: "name:index:errorNs" per rank ("-" = never reported).
// Expected: "name[ranks]±errorNs" per host, in host order (the lanes' order too).
void TestMetrics::ranksGroupedByHost_data() {
    QTest::addColumn<QString>("ranks");
    QTest::addColumn<QString>("hosts");
    QTest::addRow("one host") << "vm:0:0 vm:0:0"
                              << "vm[0 1]±0";
    QTest::addRow("two hosts, in blocks") << "vm:0:0 vm:0:0 b:1:90 b:1:70"
                                          << "vm[0 1]±0 b[2 3]±70";
    // Round robin: a host's ranks are not next to each other; the lanes (host by host) put them
    // together.
    QTest::addRow("round robin") << "vm:0:0 b:1:50 vm:0:0 b:1:60"
                                 << "vm[0 2]±0 b[1 3]±50";
    // Same short name, different hosts (told apart by index): two groups.
    QTest::addRow("equal short names") << "n:0:0 n:1:40 n:2:30"
                                       << "n[0]±0 n[1]±40 n[2]±30";
    QTest::addRow("one never reported") << "vm:0:0 - b:1:80"
                                        << "vm[0]±0 b[2]±80";
}

void TestMetrics::ranksGroupedByHost() {
    QFETCH(QString, ranks);
    QFETCH(QString, hosts);
    std::vector<shm::WorkerRecord> workers;
    for (const QString& r : ranks.split(QLatin1Char(' '))) {
        shm::WorkerRecord w;
        w.id = uint32_t(workers.size());
        if (r != QLatin1String("-")) {
            const QStringList f = r.split(QLatin1Char(':'));
            w.pid = 100 + w.id;
            w.host = f[0].toStdString();
            w.hostIndex = f[1].toUInt();
            w.clockErrorNs = f[2].toULongLong();
            w.clockOffsetNs = w.hostIndex ? 1000 * int64_t(w.clockErrorNs) : 0;
        }
        workers.push_back(w);
    }
    QStringList got;
    for (const shm::HostGroup& g : shm::groupByHost(workers)) {
        QStringList rs;
        for (uint32_t k : g.ranks)
            rs << QString::number(k);
        got << QStringLiteral("%1[%2]±%3")
                   .arg(QString::fromStdString(g.name), rs.join(QLatin1Char(' ')))
                   .arg(g.clockErrorNs);
        QCOMPARE(g.clockOffsetNs, 1000 * int64_t(g.clockErrorNs)); // the best rank's pair
    }
    QCOMPARE(got.join(QLatin1Char(' ')), hosts);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
