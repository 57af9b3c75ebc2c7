// RunRecorder fed by a RunPlayer with real shmscope-worker processes: what a recorded run holds
// against what the run reported (last samples, lock intervals, array frames, marks, report),
// a decimated array, a list of runs in one group, the memory bound on frames, a crash.
#include "../test_util.h"
#include "analysis/decimator.h"
#include "record/recording_file.h"
#include "record/run_recorder.h"
#include "runner/run_controller.h"
#include "runner/run_player.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <mutex>

using namespace shm;

namespace {
// Collects what the recorder hands on (its thread) for the test's thread.
struct Collected {
    std::mutex mutex;
    std::vector<std::shared_ptr<const RecordedRun>> runs;
    RunRecorder::Options options() {
        RunRecorder::Options o;
        o.keepInMemory = true;
        o.onRun = [this](std::shared_ptr<const RecordedRun> r) {
            std::lock_guard lock(mutex);
            runs.push_back(std::move(r));
        };
        return o;
    }
};

ExperimentConfig mutexRun(uint32_t workers, uint64_t elements) {
    ExperimentConfig cfg;
    cfg.workers = workers;
    cfg.elements = elements;
    cfg.workload = Workload::Sin;
    cfg.sync = SyncMode::Mutex;
    return cfg;
}

bool sameBits(const double* a, const double* b, uint64_t n) {
    return std::memcmp(a, b, n * sizeof(double)) == 0; // NaN (unwritten) equals NaN
}

bool hasMark(const RecordedRun& r, MarkKind kind, int32_t worker, const std::string& prefix) {
    for (const RunMark& m : r.marks)
        if (m.kind == kind && m.worker == worker && m.detail.rfind(prefix, 0) == 0) return true;
    return false;
}
} // namespace

class TestRecorder : public QObject {
    Q_OBJECT
  private slots:
    void aMutexRunIsRecordedWhole();
    void aLargeArrayIsDecimated();
    void aListOfRunsInOneGroup();
    void framesStayBounded();
    void aCrashLeavesAnOpenHold();
    void aStreamedFileReadsBackEqual();
    void aFullDiskStopsTheFileNotTheRun();
    void cleanupTestCase();

  private:
    // Plays `runs` with a recorder; the finished runs and the recorded ones, in order.
    static void play(const QList<PlayRun>& runs, const QString& tag, QList<FinishedRun>& finished,
                     std::vector<std::shared_ptr<const RecordedRun>>& recorded,
                     bool keepEvents = true, LockActivity* window = nullptr,
                     RecordingWriter* writer = nullptr);
    static std::unique_ptr<RecordingWriter> makeWriter(const QString& path);
};

