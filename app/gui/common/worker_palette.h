#pragma once
// One colour per worker, the same in every view. Okabe–Ito's colour-blind-safe set; past eight
// workers the hues repeat in darker and lighter variants so 64 workers stay distinguishable.
#include <QColor>
#include <QIcon>
#include <QString>

namespace worker_palette {
QColor color(uint32_t worker);
// color(worker) as a 16 px square for Qt::DecorationRole, built once per colour. Return this,
// never the QColor: for a QColor the delegate builds a new pixmap on every paint, and each one
// is kept in QPixmapCache under a new key (the window's heap grew ~6 KB per run).
QIcon swatch(uint32_t worker);
// A worker's colour, faint: its compute (or wall) time under the solid hold (or CPU) bar.
QColor pale(const QColor& c);
// Fill for time spent waiting for the lock (hatched in views, so it reads without colour).
QColor waitColor();
// Elements never written.
QColor unwrittenColor();
// Mismatched elements (races, lost updates).
QColor mismatchColor();
QString workerLabel(uint32_t worker); // "w3"
} // namespace worker_palette
