// The Python worker (resources/python/shmscope_worker.py) in real runs: alone, beside
// shmscope-worker processes (--worker-command-count), refusing what it cannot do safely, and
// leaving the app's segment alone when it exits (Python's resource tracker would unlink it).
// Skipped where no python3 with numpy is installed (python3-numpy is in the README's packages).
#include "../test_util.h"
#include "model/layout.h"
#include "segment/exit_codes.h"
#include "segment/segment.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

class TestPythonWorker : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void seedJobAllPython();
    void staticPartitions_data();
    void staticPartitions();
    void mixedRun();
    void refusesWhatItCannotDo_data();
    void refusesWhatItCannotDo();
    void foreignSegmentExitsThree_data();
    void foreignSegmentExitsThree();
    void segmentOutlivesThePythonWorker();
    void badCommandExitsTwo_data();
    void badCommandExitsTwo();

  private:
    QString m_python;  // an interpreter that imports numpy
    QString m_command; // "PYTHON SCRIPT", quoted
};

namespace {
const QString kScript = QStringLiteral(SHMSCOPE_PYTHON_WORKER);

bool shmExists(const QString& name) {
    struct stat st {};
    return ::stat(QString(QStringLiteral("/dev/shm/") + name).toLocal8Bit().constData(), &st) == 0;
}

QJsonObject report(const testutil::Result& r) {
    return QJsonDocument::fromJson(r.out).object();
}

QStringList errors(const QJsonObject& rep) {
    QStringList out;
    for (const auto& e : rep[QLatin1String("errors")].toArray())
        out << e.toString();
    return out;
}
} // namespace

using testutil::args;

void TestPythonWorker::initTestCase() {
    QVERIFY(QFile::exists(kScript));
    m_python = testutil::pythonWithNumpy();
    if (m_python.isEmpty()) QSKIP("no python3 with numpy here (apt-get install python3-numpy)");
    m_command = QStringLiteral("\"%1\" \"%2\"").arg(m_python, kScript);
}

void TestPythonWorker::seedJobAllPython() {
    // The blog's job, a[i] = sin(i), by two Python processes.
    const auto r = testutil::runCli(args({"--headless", "--json", "--workers", "2", "--workload",
                                          "sin", "--elements", "300000", "--worker-command"})
                                    << m_command);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("finished"));
    QCOMPARE(rep[QLatin1String("mismatches")].toInt(-1), 0);
    QCOMPARE(rep[QLatin1String("unwritten")].toInt(-1), 0);
    QCOMPARE(rep[QLatin1String("worker_command")].toString(), m_command);
    QCOMPARE(errors(rep), QStringList()); // no resource-tracker warning, nothing on stderr
    const QJsonArray workers = rep[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 2);
    for (const auto& v : workers) {
        const QJsonObject w = v.toObject();
        QCOMPARE(w[QLatin1String("program")].toString(), m_command);
        QCOMPARE(w[QLatin1String("processed")].toInt(), 150000);
        QVERIFY(w[QLatin1String("pid")].toInteger() > 0);
        QVERIFY(w[QLatin1String("cpu_seconds")].toDouble() > 0); // published like C++'s
    }
    QVERIFY(!r.err.contains("resource_tracker"));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestPythonWorker::staticPartitions_data() {
    QTest::addColumn<QString>("partition");
    QTest::addColumn<int>("unwritten"); // as shmscope-worker leaves it
    QTest::newRow("block") << QStringLiteral("block") << 0;
    QTest::newRow("cyclic") << QStringLiteral("cyclic") << 0;
    QTest::newRow("block-cyclic") << QStringLiteral("block-cyclic") << 0;
    QTest::newRow("seed") << QStringLiteral("seed") << 2; // the blog's split: 10001 - 3 * 3333
}

void TestPythonWorker::staticPartitions() {
    QFETCH(QString, partition);
    QFETCH(int, unwritten);
    QTemporaryDir dir;
    const QString array = dir.filePath(QStringLiteral("array.csv"));
    // Sizes that do not divide evenly: short last chunk, uneven blocks.
    const auto r =
        testutil::runCli(args({"--headless", "--json", "--workers", "3", "--workload", "wave",
                               "--elements", "10001", "--chunk", "97", "--partition"})
                         << partition << QStringLiteral("--worker-command") << m_command
                         << QStringLiteral("--array-csv") << array);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("mismatches")].toInt(-1), unwritten); // unwritten ones only
    QCOMPARE(rep[QLatin1String("unwritten")].toInt(-1), unwritten);
    // Every element written by the worker the partition gives it to, as the C++ worker would.
    const auto cpp = testutil::runCli(args({"--headless", "--workers", "3", "--workload", "wave",
                                            "--elements", "10001", "--chunk", "97", "--partition"})
                                      << partition << QStringLiteral("--array-csv")
                                      << dir.filePath(QStringLiteral("cpp.csv")));
    QCOMPARE(cpp.exitCode, 0);
    QFile a(array), b(dir.filePath(QStringLiteral("cpp.csv")));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll()); // values, expected values and owners, byte for byte
}

