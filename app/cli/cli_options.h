#pragma once
// Command line of `shmscope`: experiment settings (shared by the headless CLI, the window and
// --screenshot), an optional --config JSON file, and the mode flags.
#include "analysis/sweep.h"
#include "cli/worker_command.h"
#include "model/settings.h"

#include <QJsonObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>

struct CliOptions {
    bool headless = false;
    bool json = false;
    bool help = false;
    bool version = false;
    bool man = false; // --man: the man page (roff) on stdout
    // --probe: measure the machine again (core/probe), rewrite the per-boot cache, print it.
    bool probe = false;
    shm::ExperimentConfig config;
    QString configFile;
    QStringList settingsGiven; // setting names set by a flag or the config file
    QStringList flagsGiven;    // of those, the ones set by a flag

    // Lessons (app/lessons): list them, or run one (its runs, then its expectations).
    bool listLessons = false;
    QString lessonId;
    QString lessonFile; // teachers' own lessons instead of the built-in ones
    // --rehearse [N]: every lesson (or --lesson's) played N times, a table of the verdicts
    // (app/lessons/rehearsal_headless.h); 0 = not asked.
    int rehearse = 0;

    // Sweeps (--sweep given once or twice) and A/B against a saved report.
    std::vector<shm::SweepAxis> sweepAxes;
    uint32_t repeat = 3;
    bool repeatGiven = false;
    QString csvFile;           // --csv: the sweep's points table, else the run's workers
    QString arrayCsvFile;      // --array-csv: index, value, expected, owner
    QString traceFile;         // --trace: a Perfetto / Chrome trace of the run
    QString compareWith;       // --compare-with REPORT.json: ratios against that run
    QJsonObject compareReport; // that report, read while parsing
    // --worker-command CMD [--worker-command-count K]: the last K workers (default all) run
    // CMD --segment NAME --worker K instead of shmscope-worker.
    WorkerCommand workerCommand;
    // --mpi-args "...": passed to mpirun for --transport mpi (split like a shell).
    QStringList mpiArgs;
    bool mpiArgsGiven = false;

    // Recordings (core/record, docs/recording.md): --record FILE keeps the run, lesson or
    // sweep in one SQLite file; --open FILE (or a lone FILE argument) opens one: in the window,
    // or with --headless its recorded reports are printed as a live run prints them.
    QString recordFile;
    QString openFile;
    QString runLabel;   // --run LABEL: which recorded run --screenshot shows (default the first)
    int benchScrub = 0; // --bench-scrub N: time N slider moves over an opened recording
    // Window / screenshot options (ignored by --headless).
    QString screenshot;                      // output PNG path; non-empty = render and exit
    QString view = QStringLiteral("window"); // a --view name (option_table.cpp setView)
    QSize size{1600, 1000};
    int atMs = -1; // screenshot this long after start instead of at the end
    // --array-range FIRST:LAST: the array plot zoomed to [FIRST, LAST) as each run starts (a
    // screenshot of 10^9 elements that shows single elements); {0, 0}: the whole array.
    std::pair<uint64_t, uint64_t> arrayRange{0, 0};
    bool noRun = false;  // screenshot the window as it first opens, before any run
    int benchFrames = 0; // GUI benchmark: frames to time
    double zoom = 0;     // presentation mode: text and plots scaled (0 = as saved, else 0.7-3)
    // --lang: "en" or "ko" (cli/language.h); empty: the saved choice or the system locale's.
    QString lang;
};

struct CliParse {
    CliOptions options;
    QString error;        // one line naming the flag or field; empty when fine
    QStringList warnings; // one line each: accepted, but probably not what was meant
};

// Parses arguments (without argv[0]). Config file values are applied first, flags override.
// Also checks that the array fits in free /dev/shm space.
CliParse parseCommandLine(const QStringList& args);

// --help: in the interface language when `translated`, else English (the man page's source).
// Flag names, setting names and values stay English in both.
QString helpText(bool translated = true);
// The man page, roff: the modes and files as --help has them, the settings from the table.
QString manPage();
