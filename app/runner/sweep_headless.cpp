#include "runner/sweep_headless.h"

#include "analysis/sweep.h"
#include "runner/graceful_signals.h"
#include "runner/run_controller.h"
#include "segment/exit_codes.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

#include <cstdio>

int runSweepHeadless(const CliOptions& o) {
    shm::SweepPlan plan;
    if (auto err = shm::planSweep(o.config, o.sweepAxes, o.repeat, &plan)) { // checked at parse
        std::fprintf(stderr, "shmscope: %s\n", err->c_str());
        return shm::exit_code::kBadInput;
    }
    // The CSV file is opened first: a path that cannot be written fails before any run.
    QFile csv(o.csvFile);
    if (!o.csvFile.isEmpty() && !csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "shmscope: --csv %s: %s\n", qPrintable(o.csvFile),
                     qPrintable(csv.errorString()));
        return shm::exit_code::kBadInput;
    }
    std::vector<std::vector<shm::RunReport>> reports(plan.points.size());
    GracefulSignals graceful;
    RunController* current = nullptr;
    QObject::connect(&graceful, &GracefulSignals::received, &graceful, [&current](int sig) {
        if (current) current->terminate(sig);
    });
    const std::string version = QCoreApplication::applicationVersion().toStdString();
    for (size_t k = 0; k < plan.order.size() && !graceful.signalled(); ++k) {
        const size_t point = plan.order[k];
        if (!o.json)
            std::fprintf(stderr, "shmscope: sweep run %zu of %zu: %s\n", k + 1, plan.order.size(),
                         shm::pointName(plan, point).c_str());
        RunController run;
        run.setWorkerCommand(o.workerCommand);
        run.setMpiArgs(o.mpiArgs);
        QEventLoop loop;
        QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
        QString error;
        if (!run.start(plan.points[point], &error)) {
            std::fprintf(stderr, "shmscope: sweep point %s: %s\n",
                         shm::pointName(plan, point).c_str(), qPrintable(error));
            reports[point].push_back(
                shm::failedToStartReport(plan.points[point], version, error.toStdString()));
            continue;
        }
        current = &run;
        loop.exec();
        current = nullptr;
        const shm::RunReport& r = run.report();
        if (!r.finished())
            std::fprintf(stderr, "shmscope: sweep point %s: run %s%s%s\n",
                         shm::pointName(plan, point).c_str(),
                         std::string(shm::nameOf(r.status)).c_str(), r.failure.empty() ? "" : ": ",
                         r.failure.c_str());
        // A run stopped by the signal measured nothing worth a median: left out.
        if (!graceful.signalled()) reports[point].push_back(r);
    }
    const shm::SweepSummary summary = shm::summarizeSweep(plan, reports, shm::usableCores());
    std::printf("%s", (o.json ? shm::toJson(summary) + "\n" : shm::toText(summary)).c_str());
    if (csv.isOpen()) {
        const std::string text = shm::toCsv(summary);
        if (csv.write(text.data(), qint64(text.size())) != qint64(text.size()) || !csv.flush())
            std::fprintf(stderr, "shmscope: --csv %s: %s\n", qPrintable(o.csvFile),
                         qPrintable(csv.errorString()));
        csv.close();
    }
    std::fflush(stdout);
    std::fflush(stderr);
    graceful.reraise();
    size_t ran = 0;
    for (const shm::SweepPointSummary& p : summary.points)
        ran += p.runs;
    return ran ? shm::exit_code::kOk : shm::exit_code::kRunFailed;
}
