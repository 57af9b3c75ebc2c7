#include "gui/gui_main.h"

#include "cli/compare_with.h"
#include "cli/language.h"
#include "gui/frame_bench.h"
#include "gui/main_window.h"
#include "gui/recording_bench.h"
#include "gui/screenshot_runner.h"
#include "gui/views/array_view.h"
#include "lessons/lesson.h"
#include "runner/machine_once.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

namespace {
QtMessageHandler g_defaultHandler = nullptr;

// The offscreen platform warns about every dock widget; that noise hides real messages.
void filterOffscreenNoise(QtMsgType type, const QMessageLogContext& ctx, const QString& msg) {
    if (msg.contains(QLatin1String("propagateSizeHints"))) return;
    if (g_defaultHandler) g_defaultHandler(type, ctx, msg);
}
} // namespace

int runGui(const CliOptions& options, int& argc, char** argv) {
    Q_INIT_RESOURCE(shmscope); // the .qrc lives in a static library
    g_defaultHandler = qInstallMessageHandler(filterOffscreenNoise);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ShmScope"));
    QApplication::setApplicationName(QStringLiteral("ShmScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("shmscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/shmscope.png")));

    // Screenshots and benchmarks must not depend on what an earlier session saved.
    const bool batch =
        !options.screenshot.isEmpty() || options.benchFrames > 0 || options.benchScrub > 0;
    // --lang, else View > Language as saved (not for pictures and benchmarks), else the locale.
    const QString saved =
        batch ? QString() : QSettings().value(QLatin1String(language::kSettingsKey)).toString();
    QString note;
    if (const QString err = language::install(language::choose(options.lang, saved), &note);
        !err.isEmpty())
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
    if (!note.isEmpty()) std::fprintf(stderr, "shmscope: note: %s\n", qPrintable(note));
    if (!options.lessonFile.isEmpty()) { // refused before a window opens
        QString error;
        if (!loadLessonFile(options.lessonFile, &error)) {
            std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
            return 2;
        }
    }
    MainWindow window(options, !batch);
    if (options.zoom > 0) window.setZoom(options.zoom);
    window.arrayView()->setStartRange(options.arrayRange.first, options.arrayRange.second);
    if (!options.compareWith.isEmpty()) // checked while parsing
        window.pin(pinnedRun(options.compareReport), options.compareWith);
    // The lesson in front, and the welcome page's main button runs it.
    if (!options.lessonId.isEmpty() && options.screenshot.isEmpty() &&
        !window.offerLesson(options.lessonId))
        std::fprintf(stderr, "shmscope: --lesson: no lesson '%s' (see --list-lessons)\n",
                     qPrintable(options.lessonId));
    if (!options.screenshot.isEmpty()) return runScreenshot(window, options);
    if (options.benchFrames > 0) return runFrameBench(window, options);
    if (options.benchScrub > 0) return runScrubBench(window, options);
    if (!options.openFile.isEmpty()) { // a bad file: the window opens and says why
        QString error;
        if (!window.openRecording(options.openFile, &error))
            QMessageBox::warning(&window, QObject::tr("Open Recording"), error);
    }
    // The probe's figures for the first run's report, taken while the user looks at the
    // welcome page: a run started sooner waits for them before its workers start.
    machine_once::prefetch();
    if (!window.hasSavedGeometry()) window.fitToScreen();
    window.show();
    return app.exec();
}
