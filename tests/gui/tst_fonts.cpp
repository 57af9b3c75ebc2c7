// Hangul that renders: offscreen (as --screenshot draws), the application font with Qt's
// fallback draws Korean letters with real glyphs, not the missing-glyph box that a code point
// no font has gets (U+10FFFD, private use, in no font: the control that shows the check can
// fail). And the window's warning when no font covers a script (font_coverage.h).
#include "gui/common/font_coverage.h"

#include <QApplication>
#include <QGlyphRun>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QTextLayout>

namespace {

const QString kMissing = QString::fromUcs4(U"\U0010FFFD");

// The glyphs the text is drawn with, across the fonts Qt falls back to.
QList<QGlyphRun> glyphRuns(const QString& text) {
    QTextLayout layout(text, QApplication::font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    return layout.glyphRuns();
}

QList<quint32> glyphIndexes(const QString& text) {
    QList<quint32> out;
    for (const QGlyphRun& run : glyphRuns(text))
        out += run.glyphIndexes();
    return out;
}

QImage drawn(const QString& text) {
    QImage image(48, 48, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    QFont f = QApplication::font();
    f.setPixelSize(28);
    p.setFont(f);
    p.setPen(Qt::black);
    p.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

bool hasInk(const QImage& image) {
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != qRgb(255, 255, 255)) return true;
    return false;
}

} // namespace

class TestFonts : public QObject {
    Q_OBJECT
  private slots:
    void missingCodePointIsTheBox() {
        // Glyph 0 is .notdef, the box: what every letter without a font turns into.
        const QList<quint32> glyphs = glyphIndexes(kMissing);
        QVERIFY(!glyphs.isEmpty());
        for (quint32 g : glyphs)
            QCOMPARE(g, 0u);
        QVERIFY2(!font_coverage::uncovered(QStringLiteral("a")).size(), "Latin is not checked");
    }

    void hangulHasGlyphs_data() {
        QTest::addColumn<QString>("text");
        // The glossary's words (docs/glossary-ko.md), and a sentence as the lessons write them.
        QTest::newRow("terms") << QStringLiteral("공유 메모리 프로세스 배열 작업자 동기화 큐");
        QTest::newRow("sentence") << QStringLiteral("락 경합: 거짓 공유와 갱신 손실을 봅니다.");
    }
    void hangulHasGlyphs() {
        QFETCH(QString, text);
        QVERIFY2(font_coverage::installed(QFontDatabase::Korean),
                 "no font with Hangul installed (Debian: fonts-nanum)");
        for (const QGlyphRun& run : glyphRuns(text))
            for (quint32 g : run.glyphIndexes())
                QVERIFY2(g != 0, qPrintable(QStringLiteral("a missing glyph in font %1")
                                                .arg(run.rawFont().familyName())));
        // And in pixels: each syllable is drawn, and not as the box.
        const QImage box = drawn(kMissing);
        for (const QChar c : text) {
            if (c.script() != QChar::Script_Hangul) continue;
            const QImage letter = drawn(QString(c));
            QVERIFY2(hasInk(letter), qPrintable(QString(c)));
            QVERIFY2(letter != box, qPrintable(QString(c)));
        }
    }

    void uncoveredNamesScriptsWithoutAFont() {
        // A machine without Korean fonts, as a fake: Hangul is missing, Latin and Han are not.
        const font_coverage::HasFont noKorean = [](QFontDatabase::WritingSystem ws) {
            return ws != QFontDatabase::Korean;
        };
        const auto missing =
            font_coverage::uncovered(QStringLiteral("ShmScope 공유 메모리 共有"), noKorean);
        QCOMPARE(missing, QList<QFontDatabase::WritingSystem>{QFontDatabase::Korean});
        QVERIFY(font_coverage::uncovered(QStringLiteral("Shared memory"), noKorean).isEmpty());
        // Han is drawn by a Korean font as well: only with none of the CJK fonts is it missing.
        const font_coverage::HasFont onlyKorean = [](QFontDatabase::WritingSystem ws) {
            return ws == QFontDatabase::Korean;
        };
        QVERIFY(font_coverage::uncovered(QStringLiteral("共有"), onlyKorean).isEmpty());
        const font_coverage::HasFont none = [](QFontDatabase::WritingSystem) { return false; };
        QCOMPARE(font_coverage::uncovered(QStringLiteral("共有 메모리"), none).size(), 2);
    }

    void warnsOncePerScript() {
        const font_coverage::HasFont noKorean = [](QFontDatabase::WritingSystem ws) {
            return ws != QFontDatabase::Korean;
        };
        const QString first = font_coverage::warnOnce(QStringLiteral("작업자"), noKorean);
        QVERIFY2(first.contains(QLatin1String("fonts-nanum")), qPrintable(first));
        QVERIFY(font_coverage::warnOnce(QStringLiteral("배열"), noKorean).isEmpty());
        QVERIFY(font_coverage::warnOnce(QStringLiteral("plain"), noKorean).isEmpty());
        // With the fonts installed here, nothing to say about Hangul.
        QVERIFY(font_coverage::uncovered(QStringLiteral("작업자")).isEmpty());
    }
};

QTEST_MAIN(TestFonts)
#include "tst_fonts.moc"
