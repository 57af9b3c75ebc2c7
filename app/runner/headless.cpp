#include "headless.h"

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
        shm::RunReport r;
        r.version = QCoreApplication::applicationVersion().toStdString();
        r.config = o.config;
        r.status = "failed";
        r.errors.push_back(error.toStdString());
        if (o.json) std::printf("%s\n", shm::toJson(r).c_str());
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return 3;
    }
    loop.exec();
    const shm::RunReport& r = run.report();
    if (o.json)
        std::printf("%s\n", shm::toJson(r).c_str());
    else
        std::printf("%s", shm::toText(r).c_str());
    for (const auto& e : r.errors)
        if (o.json) std::fprintf(stderr, "shmscope: %s\n", e.c_str());
    return r.status == "finished" ? 0 : 3;
}