void TestPythonWorker::mixedRun() {
    QTemporaryDir dir;
    const QString array = dir.filePath(QStringLiteral("array.csv"));
    const auto r =
        testutil::runCli(args({"--headless", "--json", "--workers", "4", "--elements", "40000",
                               "--worker-command-count", "2", "--worker-command"})
                         << m_command << QStringLiteral("--array-csv") << array);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("finished"));
    QCOMPARE(rep[QLatin1String("mismatches")].toInt(-1), 0);
    QCOMPARE(rep[QLatin1String("unwritten")].toInt(-1), 0);
    const QJsonArray workers = rep[QLatin1String("workers")].toArray();
    QCOMPARE(workers.size(), 4);
    for (int k = 0; k < 4; ++k)
        QCOMPARE(workers[k].toObject()[QLatin1String("program")].toString(),
                 k < 2 ? QStringLiteral("shmscope-worker") : m_command);
    // All four wrote their blocks: one picture of both languages.
    QFile f(array);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QSet<QByteArray> owners;
    for (const QByteArray& line : f.readAll().split('\n').mid(1))
        if (!line.isEmpty()) owners << line.split(',').last();
    QCOMPARE(owners, (QSet<QByteArray>{"0", "1", "2", "3"}));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestPythonWorker::refusesWhatItCannotDo_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("says");
    QTest::newRow("mutex") << args({"--sync", "mutex"}) << QStringLiteral("--sync mutex");
    QTest::newRow("spin") << args({"--sync", "spin"}) << QStringLiteral("--sync spin");
    QTest::newRow("dynamic") << args({"--partition", "dynamic"})
                             << QStringLiteral("--partition dynamic");
    QTest::newRow("guided") << args({"--partition", "guided"})
                            << QStringLiteral("--partition guided");
    QTest::newRow("histogram") << args({"--workload", "histogram"})
                               << QStringLiteral("--workload histogram");
    QTest::newRow("queue") << args({"--transport", "queue"}) << QStringLiteral("--transport queue");
}

void TestPythonWorker::refusesWhatItCannotDo() {
    QFETCH(QStringList, flags);
    QFETCH(QString, says);
    const auto r = testutil::runCli(args({"--headless", "--json", "--workers", "2", "--elements",
                                          "10000", "--worker-command-count", "1"})
                                    << flags << QStringLiteral("--worker-command") << m_command);
    QCOMPARE(r.exitCode, shm::exit_code::kRunFailed);
    const QJsonObject rep = report(r);
    QCOMPARE(rep[QLatin1String("status")].toString(), QStringLiteral("failed"));
    // Exactly one line from the Python worker (worker 1), naming the setting.
    const QStringList fromPython = errors(rep).filter(QStringLiteral("shmscope_worker.py"));
    QCOMPARE(fromPython.size(), 1);
    QVERIFY2(fromPython[0].startsWith(QStringLiteral("worker 1: shmscope_worker.py: ") + says),
             qPrintable(fromPython[0]));
    QCOMPARE(rep[QLatin1String("failure")].toString(),
             QStringLiteral("worker 1 failed with exit code 3"));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestPythonWorker::foreignSegmentExitsThree_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("says");
    QTest::newRow("too small") << QByteArray(100, 'x') << QStringLiteral("is too small");
    QByteArray wrongMagic(8192, '\0');
    wrongMagic.replace(0, 8, "NOTSHMSC");
    QTest::newRow("wrong magic") << wrongMagic << QStringLiteral("wrong magic");
    QByteArray oldVersion(8192, '\0');
    oldVersion.replace(0, 8, "SHMSCOPE");
    oldVersion[8] = 2; // layout version 2
    QTest::newRow("old layout") << oldVersion << QStringLiteral("layout version 2, expected 3");
}

