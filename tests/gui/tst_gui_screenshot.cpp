// `shmscope --screenshot` as a user runs it: a real process, offscreen, each view, exact size;
// and bad flags exit 2 without touching /dev/shm.
#include "../test_util.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Result {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    qint64 pid = 0;
    QByteArray err;
    QByteArray out;
};

Result runShmscope(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(testutil::shmscopePath(), args);
    Result r;
    if (!p.waitForStarted()) return r;
    r.pid = p.processId();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.err = p.readAllStandardError();
    r.out = p.readAllStandardOutput();
    return r;
}
} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
  private slots:
    void eachViewAtTheRequestedSize_data();
    void eachViewAtTheRequestedSize();
    void atMsStopsTheRunEarly();
    void warningsPrintedOnceThroughTheWindowProgram();
    void benchFramesEndsWithRunsShorterThanAFrame();
    void lessonScreenshotAfterItsRuns();
    void noRunShowsTheFirstWindow();
    void sweepViewAfterItsRuns();
    void badFlagsExitTwo_data();
    void badFlagsExitTwo();
};

void TestScreenshot::eachViewAtTheRequestedSize_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QSize>("size");
    QTest::newRow("window default size") << QStringLiteral("window") << QSize(1600, 1000);
    QTest::newRow("window small") << QStringLiteral("window") << QSize(1024, 700);
    QTest::newRow("progress") << QStringLiteral("progress") << QSize(800, 300);
    QTest::newRow("array") << QStringLiteral("array") << QSize(900, 500);
    QTest::newRow("contention") << QStringLiteral("contention") << QSize(1000, 640);
}

void TestScreenshot::eachViewAtTheRequestedSize() {
    QFETCH(QString, view);
    QFETCH(QSize, size);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shot.png"));
    QStringList args{QStringLiteral("--workers"),    QStringLiteral("4"),
                     QStringLiteral("--elements"),   QStringLiteral("20000"),
                     QStringLiteral("--sync"),       QStringLiteral("mutex"),
                     QStringLiteral("--screenshot"), out,
                     QStringLiteral("--view"),       view};
    if (size != QSize(1600, 1000))
        args << QStringLiteral("--size")
             << QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
    const Result r = runShmscope(args);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QImage img(out);
    QVERIFY(!img.isNull());
    QCOMPARE(img.size(), size);
    // The widget itself had that size (a larger minimum would have been scaled into the PNG).
    const QByteArray expected =
        QStringLiteral("rendered at %1x%2 ").arg(size.width()).arg(size.height()).toUtf8();
    QVERIFY2(r.out.contains(expected), r.out.constData());
    // Something was drawn: a view lifted out of the window once rendered as a blank page.
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7)
            colours.insert(img.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QStringLiteral("%1 colours").arg(colours.size())));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestScreenshot::atMsStopsTheRunEarly() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("early.png"));
    // 10^5 elements at 2 ms each would take minutes; --at-ms ends it after a moment.
    const Result r =
        runShmscope({QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--elements"),
                     QStringLiteral("100000"), QStringLiteral("--delay-us"), QStringLiteral("2000"),
                     QStringLiteral("--at-ms"), QStringLiteral("400"), QStringLiteral("--view"),
                     QStringLiteral("array"), QStringLiteral("--size"), QStringLiteral("640x400"),
                     QStringLiteral("--screenshot"), out},
                    60000);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QCOMPARE(QImage(out).size(), QSize(640, 400));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// shmscope parses, warns and execs shmscope-gui, which parses again: the warning is printed
// once (the variable that says so is not left for the workers either).
void TestScreenshot::warningsPrintedOnceThroughTheWindowProgram() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("warned.png"));
    const Result r =
        runShmscope({QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--workers"),
                     QStringLiteral("2"), QStringLiteral("--elements"), QStringLiteral("1000"),
                     QStringLiteral("--view"), QStringLiteral("array"), QStringLiteral("--size"),
                     QStringLiteral("640x400"), QStringLiteral("--screenshot"), out});
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QCOMPARE(r.err.count("shmscope: warning: --workers given more than once"), 1);
    QCOMPARE(QImage(out).size(), QSize(640, 400));
}

