#include "headless.h"

#include "exit_codes.h"
#include "run_controller.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

int runHeadless(const CliOptions& o) {
    RunController run;
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    QString error;
    if (!run.start(o.config, &error)) {
        const shm::RunReport r = shm::failedToStartReport(
            o.config, QCoreApplication::applicationVersion().toStdString(), error.toStdString());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return shm::exit_code::kRunFailed;
    }
    loop.exec();
    const shm::RunReport& r = run.report();
    if (o.json)
        std::printf("%s\n", shm::toJson(r).c_str());
    else
        std::printf("%s", shm::toText(r).c_str());
    for (const auto& e : r.errors)
        if (o.json) std::fprintf(stderr, "shmscope: %s\n", e.c_str());
    return r.finished() ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