void TestPythonWorker::foreignSegmentExitsThree() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, says);
    const QString name = testutil::segmentName(QStringLiteral("pyforeign"));
    QFile f(QStringLiteral("/dev/shm/") + name);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    const auto r =
        testutil::run(m_python, QStringList{kScript, QStringLiteral("--segment"), name,
                                            QStringLiteral("--worker"), QStringLiteral("0")});
    f.remove();
    QCOMPARE(r.exitCode, shm::exit_code::kRunFailed);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains(QLatin1Char('\n')) && err.contains(says), qPrintable(err));
}

// The lesson the worker's attach() is about: Python < 3.13 hands even an attached segment to
// its resource tracker, which unlinks it when the process exits. Our worker must leave the
// app's segment where it is, while a plain SharedMemory(name) attach (the control) does not.
void TestPythonWorker::segmentOutlivesThePythonWorker() {
    shm::ExperimentConfig cfg;
    cfg.workers = 1;
    cfg.elements = 5000;
    cfg.workload = shm::Workload::Sin;
    cfg.sync = shm::SyncMode::None;
    const QString name = testutil::segmentName(QStringLiteral("pyoutlive"));
    auto seg = shm::Segment::create(name.toStdString(), cfg);
    QProcess worker;
    worker.start(m_python, QStringList{kScript, QStringLiteral("--segment"), name,
                                       QStringLiteral("--worker"), QStringLiteral("0")});
    QVERIFY(worker.waitForStarted());
    QElapsedTimer t;
    t.start();
    while (seg->slot(0).state.load() != uint32_t(shm::WorkerState::AtBarrier) &&
           t.elapsed() < 20000)
        QThread::msleep(5);
    QCOMPARE(seg->slot(0).state.load(), uint32_t(shm::WorkerState::AtBarrier));
    QVERIFY(shmExists(name)); // attached, and still there
    seg->header().runState.store(uint32_t(shm::RunState::Running));
    QVERIFY(worker.waitForFinished(30000));
    QCOMPARE(worker.exitCode(), 0);
    QCOMPARE(worker.readAllStandardError(), QByteArray());
    QCOMPARE(seg->slot(0).processed.load(), uint64_t(5000));
    // A tracker unlinks right after its client exits: this checks that nothing happens, so a
    // sleep is the window to watch (a longer one on a slow machine only makes it stricter).
    QThread::msleep(300);
    QVERIFY(shmExists(name));

    // The control: the blog's attach, SharedMemory(name) and nothing else, loses the segment.
    const auto plain = testutil::run(
        m_python, QStringList{QStringLiteral("-c"),
                              QStringLiteral("from multiprocessing import shared_memory as s; "
                                             "m = s.SharedMemory(name='%1'); m.close()")
                                  .arg(name)});
    QCOMPARE(plain.exitCode, 0);
    for (int i = 0; i < 100 && shmExists(name); ++i)
        QThread::msleep(20);
    QVERIFY2(!shmExists(name), "a plain SharedMemory attach no longer unlinks at exit: the "
                               "comment in attach() is out of date");
    seg.reset(); // its unlink finds the name gone already
}

void TestPythonWorker::badCommandExitsTwo_data() {
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing program") << args({"--worker-command", "no-such-python3 x.py"})
                                     << QStringLiteral("'no-such-python3' is not an executable");
    QTest::newRow("missing script") << args({"--worker-command", "python3 /nonexistent/w.py"})
                                    << QStringLiteral("/nonexistent/w.py does not exist");
    QTest::newRow("count without command")
        << args({"--worker-command-count", "1"}) << QStringLiteral("goes with --worker-command");
    QTest::newRow("count above workers")
        << args({"--workers", "2", "--worker-command-count", "3", "--worker-command", "true"})
        << QStringLiteral("3 is more than the 2 workers");
    QTest::newRow("empty command")
        << args({"--worker-command", ""}) << QStringLiteral("--worker-command needs a command");
}

void TestPythonWorker::badCommandExitsTwo() {
    QFETCH(QStringList, flags);
    QFETCH(QString, says);
    const auto r = testutil::runCli(QStringList{QStringLiteral("--headless")} << flags);
    QCOMPARE(r.exitCode, shm::exit_code::kBadInput);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains(QLatin1Char('\n')) && err.contains(says), qPrintable(err));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

QTEST_GUILESS_MAIN(TestPythonWorker)
#include "tst_python_worker.moc"
