// shmscope: the window, the --headless CLI and --screenshot, in one binary.
#include "cli_options.h"
#include "gui/gui_main.h"
#include "headless.h"
#include "segment.h"
#include "segment_cleanup.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char** argv) {
    QStringList args;
    for (int i = 1; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    const CliParse parsed = parseCommandLine(args);
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(parsed.error));
        return 2;
    }
    const CliOptions& o = parsed.options;
    if (o.help) {
        std::printf("%s", qPrintable(helpText()));
        return 0;
    }
    if (o.version) {
        std::printf("shmscope %s\n", SHMSCOPE_VERSION);
        return 0;
    }
    // Segments whose creator died (a crash, kill -9) would otherwise stay in /dev/shm forever.
    for (const auto& name : shm::sweepStaleSegments())
        std::fprintf(stderr, "shmscope: removed stale segment %s\n", name.c_str());
    segment_cleanup::installSignalHandlers();

    if (o.headless) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("ShmScope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
        return runHeadless(o);
    }
    return runGui(o, argc, argv);
}
