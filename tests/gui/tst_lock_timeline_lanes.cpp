// The lock timeline with more workers than readable lanes (256): consecutive workers share a
// lane, every lane tall enough for its label, the lock lane still one exact lane; with a few
// workers nothing changes. Built from a hand-made activity, no processes.
#include "gui/models/lock_events_model.h"
#include "gui/views/lock_timeline.h"

#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QTest>

namespace {

// `workers` workers taking one mutex in turn, 1 µs holds, the others waiting meanwhile.
LockEventsState takingTurns(uint32_t workers) {
    LockEventsState s;
    s.cfg.workers = workers;
    s.cfg.sync = shm::SyncMode::Mutex;
    s.workers = workers;
    s.activity.reset(workers, 1, shm::SyncMode::Mutex);
    const uint64_t t0 = 1'000'000'000;
    for (uint64_t i = 0; i < 20'000; ++i) {
        const uint32_t k = uint32_t(i % workers);
        const uint64_t t = t0 + i * 1000;
        const shm::Event ev[] = {shm::makeEvent(t, shm::EventKind::Acquired, 0, i + 1),
                                 shm::makeEvent(t + 1000, shm::EventKind::Released, 0, i + 1)};
        s.activity.consume(k, ev, 2);
    }
    s.releaseNs = t0;
    s.endNs = 20'000 * 1000.0;
    return s;
}

} // namespace

class TestLockTimelineLanes : public QObject {
    Q_OBJECT
  private slots:
    void groupsWhenLanesWouldBeTooThin_data();
    void groupsWhenLanesWouldBeTooThin();
    void groupedBarsEqualRectangles();
};

void TestLockTimelineLanes::groupsWhenLanesWouldBeTooThin_data() {
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("height");
    QTest::addColumn<bool>("grouped");
    QTest::newRow("4 workers") << 4 << 300 << false;
    QTest::newRow("64 workers, tall") << 64 << 400 << false;
    QTest::newRow("256 workers") << 256 << 300 << true;
    QTest::newRow("256 workers, 1080p") << 256 << 520 << true;
    QTest::newRow("256 workers, short") << 256 << 120 << true;
}

void TestLockTimelineLanes::groupsWhenLanesWouldBeTooThin() {
    QFETCH(int, workers);
    QFETCH(int, height);
    QFETCH(bool, grouped);
    LockEventsModel model;
    model.setState(takingTurns(uint32_t(workers)));
    LockTimeline timeline;
    timeline.setModel(&model);
    timeline.refresh();
    timeline.resize(900, height);
    const std::vector<shm::LaneGroup> groups = timeline.laneGroups();
    uint32_t next = 0;
    for (const shm::LaneGroup& g : groups) {
        QCOMPARE(g.first, next);
        next += g.count;
    }
    QCOMPARE(next, uint32_t(workers)); // every worker in exactly one lane
    QCOMPARE(groups.front().count > 1, grouped);
    if (grouped) {
        // One lock lane and the groups, each at least 11 px (18 hint + 22 axis + 5 gap).
        const double laneH = (height - 18 - 22 - 5) / double(groups.size() + 1);
        QVERIFY2(laneH >= 11, qPrintable(QString::number(laneH)));
    }
    QImage image(timeline.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    timeline.render(&image); // paints without tripping over the grouping
}

// As tst_gui_window's check for per-worker lanes: the raster path (an image of the lanes,
// blitted) and the vector path (rectangles, for SVG/PDF) give the same pixels when grouped.
void TestLockTimelineLanes::groupedBarsEqualRectangles() {
    LockEventsModel model;
    model.setState(takingTurns(256));
    LockTimeline timeline;
    timeline.setModel(&model);
    timeline.refresh();
    timeline.resize(900, 300);
    QVERIFY(timeline.laneGroups().front().count > 1);
    QImage direct(timeline.size(), QImage::Format_ARGB32_Premultiplied), replayed = direct;
    direct.fill(Qt::white);
    replayed.fill(Qt::white);
    timeline.render(&direct);
    QPicture picture;
    timeline.render(&picture);
    {
        QPainter p(&replayed);
        picture.play(&p);
    }
    int differ = 0, coloured = 0;
    for (int y = 18; y < timeline.height() - 22; ++y)
        for (int x = 60; x < timeline.width() - 8; ++x) {
            differ += direct.pixel(x, y) != replayed.pixel(x, y);
            coloured += qGray(direct.pixel(x, y)) < 180;
        }
    QCOMPARE(differ, 0);
    QVERIFY2(coloured > 1000, qPrintable(QString::number(coloured)));
}

QTEST_MAIN(TestLockTimelineLanes)
#include "tst_lock_timeline_lanes.moc"
