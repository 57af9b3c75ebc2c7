// The result queue's receiver trusts nothing in the file (queue_ring.h): every message is
// checked before it touches the array, a cell whose sequence number makes no sense stops it,
// and a cell a sender claimed but never published (it died inside send()) is skipped and
// counted once every sender has exited, instead of hanging the receiver.
#include "../test_util.h"
#include "segment/queue_file.h"
#include "segment/queue_ring.h"
#include "segment/result_queue.h"
#include "segment/segment.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/mman.h>
#include <unistd.h>

using namespace shm;

Q_DECLARE_METATYPE(shm::QueueMessage)

class TestResultQueue : public QObject {
    Q_OBJECT
  private slots:
    void checkMessageRefusesWhatDoesNotFit_data();
    void checkMessageRefusesWhatDoesNotFit();
    void checkCellKnowsFreeFromPublished();
    void claimNeverPublishedIsSkippedAndCounted();
    void corruptMessageStopsTheReceiver_data();
    void corruptMessageStopsTheReceiver();
};

namespace {
QueueMessage values(uint32_t worker, uint32_t count, uint64_t begin, uint64_t stride) {
    QueueMessage m{};
    m.worker = worker;
    m.count = count;
    m.begin = begin;
    m.stride = stride;
    for (uint32_t j = 0; j < std::min(count, kQueueBatchValues); ++j)
        m.values[j] = 1.5;
    return m;
}
QueueMessage bins(std::initializer_list<double> vs) {
    QueueMessage m{};
    m.bins = 1;
    for (const double v : vs)
        m.values[m.count++] = v;
    return m;
}
} // namespace

void TestResultQueue::checkMessageRefusesWhatDoesNotFit_data() {
    QTest::addColumn<QueueMessage>("msg");
    QTest::addColumn<bool>("binsRun");
    QTest::addColumn<QString>("says"); // "" = fits
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    // The runs: 4 workers; values over 1000 elements, or bins over 1000 bins.
    QTest::newRow("values fit") << values(3, 512, 0, 1) << false << QString();
    QTest::newRow("last index 999") << values(0, 10, 990, 1) << false << QString();
    QTest::newRow("strided fit") << values(0, 4, 0, 333) << false << QString();
    QTest::newRow("bins fit") << bins({0, 999, 5}) << true << QString();
    QTest::newRow("worker 4") << values(4, 1, 0, 1) << false << QStringLiteral("worker 4");
    QTest::newRow("count 0") << values(0, 0, 0, 1) << false << QStringLiteral("0 results");
    QTest::newRow("count 513") << values(0, 513, 0, 1) << false << QStringLiteral("513 results");
    QueueMessage flag = values(0, 1, 0, 1);
    flag.bins = 2;
    QTest::newRow("flag 2") << flag << false << QStringLiteral("flags 2/0");
    QueueMessage pad = values(0, 1, 0, 1);
    pad.pad = 7;
    QTest::newRow("pad") << pad << false << QStringLiteral("flags 0/7");
    QTest::newRow("values in a bins run") << values(0, 1, 0, 1) << true << QStringLiteral("values");
    QTest::newRow("bins in a values run") << bins({1}) << false << QStringLiteral("bins where");
    QTest::newRow("stride 0") << values(0, 2, 0, 0) << false << QStringLiteral("stride 0");
    QTest::newRow("first index 1000")
        << values(0, 1, 1000, 1) << false << QStringLiteral("first index 1000");
    QTest::newRow("last index 1000")
        << values(0, 11, 990, 1) << false << QStringLiteral("11 results from index 990");
    // begin + stride would wrap past 2^64 back into the array: caught without overflowing.
    QTest::newRow("wrapping stride")
        << values(0, 2, 10, ~uint64_t(0) - 5) << false << QStringLiteral("2 results from index 10");
    QTest::newRow("bin 1000") << bins({1, 1000}) << true << QStringLiteral("bin 1000");
    QTest::newRow("bin -1") << bins({-1}) << true << QStringLiteral("bin -1");
    QTest::newRow("bin 2.5") << bins({2.5}) << true << QStringLiteral("bin 2.5");
    QTest::newRow("bin NaN") << bins({nan}) << true << QStringLiteral("bin nan");
    QTest::newRow("bin inf") << bins({std::numeric_limits<double>::infinity()}) << true
                             << QStringLiteral("bin inf");
}

void TestResultQueue::checkMessageRefusesWhatDoesNotFit() {
    QFETCH(QueueMessage, msg);
    QFETCH(bool, binsRun);
    QFETCH(QString, says);
    const std::string why = checkMessage(msg, {4, 1000, binsRun});
    if (says.isEmpty())
        QVERIFY2(why.empty(), why.c_str());
    else
        QVERIFY2(QString::fromStdString(why).startsWith(says), why.c_str());
}

