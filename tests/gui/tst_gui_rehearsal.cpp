// Lessons > Rehearse This Lesson in the window (offscreen): the dialog plays the shown lesson
// through its own controller while the window keeps its event loop, then shows the table the
// command line prints, with the count.
#include "window_test_util.h"

#include "gui/lessons/lesson_panel.h"
#include "gui/lessons/rehearsal_dialog.h"

#include <QPushButton>
#include <QTableWidget>

class TestRehearsalWindow : public QObject {
    Q_OBJECT
  private slots:
    void rehearseThisLessonOnce();
    void refusedWhileARunGoesOn();
};

void TestRehearsalWindow::rehearseThisLessonOnce() {
    auto w = testutil::newWindow(QStringLiteral("rehearse"),
                                 {.workers = 2, .elements = 1000, .sync = shm::SyncMode::None});
    w->show();
    QVERIFY(w->showLesson(QStringLiteral("seed-split")));
    QString error;
    // What the menu item calls once the count is asked (the menu's QInputDialog is modal).
    QVERIFY2(w->rehearseLessons(false, 1, &error), qPrintable(error));
    RehearsalDialog* d = w->rehearsalDialog();
    QVERIFY(d);
    QVERIFY(d->isVisible());
    QVERIFY(d->rehearsal().playing());
    // The window's own event loop runs the plays: no nested loop, nothing blocked.
    int ticks = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] { ++ticks; });
    tick.start(10);
    QVERIFY(QTest::qWaitFor([&] { return !d->rehearsal().playing(); }, 240000));
    QVERIFY(ticks > 0);
    QVERIFY(d->rehearsal().error().isEmpty());
    QTableWidget* t = d->table();
    QCOMPARE(t->rowCount(), 1);
    QVERIFY(t->item(0, 0)->text().startsWith(QStringLiteral("seed-split")));
    // seed-split's figures do not depend on the machine: seen, once.
    QCOMPARE(t->item(0, 1)->text(), QStringLiteral("1/1"));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("0/1"));
    QCOMPARE(t->item(0, 3)->text(), QStringLiteral("0/1"));
    QVERIFY2(
        t->item(0, 4)->text().contains(QStringLiteral("A.unwritten == 1: observed 1, held 1/1")),
        qPrintable(t->item(0, 4)->text()));
    QVERIFY(d->tableText().contains(QStringLiteral("seed-split   1/1")));
    QVERIFY(testutil::shmEntries(QCoreApplication::applicationPid()).isEmpty());
    // The window's controller was never used.
    QCOMPARE(w->controller().phase(), shm::Phase::Idle);
}

void TestRehearsalWindow::refusedWhileARunGoesOn() {
    auto w = testutil::newWindow(
        QStringLiteral("rehearse-busy"),
        {.workers = 2, .elements = 200000, .sync = shm::SyncMode::None, .delayUs = 50});
    w->show();
    QString error;
    QVERIFY2(w->startRun(&error), qPrintable(error));
    QVERIFY(!w->rehearseLessons(true, 1, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!w->rehearsalDialog() || !w->rehearsalDialog()->isVisible());
    w->controller().stop();
    QVERIFY(QTest::qWaitFor([&] { return !w->controller().isActive(); }, 60000));
}

QTEST_MAIN(TestRehearsalWindow)
#include "tst_gui_rehearsal.moc"
