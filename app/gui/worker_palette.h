#pragma once
// One colour per worker, the same in every view. Okabe–Ito's colour-blind-safe set; past eight
// workers the hues repeat in darker and lighter variants so 64 workers stay distinguishable.
#include <QColor>
#include <QString>

namespace worker_palette {
QColor color(uint32_t worker);
// Fill for time spent waiting for the lock (hatched in views, so it reads without colour).
QColor waitColor();
// Elements never written.
QColor unwrittenColor();
// Mismatched elements (races, lost updates).
QColor mismatchColor();
QString workerLabel(uint32_t worker); // "w3"
} // namespace worker_palette
