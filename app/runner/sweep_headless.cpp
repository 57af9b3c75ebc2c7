#include "runner/sweep_headless.h"

#include "runner/graceful_signals.h"
#include "runner/recording_session.h"
#include "runner/result_file.h"
#include "runner/run_controller.h"
#include "runner/run_player.h"
#include "runner/sweep_tally.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

namespace {

// The points table as --json or text on stdout, and the --csv file when asked for. False when
// the file could not be written (said on stderr).
bool printSummary(const CliOptions& o, const shm::SweepSummary& summary, ResultFile& csv) {
    std::printf("%s", (o.json ? shm::toJson(summary) + "\n" : shm::toText(summary)).c_str());
    std::fflush(stdout); // before the file, which may be /dev/stdout
    csv.write(shm::toCsv(summary));
    const QString err = csv.finish();
    if (!err.isEmpty()) std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
    std::fflush(stderr);
    return err.isEmpty();
}

// What each run says on stderr as it goes, and what it leaves for the summary.
void follow(RunPlayer& player, SweepTally& tally, const CliOptions& o) {
    const std::string version = QCoreApplication::applicationVersion().toStdString();
    auto announce = [&tally, &o](int k) {
        if (!o.json)
            std::fprintf(stderr, "shmscope: sweep run %d of %zu: %s\n", k + 1,
                         tally.plan().order.size(), qPrintable(tally.pointName(k)));
    };
    QObject::connect(
        &player, &RunPlayer::runStarted, &player,
        [announce](int k, const QString&, const shm::ExperimentConfig&) { announce(k); });
    QObject::connect(
        &player, &RunPlayer::runFailed, &player,
        [&tally, announce, version](int k, const QString& point, const QString& error) {
            announce(k);
            std::fprintf(stderr, "shmscope: sweep point %s: %s\n", qPrintable(point),
                         qPrintable(error));
            tally.addFailedStart(k, error, version);
        });
    QObject::connect(&player, &RunPlayer::runFinished, &player, [&tally](const FinishedRun& run) {
        const shm::RunReport& r = run.report;
        if (!r.finished())
            std::fprintf(stderr, "shmscope: sweep point %s: run %s%s%s\n", qPrintable(run.label),
                         std::string(shm::nameOf(r.status)).c_str(), r.failure.empty() ? "" : ": ",
                         r.failure.c_str());
        tally.add(run); // a run cut short by the signal is left out
    });
}

} // namespace

int runSweepHeadless(const CliOptions& o) {
    shm::SweepPlan plan;
    if (auto err = shm::planSweep(o.config, o.sweepAxes, o.repeat, &plan)) { // checked at parse
        std::fprintf(stderr, "shmscope: %s\n", err->c_str());
        return shm::exit_code::kBadInput;
    }
    // The CSV file is opened first: a path that cannot be written fails before any run.
    ResultFile csv;
    if (!o.csvFile.isEmpty())
        if (const QString err = csv.open("--csv", o.csvFile); !err.isEmpty()) {
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
            return shm::exit_code::kBadInput;
        }
    std::unique_ptr<RecordingSession> recording;
    if (!o.recordFile.isEmpty()) {
        QString err;
        recording = RecordingSession::open(o.recordFile, &err);
        if (!recording) {
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
            return shm::exit_code::kBadInput;
        }
    }
    SweepTally tally(plan);
    RunPlayer player;
    if (recording) { // the sweep's axes and repeats name the group
        std::string axes;
        for (const shm::SweepAxis& a : o.sweepAxes)
            axes += (axes.empty() ? "" : " ") + std::string(a.row->name);
        player.setRecordGroup(recording->beginGroup(
            {"sweep", axes, "{\"repeat\":" + std::to_string(o.repeat) + "}"}));
        player.setRecorder(&recording->recorder());
    }
    player.controller().setWorkerCommand(o.workerCommand);
    player.controller().setMpiArgs(o.mpiArgs);
    player.setGoOnAfterFailedStart(true); // a failed run is counted and the sweep goes on
    follow(player, tally, o);
    GracefulSignals graceful;
    QObject::connect(&graceful, &GracefulSignals::received, &player, &RunPlayer::terminate);
    QEventLoop loop;
    QObject::connect(&player, &RunPlayer::finished, &loop, &QEventLoop::quit);
    QObject::connect(&player, &RunPlayer::stopped, &loop, &QEventLoop::quit);
    if (player.play(tally.runs(), nullptr) && player.playing()) loop.exec();
    if (recording) recording->finish();
    const bool written = printSummary(o, tally.summary(), csv);
    graceful.reraise();
    return tally.runsMeasured() && written ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
