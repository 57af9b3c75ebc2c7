// Help → About This Machine…: the dialog opens from the menu and shows the probe's figures; Measure
// Again probes off the GUI thread (the window keeps handling events meanwhile) and shows the new
// figures; while a run is going it refuses. XDG_CACHE_HOME is this test's temporary directory.
#include "gui/machine_dialog.h"
#include "probe/probe_cache.h"
#include "runner/machine_once.h"
#include "window_test_util.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

class TestGuiMachine : public QObject {
    Q_OBJECT
    QTemporaryDir m_cache;

    static QAction* aboutMachineAction(MainWindow& w) {
        for (QAction* menu : w.menuBar()->actions())
            if (menu->menu())
                for (QAction* a : menu->menu()->actions())
                    if (a->text().remove(QLatin1Char('&')) == QStringLiteral("About This Machine…"))
                        return a;
        return nullptr;
    }
    static QString cell(QTableWidget* t, int row, int column) {
        return t->item(row, column) ? t->item(row, column)->text() : QString();
    }

  private slots:
    void initTestCase() {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }
    void opensAndShowsTheFigures();
};

void TestGuiMachine::opensAndShowsTheFigures() {
    shm::ExperimentConfig cfg;
    cfg.workers = 2;
    cfg.elements = 20000;
    auto w = testutil::newWindow(QStringLiteral("machine"), cfg);
    w->show();
    QAction* action = aboutMachineAction(*w);
    QVERIFY(action);
    action->trigger();
    auto* dialog = w->findChild<MachineDialog*>(QStringLiteral("aboutMachineDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("machineFigures"));
    auto* headline = dialog->findChild<QLabel*>(QStringLiteral("machineHeadline"));
    auto* measure = dialog->findChild<QPushButton*>(QStringLiteral("measureAgain"));
    QVERIFY(table && headline && measure);
    QVERIFY(table->rowCount() >= 5);
    QCOMPARE(cell(table, 0, 0), QStringLiteral("CPUs online"));

    // Measure Again: the GUI thread keeps running its event loop while the probe runs.
    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, [&] { ++ticks; });
    tick.start(10);
    measure->click();
    QVERIFY(dialog->measuring());
    QVERIFY(!measure->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return !dialog->measuring(); }, 30000));
    QVERIFY2(ticks > 0, "the window froze while measuring");
    QVERIFY(measure->isEnabled());
    const shm::MachineFigures m = machine_once::known();
    QVERIFY(m.probed());
    QCOMPARE(cell(table, 0, 1), QString::number(*m.cores));
    QVERIFY(!cell(table, 1, 1).isEmpty());
    QVERIFY(headline->text().contains(QStringLiteral("cache line")));
    QVERIFY(!headline->text().contains(QStringLiteral("not been measured")));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("machineProvenance"))
                ->text()
                .startsWith(QStringLiteral("Measured")));
    // Kept for this boot, where the next process finds it.
    QVERIFY(shm::loadCachedMachine(shm::probeCachePath(), m.bootId));

    // Not while a run is going.
    QString err;
    QVERIFY2(w->startRun(&err), qPrintable(err));
    if (w->controller().isActive()) {
        measure->click();
        QVERIFY(!dialog->measuring());
    }
    QVERIFY(
        QTest::qWaitFor([&] { return w->controller().phase() == shm::Phase::Finished; }, 60000));
    // The run's report carries the same figures.
    QCOMPARE(w->controller().report().machine.probedAt, m.probedAt);
}

QTEST_MAIN(TestGuiMachine)
#include "tst_gui_machine.moc"