// Each 1000-element run is over before the next frame: every run still counts its final frame,
// so the bench ends (it used to start runs for ever).
void TestScreenshot::benchFramesEndsWithRunsShorterThanAFrame() {
    const testutil::Result r = testutil::run(testutil::shmscopePath(),
                                             {QStringLiteral("--bench-frames"), QStringLiteral("5"),
                                              QStringLiteral("--elements"), QStringLiteral("1000"),
                                              QStringLiteral("--workers"), QStringLiteral("1")},
                                             60000);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// --lesson ID --screenshot: both runs, then the window with the Lessons panel in front.
void TestScreenshot::lessonScreenshotAfterItsRuns() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("lesson.png"));
    const Result r = runShmscope({QStringLiteral("--lesson"), QStringLiteral("seed-split"),
                                  QStringLiteral("--size"), QStringLiteral("1024x700"),
                                  QStringLiteral("--screenshot"), out},
                                 60000);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("lesson seed-split (seen)"), r.out.constData());
    const QImage img(out);
    QCOMPARE(img.size(), QSize(1024, 700));
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7)
            colours.insert(img.pixel(x, y));
    QVERIFY(colours.size() > 20); // a drawn window, not a blank frame
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// --no-run: the first window, the welcome page in front, no worker started, nothing left.
void TestScreenshot::noRunShowsTheFirstWindow() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("first.png"));
    const Result r = runShmscope({QStringLiteral("--no-run"), QStringLiteral("--size"),
                                  QStringLiteral("1024x700"), QStringLiteral("--screenshot"), out},
                                 30000);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("before any run"), r.out.constData());
    QCOMPARE(QImage(out).size(), QSize(1024, 700));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

// --sweep with --screenshot --view sweep: the sweep's runs through the window, then its view.
void TestScreenshot::sweepViewAfterItsRuns() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sweep.png"));
    const Result r = runShmscope(
        {QStringLiteral("--sweep"), QStringLiteral("workers=1,2"), QStringLiteral("--repeat"),
         QStringLiteral("1"), QStringLiteral("--elements"), QStringLiteral("20000"),
         QStringLiteral("--view"), QStringLiteral("sweep"), QStringLiteral("--size"),
         QStringLiteral("900x600"), QStringLiteral("--screenshot"), out},
        60000);
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("sweep of 2 runs (2 finished)"), r.out.constData());
    const QImage img(out);
    QCOMPARE(img.size(), QSize(900, 600));
    QSet<QRgb> colours; // a drawn view, not a blank page (a hidden stacked page once was)
    for (int y = 0; y < img.height(); y += 5)
        for (int x = 0; x < img.width(); x += 5)
            colours.insert(img.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestScreenshot::badFlagsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown view") << QStringList{QStringLiteral("--screenshot"),
                                                 QStringLiteral("x.png"), QStringLiteral("--view"),
                                                 QStringLiteral("everything")};
    QTest::newRow("size too small")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("x.png"),
                       QStringLiteral("--size"), QStringLiteral("10x10")};
    QTest::newRow("size not WxH") << QStringList{QStringLiteral("--screenshot"),
                                                 QStringLiteral("x.png"), QStringLiteral("--size"),
                                                 QStringLiteral("big")};
    QTest::newRow("no output name") << QStringList{QStringLiteral("--screenshot")};
    QTest::newRow("zoom too large")
        << QStringList{QStringLiteral("--zoom"), QStringLiteral("5"),
                       QStringLiteral("--screenshot"), QStringLiteral("x.png")};
    QTest::newRow("zoom not a number")
        << QStringList{QStringLiteral("--zoom"), QStringLiteral("big"),
                       QStringLiteral("--screenshot"), QStringLiteral("x.png")};
    QTest::newRow("zero workers") << QStringList{QStringLiteral("--workers"), QStringLiteral("0"),
                                                 QStringLiteral("--screenshot"),
                                                 QStringLiteral("x.png")};
    QTest::newRow("not a .png name")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("shot.jpg")};
    QTest::newRow("directory missing") << QStringList{
        QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-shmscope-dir/sub/shot.png")};
    QTest::newRow("directory not writable")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/proc/shot.png")};
    QTest::newRow("window below its minimum")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/tmp/shmscope-min.png"),
                       QStringLiteral("--size"), QStringLiteral("320x240")};
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--frobnicate")};
    QTest::newRow("negative at-ms") << QStringList{QStringLiteral("--at-ms"), QStringLiteral("-5")};
    QTest::newRow("no-run without screenshot") << QStringList{QStringLiteral("--no-run")};
    QTest::newRow("sweep view without a sweep")
        << QStringList{QStringLiteral("--view"), QStringLiteral("sweep"),
                       QStringLiteral("--screenshot"), QStringLiteral("x.png")};
}

void TestScreenshot::badFlagsExitTwo() {
    QFETCH(QStringList, args);
    const Result r = runShmscope(args, 30000);
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    const QByteArray tag = QTest::currentDataTag();
    if (tag.contains("png") || tag.contains("directory") || tag.contains("minimum")) {
        // One line of ours (Qt may add its own warnings), and nothing was run.
        QCOMPARE(r.err.count("shmscope:"), 1);
        QVERIFY2(r.err.contains(tag.contains("minimum") ? "minimum" : "--screenshot"),
                 r.err.constData());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/shmscope-min.png")));
    }
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_gui_screenshot.moc"
