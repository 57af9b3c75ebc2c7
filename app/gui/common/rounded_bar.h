#pragma once
// An antialiased rounded rectangle drawn fast, for shapes painted many times a frame (the
// workers table's progress bars: four per row). QPainter::drawRoundedRect builds and
// antialiases the whole path on every call, ~10 us a bar in the raster engine and 80 % of the
// progress column's paint. Here the two rounded ends come from a small cached image of the
// same drawRoundedRect, and the straight middle is that image's middle column stretched: the
// same pixels, a blit instead of a rasterisation.
#include <QColor>
#include <QRectF>

class QPainter;

namespace rounded_bar {
// `r` with corners of `radius`, filled with `fill`, outlined 1 px in `outline` (an invalid
// colour: no outline), as drawRoundedRect(r, radius, radius) draws it with antialiasing.
void draw(QPainter* p, const QRectF& r, qreal radius, const QColor& fill,
          const QColor& outline = QColor());
} // namespace rounded_bar
