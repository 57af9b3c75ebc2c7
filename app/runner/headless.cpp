#include "runner/headless.h"

#include "analysis/csv_export.h"
#include "cli/compare_with.h"
#include "runner/graceful_signals.h"
#include "runner/machine_once.h"
#include "runner/recording_session.h"
#include "runner/run_controller.h"
#include "runner/trace_recorder.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

namespace {
// The result files, opened before the run: a path that cannot be written fails at once
// (exit 2) rather than after a long run.
struct OutputFiles {
    std::ofstream csv, arrayCsv, trace;
    QString open(const CliOptions& o) {
        const std::pair<std::ofstream*, std::pair<const char*, QString>> files[] = {
            {&csv, {"--csv", o.csvFile}},
            {&arrayCsv, {"--array-csv", o.arrayCsvFile}},
            {&trace, {"--trace", o.traceFile}}};
        for (const auto& [f, what] : files) {
            if (what.second.isEmpty()) continue;
            f->open(what.second.toStdString(), std::ios::out | std::ios::trunc);
            if (!f->is_open())
                return QStringLiteral("%1 %2: %3")
                    .arg(QLatin1String(what.first), what.second,
                         QString::fromLocal8Bit(std::strerror(errno)));
        }
        return {};
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
} // namespace

int runHeadless(const CliOptions& o) {
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
    if (files.trace.is_open()) trace = std::make_unique<TraceRecorder>(run);
    // SIGINT/SIGTERM/SIGHUP: stop the run and print its report (status "terminated"), then
    // die of the signal. Armed before the run starts: a signal while the workers are being
    // spawned (the fault campaign found one at 0 ms) killed the app without a report.
    auto graceful = std::make_unique<GracefulSignals>();
    QObject::connect(graceful.get(), &GracefulSignals::received, &loop,
                     [&run](int sig) { run.terminate(sig); });
    QString error;
    if (!run.start(o.config, &error)) {
        graceful.reset();
        const shm::RunReport r =
            shm::failedToStartReport(o.config, QCoreApplication::applicationVersion().toStdString(),
                                     error.toStdString(), machine_once::known());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
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
    const int signalled = graceful->signalled();
    graceful.reset();
    const shm::RunReport& r = run.report();
    std::string out = o.json ? shm::toJson(r) : shm::toText(r);
    if (!o.compareWith.isEmpty()) {
        const std::string cmp = comparisonWith(r, o.compareReport, o.compareWith, o.json);
        if (o.json)
            out.insert(out.size() - 1, ",\"compare\":" + cmp); // inside the report's object
        else
            out += cmp;
    }
    std::printf("%s%s", out.c_str(), o.json ? "\n" : "");
    if (files.csv.is_open()) files.csv << shm::workersCsv(r);
    if (files.arrayCsv.is_open()) {
        const shm::RunSnapshot last = run.snapshot(); // the array stays mapped after the run
        if (last.array.valid())
            shm::writeArrayCsv(files.arrayCsv, r.config, last.array.data, last.array.owner,
                               last.array.count);
    }
    if (trace) files.trace << trace->json(r);
    for (auto* f : {&files.csv, &files.arrayCsv, &files.trace})
        if (f->is_open() && !f->flush())
            std::fprintf(stderr, "shmscope: writing a result file failed: %s\n",
                         std::strerror(errno));
    // Errors go to stderr in both modes, so a script that keeps stdout for the report still sees
    // why the run failed; the report on stdout keeps them too (the JSON's "errors", the text's
    // "error:" lines).
    for (const auto& e : r.errors)
        std::fprintf(stderr, "shmscope: %s\n", e.c_str());
    std::fflush(stdout);
    std::fflush(stderr);
    if (signalled) {
        std::signal(signalled, SIG_DFL);
        raise(signalled);
    }
    return r.finished() ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