void TestRecorder::play(const QList<PlayRun>& runs, const QString& tag,
                        QList<FinishedRun>& finished,
                        std::vector<std::shared_ptr<const RecordedRun>>& recorded, bool keepEvents,
                        LockActivity* windowLocks, RecordingWriter* writer) {
    Collected got;
    RunRecorder::Options options = got.options();
    options.writer = writer;
    std::string writeError;
    double writeErrorAt = -1;
    options.onWriteError = [&](const std::string& e, double at) {
        std::lock_guard lock(got.mutex);
        writeError = e;
        writeErrorAt = at;
    };
    RunRecorder recorder(options);
    recorder.beginGroup({"lesson", tag.toStdString(), ""});
    RunPlayer player;
    player.controller().setWorkerPath(testutil::workerPath());
    player.controller().setSegmentName(testutil::segmentName(tag));
    player.controller().setKeepEvents(keepEvents);
    player.setRecorder(&recorder);
    player.setRecordGroup(0);
    QSignalSpy done(&player, &RunPlayer::finished);
    QObject::connect(&player, &RunPlayer::runFinished,
                     [&](const FinishedRun& r) { finished << r; });
    // The window takes frames too (when events are kept): the tap must not take them away.
    // windowLocks: built from the window's frames as LockEventsModel builds its own.
    QTimer window;
    uint64_t windowEvents = 0;
    const auto take = [&] {
        const RunFrame f = player.controller().takeFrame();
        if (f.snapshot.workers.empty()) return;
        if (windowLocks && windowLocks->workers() != f.snapshot.workers.size()) {
            const ExperimentConfig& c = f.snapshot.config;
            windowLocks->reset(c.workers, c.sync == SyncMode::Striped ? 1 + c.stripes : 1, c.sync);
        }
        for (uint32_t k = 0; k < f.newEvents.size(); ++k) {
            windowEvents += f.newEvents[k].size();
            if (windowLocks && !f.newEvents[k].empty())
                windowLocks->consume(k, f.newEvents[k].data(), f.newEvents[k].size());
        }
        if (windowLocks)
            for (const WorkerRecord& w : f.snapshot.workers)
                if (w.exited && w.exitNs) windowLocks->endWorker(w.id, w.exitNs);
    };
    QObject::connect(&window, &QTimer::timeout, take);
    if (keepEvents) window.start(16);
    QString err;
    QVERIFY2(player.play(runs, &err), qPrintable(err));
    QVERIFY(done.wait(120000));
    if (keepEvents) take(); // what was drained at the end
    recorder.flush();
    std::lock_guard lock(got.mutex);
    recorded = got.runs;
    QCOMPARE(int(recorded.size()), int(runs.size()));
    QCOMPARE(writeError, recorder.writeError());
    if (!writeError.empty()) QVERIFY(writeErrorAt >= 0);
    if (keepEvents && runs.size() == 1 && runs[0].config.usesLock())
        QVERIFY(windowEvents > 0); // the window got its events as well
}

void TestRecorder::aMutexRunIsRecordedWhole() {
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    LockActivity window;
    play({{QStringLiteral("A"), mutexRun(2, 12000)}}, QStringLiteral("rec-whole"), fin, rec, true,
         &window);
    QCOMPARE(fin.size(), 1);
    const FinishedRun& f = fin[0];
    const RecordedRun& r = *rec[0];
    QVERIFY(f.report.finished());
    QVERIFY(r.complete);
    QCOMPARE(r.label, std::string("A"));
    QCOMPARE(r.config, f.config);
    QCOMPARE(r.releaseNs, f.final.releaseNs);
    QVERIFY(r.endNs >= r.releaseNs);
    // The last sample of each worker is its final record.
    QCOMPARE(r.samples.size(), size_t(2));
    for (uint32_t k = 0; k < 2; ++k) {
        QVERIFY(!r.samples[k].empty());
        QVERIFY(r.samples[k].back().record == f.final.workers[k]);
        for (size_t i = 1; i < r.samples[k].size(); ++i)
            QVERIFY(r.samples[k][i - 1].atNs <= r.samples[k][i].atNs);
        QVERIFY(hasMark(r, MarkKind::Exit, int32_t(k), "done"));
    }
    QVERIFY(!r.runSamples.empty());
    QCOMPARE(r.runSamples.back().phase, Phase::Finished);
    QVERIFY(r.reportJson == toJson(f.report));
    QCOMPARE(r.report.processed, f.report.processed);
    // Intervals: holds of the one lock never overlap; with nothing dropped, one per acquisition.
    std::vector<LockInterval> all;
    uint64_t holds = 0;
    for (const WorkerIntervals& wi : r.intervals) {
        QVERIFY(!wi.openHold); // everyone released the lock before exiting
        holds += wi.holds.size();
        all.insert(all.end(), wi.holds.begin(), wi.holds.end());
    }
    std::sort(all.begin(), all.end(),
              [](const LockInterval& a, const LockInterval& b) { return a.beginNs < b.beginNs; });
    for (size_t i = 1; i < all.size(); ++i)
        QVERIFY2(all[i - 1].endNs <= all[i].beginNs || all[i - 1].empty() || all[i].empty(),
                 qPrintable(QStringLiteral("holds %1 and %2 overlap").arg(i - 1).arg(i)));
    QCOMPARE(r.trimmedIntervals, uint64_t(0));
    // Holds are not one per acquisition: a worker merges back-to-back holds of its own into one
    // interval (locks.h, kMergeNs), so there are at most as many as acquisitions. They are
    // exactly the holds the window's timeline built from its own frames.
    QVERIFY(holds > 0);
    QVERIFY(holds <= f.report.lock.acquisitions);
    QCOMPARE(window.workers(), 2u);
    for (uint32_t k = 0; k < 2; ++k) {
        const std::vector<LockInterval> seen(window.holds(k).begin(), window.holds(k).end());
        QVERIFY2(seen == r.intervals[k].holds, qPrintable(QStringLiteral("worker %1").arg(k)));
        const std::vector<LockInterval> waited(window.waits(k).begin(), window.waits(k).end());
        QVERIFY(waited == r.intervals[k].waits);
    }
    // The last frame is the final array, values and owners.
    QVERIFY(!r.frames.empty());
    const ArrayFrame& last = r.frames.back();
    QVERIFY(last.full());
    QCOMPARE(last.count, uint64_t(12000));
    QVERIFY(f.final.array.valid());
    QVERIFY(sameBits(last.values.data(), f.final.array.data, 12000));
    QVERIFY(std::memcmp(last.owners.data(), f.final.array.owner, 12000) == 0);
    for (size_t i = 1; i < r.frames.size(); ++i)
        QVERIFY(r.frames[i - 1].atNs <= r.frames[i].atNs);
    QVERIFY(last.atNs <= r.endNs);
    for (size_t i = 1; i < r.marks.size(); ++i)
        QVERIFY(r.marks[i - 1].atNs <= r.marks[i].atNs);
}

