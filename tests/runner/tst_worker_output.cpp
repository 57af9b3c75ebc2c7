// A worker's stderr as the app keeps it (runner/worker_output.h): the first and last bytes kept,
// the count of what was dropped, and every control byte escaped. No processes:
// tst_careless_workers floods a real app.
#include "runner/worker_output.h"

#include <QTest>

#include <algorithm>
#include <string>

using worker_output::Capture;
using worker_output::escape;

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QStringList lines(const Capture& c) {
    QStringList out;
    for (const std::string& l : c.lines())
        out << q(l);
    return out;
}
} // namespace

class TestWorkerOutput : public QObject {
    Q_OBJECT
  private slots:
    void escapes_data();
    void escapes();
    void keepsAllThatFits();
    void keepsHeadAndTail();
    void boundedWhateverTheChunks();
};

void TestWorkerOutput::escapes_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QByteArray("rank 0: ok") << QStringLiteral("rank 0: ok");
    QTest::newRow("tab kept") << QByteArray("a\tb") << QStringLiteral("a\tb");
    QTest::newRow("ESC and BEL") << QByteArray("\x1b[31mred\x1b[0m\a")
                                 << QStringLiteral("\\x1b[31mred\\x1b[0m\\x07");
    QTest::newRow("CR, NUL, DEL") << QByteArray("a\rb\0c\x7f", 6)
                                  << QStringLiteral("a\\x0db\\x00c\\x7f");
    QTest::newRow("UTF-8 kept") << QByteArray("점유 ü €") << QStringLiteral("점유 ü €");
    QTest::newRow("C1 CSI") << QByteArray("\xc2\x9b"
                                          "2J")
                            << QStringLiteral("\\xc2\\x9b2J");
    QTest::newRow("not UTF-8") << QByteArray("\xff\xfe ok") << QStringLiteral("\\xff\\xfe ok");
    QTest::newRow("cut short") << QByteArray("ab\xe2\x82") << QStringLiteral("ab\\xe2\\x82");
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QStringLiteral("\\xed\\xa0\\x80");
}

void TestWorkerOutput::escapes() {
    QFETCH(QByteArray, raw);
    QFETCH(QString, shown);
    QCOMPARE(q(escape(std::string_view(raw.constData(), size_t(raw.size())))), shown);
}

void TestWorkerOutput::keepsAllThatFits() {
    Capture c(16, 16);
    c.append("first line\nsec");
    c.append("ond\n\n  \nthird\r\n");
    QCOMPARE(c.total(), uint64_t(29));
    QCOMPARE(c.dropped(), uint64_t(0));
    QCOMPARE(lines(c), (QStringList{QStringLiteral("first line"), QStringLiteral("second"),
                                    QStringLiteral("third")}));
}

void TestWorkerOutput::keepsHeadAndTail() {
    Capture c(10, 10);
    c.append("head line\n");                 // 10: the head, whole
    c.append(std::string(1000, 'x') + "\n"); // dropped but for the tail's share
    c.append("tail\x1bline\n");              // 10 bytes: the whole tail now
    QCOMPARE(c.total(), uint64_t(10 + 1001 + 10));
    QCOMPARE(c.kept(), uint64_t(20));
    QCOMPARE(c.dropped(), uint64_t(1001));
    QCOMPARE(lines(c), (QStringList{QStringLiteral("head line"),
                                    QStringLiteral("[... 1001 bytes of output dropped ...]"),
                                    QStringLiteral("tail\\x1bline")}));
}

// Any chunking keeps exactly the first and last bytes, with memory bounded by the caps.
void TestWorkerOutput::boundedWhateverTheChunks() {
    std::string all;
    for (int i = 0; i < 20000; ++i)
        all += "line " + std::to_string(i) + "\n";
    for (size_t chunk : {size_t(1), size_t(7), size_t(4096), size_t(65536), all.size()}) {
        Capture c(100, 200);
        for (size_t at = 0; at < all.size(); at += chunk)
            c.append(std::string_view(all).substr(at, chunk));
        QCOMPARE(c.total(), uint64_t(all.size()));
        QCOMPARE(c.kept(), uint64_t(300));
        const std::vector<std::string> l = c.lines();
        QCOMPARE(q(l.front()), QStringLiteral("line 0"));
        QCOMPARE(q(l.back()), QStringLiteral("line 19999"));
        const QString marker =
            QStringLiteral("[... %1 bytes of output dropped ...]").arg(all.size() - 300);
        QCOMPARE(std::count(l.begin(), l.end(), marker.toStdString()), 1);
    }
}

QTEST_APPLESS_MAIN(TestWorkerOutput)
#include "tst_worker_output.moc"
