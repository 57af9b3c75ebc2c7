#include "runner/headless.h"

#include "analysis/csv_export.h"
#include "cli/compare_with.h"
#include "runner/graceful_signals.h"
#include "runner/machine_once.h"
#include "runner/recording_session.h"
#include "runner/result_file.h"
#include "runner/run_controller.h"
#include "runner/segment_cleanup.h"
#include "runner/trace_recorder.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {
// The result files, opened before the run: a path that cannot be written fails at once
// (exit 2) rather than after a long run; written after it with every error checked (exit 3).
struct OutputFiles {
    ResultFile csv, arrayCsv, trace;
    QString open(const CliOptions& o) {
        const std::pair<ResultFile*, std::pair<const char*, QString>> files[] = {
            {&csv, {"--csv", o.csvFile}},
            {&arrayCsv, {"--array-csv", o.arrayCsvFile}},
            {&trace, {"--trace", o.traceFile}}};
        for (const auto& [f, what] : files) {
            if (what.second.isEmpty()) continue;
            if (QString err = f->open(what.first, what.second); !err.isEmpty()) return err;
        }
        return {};
    }
    // Closes each; the first that could not be written, or empty.
    QString finish() {
        QString first;
        for (ResultFile* f : {&csv, &arrayCsv, &trace})
            if (QString err = f->finish(); first.isEmpty()) first = err;
        return first;
    }
};
// --record: opened before the run, so a path that cannot be written fails at once.
std::unique_ptr<RecordingSession> openRecording(const CliOptions& o, bool* failed) {
    if (o.recordFile.isEmpty()) return nullptr;
    QString err;
    auto recording = RecordingSession::open(o.recordFile, &err);
    if (!recording) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
        *failed = true;
        return nullptr;
    }
    recording->beginGroup({"run", "", ""});
    return recording;
}

// The first SIGINT/SIGTERM/SIGHUP, once the report is out, even one that came after the run
// ended: the shell sees the app die of it, as without a report.
void dieOfNotedSignal() {
    std::fflush(stdout);
    std::fflush(stderr);
    if (const int sig = segment_cleanup::firstSignal().signal) {
        std::signal(sig, SIG_DFL);
        raise(sig);
    }
}

// The report on stdout: the table or --json, with --compare-with's comparison.
void printReport(const CliOptions& o, const shm::RunReport& r) {
    std::string out = o.json ? shm::toJson(r) : shm::toText(r);
    if (!o.compareWith.isEmpty()) {
        const std::string cmp = comparisonWith(r, o.compareReport, o.compareWith, o.json);
        if (o.json)
            out.insert(out.size() - 1, ",\"compare\":" + cmp); // inside the report's object
        else
            out += cmp;
    }
    std::printf("%s%s", out.c_str(), o.json ? "\n" : "");
}

// --csv, --array-csv, --trace after the run. Empty, or the first that could not be written.
QString writeResults(OutputFiles& files, const RunController& run, const TraceRecorder* trace) {
    const shm::RunReport& r = run.report();
    if (files.csv.isOpen()) files.csv.write(shm::workersCsv(r));
    if (files.arrayCsv.isOpen()) {
        const shm::RunSnapshot last = run.snapshot(); // the array stays mapped after the run
        if (last.array.valid())
            shm::writeArrayCsv(files.arrayCsv.stream(), r.config, last.array.data, last.array.owner,
                               last.array.count);
    }
    if (trace) files.trace.write(trace->json(r));
    return files.finish();
}
} // namespace

int runHeadless(const CliOptions& o) {
    // SIGINT/SIGTERM/SIGHUP: stop the run and print its report (status "terminated"), then
    // die of the signal. Armed before the run starts (a signal while the workers are being
    // spawned killed the app without a report) and kept until the report is out: a second
    // signal (timeout's to the group, another Ctrl+C) is only noted.
    GracefulSignals graceful;
    OutputFiles files;
    if (const QString err = files.open(o); !err.isEmpty()) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
        return shm::exit_code::kBadInput;
    }
    bool recordingFailed = false;
    std::unique_ptr<RecordingSession> recording = openRecording(o, &recordingFailed);
    if (recordingFailed) return shm::exit_code::kBadInput;
    RunController run;
    run.setWorkerCommand(o.workerCommand);
    run.setMpiArgs(o.mpiArgs);
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    std::unique_ptr<TraceRecorder> trace;
    if (files.trace.isOpen()) trace = std::make_unique<TraceRecorder>(run);
    QObject::connect(&graceful, &GracefulSignals::received, &loop,
                     [&run](int sig) { run.terminate(sig); });
    QString error;
    if (!run.start(o.config, &error)) {
        const shm::RunReport r =
            shm::failedToStartReport(o.config, QCoreApplication::applicationVersion().toStdString(),
                                     error.toStdString(), machine_once::known());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        dieOfNotedSignal();
        return shm::exit_code::kRunFailed;
    }
    if (trace) trace->started();
    if (recording) recording->beginRun(run, QStringLiteral("run"), 0);
    loop.exec();
    if (trace) trace->finished();
    if (recording) {
        recording->endRun(run);
        recording->finish();
    }
    const shm::RunReport& r = run.report();
    printReport(o, r);
    // The report first, then the files (one of them may be /dev/stdout). main() says whether
    // stdout took it.
    flushStandardOutput();
    const QString fileError = writeResults(files, run, trace.get());
    // Errors go to stderr in both modes, so a script that keeps stdout for the report still sees
    // why the run failed; the report on stdout keeps them too (the JSON's "errors", the text's
    // "error:" lines).
    for (const auto& e : r.errors)
        std::fprintf(stderr, "shmscope: %s\n", e.c_str());
    if (!fileError.isEmpty()) std::fprintf(stderr, "shmscope: %s\n", qPrintable(fileError));
    dieOfNotedSignal();
    if (!fileError.isEmpty()) return shm::exit_code::kRunFailed; // a result is missing
    return r.finished() ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
