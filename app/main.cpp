// shmscope and shmscope-gui: one main. shmscope (Qt Core only) parses the command line and runs
// everything without a window itself; for the window, --screenshot and --bench-frames it execs
// shmscope-gui beside it (this file built with SHMSCOPE_HAVE_GUI), which does the same parsing.
#include "cli/cli_options.h"
#include "cli/cli_text.h"
#include "cli/language.h"
#include "segment/exit_codes.h"
#ifdef SHMSCOPE_HAVE_GUI
#include "gui/gui_main.h"
#endif
#include "lessons/lesson_headless.h"
#include "lessons/open_headless.h"
#include "lessons/rehearsal_headless.h"
#include "runner/headless.h"
#include "runner/probe_print.h"
#include "runner/result_file.h"
#include "runner/segment_cleanup.h"
#include "runner/sweep_headless.h"
#include "segment/segment.h"

#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unistd.h>

namespace {
// Set by shmscope for the shmscope-gui it execs: the command line's warnings are printed.
constexpr char kWarnedVariable[] = "SHMSCOPE_WARNINGS_PRINTED";
} // namespace

#if !defined(SHMSCOPE_HAVE_GUI) && defined(SHMSCOPE_GUI_PROGRAM)
namespace {
// Replaces this process with the window's program from this program's directory, same
// arguments and environment (the pid stays: scripts that signal it reach the window). A
// headless run thus never loads Qt Widgets, Gui, the X, font and GL libraries, whose eager
// symbol binding took 15 of this program's 21 ms of start-up (issue 10); the window pays a
// second exec of ~8 ms. Returns only if the program is not there (or cannot run): why.
std::string execGui(char** argv) {
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return std::string("(/proc/self/exe: ") + std::strerror(errno) + ")";
    std::string path(self, size_t(n));
    path = path.substr(0, path.rfind('/') + 1) + SHMSCOPE_GUI_PROGRAM;
    qputenv(kWarnedVariable, "1");
    ::execv(path.c_str(), argv);
    const int err = errno;
    qunsetenv(kWarnedVariable);
    return path + ": " + std::strerror(err);
}
} // namespace
#endif

namespace {
// --help, --man, --version: printed on stdout; true if one was asked for.
bool printInfo(const CliOptions& o) {
    if (o.help)
        std::printf("%s", qPrintable(helpText()));
    else if (o.man)
        std::printf("%s", qPrintable(manPage()));
    else if (o.version)
        std::printf("shmscope %s\n", SHMSCOPE_VERSION);
    return o.help || o.man || o.version;
}

// Whether the run goes headless: sweeps and result files do, and so does the window without a
// display (pictures and benchmarks then render offscreen).
void chooseHeadless(CliOptions& o) {
    // --lesson with --headless (or without a display) runs in the terminal; in the window it
    // opens the Lessons panel on that lesson.
    // No display and no platform chosen: Qt would abort with "could not connect to display".
    // Run the experiment headless instead and say how to get pictures.
    // A sweep prints a table unless it renders the Sweep view.
    if (!o.sweepAxes.empty() && o.screenshot.isEmpty()) o.headless = true;
    if (o.rehearse) o.headless = true; // a table in the terminal (the window has its menu)
    // Result files are written by a headless run.
    if ((!o.csvFile.isEmpty() || !o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty()) &&
        o.screenshot.isEmpty())
        o.headless = true;
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") &&
                           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
                           qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!o.headless && noDisplay) {
        if (!o.screenshot.isEmpty() || o.benchFrames > 0 || o.benchScrub > 0) {
            qputenv("QT_QPA_PLATFORM", "offscreen"); // pictures and benchmarks need no screen
        } else {
            const QString note =
                o.openFile.isEmpty()
                    ? CliText::tr("no display found, running headless (--screenshot OUT.png "
                                  "renders the window without one)")
                    : CliText::tr("no display found, printing the recording's reports "
                                  "(--screenshot OUT.png renders it without one)");
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(note));
            o.headless = true;
        }
    }
}

// The translations of --lang's language (`flag`), else the locale's, into the application
// just made (no saved choice here: that is the window's, gui_main.cpp). A build without them
// still runs, in English.
void installLanguage(const QString& flag) {
    const QString err = language::install(language::choose(flag));
    if (!err.isEmpty()) std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
}