void TestRecorder::aLargeArrayIsDecimated() {
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    ExperimentConfig cfg;
    cfg.workers = 2;
    cfg.elements = 1'000'000;
    cfg.workload = Workload::Sin;
    // Headless (no events kept for a window): the tap still gets every frame.
    play({{QStringLiteral("big"), cfg}}, QStringLiteral("rec-big"), fin, rec, false);
    const RecordedRun& r = *rec[0];
    const ArrayRef& a = fin[0].final.array;
    QVERIFY(a.valid());
    const ArrayFrame& last = r.frames.back();
    QVERIFY(!last.full());
    QCOMPARE(last.count, cfg.elements);
    QCOMPARE(int(last.columns.size()), kFrameColumns);
    for (const DecimatedColumn& c : last.columns) {
        std::vector<uint32_t> owners(cfg.workers + 1);
        DecimatedColumn ref = Decimator::scan(a.data, a.owner, c.begin, c.end, cfg.workers,
                                              Decimator::WrittenBy::NotNaN, {}, owners.data());
        ref.scanned = c.scanned;
        QVERIFY2(ref == c, qPrintable(QStringLiteral("column at %1").arg(c.begin)));
    }
    QCOMPARE(last.columns.back().end, cfg.elements);
    uint64_t written = 0;
    for (const DecimatedColumn& c : last.columns)
        written += c.written;
    QCOMPARE(written, cfg.elements);
}

void TestRecorder::aListOfRunsInOneGroup() {
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    ExperimentConfig none = mutexRun(2, 5000);
    none.sync = SyncMode::None;
    ExperimentConfig atomic = none;
    atomic.sync = SyncMode::Atomic;
    play({{QStringLiteral("A"), none},
          {QStringLiteral("B"), mutexRun(2, 5000)},
          {QStringLiteral("C"), atomic}},
         QStringLiteral("rec-list"), fin, rec);
    QCOMPARE(fin.size(), 3);
    const char* labels[] = {"A", "B", "C"};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rec[size_t(i)]->label, std::string(labels[i]));
        QCOMPARE(rec[size_t(i)]->groupIndex, 0);
        QCOMPARE(rec[size_t(i)]->config, fin[i].config);
        QVERIFY(rec[size_t(i)]->reportJson == toJson(fin[i].report));
        QVERIFY(rec[size_t(i)]->complete);
    }
    // Only the mutex run has lock intervals.
    QVERIFY(rec[0]->intervals[0].holds.empty());
    QVERIFY(!rec[1]->intervals[0].holds.empty() || !rec[1]->intervals[1].holds.empty());
}

