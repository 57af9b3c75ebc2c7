// Qt's parallel fills run on the GUI thread (gui/common/gui_thread_fills.h): Qt Gui's own calls
// reach our QThreadPool::start, which runs the GUI thread's global-pool tasks in place and
// passes every other task on to Qt's pool.
#include "gui/common/gui_thread_fills.h"

#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <cstdlib>

class TestGuiThreadFills : public QObject {
    Q_OBJECT
  private slots:
    void qtsFillsComeHere();
    void onlyTheGuiThreadsGlobalTasks();
    void theEnvironmentKeepsQtsWay();
};

namespace {
// A gradient over a tall image: Qt 6.4's raster engine splits such fills (96 rows or more)
// into pieces for the global pool.
void paintGradient() {
    QImage image(600, 600, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    QLinearGradient g(0, 0, 600, 600);
    g.setColorAt(0, Qt::red);
    g.setColorAt(1, Qt::blue);
    p.fillRect(image.rect(), g);
}
} // namespace

void TestGuiThreadFills::qtsFillsComeHere() {
    qunsetenv("SHMSCOPE_QT_PARALLEL_FILLS");
    QVERIFY(gui_thread_fills::enable());
    const uint64_t before = gui_thread_fills::inlined();
    paintGradient();
    // Qt Gui's calls were bound to our definition, and its pieces ran here.
    QVERIFY2(gui_thread_fills::inlined() > before,
             "Qt's fill never reached QThreadPool::start: the override is not in effect");
}

void TestGuiThreadFills::onlyTheGuiThreadsGlobalTasks() {
    QVERIFY(gui_thread_fills::enable());
    QThread* const gui = QThread::currentThread();
    // The GUI thread's task for the global pool: done before start returns, here.
    QThread* ranOn = nullptr;
    QThreadPool::globalInstance()->start([&ranOn] { ranOn = QThread::currentThread(); });
    QCOMPARE(ranOn, gui);
    // Another pool: Qt's way.
    QThreadPool own;
    QThread* ownRanOn = nullptr;
    own.start([&ownRanOn] { ownRanOn = QThread::currentThread(); });
    own.waitForDone();
    QVERIFY(ownRanOn && ownRanOn != gui);
    // Another thread's task for the global pool: Qt's way.
    QThread* fromOther = nullptr;
    QThread* caller = QThread::create([&fromOther] {
        QThreadPool::globalInstance()->start(
            [&fromOther] { fromOther = QThread::currentThread(); });
        QThreadPool::globalInstance()->waitForDone();
    });
    caller->start();
    QVERIFY(caller->wait(10000));
    QVERIFY(fromOther && fromOther != gui && fromOther != caller);
    delete caller;
}

void TestGuiThreadFills::theEnvironmentKeepsQtsWay() {
    qputenv("SHMSCOPE_QT_PARALLEL_FILLS", "1");
    QVERIFY(!gui_thread_fills::enable());
    const uint64_t before = gui_thread_fills::inlined();
    QThread* ranOn = nullptr;
    QThreadPool::globalInstance()->start([&ranOn] { ranOn = QThread::currentThread(); });
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(ranOn && ranOn != QThread::currentThread());
    paintGradient();
    QCOMPARE(gui_thread_fills::inlined(), before);
    qunsetenv("SHMSCOPE_QT_PARALLEL_FILLS");
    QVERIFY(gui_thread_fills::enable());
}

QTEST_MAIN(TestGuiThreadFills)
#include "tst_gui_thread_fills.moc"
