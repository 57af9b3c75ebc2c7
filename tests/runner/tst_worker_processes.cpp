// The workers' processes as the controller starts them (runner/worker_processes.h), on real
// children of /bin/sh: stderr read as it comes, exit codes and signals as the kernel reports
// them, a start that fails, the environment given, and a clean signal mask whatever the app
// blocks. The runs in tst_runs, tst_careless_workers and the fault campaign use it for workers.
#include "runner/worker_processes.h"

#include <QTest>

#include <csignal>
#include <map>
#include <string>

namespace {
// Processes with what they wrote and how they ended, by index.
struct Watched {
    std::map<uint32_t, std::string> err;
    std::map<uint32_t, WorkerProcesses::Exit> exits;
    WorkerProcesses p; // last: gone first, before what its callbacks write to
    Watched() {
        p.onStderr = [this](uint32_t k, std::string_view s) { err[k] += s; };
        p.onExit = [this](uint32_t k, WorkerProcesses::Exit e) { exits[k] = e; };
    }
};

pid_t startSh(WorkerProcesses& p, const char* script, std::vector<std::string> env = {},
              std::string* error = nullptr) {
    return p.start({"/bin/sh", "-c", script}, env, error);
}
} // namespace

class TestWorkerProcesses : public QObject {
    Q_OBJECT
  private slots:
    void exitCodeAndStderr();
    void killedBySignal();
    void startThatFails();
    void environmentGiven();
    void signalMaskCleared();
    void clearKillsTheRunning();
};

void TestWorkerProcesses::exitCodeAndStderr() {
    Watched w;
    WorkerProcesses& p = w.p;
    QVERIFY(startSh(p, "printf 'first\\n' >&2; printf 'last words' >&2; exit 3") > 0);
    QVERIFY(startSh(p, "exit 0") > 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.exits.size(), size_t(2), 10000);
    QCOMPARE(w.exits[0].code, 3);
    QCOMPARE(w.exits[0].signal, 0);
    QCOMPARE(w.exits[1].code, 0);
    // Everything it wrote arrives before its exit is reported.
    QCOMPARE(QString::fromStdString(w.err[0]), QStringLiteral("first\nlast words"));
    QVERIFY(!p.running(0) && !p.running(1));
}

void TestWorkerProcesses::killedBySignal() {
    Watched w;
    WorkerProcesses& p = w.p;
    const pid_t pid = startSh(p, "sleep 30");
    QVERIFY(pid > 0);
    QCOMPARE(p.pid(0), pid);
    QVERIFY(p.running(0));
    p.signal(0, SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(w.exits.size(), size_t(1), 10000);
    QCOMPARE(w.exits[0].signal, SIGKILL);
}

void TestWorkerProcesses::startThatFails() {
    Watched w;
    WorkerProcesses& p = w.p;
    std::string error;
    QCOMPARE(p.start({"/nonexistent/shmscope-worker"}, {}, &error), pid_t(0));
    QVERIFY2(error.find("No such file") != std::string::npos, error.c_str());
    // It keeps its index: the next worker is the second.
    QVERIFY(startSh(p, "exit 0") > 0);
    QCOMPARE(p.size(), size_t(2));
    QTRY_COMPARE_WITH_TIMEOUT(w.exits.size(), size_t(1), 10000);
    QVERIFY(w.exits.count(1));
}

void TestWorkerProcesses::environmentGiven() {
    qputenv("SHMSCOPE_TEST_VAR", "from the app");
    qputenv("SHMSCOPE_TEST_KEPT", "kept");
    Watched w;
    WorkerProcesses& p = w.p;
    QVERIFY(startSh(p, "printf '%s|%s' \"$SHMSCOPE_TEST_VAR\" \"$SHMSCOPE_TEST_KEPT\" >&2",
                    {"SHMSCOPE_TEST_VAR=given"}) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.exits.size(), size_t(1), 10000);
    QCOMPARE(QString::fromStdString(w.err[0]), QStringLiteral("given|kept"));
}

// segment_cleanup blocks signals while it works, and Qt ignores SIGPIPE: a worker started then
// must still die of Ctrl+C or a broken pipe as any program would.
void TestWorkerProcesses::signalMaskCleared() {
    sigset_t block, before;
    sigemptyset(&block);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &before);
    struct sigaction ign {
    }, oldPipe{};
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &oldPipe);
    Watched w;
    WorkerProcesses& p = w.p;
    // Read by the child itself, no shell between (dash unblocks signals as it starts).
    QVERIFY(p.start({"/usr/bin/awk", "/^Sig(Blk|Ign)/ { print > \"/dev/stderr\" }",
                     "/proc/self/status"},
                    {}, nullptr) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.exits.size(), size_t(1), 10000);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    sigaction(SIGPIPE, &oldPipe, nullptr);
    const QString out = QString::fromStdString(w.err[0]);
    QVERIFY2(out.contains(QStringLiteral("SigBlk:\t0000000000000000")), qPrintable(out));
    // SIGPIPE (bit 13) ignored by the app must not be inherited.
    const QString ign0 = out.section(QStringLiteral("SigIgn:\t"), 1).left(16);
    bool ok = false;
    const qulonglong mask = ign0.toULongLong(&ok, 16);
    QVERIFY2(ok, qPrintable(out));
    QVERIFY2(!(mask & (1ull << (SIGPIPE - 1))), qPrintable(out));
}

void TestWorkerProcesses::clearKillsTheRunning() {
    Watched w;
    WorkerProcesses& p = w.p;
    const pid_t pid = startSh(p, "sleep 30");
    QVERIFY(pid > 0);
    p.clear();
    QCOMPARE(p.size(), size_t(0));
    QVERIFY(w.exits.empty());     // forgotten, not reported
    QVERIFY(::kill(pid, 0) != 0); // killed and reaped: no such process
}

QTEST_GUILESS_MAIN(TestWorkerProcesses)
#include "tst_worker_processes.moc"
