// What leaves the window, from real runs: every view as SVG with its text as text (File >
// Export and --screenshot OUT.svg), File > Export Results (the workers table, the array, the
// lock events as CSV; a Perfetto trace), and Python workers beside shmscope-worker ones in one
// run and one table.
#include "../test_util.h"
#include "analysis/csv_export.h"
#include "gui/main_window.h"
#include "gui/models/lock_events_model.h"
#include "gui/models/progress_model.h"
#include "gui/view_export.h"
#include "segment/segment.h"
#include "window_test_util.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

class TestGuiExports : public QObject {
    Q_OBJECT
  private slots:
    void svgOfEveryViewKeepsTextAsText_data();
    void svgOfEveryViewKeepsTextAsText();
    void screenshotSvgFromTheCommandLine();
    void resultsFromTheWindow();
    void nothingToExportBeforeARunEnds();
    void pythonWorkersInTheWindow();
};

namespace {
std::unique_ptr<MainWindow> makeWindow(const QString& tag, const shm::ExperimentConfig& cfg,
                                       const WorkerCommand& command = {}) {
    auto w = testutil::newWindow(tag, cfg, command);
    w->resize(1280, 800);
    w->show();
    return w;
}

using testutil::runToEnd;

shm::ExperimentConfig mutexRun() {
    return {.workers = 4, .elements = 20000, .sync = shm::SyncMode::Mutex};
}

// The SVG's <text> contents and its largest <image>; parsed = false on a parse error.
struct SvgContent {
    bool parsed = false;
    QStringList texts;
    int largestImage = 0; // in px²: style pixmaps (a button's face) are small, a plot is not
};
SvgContent readSvg(const QString& path) {
    QFile f(path);
    SvgContent c;
    if (!f.open(QIODevice::ReadOnly)) return c;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("text"))
            c.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        else if (xml.name() == QLatin1String("image"))
            c.largestImage = std::max(c.largestImage,
                                      xml.attributes().value(QLatin1String("width")).toInt() *
                                          xml.attributes().value(QLatin1String("height")).toInt());
    }
    c.parsed = !xml.hasError();
    return c;
}

} // namespace

void TestGuiExports::svgOfEveryViewKeepsTextAsText_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("mustSay"); // a label only text, not a picture of it, can hold
    QTest::newRow("window") << QStringLiteral("window") << QStringLiteral("Workers");
    QTest::newRow("progress") << QStringLiteral("progress") << QStringLiteral("Progress");
    QTest::newRow("array") << QStringLiteral("array") << QStringLiteral("element index");
    QTest::newRow("contention") << QStringLiteral("contention") << QStringLiteral("Wait times");
}

void TestGuiExports::svgOfEveryViewKeepsTextAsText() {
    QFETCH(QString, view);
    QFETCH(QString, mustSay);
    auto w = makeWindow(QStringLiteral("svg") + view, mutexRun());
    QVERIFY(runToEnd(*w));
    QTemporaryDir dir;
    const QString path = dir.filePath(view + QStringLiteral(".svg"));
    QString err;
    QVERIFY2(view_export::save(w->viewWidget(view), nullptr, path, {}, &err), qPrintable(err));
    const SvgContent svg = readSvg(path);
    QVERIFY(svg.parsed);
    QVERIFY2(svg.texts.contains(mustSay), qPrintable(svg.texts.join(QLatin1Char('|'))));
    QVERIFY(svg.texts.size() >= 10);
    // Plots are drawn as vectors, not as the widget's cached pixmaps: their labels are text,
    // and no image is the size of a plot (a button's face may be a pixmap; in the whole
    // window so are the settings' group-box frames).
    QVERIFY(svg.texts.contains(QStringLiteral("element index")) || view != QLatin1String("window"));
    if (view != QLatin1String("window")) {
        // The bound is a share of the view, not pixels: the largest image is one cell's style
        // pixmap, a progress bar as wide as its column, whose width follows the font (3888 px²
        // here in a 581x171 view, 4032 px² with another VM's fonts against a fixed 4000). A
        // plot or the table drawn as a picture covers most of its view: a tenth of the view
        // passes any one cell and fails any plot.
        const QWidget* v = w->viewWidget(view);
        const int area = v->width() * v->height();
        const QString figures = QStringLiteral("largest image %1 px² in a %2x%3 view")
                                    .arg(svg.largestImage)
                                    .arg(v->width())
                                    .arg(v->height());
        qInfo("%s", qPrintable(figures));
        QVERIFY2(svg.largestImage * 10 < area, qPrintable(figures));
    }
}

void TestGuiExports::screenshotSvgFromTheCommandLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.svg"));
    const auto r = testutil::runCli(QStringList{QStringLiteral("--screenshot"), path} +
                                    testutil::args({"--view", "array", "--size", "800x500",
                                                    "--workers", "2", "--elements", "5000"}));
    QCOMPARE(r.exitCode, 0);
    const SvgContent svg = readSvg(path);
    QVERIFY(svg.parsed);
    QVERIFY2(svg.texts.contains(QStringLiteral("value")), qPrintable(svg.texts.join(u'|')));
    QVERIFY(testutil::shmEntries(r.pid).isEmpty());
}

