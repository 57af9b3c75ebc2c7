// Exit codes that tell the truth about the results: a result that could not be written (a full
// disk, /dev/full, a file that takes no writes, stdout on /dev/full) is exit 3 naming the path
// and the OS error, never exit 0; two outputs naming one file, and FIFOs as inputs or outputs,
// are refused before anything runs (exit 2, one line) instead of one overwriting the other or
// the app blocking for ever. /dev/stdout keeps working. Real runs of the shmscope binary.
#include "../test_util.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using testutil::args;
using testutil::runCli;

namespace {

// A small, quick headless run: its results are what the cases write.
QStringList quickRun() {
    return args({"--headless", "--workers", "2", "--elements", "2000"});
}

// shmscope with stdout sent to `path` (opened for writing here), like `shmscope ... > path`.
testutil::Result runWithStdoutTo(const QStringList& a, const QString& path) {
    QProcess p;
    p.setStandardOutputFile(path);
    p.start(testutil::shmscopePath(), a);
    testutil::Result r;
    if (!p.waitForStarted(10000)) return r;
    r.pid = p.processId();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.err = p.readAllStandardError();
    return r;
}

// Exit 3 (a result is missing), a line naming `path` and `osError`, nothing left in /dev/shm.
#define VERIFY_NOT_WRITTEN(r, path, osError)                                                       \
    do {                                                                                           \
        const QString err_ = QString::fromUtf8((r).err);                                           \
        QVERIFY2((r).status == QProcess::NormalExit, qPrintable(err_));                            \
        QVERIFY2((r).exitCode == shm::exit_code::kRunFailed,                                       \
                 qPrintable(QStringLiteral("exit %1: ").arg((r).exitCode) + err_));                \
        QVERIFY2(err_.contains(path), qPrintable(err_));                                           \
        QVERIFY2(err_.contains(QLatin1String(osError)), qPrintable(err_));                         \
        QVERIFY(testutil::shmEntries((r).pid).isEmpty());                                          \
    } while (false)

// Runs `a` in a child with its own mount namespace and a 4 KiB tmpfs over `dir` (a full disk
// that no other test sees). Root only; false (with the reason) where that cannot be done.
bool runOnTinyDisk(const QStringList& a, const QString& dir, testutil::Result* r, QString* why) {
    if (geteuid() != 0) {
        *why = QStringLiteral("needs root to mount a small tmpfs");
        return false;
    }
    const QByteArray where = QFile::encodeName(dir);
    QProcess p;
    p.setChildProcessModifier([where] {
        // Between fork and exec: system calls only.
        if (::unshare(CLONE_NEWNS) != 0 ||
            ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
            ::mount("tmpfs", where.constData(), "tmpfs", 0, "size=4k") != 0)
            ::_exit(77);
    });
    p.start(testutil::shmscopePath(), a);
    if (!p.waitForStarted(10000)) {
        *why = QStringLiteral("could not start shmscope");
        return false;
    }
    r->pid = p.processId();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    r->exitCode = p.exitCode();
    r->status = p.exitStatus();
    r->out = p.readAllStandardOutput();
    r->err = p.readAllStandardError();
    if (r->status == QProcess::NormalExit && r->exitCode == 77) {
        *why = QStringLiteral("no mount namespace or tmpfs here");
        return false;
    }
    return true;
}

} // namespace

class TestOutputs : public QObject {
    Q_OBJECT
  private slots:
    void resultFileThatTakesNoWrites_data();
    void resultFileThatTakesNoWrites();
    void reportToAFullStdout_data();
    void reportToAFullStdout();
    void resultFileOnAFullDisk();
    void screenshotOnAFullDisk_data();
    void screenshotOnAFullDisk();
    void sameFileForTwoOutputs_data();
    void sameFileForTwoOutputs();
    void fifosAreRefused_data();
    void fifosAreRefused();
    void devStdoutStillWorks();
    void devStdoutToAFile();
};

void TestOutputs::resultFileThatTakesNoWrites_data() {
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("osError");
    for (const char* flag : {"--csv", "--array-csv", "--trace"}) {
        QTest::addRow("%s /dev/full", flag)
            << QString::fromLatin1(flag) << QStringLiteral("/dev/full")
            << QStringLiteral("No space left on device");
        // Root may open it for writing; every write fails.
        if (geteuid() == 0)
            QTest::addRow("%s /proc/version", flag)
                << QString::fromLatin1(flag) << QStringLiteral("/proc/version")
                << QStringLiteral("Input/output error");
    }
}

// The run finishes, the result cannot be written: exit 3 with the path and the OS's reason.
void TestOutputs::resultFileThatTakesNoWrites() {
    QFETCH(QString, flag);
    QFETCH(QString, path);
    QFETCH(QString, osError);
    const auto r = runCli(quickRun() + QStringList{flag, path});
    VERIFY_NOT_WRITTEN(r, path, osError.toLatin1().constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(flag), r.err.constData());
}

void TestOutputs::reportToAFullStdout_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("--json") << args({"--json"});
    QTest::newRow("text") << QStringList();
}

