#include "gui/common/worker_palette.h"

#include <QPixmap>

#include <algorithm>
#include <array>

namespace worker_palette {
namespace {
// Okabe & Ito (2008), without black (invisible on a dark palette) and with the yellow darkened
// so it reads on white.
constexpr std::array<QRgb, 8> kBase = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                       0x56B4E9, 0xD55E00, 0xC9B500, 0x7F7F7F};
} // namespace

QColor color(uint32_t worker) {
    const QColor base = QColor::fromRgb(kBase[worker % kBase.size()]);
    // Eight lightness steps per hue (HSL, so the grey varies too): 8 × 8 = 64 distinct colours,
    // alternating darker and lighter so neighbouring groups differ most.
    constexpr std::array<int, 8> kLightness = {0, -45, 45, -80, 80, -22, 22, -62};
    const int variant = int((worker / kBase.size()) % kLightness.size());
    if (variant == 0) return base;
    int h = 0, s = 0, l = 0;
    base.getHsl(&h, &s, &l);
    return QColor::fromHsl(h, s, std::clamp(l + kLightness[size_t(variant)], 12, 242));
}

QIcon swatch(uint32_t worker) {
    // color() repeats every 64 workers. Qt's icon engine caches a scaled pixmap under the
    // pixmap's cacheKey, so one pixmap per colour means one cache entry per colour and mode.
    static std::array<QIcon, 64> icons;
    QIcon& icon = icons[worker % icons.size()];
    if (icon.isNull()) {
        QPixmap pm(16, 16);
        pm.fill(color(worker));
        icon = QIcon(pm);
    }
    return icon;
}

QColor pale(const QColor& c) {
    QColor p = c;
    p.setAlpha(85);
    return p;
}

QColor waitColor() {
    return QColor(0x8B, 0x1A, 0x1A);
}
QColor unwrittenColor() {
    return QColor(150, 150, 150, 70);
}
QColor mismatchColor() {
    return QColor(0xE0, 0x00, 0x2B);
}
QString workerLabel(uint32_t worker) {
    return QStringLiteral("w%1").arg(worker);
}

} // namespace worker_palette