void TestResultQueue::checkCellKnowsFreeFromPublished() {
    QCOMPARE(checkCell(700, 700), CellState::Free);
    QCOMPARE(checkCell(701, 700), CellState::Published);
    QCOMPARE(checkCell(0, 700), CellState::Corrupt);             // a page cut: zeros
    QCOMPARE(checkCell(700 - 256 + 1, 700), CellState::Corrupt); // last lap's, never freed
    QCOMPARE(checkCell(702, 700), CellState::Corrupt);
}

namespace {
// A queue run's segment and receiver in this process, and the queue's file mapped as a
// sender would (to play a sender that dies, or another process that scribbles).
struct QueueRun {
    std::shared_ptr<Segment> seg;
    std::unique_ptr<QueueReceiver> rx;
    void* file = nullptr;
    QueueFileHeader* header() const { return static_cast<QueueFileHeader*>(file); }
    QueueCell& cell(uint64_t pos) const {
        return reinterpret_cast<QueueCell*>(static_cast<char*>(file) +
                                            kQueueCellsOffset)[pos % kQueueCapacity];
    }
    explicit QueueRun(const QString& tag, Workload wl = Workload::Sin) {
        ExperimentConfig cfg{.workers = 2, .elements = 1000};
        cfg.workload = wl;
        cfg.transport = Transport::Queue;
        seg = Segment::create(testutil::segmentName(tag).toStdString(), cfg);
        rx = std::make_unique<QueueReceiver>(seg, newQueueKey());
        QueueFd fd{shm_open(rx->name().c_str(), O_RDWR, 0)};
        file = fd.fd >= 0 ? mapQueueFile(fd.fd) : nullptr;
    }
    ~QueueRun() {
        rx->requestStop();
        for (int i = 0; i < 1000 && !rx->done(); ++i)
            QTest::qWait(2);
        unmapQueueFile(file);
        removeQueue(rx->name());
    }
    bool waitDone() const {
        for (int i = 0; i < 2500 && !rx->done(); ++i)
            QTest::qWait(2);
        return rx->done();
    }
};
} // namespace

// A sender claims position 0 and dies before publishing; another sends position 1. The
// receiver waits at 0 (it cannot tell a slow sender from a dead one) until every sender has
// exited, then skips 0, counts it, and still writes 1.
void TestResultQueue::claimNeverPublishedIsSkippedAndCounted() {
    QueueRun run(QStringLiteral("rq-claim"));
    QVERIFY(run.file);
    run.header()->tail.fetch_add(1); // the dead sender's claim of position 0
    {
        QueueSender live(*run.seg, run.seg->slot(1), 1);
        live.add(7, 42.0, 1);
        live.flush(); // position 1
    }
    QTest::qWait(50);
    QVERIFY(!run.rx->done()); // still waiting for position 0
    run.rx->requestStop();
    QVERIFY(run.waitDone());
    QCOMPARE(run.rx->unpublished(), uint64_t(1));
    QCOMPARE(run.rx->stats().messages, uint64_t(1));
    QCOMPARE(run.seg->data()[7], 42.0);
    QCOMPARE(run.seg->owner()[7], uint8_t(1));
    QVERIFY(!run.rx->corruption());
}

void TestResultQueue::corruptMessageStopsTheReceiver_data() {
    QTest::addColumn<int>("what");
    QTest::addColumn<QString>("says");
    QTest::newRow("worker out of range") << 0 << QStringLiteral("worker 9 (the run has 2)");
    QTest::newRow("index past the array") << 1 << QStringLiteral("first index 5000");
    QTest::newRow("sequence number") << 2 << QStringLiteral("its sequence number reads 12345");
    QTest::newRow("zeros after a cut") << 3 << QStringLiteral("its sequence number reads 0");
}

// What another process writes into the file: the receiver stops at it, names it, and writes
// nothing of it into the array.
void TestResultQueue::corruptMessageStopsTheReceiver() {
    QFETCH(int, what);
    QFETCH(QString, says);
    QueueRun run(QStringLiteral("rq-corrupt-%1").arg(what));
    QVERIFY(run.file);
    {
        QueueSender s(*run.seg, run.seg->slot(0), 0);
        s.add(3, 1.0, 1);
        s.flush(); // position 0: a good one first
    }
    for (int i = 0; i < 1000 && run.rx->stats().messages == 0; ++i)
        QTest::qWait(2);
    QCOMPARE(run.rx->stats().messages, uint64_t(1));
    QueueCell& c = run.cell(1);
    if (what <= 1) {
        c.msg = values(what == 0 ? 9 : 0, 1, what == 1 ? 5000 : 4, 1);
        c.seq.store(2);
    } else {
        c.seq.store(what == 2 ? 12345 : 0);
    }
    QVERIFY(run.waitDone());
    const std::optional<std::string> why = run.rx->corruption();
    QVERIFY(why);
    QVERIFY2(why->find("position 1 (cell 1)") != std::string::npos, why->c_str());
    QVERIFY2(why->find(says.toStdString()) != std::string::npos, why->c_str());
    QCOMPARE(run.rx->stats().messages, uint64_t(1));
    QCOMPARE(run.seg->owner()[4], uint8_t(255)); // never written
}

QTEST_GUILESS_MAIN(TestResultQueue)
#include "tst_result_queue.moc"
