#include "gui/views/bars_plottable.h"

#include <cmath>

BarsPlottable::BarsPlottable(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
    setAntialiased(false);
    setAntialiasedFill(false);
}

QRectF BarsPlottable::barRect(double key, double width, double base, double value,
                              bool stacked) const {
    const double keyPixel = mKeyAxis->coordToPixel(key);
    const double upper = mKeyAxis->coordToPixel(key + width * 0.5) - keyPixel;
    const double lower = mKeyAxis->coordToPixel(key - width * 0.5) - keyPixel;
    const double basePixel = mValueAxis->coordToPixel(base);
    const double valuePixel = mValueAxis->coordToPixel(base + value);
    double bottomOffset =
        (stacked ? kStackingGap : 0) * (value < 0 ? -1 : 1) * mValueAxis->pixelOrientation();
    if (std::abs(valuePixel - basePixel) <= std::abs(bottomOffset))
        bottomOffset = valuePixel - basePixel;
    return QRectF(QPointF(keyPixel + lower, valuePixel),
                  QPointF(keyPixel + upper, basePixel + bottomOffset))
        .normalized();
}
