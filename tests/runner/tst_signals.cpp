// Signals to a headless run, the way shells and tools send them: twice to the app (a pid, then
// the pid again: an impatient user), to the app then its whole process group (what `timeout -s
// TERM` does), and Ctrl+C to the group (the workers get it too). Whatever arrives and how often:
// exactly one report, status "terminated", naming the signal and its sender rather than a
// worker; the app dies of the first signal; nothing left in /dev/shm, no worker left running.
#include "../test_util.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <signal.h>
#include <unistd.h>

namespace {

// How each run is signalled once its workers have processed something.
enum class Send { PidTwice, PidThenGroup, GroupInt };

// The second signal follows the first after this many µs: back to back (often merged with the
// first while it is pending), and later, while the run is stopping or the report is printed.
constexpr int kGapsUs[] = {0, 200, 1000, 5000};

struct Outcome {
    QProcess::ExitStatus status = QProcess::NormalExit;
    int code = 0;
    QByteArray out, err;
    qint64 pid = 0;
};

Outcome runAndSignal(Send how, int gapUs) {
    QProcess p;
    // Its own process group (pgid = its pid), as a shell gives a job: signalling the group must
    // not reach this test.
    p.setChildProcessModifier([] { ::setpgid(0, 0); });
    p.start(testutil::shmscopePath(),
            testutil::args({"--headless", "--json", "--workers", "2", "--elements", "100000",
                            "--delay-us", "1000"}));
    Outcome o;
    if (!p.waitForStarted(10000)) return o;
    o.pid = p.processId();
    const pid_t pid = pid_t(o.pid);
    QElapsedTimer waited;
    waited.start();
    while (testutil::processedByApp(o.pid) == 0 && waited.elapsed() < 30000)
        QTest::qWait(5);
    switch (how) {
    case Send::PidTwice:
        ::kill(pid, SIGTERM);
        if (gapUs) ::usleep(useconds_t(gapUs));
        ::kill(pid, SIGTERM);
        break;
    case Send::PidThenGroup:
        ::kill(pid, SIGTERM);
        if (gapUs) ::usleep(useconds_t(gapUs));
        ::kill(-pid, SIGTERM);
        break;
    case Send::GroupInt:
        ::kill(-pid, SIGINT);
        break;
    }
    // Generous: stopping is bounded by the 3 s stop deadline; this only catches a hang.
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    o.status = p.exitStatus();
    o.code = p.exitCode();
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

} // namespace

class TestSignals : public QObject {
    Q_OBJECT
  private slots:
    void oneReportWhateverArrives_data();
    void oneReportWhateverArrives();
};

void TestSignals::oneReportWhateverArrives_data() {
    QTest::addColumn<int>("how");
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGTERM to the pid twice") << int(Send::PidTwice) << int(SIGTERM);
    QTest::newRow("SIGTERM to the pid, then its group") << int(Send::PidThenGroup) << int(SIGTERM);
    QTest::newRow("SIGINT to the group (Ctrl+C)") << int(Send::GroupInt) << int(SIGINT);
}

void TestSignals::oneReportWhateverArrives() {
    QFETCH(int, how);
    QFETCH(int, sig);
    constexpr int kRuns = 20;
    const QString fromUs = QStringLiteral("from pid %1").arg(getpid());
    for (int i = 0; i < kRuns; ++i) {
        const int gap = kGapsUs[i % std::size(kGapsUs)];
        const Outcome o = runAndSignal(Send(how), gap);
        const QString at = QStringLiteral("run %1 (gap %2 us): ").arg(i).arg(gap);
        const auto why = [&](const char* what) {
            return qPrintable(at + QLatin1String(what) + QStringLiteral("\nstdout: ") +
                              QString::fromUtf8(o.out.left(400)) + QStringLiteral("\nstderr: ") +
                              QString::fromUtf8(o.err.left(800)));
        };
        QVERIFY2(o.pid > 0, "shmscope did not start");
        // Exactly one report, and it is whole.
        QVERIFY2(o.out.count("\"status\":") == 1, why("not exactly one report"));
        QJsonParseError perr{};
        const QJsonObject j = QJsonDocument::fromJson(o.out, &perr).object();
        QVERIFY2(perr.error == QJsonParseError::NoError, why("the report is not whole JSON"));
        QCOMPARE(j[QLatin1String("status")].toString(), QStringLiteral("terminated"));
        // The shell sees the signal, as before.
        QVERIFY2(o.status == QProcess::CrashExit && o.code == sig, why("did not die of it"));
        // It names the signal and who sent it (this test), and blames no worker.
        const QJsonArray errors = j[QLatin1String("errors")].toArray();
        QVERIFY2(!errors.isEmpty(), why("no error names the signal"));
        const QString first = errors.first().toString();
        QVERIFY2(first.startsWith(QStringLiteral("terminated by signal %1 (SIG").arg(sig)),
                 why("the first error is not the signal"));
        QVERIFY2(first.contains(fromUs), why("the sender is not named"));
        const QString failure = j[QLatin1String("failure")].toString();
        QVERIFY2(!failure.contains(QLatin1String("worker")), why("a worker is blamed"));
        for (const QJsonValue& w : j[QLatin1String("workers")].toArray()) {
            const QJsonObject wo = w.toObject();
            QVERIFY2(wo[QLatin1String("state")].toString() != QLatin1String("crashed"),
                     why("a worker is reported crashed"));
            // Ctrl+C reached the workers too: those that died of it say so.
            if (wo[QLatin1String("signal")].toInt() == sig)
                QVERIFY2(wo[QLatin1String("state_text")].toString().startsWith(
                             QLatin1String("stopped by the user's signal")),
                         why("a worker killed by the user's signal is not said to be"));
        }
        QVERIFY2(testutil::shmEntries(o.pid).isEmpty(), why("left in /dev/shm"));
        const QByteArray mine = "--segment shmscope-" + QByteArray::number(o.pid) + "-";
        QTRY_VERIFY2_WITH_TIMEOUT(testutil::processesWith(mine).isEmpty(),
                                  why("a worker outlived the app"), 5000);
    }
}

QTEST_GUILESS_MAIN(TestSignals)
#include "tst_signals.moc"
