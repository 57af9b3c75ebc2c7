// The counters view's ns-per-increment bars: a title line of their own, every worker a row
// (256 workers too, under a pixel each if need be), names a text line apart when rows are thin.
#include "gui/views/counters_view.h"

#include <QTest>

class TestCountersRows : public QObject {
    Q_OBJECT
  private slots:
    void barRows_data();
    void barRows();
};

void TestCountersRows::barRows_data() {
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("workers");
    QTest::addColumn<bool>("values");
    QTest::addColumn<int>("labelEvery");
    QTest::newRow("4 workers, room to spare") << 300 << 4 << true << 1;
    QTest::newRow("64 workers") << 280 << 64 << false << 4;
    QTest::newRow("256 workers") << 280 << 256 << false << 16;
    QTest::newRow("256 workers, 1080p") << 560 << 256 << false << 8;
    QTest::newRow("no room") << 10 << 256 << false << 256;
}

void TestCountersRows::barRows() {
    QFETCH(int, height);
    QFETCH(int, workers);
    QFETCH(bool, values);
    QFETCH(int, labelEvery);
    const int textH = 15;
    const CountersView::BarRows r = CountersView::barRows(height, workers, textH);
    QCOMPARE(r.values, values);
    QCOMPARE(r.labelEvery, labelEvery);
    QVERIFY(r.titleH >= textH); // the title has its line (it was squeezed into a 6-px row)
    // Every worker's row fits under the title.
    QVERIFY(r.titleH + workers * r.rowH <= std::max(double(height), r.titleH) + 1e-9);
    if (!values) QVERIFY(r.rowH * r.labelEvery >= textH || r.labelEvery >= workers);
}

QTEST_MAIN(TestCountersRows)
#include "tst_counters_rows.moc"
