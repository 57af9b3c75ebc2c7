#include "headless.h"

#include "compare_with.h"
#include "exit_codes.h"
#include "graceful_signals.h"
#include "run_controller.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <csignal>
#include <cstdio>
#include <memory>

int runHeadless(const CliOptions& o) {
    RunController run;
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    // SIGINT/SIGTERM/SIGHUP: stop the run and print its report (status "terminated"), then
    // die of the signal. Armed before the run starts: a signal while the workers are being
    // spawned (the fault campaign found one at 0 ms) killed the app without a report.
    auto graceful = std::make_unique<GracefulSignals>();
    QObject::connect(graceful.get(), &GracefulSignals::received, &loop,
                     [&run](int sig) { run.terminate(sig); });
    QString error;
    if (!run.start(o.config, &error)) {
        graceful.reset();
        const shm::RunReport r = shm::failedToStartReport(
            o.config, QCoreApplication::applicationVersion().toStdString(), error.toStdString());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    loop.exec();
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
