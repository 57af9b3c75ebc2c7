#pragma once
// Whether the installed fonts can draw a text. Qt draws a letter no font has as an empty box
// and says nothing (Debian's fonts-dejavu-core has no Hangul), so the window checks its texts
// and says once which scripts will show as boxes, and which package brings them.
#include <QFontDatabase>
#include <QList>
#include <QString>

#include <functional>

namespace font_coverage {

// Whether any installed font covers a writing system.
bool installed(QFontDatabase::WritingSystem ws);

// The writing systems of `text` for which `has` finds no font, each once, in order of first
// use. Only scripts a missing font has been seen to hide are checked (Hangul, Han, kana,
// Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari); Latin, digits and symbols are not.
using HasFont = std::function<bool(QFontDatabase::WritingSystem)>;
QList<QFontDatabase::WritingSystem> uncovered(const QString& text, const HasFont& has = installed);

// The warning for those writing systems of `text` that no font covers and that this process
// has not warned about yet (one line); empty when there is nothing new to say.
QString warnOnce(const QString& text, const HasFont& has = installed);

} // namespace font_coverage