// A long run's frames are thinned: at most kMaxArrayFrames, oldest first, the last the end.
// Fed directly (no processes): ~3 minutes of frames a second of run apart cost nothing.
void TestRecorder::framesStayBounded() {
    Collected got;
    {
        RunRecorder recorder(got.options());
        ExperimentConfig cfg;
        cfg.workers = 1;
        cfg.elements = 1000;
        std::vector<double> data(1000, 1.0);
        std::vector<uint8_t> owner(1000, 0);
        recorder.beginRun({"long", 0, cfg});
        const uint64_t t0 = 1'000'000'000;
        const int frames = 4000; // 4000 * 50 ms = 200 s
        RunSnapshot s;
        s.phase = Phase::Running;
        s.config = cfg;
        s.releaseNs = t0;
        s.workers.resize(1);
        s.array = {data.data(), owner.data(), 1000, nullptr};
        for (int i = 0; i < frames; ++i) {
            s.nowNs = t0 + uint64_t(i) * 50'000'000;
            s.workers[0].processed = uint64_t(i);
            recorder.addFrame({s, {{}}, 0});
            if (i % 32 == 0) recorder.flush(); // no frame merged: each is a run's poll
        }
        RunEnd end;
        end.final = s;
        end.final.phase = Phase::Finished;
        end.final.ended = true;
        recorder.endRun(end);
        recorder.flush();
    }
    QCOMPARE(got.runs.size(), size_t(1));
    const RecordedRun& r = *got.runs[0];
    QVERIFY(r.frames.size() <= RunRecorder::kMaxArrayFrames);
    QVERIFY(r.frames.size() >= RunRecorder::kMaxArrayFrames / 4);
    QCOMPARE(r.frames.back().atNs, r.endNs);
    // Samples at most every kSampleNs: one per frame here (50 ms apart), plus the final one.
    QVERIFY(r.samples[0].size() <= size_t(4001));
}

void TestRecorder::aCrashLeavesAnOpenHold() {
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    ExperimentConfig cfg = mutexRun(2, 2'000'000);
    cfg.killWorker = 1;
    cfg.killWhen = KillWhen::Holding;
    cfg.killAtMs = 20;
    play({{QStringLiteral("crash"), cfg}}, QStringLiteral("rec-crash"), fin, rec);
    const FinishedRun& f = fin[0];
    const RecordedRun& r = *rec[0];
    QVERIFY(f.final.workers[1].signal != 0);
    QVERIFY2(f.final.workers[1].diedHoldingLock, "the kill struck outside the lock");
    QVERIFY(hasMark(r, MarkKind::Exit, 1, "crashed"));
    QVERIFY(hasMark(r, MarkKind::Fault, 1, "killed"));
    QVERIFY(hasMark(r, MarkKind::Fault, 1, "parked"));
    QVERIFY(r.intervals[1].openHold.has_value());
    QCOMPARE(r.intervals[1].openHold->endNs, r.endNs);
    QVERIFY(r.samples[1].back().record == f.final.workers[1]);
    QVERIFY(r.reportJson == toJson(f.report));
}

std::unique_ptr<RecordingWriter> TestRecorder::makeWriter(const QString& path) {
    QFile::remove(path);
    RecordingInfo info;
    info.appVersion = "test";
    info.host = "here";
    info.cores = 2;
    info.created = "2026-01-01T00:00:00Z";
    info.schemaVersion = kRecordingSchemaVersion;
    std::string error;
    auto w = RecordingWriter::create(path.toStdString(), info, &error);
    if (!w && error.find("not built yet") != std::string::npos) return nullptr;
    return w;
}