void TestGuiExports::resultsFromTheWindow() {
    auto w = makeWindow(QStringLiteral("results"), mutexRun());
    QVERIFY(runToEnd(*w));
    const shm::RunReport& report = w->controller().report();
    QCOMPARE(report.status, shm::RunStatus::Finished);
    QTemporaryDir dir;
    QString err;
    auto write = [&](MainWindow::ResultFile kind, const char* name) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        if (!w->writeResults(kind, path, &err)) qWarning() << err;
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    // The table: the same text --csv writes for this run.
    QCOMPARE(write(MainWindow::ResultFile::WorkersCsv, "w.csv"),
             QByteArray::fromStdString(shm::workersCsv(report)));
    // The array: every element, verified.
    const QList<QByteArray> array = write(MainWindow::ResultFile::ArrayCsv, "a.csv").split('\n');
    QCOMPARE(array.size(), 20000 + 2); // header, rows, the empty piece after the last newline
    for (int i = 1; i <= 20000; i += 997) {
        const QList<QByteArray> c = array[i].split(',');
        QCOMPARE(c[1], c[2]);
    }
    // Lock events: every hold the window kept (none trimmed at this size; a worker's holds
    // with nobody else's in between are one interval), and the holds of the one mutex never
    // overlap in time.
    const QList<QByteArray> events =
        write(MainWindow::ResultFile::LockEventsCsv, "l.csv").trimmed().split('\n');
    QCOMPARE(events[0], QByteArray("worker,lock,kind,begin_ns,end_ns,duration_ns"));
    quint64 holds = 0, lastEnd = 0;
    for (const QByteArray& line : events.mid(1)) {
        const QList<QByteArray> c = line.split(',');
        QCOMPARE(c.size(), 6);
        if (c[2] != "hold") continue;
        ++holds;
        QVERIFY2(c[3].toULongLong() >= lastEnd, line.constData());
        lastEnd = c[4].toULongLong();
    }
    // Less those cut to nothing (their measured ends overlapped both neighbours'): they cover
    // no time and the file leaves them out.
    const shm::LockActivity& activity = w->lockEventsModel()->activity();
    quint64 empty = 0;
    for (uint32_t k = 0; k < activity.workers(); ++k)
        for (const shm::LockInterval& iv : activity.holds(k))
            empty += iv.endNs == iv.beginNs;
    QCOMPARE(holds, activity.counts().holds - empty);
    QCOMPARE(activity.counts().trimmed, 0u);
    QVERIFY(holds > 0 && holds <= report.lock.acquisitions);
    // The trace: one process per worker named with its real pid.
    const QJsonObject trace =
        QJsonDocument::fromJson(write(MainWindow::ResultFile::Trace, "t.json")).object();
    QCOMPARE(trace[QLatin1String("displayTimeUnit")].toString(), QStringLiteral("ns"));
    QSet<QString> names;
    int counters = 0;
    for (const auto& v : trace[QLatin1String("traceEvents")].toArray()) {
        const QJsonObject e = v.toObject();
        if (e[QLatin1String("ph")].toString() == QLatin1String("C")) ++counters;
        if (e[QLatin1String("name")].toString() == QLatin1String("process_name"))
            names << e[QLatin1String("args")].toObject()[QLatin1String("name")].toString();
    }
    for (const shm::WorkerReport& wr : report.workers)
        QVERIFY(names.contains(QStringLiteral("w%1 (pid %2)").arg(wr.id).arg(wr.pid)));
    QVERIFY(counters > 0); // progress, from the frames the window drew
}

void TestGuiExports::nothingToExportBeforeARunEnds() {
    auto w = makeWindow(QStringLiteral("early"), mutexRun());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.csv"));
    QString err;
    QVERIFY(!w->writeResults(MainWindow::ResultFile::WorkersCsv, path, &err));
    QVERIFY2(err.contains(QStringLiteral("No run yet")), qPrintable(err));
    QVERIFY(!QFile::exists(path));
    // A run without a lock has no lock events to write: said, not an empty file.
    auto none = makeWindow(QStringLiteral("nolock"),
                           {.workers = 2, .elements = 5000, .sync = shm::SyncMode::None});
    QVERIFY(runToEnd(*none));
    QVERIFY(!none->writeResults(MainWindow::ResultFile::LockEventsCsv, path, &err));
    QVERIFY2(err.contains(QStringLiteral("no lock events")), qPrintable(err));
    QVERIFY(!QFile::exists(path));
}

void TestGuiExports::pythonWorkersInTheWindow() {
    const QString py = testutil::pythonWithNumpy();
    if (py.isEmpty()) QSKIP("no python3 with numpy here (apt-get install python3-numpy)");
    WorkerCommand command;
    QString err;
    QVERIFY2(parseWorkerCommand(
                 QStringLiteral("\"%1\" \"%2\"").arg(py, QStringLiteral(SHMSCOPE_PYTHON_WORKER)),
                 &command)
                 .isEmpty(),
             "the Python worker's command");
    command.count = 2;
    auto w = makeWindow(QStringLiteral("python"),
                        {.workers = 4, .elements = 8000, .workload = shm::Workload::Sin}, command);
    QVERIFY(runToEnd(*w));
    const shm::RunReport& report = w->controller().report();
    QCOMPARE(report.status, shm::RunStatus::Finished);
    QCOMPARE(report.mismatches, 0u);
    QCOMPARE(report.unwritten, 0u);
    ProgressModel* m = w->progressModel();
    for (int k = 0; k < 4; ++k) {
        const QModelIndex cell = m->index(k, ProgressModel::WorkerCol);
        QCOMPARE(cell.data().toString(),
                 k < 2 ? QStringLiteral("w%1").arg(k) : QStringLiteral("w%1 · py").arg(k));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Started as:")),
                 k >= 2);
        QCOMPARE(report.workers[size_t(k)].external, k >= 2);
    }
}

QTEST_MAIN(TestGuiExports)
#include "tst_gui_exports.moc"
