// The one rate formatter (analysis/units.h), shared by the window and the headless sweep
// table: its units, its rounding per unit and where one unit gives way to the next.
#include "analysis/units.h"

#include <QTest>

class TestUnits : public QObject {
    Q_OBJECT
  private slots:
    void rate_data();
    void rate();
};

void TestUnits::rate_data() {
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<QString>("text");
    auto add = [](const char* tag, double v, const char* text) {
        QTest::newRow(tag) << v << QString::fromUtf8(text);
    };
    // G: two decimals; M and k: one; per second: none (the window's rounding, which the
    // sweep table used to give as three significant digits: "812 k/s", "5.00 M/s").
    add("giga", 1.2345e9, "1.23 G/s");
    add("giga rounds up", 2.996e9, "3.00 G/s");
    add("mega", 49.74e6, "49.7 M/s");
    add("mega below ten", 5.0e6, "5.0 M/s");
    add("kilo", 812345, "812.3 k/s");
    add("kilo rounds up", 1049.96, "1.0 k/s");
    add("per second", 640.4, "640 /s");
    add("per second rounds", 999.6, "1000 /s"); // still under 1e3: no unit change
    add("one kilo exactly", 1e3, "1.0 k/s");
    add("one mega exactly", 1e6, "1.0 M/s");
    add("one giga exactly", 1e9, "1.00 G/s");
    add("zero", 0, "0 /s");
}

void TestUnits::rate() {
    QFETCH(double, perSecond);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(shm::rateText(perSecond)), text);
}

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