// The same run streamed to a file reads back as the recorder kept it in memory.
void TestRecorder::aStreamedFileReadsBackEqual() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.shmscope"));
    auto writer = makeWriter(path);
    if (!writer) QSKIP("recording_file.cpp (branch h-file) not merged yet");
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    play({{QStringLiteral("A"), mutexRun(2, 12000)}}, QStringLiteral("rec-file"), fin, rec, true,
         nullptr, writer.get());
    writer.reset(); // closed
    std::string error;
    const auto back = readRecording(path.toStdString(), &error);
    QVERIFY2(back, error.c_str());
    QCOMPARE(back->runs.size(), size_t(1));
    QCOMPARE(back->groups.size(), size_t(1));
    QCOMPARE(back->groups[0].kind, std::string("lesson"));
    const RecordedRun& f = back->runs[0];
    const RecordedRun& m = *rec[0];
    QCOMPARE(f.label, m.label);
    QVERIFY(f.config == m.config);
    QCOMPARE(f.releaseNs, m.releaseNs);
    QCOMPARE(f.endNs, m.endNs);
    QVERIFY(f.reportJson == m.reportJson);
    QVERIFY(f.complete);
    QVERIFY(f.samples == m.samples);
    QVERIFY(f.runSamples == m.runSamples);
    QVERIFY(f.intervals == m.intervals);
    QVERIFY(f.frames.size() == m.frames.size());
    for (size_t i = 0; i < f.frames.size(); ++i) {
        QCOMPARE(f.frames[i].atNs, m.frames[i].atNs);
        QVERIFY(sameBits(f.frames[i].values.data(), m.frames[i].values.data(),
                         m.frames[i].values.size()));
        QVERIFY(f.frames[i].owners == m.frames[i].owners);
    }
    QVERIFY(f.marks == m.marks);
}

// A file that cannot grow any more: the run goes on and ends, the recorder says why the file
// stopped, and what was committed before reads back.
void TestRecorder::aFullDiskStopsTheFileNotTheRun() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.shmscope"));
    auto writer = makeWriter(path);
    if (!writer) QSKIP("recording_file.cpp (branch h-file) not merged yet");
    writer->limitBytes(256 * 1024);
    QList<FinishedRun> fin;
    std::vector<std::shared_ptr<const RecordedRun>> rec;
    ExperimentConfig cfg = mutexRun(2, 3'000'000);
    Collected got;
    RunRecorder::Options o = got.options();
    o.writer = writer.get();
    RunRecorder recorder(o);
    {
        RunPlayer player;
        player.controller().setWorkerPath(testutil::workerPath());
        player.controller().setSegmentName(testutil::segmentName(QStringLiteral("rec-full")));
        player.setRecorder(&recorder);
        QSignalSpy done(&player, &RunPlayer::finished);
        QObject::connect(&player, &RunPlayer::runFinished, [&](const FinishedRun& r) { fin << r; });
        QString err;
        QVERIFY2(player.play({{QStringLiteral("full"), cfg}}, &err), qPrintable(err));
        QVERIFY(done.wait(120000));
    }
    recorder.flush();
    QCOMPARE(fin.size(), 1);
    QVERIFY(fin[0].report.finished()); // the run went on
    const std::string error = recorder.writeError();
    QVERIFY2(error.find(path.toStdString()) != std::string::npos, error.c_str());
    {
        std::lock_guard lock(got.mutex);
        QCOMPARE(got.runs.size(), size_t(1)); // the in-memory recording went on too
        QVERIFY(got.runs[0]->complete);
    }
    writer.reset();
    std::string readError;
    const auto back = readRecording(path.toStdString(), &readError);
    QVERIFY2(back, readError.c_str());
    QCOMPARE(back->runs.size(), size_t(1));
    QVERIFY(!back->runs[0].complete);
}

void TestRecorder::cleanupTestCase() {
    QVERIFY(testutil::shmEntries(QCoreApplication::applicationPid()).isEmpty());
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