// Segments whose creator died (a crash, kill -9) would otherwise stay in /dev/shm forever.
void removeStaleSegments() {
    const shm::SweepResult swept = shm::sweepStaleSegments();
    for (const auto& name : swept.removed)
        std::fprintf(
            stderr, "shmscope: %s\n",
            qPrintable(CliText::tr("removed stale segment %1").arg(QString::fromStdString(name))));
    for (const auto& why : swept.leftAlone)
        std::fprintf(
            stderr, "shmscope: %s\n",
            qPrintable(CliText::tr("left alone in /dev/shm: %1").arg(QString::fromStdString(why))));
    // A few named, the rest counted: 20k stale-looking files are not 20k lines.
    if (swept.leftAloneTotal > swept.leftAlone.size())
        std::fprintf(stderr, "shmscope: %s\n",
                     qPrintable(CliText::tr("left alone in /dev/shm: %1 more shmscope-<pid>-* "
                                            "files of dead pids that are not provably ShmScope's")
                                    .arg(swept.leftAloneTotal - swept.leftAlone.size())));
}
} // namespace

namespace {
// Every mode; the process's exit code.
int runCommandLine(int argc, char** argv) {
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // --help and the parser's errors come in the interface language: the translators need an
    // application, and --lang is read before the parsing it words. The window makes its own
    // (QApplication), so this one is gone before runGui.
    auto app = std::make_unique<QCoreApplication>(argc, argv);
    installLanguage(language::flagIn(args));
    const CliParse parsed = parseCommandLine(args);
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(parsed.error));
        return shm::exit_code::kBadInput;
    }
    // Printed once: shmscope says so to the shmscope-gui it execs, which parses again.
    if (qEnvironmentVariableIsEmpty(kWarnedVariable))
        for (const QString& w : parsed.warnings)
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(CliText::tr("warning: %1").arg(w)));
    qunsetenv(kWarnedVariable); // not passed on to workers
    CliOptions o = parsed.options;
    if (printInfo(o)) return shm::exit_code::kOk;
    if (o.probe) return printProbe(o);
    if (o.listLessons) return listLessons(o);
    chooseHeadless(o);
#ifndef SHMSCOPE_HAVE_GUI
    if (!o.headless) {
        QString why = CliText::tr("this ShmScope was built without the window "
                                  "(SHMSCOPE_BUILD_GUI=OFF)");
#ifdef SHMSCOPE_GUI_PROGRAM
        why = CliText::tr("cannot run the window's program %1")
                  .arg(QString::fromLocal8Bit(execGui(argv)));
#endif
        // Pictures cannot be made without it; runs can.
        if (!o.screenshot.isEmpty() || o.benchFrames > 0) {
            std::fprintf(
                stderr, "shmscope: %s\n",
                qPrintable(CliText::tr("%1: --screenshot and --bench-frames need it").arg(why)));
            return shm::exit_code::kBadInput;
        }
        std::fprintf(stderr, "shmscope: %s\n",
                     qPrintable(CliText::tr("%1, running headless").arg(why)));
        o.headless = true;
    }
#endif
    removeStaleSegments();
    segment_cleanup::installSignalHandlers();

    if (o.headless) {
        QCoreApplication::setApplicationName(QStringLiteral("ShmScope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
        if (!o.openFile.isEmpty()) return openRecordingHeadless(o);
        if (!o.sweepAxes.empty()) return runSweepHeadless(o);
        if (o.rehearse) return runRehearsalHeadless(o);
        return o.lessonId.isEmpty() ? runHeadless(o) : runLessonHeadless(o);
    }
#ifdef SHMSCOPE_HAVE_GUI
    app.reset();
    return runGui(o, argc, argv);
#else
    return shm::exit_code::kBadInput; // not reached: without the window every mode is headless
#endif
}
} // namespace

int main(int argc, char** argv) {
    const int code = runCommandLine(argc, argv);
    // What went to stdout (a report, a table, --help) is a result too: a full disk, /dev/full or
    // a closed descriptor must not end in exit 0.
    if (const QString err = flushStandardOutput(); !err.isEmpty()) {
        std::fprintf(stderr, "shmscope: could not write standard output: %s\n", qPrintable(err));
        return code == shm::exit_code::kOk ? shm::exit_code::kRunFailed : code;
    }
    return code;
}
