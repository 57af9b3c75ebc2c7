#include "headless.h"

#include "exit_codes.h"
#include "run_controller.h"
#include "segment_cleanup.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

int runHeadless(const CliOptions& o) {
    RunController run;
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    // SIGINT/SIGTERM/SIGHUP: stop the run and print its report (status "terminated"), then
    // die of the signal as before, so the shell still sees it. Armed before the run starts:
    // a signal while the workers are being spawned (the fault campaign found one at 0 ms)
    // killed the app without a report. A byte that arrives during start() waits in the pipe.
    int sigPipe[2] = {-1, -1};
    int signalled = 0;
    std::unique_ptr<QSocketNotifier> onSignal;
    if (pipe2(sigPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        onSignal = std::make_unique<QSocketNotifier>(sigPipe[0], QSocketNotifier::Read);
        QObject::connect(onSignal.get(), &QSocketNotifier::activated, &loop, [&] {
            unsigned char b = 0;
            if (read(sigPipe[0], &b, 1) == 1 && !signalled) {
                signalled = b;
                run.terminate(b);
            }
        });
        segment_cleanup::setGracefulFd(sigPipe[1]);
    }
    QString error;
    if (!run.start(o.config, &error)) {
        segment_cleanup::setGracefulFd(-1);
        const shm::RunReport r = shm::failedToStartReport(
            o.config, QCoreApplication::applicationVersion().toStdString(), error.toStdString());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    loop.exec();
    segment_cleanup::setGracefulFd(-1);
    const shm::RunReport& r = run.report();
    if (o.json)
        std::printf("%s\n", shm::toJson(r).c_str());
    else
        std::printf("%s", shm::toText(r).c_str());
    for (const auto& e : r.errors)
        if (o.json) std::fprintf(stderr, "shmscope: %s\n", e.c_str());
    std::fflush(stdout);
    std::fflush(stderr);
    if (signalled) {
        std::signal(signalled, SIG_DFL);
        raise(signalled);
    }
    return r.finished() ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
