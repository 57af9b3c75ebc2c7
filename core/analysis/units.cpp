#include "analysis/units.h"

#include <cstdio>

namespace shm {

std::string rateText(double perSecond) {
    struct Unit {
        double scale;
        const char* format;
    };
    // The window's rounding: a rate moves fast, so a fixed number of decimals per unit keeps
    // the column from jumping width as it changes.
    const Unit unit = perSecond >= 1e9   ? Unit{1e9, "%.2f G/s"}
                      : perSecond >= 1e6 ? Unit{1e6, "%.1f M/s"}
                      : perSecond >= 1e3 ? Unit{1e3, "%.1f k/s"}
                                         : Unit{1, "%.0f /s"};
    char buf[64];
    std::snprintf(buf, sizeof buf, unit.format, perSecond / unit.scale);
    return buf;
}

} // namespace shm
