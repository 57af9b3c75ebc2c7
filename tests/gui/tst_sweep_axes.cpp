// The Sweep view's speedup plot over a wide workers axis (1 to 256 on a 2-core machine): log 2
// workers and a height the measured points fill, not the ideal line's 256; a narrow sweep keeps
// its linear axis up to the ideal. Fed synthetic reports, no processes.
#include "analysis/sweep.h"
#include "gui/sweep/sweep_model.h"
#include "gui/sweep/sweep_view.h"

#include <QTest>
#include <qcustomplot.h>

namespace {

// Every point's runs finished, compute 1 s at 1 worker and at most twice as fast beyond.
shm::SweepSummary summaryOf(const char* spec) {
    shm::SweepAxis axis;
    if (const auto err = shm::parseSweepAxis(spec, &axis)) qFatal("%s", err->c_str());
    shm::SweepPlan plan;
    shm::ExperimentConfig base{.elements = 100000};
    if (const auto err = shm::planSweep(base, {axis}, 1, &plan)) qFatal("%s", err->c_str());
    std::vector<std::vector<shm::RunReport>> reports(plan.points.size());
    for (size_t i = 0; i < plan.points.size(); ++i) {
        shm::RunReport r;
        r.config = plan.points[i];
        r.status = shm::RunStatus::Finished;
        r.computeSeconds = plan.points[i].workers == 1 ? 1.0 : 0.5 + 0.01 * plan.points[i].workers;
        reports[i].push_back(r);
    }
    return shm::summarizeSweep(plan, reports, 2);
}

} // namespace

class TestSweepAxes : public QObject {
    Q_OBJECT
  private slots:
    void wideWorkersAxisIsLog2();
    void narrowWorkersAxisStaysLinear();
};

void TestSweepAxes::wideWorkersAxisIsLog2() {
    SweepModel model;
    SweepView view(&model);
    view.resize(1200, 800);
    model.setSummary(summaryOf("workers=1,2,4,8,16,32,64,128,256"));
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot->xAxis->range().lower > 0 && plot->xAxis->range().lower < 1);
    QVERIFY(plot->xAxis->range().upper > 256);
    // Twice the cores, not the ideal's 256: the measured speedups (up to ~2) fill the height.
    QVERIFY2(plot->yAxis->range().upper < 5,
             qPrintable(QString::number(plot->yAxis->range().upper)));
    // Evenly spaced: 1 → 2 as wide as 128 → 256.
    const double one = plot->xAxis->coordToPixel(1), two = plot->xAxis->coordToPixel(2);
    const double last = plot->xAxis->coordToPixel(128), max = plot->xAxis->coordToPixel(256);
    QVERIFY(std::abs((two - one) - (max - last)) < 1.0);
    // A narrow sweep afterwards goes back to linear.
    model.setSummary(summaryOf("workers=1,2,4,8"));
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLinear);
}

void TestSweepAxes::narrowWorkersAxisStaysLinear() {
    SweepModel model;
    SweepView view(&model);
    view.resize(1200, 800);
    model.setSummary(summaryOf("workers=1,2,4,8,16"));
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(plot->yAxis->range().upper >= 16); // the ideal line stays in view, as before
}

QTEST_MAIN(TestSweepAxes)
#include "tst_sweep_axes.moc"
