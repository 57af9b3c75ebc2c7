// The recording file: a hand-built recording goes through SQLite and comes back equal, field
// by field; streamed writing gives the same file content as writing it whole; the report is
// rebuilt to the stored JSON; the documented example queries give the expected figures; every
// kind of bad file gives one line naming it; a full disk keeps what was committed; reading a
// read-only file changes nothing.
#include "analysis/report.h"
#include "record/recorded_run.h"
#include "record/recording_file.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sys/stat.h>

using namespace shm;

namespace {

constexpr uint64_t kSec = 1'000'000'000;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

WorkerRecord workerAt(uint32_t id, uint64_t release, uint64_t processed, WorkerState state) {
    WorkerRecord w;
    w.id = id;
    w.pid = 4000 + id;
    w.state = state;
    w.processed = processed;
    w.assigned = 1000;
    w.heartbeatNs = release + processed * 1000;
    w.startNs = release + 10'000;
    w.cpuNs = processed * 900;
    return w;
}

// A run: `workers` workers with samples from before the barrier to the end, a final snapshot
// and its real report, and (locked runs) hold and wait intervals.
RecordedRun makeRun(const std::string& label, int group, ExperimentConfig cfg, uint64_t release,
                    bool full) {
    RecordedRun r;
    r.label = label;
    r.groupIndex = group;
    r.config = cfg;
    r.releaseNs = release;
    r.endNs = release + 2 * kSec;
    const uint32_t n = cfg.workers;
    r.samples.resize(n);
    r.intervals.resize(n);
    for (uint32_t w = 0; w < n; ++w) {
        WorkerSample before{release - 3'000'000, workerAt(w, release, 0, WorkerState::AtBarrier)};
        before.record.startNs = 0; // not passed the barrier yet: stored as NULL
        before.record.heartbeatNs = release - 3'000'000;
        r.samples[w].push_back(before);
        for (uint64_t k = 1; k <= 5; ++k)
            r.samples[w].push_back(
                {release + k * 100'000'000, workerAt(w, release, k * 200, WorkerState::Running)});
        if (cfg.usesLock()) {
            // worker w holds at 10 ms * (2i + w) for 1.25 ms * (i + 1), waits before it
            for (uint64_t i = 0; i < 4; ++i) {
                const uint64_t t = release + (2 * i + w) * 10'000'000;
                r.intervals[w].waits.push_back({t, t + (i + 1) * 1'250'000, 0});
                r.intervals[w].holds.push_back(
                    {t + (i + 1) * 1'250'000, t + (i + 1) * 2'500'000, uint32_t(i % 2)});
            }
        }
    }
    if (cfg.usesLock()) {
        r.intervals[0].openHold = LockInterval{release + kSec, r.endNs, 1};
        r.intervals[1].openWait = LockInterval{release + kSec + 500, r.endNs, 1};
    }
    r.runSamples.push_back({release - 3'000'000, Phase::Starting, 0, 0, false, false, false, {}});
    RunSample running{release + 100'000'000, Phase::Running, 0, 17, false, false, false, {}};
    running.queue = {true, 10, 800, 2, 5, 64, 0};
    r.runSamples.push_back(running);
    running.atNs = release + 2 * kSec;
    running.ended = true;
    running.queue.drainedNs = release + 2 * kSec - 5;
    r.runSamples.push_back(running);
    for (uint64_t k = 0; k < 3; ++k) {
        ArrayFrame f;
        f.atNs = release + k * 100'000'000;
        f.count = full ? cfg.dataCount() : cfg.dataCount();
        if (full) {
            f.values.assign(f.count, std::nan(""));
            f.owners.assign(f.count, uint8_t(n));
            for (uint64_t i = 0; i < f.count * k / 3; ++i) {
                f.values[i] = double(i) * 0.5 - 3;
                f.owners[i] = uint8_t(i % n);
            }
        } else {
            for (int c = 0; c < kFrameColumns; ++c) {
                DecimatedColumn col;
                col.begin = f.count * c / kFrameColumns;
                col.end = f.count * (c + 1) / kFrameColumns;
                col.min = -1.0 / (c + 1);
                col.max = std::sqrt(double(c) + k);
                col.written = (col.end - col.begin) * k / 2;
                col.mismatches = c % 7 == 0 ? k : 0;
                col.dominantOwner = uint32_t(c) % (n + 1);
                col.scanned = c % 3 != 0;
                f.columns.push_back(col);
            }
        }
        r.frames.push_back(std::move(f));
    }
    r.marks = {{release - 1'000'000, MarkKind::Phase, -1, "starting"},
               {release + 400'000'000, MarkKind::Fault, 1, "worker 1 killed (signal 9)"},
               {release + 450'000'000, MarkKind::Recovery, 0, "recovered by worker 0"},
               {release + 2 * kSec, MarkKind::Exit, 0, "done"}};
    r.droppedEvents = 3;
    r.trimmedIntervals = 2;

    RunSnapshot& f = r.final;
    f.phase = Phase::Finished;
    f.config = cfg;
    f.nowNs = r.endNs;
    f.releaseNs = release;
    f.pausedNs = 1234;
    f.ended = true;
    f.cursor = 99;
    f.queue = running.queue;
    for (uint32_t w = 0; w < n; ++w) {
        WorkerRecord rec = workerAt(w, release, 1000, WorkerState::Done);
        rec.doneNs = release + kSec + w * 1000;
        rec.exitNs = rec.doneNs + 200;
        rec.exited = true;
        rec.exitCode = 0;
        rec.host = w == 1 ? "node7" : "";
        rec.hostIndex = w;
        rec.recoveredBy = w == 1 ? 0 : -1;
        rec.recoveredAtNs = w == 1 ? release + 450'000'000 : 0;
        if (cfg.usesLock()) rec.lock = {1000 + w, 300, 5'000'000, 7'000'000, 250'000};
        rec.droppedEvents = w;
        f.workers.push_back(rec);
    }
    r.verified = {3, 1, cfg.workload == Workload::Histogram ? 42 : 0, std::nullopt};
    // The picture's figure has no column: the reader takes it back from the stored report.
    if (cfg.workload != Workload::Histogram) r.verified.lag1Autocorrelation = 0.540302306;
    r.meta.version = "0.9-test";
    r.meta.segmentName = "shmscope-1-" + label;
    r.meta.segmentBytes = 1 << 20;
    r.meta.segmentRemoved = true;
    r.meta.wallSeconds = 2.25;
    r.meta.fault = {true, 400.5};
    r.meta.errors = {"worker 1 crashed", "second \"error\"\nwith a newline"};
    r.meta.mpiLauncherSeconds = 0.125;
    // The machine's figures have no columns: they come back from the stored report.
    r.meta.machine.probedAt = "2026-12-06T17:59:00Z";
    r.meta.machine.cores = 2;
    r.meta.machine.parallelCores = 1.937;
    r.meta.machine.lineCostRatio = 1.124;
    r.meta.machine.lineOverlap = 0.418;
    r.meta.machine.shmHugepages = false;
    if (cfg.workload == Workload::Histogram) { // the collisions tables, every column
        CollisionReport& c = r.meta.collisions;
        c.logged = true;
        c.logBytes = 4096;
        c.updates = 100;
        c.explained = 3;
        c.overwritten = 2;
        c.rolledBack = 1;
        c.sameReadPairs = 4;
        c.clockSlackNs = 12000;
        c.reasons = {{"half_done", "one update was cut short", 1}};
        c.unexplained = 1;
    }
    r.report = buildReport(f, r.verified, r.meta);
    r.reportJson = toJson(r.report);
    r.complete = true;
    return r;
}

Recording makeRecording() {
    Recording rec;
    rec.info = {"0.9-test", "testhost", 8, "2026-12-06T18:00:00Z", kRecordingSchemaVersion};
    rec.groups = {{"lesson", "lost-updates", R"({"id":"lost-updates","runs":3})"}, {"run", "", ""}};
    ExperimentConfig a;
    a.workers = 2;
    a.workload = Workload::Histogram;
    a.bins = 64;
    a.sync = SyncMode::Mutex;
    a.killWorker = 1;
    a.killAtMs = 400;
    rec.runs.push_back(makeRun("A", 0, a, 50 * kSec, true));
    ExperimentConfig b;
    b.workers = 3;
    b.workload = Workload::Sin;
    b.elements = 100'000; // beyond kFullFrameMax: decimated frames
    b.sync = SyncMode::Atomic;
    b.partition = Partition::Dynamic;
    rec.runs.push_back(makeRun("B", 0, b, 60 * kSec, false));
    // C was cut short: no report, no final snapshot.
    ExperimentConfig c;
    c.workers = 2;
    c.sync = SyncMode::Striped;
    RecordedRun cut = makeRun("run 3", 1, c, 70 * kSec, false);
    cut.final = RunSnapshot();
    cut.final.config = c;
    cut.report = RunReport();
    cut.reportJson.clear();
    cut.verified = {};
    cut.meta = {};
    for (WorkerIntervals& wi : cut.intervals)
        wi.openHold = wi.openWait = std::nullopt;
    cut.complete = false;
    rec.runs.push_back(std::move(cut));
    return rec;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

void compareRuns(const RecordedRun& got, const RecordedRun& want) {
    QCOMPARE(q(got.label), q(want.label));
    QCOMPARE(got.groupIndex, want.groupIndex);
    QVERIFY(got.config == want.config);
    QCOMPARE(got.releaseNs, want.releaseNs);
    QCOMPARE(got.endNs, want.endNs);
    QCOMPARE(q(got.reportJson), q(want.reportJson));
    QCOMPARE(q(toJson(got.report)), q(toJson(want.report)));
    if (!got.reportJson.empty()) QCOMPARE(q(toJson(got.report)), q(got.reportJson));
    QVERIFY(got.verified == want.verified);
    QVERIFY(got.meta == want.meta);
    const RunSnapshot &g = got.final, &w = want.final;
    QCOMPARE(int(g.phase), int(w.phase));
    QVERIFY(g.config == w.config);
    QCOMPARE(g.nowNs, w.nowNs);
    QCOMPARE(g.releaseNs, w.releaseNs);
    QCOMPARE(g.pausedNs, w.pausedNs);
    QCOMPARE(g.stopRequested, w.stopRequested);
    QCOMPARE(g.failed, w.failed);
    QCOMPARE(g.ended, w.ended);
    QCOMPARE(g.cursor, w.cursor);
    QVERIFY(g.queue == w.queue);
    QVERIFY(g.workers == w.workers);
    QCOMPARE(got.samples.size(), want.samples.size());
    for (size_t k = 0; k < want.samples.size(); ++k)
        QVERIFY2(got.samples[k] == want.samples[k], qPrintable(QStringLiteral("worker %1").arg(k)));
    QVERIFY(got.runSamples == want.runSamples);
    QVERIFY(got.intervals == want.intervals);
    QCOMPARE(got.frames.size(), want.frames.size());
    for (size_t k = 0; k < want.frames.size(); ++k) {
        const ArrayFrame &a = got.frames[k], &b = want.frames[k];
        QCOMPARE(a.atNs, b.atNs);
        QCOMPARE(a.count, b.count);
        QVERIFY(sameBits(a.values, b.values)); // NaN (unwritten) != NaN: compare bits
        QVERIFY(a.owners == b.owners);
        QVERIFY(a.columns == b.columns);
        QCOMPARE(a.full(), b.full());
    }
    QVERIFY(got.marks == want.marks);
    QCOMPARE(got.droppedEvents, want.droppedEvents);
    QCOMPARE(got.trimmedIntervals, want.trimmedIntervals);
    QCOMPARE(got.complete, want.complete);
}

void compareRecordings(const Recording& got, const Recording& want) {
    QVERIFY(got.info == want.info);
    QVERIFY(got.groups == want.groups);
    QCOMPARE(got.runs.size(), want.runs.size());
    for (size_t k = 0; k < want.runs.size(); ++k) {
        compareRuns(got.runs[k], want.runs[k]);
        if (QTest::currentTestFailed()) {
            qWarning() << "run" << k;
            return;
        }
    }
}

// A run's vectors split in `parts` (deltas in order), the rest of it left out.
RecordedRun deltaOf(const RecordedRun& run, size_t part, size_t parts) {
    RecordedRun d;
    auto slice = [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        const size_t a = v.size() * part / parts, b = v.size() * (part + 1) / parts;
        return V(v.begin() + long(a), v.begin() + long(b));
    };
    d.samples.resize(run.samples.size());
    for (size_t w = 0; w < run.samples.size(); ++w)
        d.samples[w] = slice(run.samples[w]);
    d.runSamples = slice(run.runSamples);
    d.intervals.resize(run.intervals.size());
    for (size_t w = 0; w < run.intervals.size(); ++w) {
        d.intervals[w].holds = slice(run.intervals[w].holds);
        d.intervals[w].waits = slice(run.intervals[w].waits);
    }
    d.frames = slice(run.frames);
    d.marks = slice(run.marks);
    // The barrier opens after the first part: its rows go in on base 0 and are moved.
    d.releaseNs = part == 0 ? 0 : run.releaseNs;
    if (part + 1 == parts) {
        d.endNs = run.endNs;
        d.droppedEvents = run.droppedEvents;
        d.trimmedIntervals = run.trimmedIntervals;
    }
    return d;
}

// The first fenced block of `lang` in docs/recording.md.
QString docBlock(const QString& lang) {
    QFile f(QStringLiteral(SHMSCOPE_TEST_DATA "/../../docs/recording.md"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(f.readAll());
    const QRegularExpression re(QStringLiteral("```%1\\n(.*?)```").arg(lang),
                                QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool sqlExec(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestRecordingFile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

  private slots:
    void markNames() {
        for (MarkKind k : {MarkKind::Phase, MarkKind::State, MarkKind::Exit, MarkKind::Fault,
                           MarkKind::Recovery})
            QCOMPARE(markKindFromName(nameOf(k)), std::optional<MarkKind>(k));
        QVERIFY(!markKindFromName("nonsense"));
    }

    void memoryGrowsWithTheRun() {
        const Recording rec = makeRecording();
        RecordedRun empty;
        QVERIFY(rec.runs[0].memoryBytes() > empty.memoryBytes());
        // A's full frames alone hold 3 * 64 * 9 bytes; B's decimated ones 3 * 2048 columns.
        QVERIFY(rec.runs[1].memoryBytes() > 3 * kFrameColumns * sizeof(DecimatedColumn));
    }

    void roundTrip() {
        const Recording rec = makeRecording();
        std::string error;
        const std::string file = path("round.shmscope").toStdString();
        QVERIFY2(writeRecording(file, rec, &error), error.c_str());
        const auto back = readRecording(file, &error);
        QVERIFY2(back, error.c_str());
        compareRecordings(*back, rec);
        // The report was rebuilt, not only its JSON kept.
        QCOMPARE(back->runs[0].report.lock.acquisitions, uint64_t(1000 + 1001));
        QCOMPARE(back->runs[0].report.recoveries.size(), size_t(1));
        QCOMPARE(int(back->runs[0].report.status), int(RunStatus::Finished));
        QCOMPARE(back->runs[0].report.lostUpdates, int64_t(42));
        // No journal is left once the writer is gone.
        QVERIFY(!QFile::exists(path("round.shmscope-journal")));
    }

    // Schema 2 added the moments an open wait / parked hold began; a schema 1 file (no such
    // columns) still reads, as not waiting.
    void openWaitMomentsRoundTripAndSchemaOneReads() {
        Recording rec = makeRecording();
        WorkerRecord& w = rec.runs[0].samples[0].back().record;
        w.waitSinceNs = rec.runs[0].releaseNs + 12'345'678;
        w.holdSinceNs = rec.runs[0].releaseNs + 2'000;
        std::string error;
        const QString file = path("schema1.shmscope");
        QVERIFY2(writeRecording(file.toStdString(), rec, &error), error.c_str());
        auto back = readRecording(file.toStdString(), &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(back->runs[0].samples[0].back().record, w);
        QVERIFY(sqlExec(file, "ALTER TABLE workers DROP COLUMN wait_since_ns;"
                              "ALTER TABLE workers DROP COLUMN hold_since_ns;"
                              "ALTER TABLE samples DROP COLUMN wait_since_ns;"
                              "ALTER TABLE samples DROP COLUMN hold_since_ns;"
                              "PRAGMA user_version = 1;"));
        back = readRecording(file.toStdString(), &error);
        QVERIFY2(back, error.c_str());
        WorkerRecord old = w;
        old.waitSinceNs = old.holdSinceNs = 0;
        QCOMPARE(back->runs[0].samples[0].back().record, old);
        QCOMPARE(back->info.schemaVersion, 1);
    }

    void streamedEqualsWhole() {
        const Recording rec = makeRecording();
        std::string error;
        const std::string file = path("streamed.shmscope").toStdString();
        {
            auto writer = RecordingWriter::create(file, rec.info, &error);
            QVERIFY2(writer, error.c_str());
            for (const RunGroup& g : rec.groups) {
                int index = -1;
                QVERIFY2(writer->addGroup(g, &index, &error), error.c_str());
                QCOMPARE(size_t(index), size_t(&g - rec.groups.data()));
            }
            for (const RecordedRun& run : rec.runs) {
                RecordedRun header;
                header.label = run.label;
                header.groupIndex = run.groupIndex;
                header.config = run.config; // releaseNs 0: the barrier has not opened yet
                int64_t id = 0;
                QVERIFY2(writer->beginRun(header, &id, &error), error.c_str());
                for (size_t part = 0; part < 3; ++part)
                    QVERIFY2(writer->append(id, deltaOf(run, part, 3), &error), error.c_str());
                if (run.complete) QVERIFY2(writer->endRun(id, run, &error), error.c_str());
            }
            QVERIFY(writer->error().empty());
        }
        const auto back = readRecording(file, &error);
        QVERIFY2(back, error.c_str());
        compareRecordings(*back, rec);
    }

    void docSqlQuery() {
        const QString sql = docBlock(QStringLiteral("sql"));
        QVERIFY2(sql.contains(QStringLiteral("FROM intervals")), "docs/recording.md: no sql");
        const Recording rec = makeRecording();
        std::string error;
        const QString file = path("sql.shmscope");
        QVERIFY2(writeRecording(file.toStdString(), rec, &error), error.c_str());
        // Expected: per run and worker with intervals, the seconds of its waits and holds.
        struct Row {
            QString run;
            int worker;
            double wait, hold;
        };
        std::vector<Row> want;
        for (const RecordedRun& run : rec.runs)
            for (size_t w = 0; w < run.intervals.size(); ++w) {
                const WorkerIntervals& wi = run.intervals[w];
                double wait = 0, hold = 0;
                bool any = false;
                for (const auto& i : wi.waits)
                    wait += double(i.endNs - i.beginNs), any = true;
                for (const auto& i : wi.holds)
                    hold += double(i.endNs - i.beginNs), any = true;
                if (wi.openWait) wait += double(wi.openWait->endNs - wi.openWait->beginNs);
                if (wi.openHold) hold += double(wi.openHold->endNs - wi.openHold->beginNs);
                if (any || wi.openWait || wi.openHold)
                    want.push_back({q(run.label), int(w), wait / 1e9, hold / 1e9});
            }
        QVERIFY(want.size() >= 4); // runs A and run 3 lock; B does not
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        const QByteArray text = sql.toUtf8();
        QCOMPARE(sqlite3_prepare_v2(db, text.constData(), -1, &s, nullptr), SQLITE_OK);
        std::vector<Row> got;
        while (sqlite3_step(s) == SQLITE_ROW)
            got.push_back(
                {QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))),
                 sqlite3_column_int(s, 1), sqlite3_column_double(s, 2),
                 sqlite3_column_double(s, 3)});
        sqlite3_finalize(s);
        sqlite3_close(db);
        QCOMPARE(got.size(), want.size());
        for (size_t k = 0; k < want.size(); ++k) {
            QCOMPARE(got[k].run, want[k].run);
            QCOMPARE(got[k].worker, want[k].worker);
            QVERIFY(std::abs(got[k].wait - want[k].wait) < 1e-6);
            QVERIFY(std::abs(got[k].hold - want[k].hold) < 1e-6);
        }
    }

    void docPythonQuery() {
        const QString py = docBlock(QStringLiteral("python"));
        QVERIFY2(py.contains(QStringLiteral("sqlite3")), "docs/recording.md: no python");
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) QSKIP("python3 is not installed");
        const Recording rec = makeRecording();
        std::string error;
        const QString file = path("py.shmscope");
        QVERIFY2(writeRecording(file.toStdString(), rec, &error), error.c_str());
        // Expected: run A's five longest waits, longest first (ties: earliest first).
        const RecordedRun& a = rec.runs[0];
        struct Wait {
            int worker;
            uint32_t lock;
            double atMs, ms;
        };
        std::vector<Wait> waits;
        for (size_t w = 0; w < a.intervals.size(); ++w) {
            auto add = [&](const LockInterval& i) {
                waits.push_back({int(w), i.lock, double(int64_t(i.beginNs - a.releaseNs)) / 1e6,
                                 double(i.endNs - i.beginNs) / 1e6});
            };
            for (const LockInterval& i : a.intervals[w].waits)
                add(i);
            if (a.intervals[w].openWait) add(*a.intervals[w].openWait);
        }
        std::sort(waits.begin(), waits.end(), [](const Wait& x, const Wait& y) {
            return x.ms != y.ms ? x.ms > y.ms : x.atMs < y.atMs;
        });
        waits.resize(5);
        QStringList want;
        for (const Wait& w : waits)
            want << QString::asprintf("worker %d waited %.3f ms for lock %u at %.3f ms", w.worker,
                                      w.ms, w.lock, w.atMs);
        QProcess p;
        p.start(python, {QStringLiteral("-c"), py, file});
        QVERIFY(p.waitForFinished(60'000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QStringList got = QString::fromUtf8(p.readAllStandardOutput())
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(got, want);
    }

    void badInput_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("text file") << "text"
                                   << "not a ShmScope recording (not a SQLite database)";
        QTest::newRow("sqlite, not ours") << "foreign"
                                          << "not a ShmScope recording (no table";
        QTest::newRow("empty file") << "empty"
                                    << "empty file";
        QTest::newRow("newer schema") << "newer"
                                      << "recording schema 7 is newer than this ShmScope reads (3)";
        QTest::newRow("truncated") << "truncated"
                                   << "damaged (";
        QTest::newRow("corrupted pages") << "corrupted"
                                         << "damaged (";
        QTest::newRow("no intervals")
            << "nointervals"
            << "run A has no lock intervals although its report counts 2001 acquisitions";
        QTest::newRow("missing file") << "missing"
                                      << "cannot open (";
    }

    void badInput() {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        const QString file = path("bad-") + kind + QStringLiteral(".shmscope");
        std::string error;
        Recording rec = makeRecording();
        if (kind == QLatin1String("nointervals"))
            for (WorkerIntervals& wi : rec.runs[0].intervals)
                wi = {};
        if (kind != QLatin1String("text") && kind != QLatin1String("foreign") &&
            kind != QLatin1String("empty") && kind != QLatin1String("missing"))
            QVERIFY2(writeRecording(file.toStdString(), rec, &error), error.c_str());
        QFile f(file);
        if (kind == QLatin1String("text")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("run,worker,wait\nA,0,1.5\n");
            f.close();
        } else if (kind == QLatin1String("foreign")) {
            QVERIFY(sqlExec(file, "CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        } else if (kind == QLatin1String("empty")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(sqlExec(file, "PRAGMA user_version = 7"));
        } else if (kind == QLatin1String("truncated")) {
            QVERIFY(f.size() > 64 * 1024);
            QVERIFY(f.resize(f.size() / 2));
        } else if (kind == QLatin1String("corrupted")) {
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 size = f.size();
            QVERIFY(size > 64 * 1024);
            // Pages in the middle of the file turned to garbage (not zeros: a zero page can
            // pass as free space).
            QByteArray junk(3 * 4096, '\0');
            for (int i = 0; i < junk.size(); ++i)
                junk[i] = char((i * 131 + 7) & 0xff);
            QVERIFY(f.seek((size / 2) / 4096 * 4096));
            QCOMPARE(f.write(junk), qint64(junk.size()));
            f.close();
        }
        const auto back = readRecording(file.toStdString(), &error);
        QVERIFY(!back);
        const QString line = q(error);
        QVERIFY2(line.startsWith(file + QStringLiteral(": ")), qPrintable(line));
        QVERIFY2(line.contains(says), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
    }

    void fullDisk() {
        const Recording rec = makeRecording();
        const RecordedRun& a = rec.runs[0];
        const std::string file = path("full.shmscope").toStdString();
        std::string error;
        auto writer = RecordingWriter::create(file, rec.info, &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(writer->addGroup(rec.groups[0], nullptr, &error));
        int64_t id = 0;
        QVERIFY(writer->beginRun(a, &id, &error));
        writer->limitBytes(uint64_t(QFileInfo(q(file)).size()) + 256 * 1024);
        // Batches of samples (with their hosts' text) until the file may not grow any more.
        RecordedRun batch;
        batch.samples.resize(2);
        for (int k = 0; k < 200; ++k) {
            WorkerSample s = a.samples[0].back();
            s.record.host = std::string(40, 'h');
            batch.samples[0].push_back(s);
        }
        size_t committed = 0;
        bool failed = false;
        for (int round = 0; round < 10'000 && !failed; ++round) {
            if (writer->append(id, batch, &error))
                committed += batch.samples[0].size();
            else
                failed = true;
        }
        QVERIFY(failed);
        QVERIFY2(q(error).startsWith(q(file) + QStringLiteral(": recording stopped: disk full")),
                 error.c_str());
        QCOMPARE(q(writer->error()), q(error));
        // Nothing more is written, endRun included.
        std::string again;
        QVERIFY(!writer->endRun(id, a, &again));
        QCOMPARE(q(again), q(error));
        writer.reset();
        const auto back = readRecording(file, &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(back->runs.size(), size_t(1));
        const RecordedRun& got = back->runs[0];
        QVERIFY(!got.complete);
        QVERIFY(got.reportJson.empty());
        QCOMPARE(q(got.label), q(a.label));
        QVERIFY(got.config == a.config);
        QVERIFY(committed > 0);
        QCOMPARE(got.samples.size(), size_t(2));
        QCOMPARE(got.samples[0].size(), committed);
        QVERIFY(got.samples[0].back() == batch.samples[0].back());
    }

    void readOnlyFile() {
        const Recording rec = makeRecording();
        const QString file = path("readonly.shmscope");
        std::string error;
        QVERIFY2(writeRecording(file.toStdString(), rec, &error), error.c_str());
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup |
                                                QFile::ReadOther)); // 0444
        struct stat before {};
        QCOMPARE(stat(file.toUtf8().constData(), &before), 0);
        QCOMPARE(before.st_mode & 0777, mode_t(0444));
        const QByteArray bytes = fileBytes(file);
        const auto back = readRecording(file.toStdString(), &error);
        QVERIFY2(back, error.c_str());
        compareRecordings(*back, rec);
        // Root may write anyway: reading must not have.
        struct stat after {};
        QCOMPARE(stat(file.toUtf8().constData(), &after), 0);
        QCOMPARE(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
        QCOMPARE(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        QCOMPARE(fileBytes(file), bytes);
        QVERIFY(!QFile::exists(file + QStringLiteral("-journal")));
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestRecordingFile)
#include "tst_recording_file.moc"
