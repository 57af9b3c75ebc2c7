#include "screenshot_runner.h"

#include "main_window.h"
#include "view_export.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cstdio>
#include <memory>

namespace {
void settle(QWidget* top) {
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    for (QCustomPlot* p : top->findChildren<QCustomPlot*>())
        p->replot(QCustomPlot::rpImmediateRefresh);
}
} // namespace

int runScreenshot(MainWindow& window, const CliOptions& o) {
    // A single view is lifted into its own top-level window of the requested size.
    std::unique_ptr<QWidget> holder;
    QWidget* target = &window;
    if (o.view != QLatin1String("window")) {
        holder = std::make_unique<QWidget>();
        holder->setWindowTitle(QStringLiteral("ShmScope — %1").arg(o.view));
        auto* layout = new QVBoxLayout(holder.get());
        layout->setContentsMargins(0, 0, 0, 0);
        QWidget* view = window.viewWidget(o.view);
        view->setParent(holder.get());
        layout->addWidget(view);
        view->setAutoFillBackground(true);
        target = holder.get();
    }
    target->resize(o.size);
    target->show();
    settle(target);

    QString error;
    if (!window.startRun(&error)) {
        std::fprintf(stderr, "shmscope: %s\n", qPrintable(error));
        return 3;
    }
    RunController& run = window.controller();
    bool written = false;
    auto capture = [&] {
        settle(target);
        window.refreshFrame(0);
        settle(target);
        window.refreshFrame(0);
        QString err;
        written = view_export::save(target, nullptr, o.screenshot, o.size, &err);
        if (!written) std::fprintf(stderr, "shmscope: %s\n", qPrintable(err));
    };
    QEventLoop loop;
    QObject::connect(&run, &RunController::finished, &loop, &QEventLoop::quit);
    if (o.atMs >= 0) {
        QTimer::singleShot(o.atMs, &loop, [&] {
            if (!run.isActive()) return;
            capture();
            run.stop();
        });
    }
    if (run.isActive()) loop.exec();
    if (!written) capture();
    if (holder) holder->hide();
    window.hide();
    return written && run.report().status == "finished" ? 0 : 3;
}
