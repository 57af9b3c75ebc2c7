// WorkerBarsPlottable against the bars it replaced: three stacked QCPBars per worker (compute
// outlined, wait and hold on top), drawn into the same plot size, give the same pixels, for
// times with zeros, tiny bars (under the stacking gap) and tall ones. WorkTimeBarsPlottable
// likewise against two QCPBars per worker (wall time wide and outlined, CPU narrow in front).
#include "gui/common/worker_palette.h"
#include "gui/views/work_time_bars_plottable.h"
#include "gui/views/worker_bars_plottable.h"

#include <QTest>
#include <qcustomplot.h>

#include <random>

namespace {

using Times = WorkerBarsPlottable::Times;

QCustomPlot* newPlot(uint32_t workers, double top) {
    auto* plot = new QCustomPlot;
    plot->resize(420, 300);
    plot->xAxis->setRange(-0.6, std::max(1.0, double(workers)) - 0.4);
    plot->yAxis->setRange(0, top);
    return plot;
}

QImage render(QCustomPlot* plot) {
    plot->replot();
    return plot->toPixmap(420, 300).toImage();
}

// The former drawing: per worker a QCPBars each for compute, wait and hold, stacked.
QImage withQcpBars(const std::vector<Times>& times, double top) {
    std::unique_ptr<QCustomPlot> plot(newPlot(uint32_t(times.size()), top));
    for (size_t k = 0; k < times.size(); ++k) {
        const QColor c = worker_palette::color(uint32_t(k));
        auto* compute = new QCPBars(plot->xAxis, plot->yAxis);
        auto* wait = new QCPBars(plot->xAxis, plot->yAxis);
        auto* hold = new QCPBars(plot->xAxis, plot->yAxis);
        compute->setBrush(worker_palette::pale(c));
        compute->setPen(QPen(c, 1));
        wait->setBrush(worker_palette::waitColor());
        wait->setPen(Qt::NoPen);
        hold->setBrush(c);
        hold->setPen(Qt::NoPen);
        for (QCPBars* b : {compute, wait, hold}) {
            b->setWidth(WorkerBarsPlottable::kWidth);
            b->setAntialiased(false);
            b->setAntialiasedFill(false);
        }
        wait->moveAbove(compute);
        hold->moveAbove(wait);
        compute->data()->set({QCPBarsData(double(k), times[k].compute)}, true);
        wait->data()->set({QCPBarsData(double(k), times[k].wait)}, true);
        hold->data()->set({QCPBarsData(double(k), times[k].hold)}, true);
    }
    return render(plot.get());
}

QImage withPlottable(const std::vector<Times>& times, double top) {
    std::unique_ptr<QCustomPlot> plot(newPlot(uint32_t(times.size()), top));
    auto* bars = new WorkerBarsPlottable(plot->xAxis, plot->yAxis);
    bars->setTimes(times);
    return render(plot.get());
}

using WorkTimes = WorkTimeBarsPlottable::Times;

QImage workTimesWithQcpBars(const std::vector<WorkTimes>& times, double top) {
    std::unique_ptr<QCustomPlot> plot(newPlot(uint32_t(times.size()), top));
    for (size_t k = 0; k < times.size(); ++k) {
        const QColor c = worker_palette::color(uint32_t(k));
        auto* wall = new QCPBars(plot->xAxis, plot->yAxis);
        auto* cpu = new QCPBars(plot->xAxis, plot->yAxis);
        wall->setBrush(worker_palette::pale(c));
        wall->setPen(QPen(c, 1));
        wall->setWidth(WorkTimeBarsPlottable::kWallWidth);
        cpu->setBrush(c);
        cpu->setPen(Qt::NoPen);
        cpu->setWidth(WorkTimeBarsPlottable::kCpuWidth);
        for (QCPBars* b : {wall, cpu}) {
            b->setAntialiased(false);
            b->setAntialiasedFill(false);
        }
        wall->data()->set({QCPBarsData(double(k), times[k].wall)}, true);
        cpu->data()->set({QCPBarsData(double(k), times[k].cpu)}, true);
    }
    return render(plot.get());
}

QImage workTimesWithPlottable(const std::vector<WorkTimes>& times, double top) {
    std::unique_ptr<QCustomPlot> plot(newPlot(uint32_t(times.size()), top));
    auto* bars = new WorkTimeBarsPlottable(plot->xAxis, plot->yAxis);
    bars->setTimes(times);
    return render(plot.get());
}

} // namespace

class TestWorkerBars : public QObject {
    Q_OBJECT
  private slots:
    void samePixelsAsStackedQcpBars_data();
    void samePixelsAsStackedQcpBars();
    void workTimesSamePixelsAsQcpBars_data() { samePixelsAsStackedQcpBars_data(); }
    void workTimesSamePixelsAsQcpBars();
};

void TestWorkerBars::samePixelsAsStackedQcpBars_data() {
    QTest::addColumn<uint32_t>("workers");
    QTest::addColumn<uint32_t>("seed");
    for (uint32_t workers : {1u, 4u, 64u})
        for (uint32_t seed = 1; seed <= 3; ++seed)
            QTest::addRow("%u workers, seed %u", workers, seed) << workers << seed;
}

void TestWorkerBars::samePixelsAsStackedQcpBars() {
    QFETCH(uint32_t, workers);
    QFETCH(uint32_t, seed);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> seconds(0, 2);
    std::vector<Times> times(workers);
    double top = 0;
    for (Times& t : times) {
        // Some zero, some a sliver (under a pixel: the stacking gap's special case), most not.
        auto pick = [&] {
            switch (rng() % 6) {
            case 0:
                return 0.0;
            case 1:
                return 1e-4;
            default:
                return seconds(rng);
            }
        };
        t = {pick(), pick(), pick()};
        top = std::max(top, t.compute + t.wait + t.hold);
    }
    top = top > 0 ? top * 1.08 : 1;
    const QImage drawn = withPlottable(times, top);
    QVERIFY(drawn != withPlottable({}, top)); // bars were drawn at all
    QCOMPARE(drawn, withQcpBars(times, top));
}

void TestWorkerBars::workTimesSamePixelsAsQcpBars() {
    QFETCH(uint32_t, workers);
    QFETCH(uint32_t, seed);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> seconds(0, 2);
    std::vector<WorkTimes> times(workers);
    double top = 0;
    for (WorkTimes& t : times) {
        t.wall = rng() % 5 == 0 ? 0.0 : seconds(rng);
        t.cpu = rng() % 5 == 0 ? 0.0 : t.wall * std::uniform_real_distribution<double>(0, 1)(rng);
        top = std::max(top, t.wall);
    }
    top = top > 0 ? top * 1.08 : 1;
    const QImage drawn = workTimesWithPlottable(times, top);
    QVERIFY(drawn != workTimesWithPlottable({}, top)); // bars were drawn at all
    QCOMPARE(drawn, workTimesWithQcpBars(times, top));
}

QTEST_MAIN(TestWorkerBars)
#include "tst_worker_bars.moc"
