#include "worker_palette.h"

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
    switch ((worker / kBase.size()) % 4) {
    case 1:
        return base.darker(145);
    case 2:
        return base.lighter(135);
    case 3:
        return base.darker(200);
    default:
        return base;
    }
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