// `shmscope --json > /dev/full`: the report is the result; it was not written.
void TestOutputs::reportToAFullStdout() {
    QFETCH(QStringList, extra);
    const auto r = runWithStdoutTo(quickRun() + extra, QStringLiteral("/dev/full"));
    VERIFY_NOT_WRITTEN(r, QStringLiteral("standard output"), "No space left on device");
}

// A result file on a disk that fills up: exit 3, not a file cut short behind exit 0.
void TestOutputs::resultFileOnAFullDisk() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("array.csv"));
    testutil::Result r;
    QString why;
    if (!runOnTinyDisk(quickRun() + QStringList{QStringLiteral("--array-csv"), csv}, dir.path(), &r,
                       &why))
        QSKIP(qPrintable(why));
    VERIFY_NOT_WRITTEN(r, csv, "No space left on device");
}

void TestOutputs::screenshotOnAFullDisk_data() {
    QTest::addColumn<QString>("name");
    for (const char* name : {"shot.png", "shot.svg", "shot.pdf"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// --screenshot to a full disk: exit 3 naming the file and the reason (an SVG or PDF small
// enough for the file's buffer used to "succeed" with an empty file).
void TestOutputs::screenshotOnAFullDisk() {
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString shot = dir.filePath(name);
    testutil::Result r;
    QString why;
    if (!runOnTinyDisk(args({"--screenshot"}) + QStringList{shot} + args({"--no-run"}), dir.path(),
                       &r, &why))
        QSKIP(qPrintable(why));
    if (r.exitCode == shm::exit_code::kBadInput && r.err.contains("built without the window"))
        QSKIP("built without the window: no --screenshot");
    VERIFY_NOT_WRITTEN(r, shot, "No space left on device");
}

void TestOutputs::sameFileForTwoOutputs_data() {
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("spelledTheSame"); // else via "./" and a symbolic link
    for (const auto& [a, b] :
         {std::pair{"--csv", "--array-csv"}, std::pair{"--csv", "--trace"},
          std::pair{"--array-csv", "--trace"}, std::pair{"--trace", "--record"}}) {
        QTest::addRow("%s %s", a, b) << QString::fromLatin1(a) << QString::fromLatin1(b) << true;
        QTest::addRow("%s %s, another name", a, b)
            << QString::fromLatin1(a) << QString::fromLatin1(b) << false;
    }
}

// `--csv X --array-csv X` wrote one over the other; refused up front, nothing created.
void TestOutputs::sameFileForTwoOutputs() {
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, spelledTheSame);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QString other = path;
    if (!spelledTheSame) {
        // An existing file under a second name: a symbolic link to it.
        QVERIFY(testutil::writeFile(path, "keep\n"));
        other = dir.filePath(QStringLiteral("link.csv"));
        QVERIFY(QFile::link(path, other));
    }
    const auto r = runCli(quickRun() + QStringList{first, path, second, other});
    SHMSCOPE_VERIFY_REFUSED(r, QStringLiteral("%1 and %2 name the same file").arg(first, second));
    if (!spelledTheSame) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep\n")); // untouched
    } else {
        QVERIFY(!QFile::exists(path));
    }
}

void TestOutputs::fifosAreRefused_data() {
    QTest::addColumn<QString>("flag");
    for (const char* flag : {"--csv", "--array-csv", "--trace", "--compare-with", "--record"})
        QTest::newRow(flag) << QString::fromLatin1(flag);
}

// A FIFO nobody reads (or writes) blocked the app for ever; refused at once, exit 2.
void TestOutputs::fifosAreRefused() {
    QFETCH(QString, flag);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("results.fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QElapsedTimer took;
    took.start();
    const auto r = runCli(quickRun() + QStringList{flag, fifo}, 30000); // a hang is killed
    SHMSCOPE_VERIFY_REFUSED(r, flag + QLatin1Char(' ') + fifo + QStringLiteral(": is a FIFO"));
    qInfo("%s on a FIFO refused in %lld ms", qPrintable(flag), took.elapsed());
}

// The app's own stdout stays a valid output (here a pipe, as in `shmscope ... | tool`).
void TestOutputs::devStdoutStillWorks() {
    const auto r = runCli(quickRun() + args({"--json", "--csv", "/dev/stdout"}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> parts = r.out.split('\n');
    QVERIFY(!parts.isEmpty());
    QVERIFY2(QJsonDocument::fromJson(parts.first()).isObject(), r.out.left(300).constData());
    QVERIFY2(r.out.contains("\nid,pid,state,"), r.out.right(300).constData()); // the CSV header
}

// `shmscope --json --csv /dev/stdout > FILE`: the report, then the CSV after it (a second
// description of the file started at 0 and wrote one over the other).
void TestOutputs::devStdoutToAFile() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.txt"));
    const auto r = runWithStdoutTo(quickRun() + args({"--json", "--csv", "/dev/stdout"}), out);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    const qsizetype newline = all.indexOf('\n');
    QVERIFY2(newline > 0 && QJsonDocument::fromJson(all.left(newline)).isObject(),
             all.left(300).constData());
    QVERIFY2(all.mid(newline + 1).startsWith("id,pid,state,"), all.left(300).constData());
}

QTEST_GUILESS_MAIN(TestOutputs)
#include "tst_outputs.moc"
