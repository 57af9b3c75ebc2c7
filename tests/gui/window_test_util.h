#pragma once
// Windows for the GUI tests: built as `shmscope` would build them from a command line that gave
// every setting, running the real shmscope-worker of the build tree on this test's segments.
#include "../test_util.h"
#include "gui/main_window.h"
#include "model/settings.h"

#include <QTest>

#include <memory>

namespace testutil {

// Not shown yet: a test adds its model testers first, so they see the window's whole life.
inline std::unique_ptr<MainWindow> newWindow(const QString& tag, const shm::ExperimentConfig& cfg,
                                             const WorkerCommand& command = {}) {
    CliOptions o;
    o.config = cfg;
    o.workerCommand = command;
    for (const shm::SettingRow& r : shm::kSettings)
        o.settingsGiven << QString::fromLatin1(r.name.data(), qsizetype(r.name.size()));
    auto w = std::make_unique<MainWindow>(o, false);
    w->controller().setWorkerPath(workerPath());
    w->controller().setSegmentName(segmentName(tag));
    return w;
}

// Starts the window's run, waits until it is Finished and draws the final frame.
inline bool runToEnd(MainWindow& w) {
    QString err;
    if (!w.startRun(&err)) {
        qWarning() << err;
        return false;
    }
    if (!QTest::qWaitFor([&] { return w.controller().phase() == shm::Phase::Finished; }, 60000))
        return false;
    w.refreshFrame(0);
    return true;
}

} // namespace testutil
