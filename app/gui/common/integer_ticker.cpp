#include "gui/common/integer_ticker.h"

#include "gui/common/format.h"

#include <algorithm>
#include <cmath>

double IntegerTicker::getTickStep(const QCPRange& range) {
    const double step = QCPAxisTicker::getTickStep(range);
    // The readable mantissas include 2.5: below 10 it would put ticks between whole numbers.
    m_step = step <= 1 ? 1 : std::floor(step);
    m_magnitude = std::max(std::abs(range.lower), std::abs(range.upper));
    return m_step;
}

QString IntegerTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                                    int precision) {
    // Steps finer than the last significant digit at the range's magnitude: neighbours would
    // be labelled alike. Every tick of the axis is written out then, so they read as one scale.
    const double finest = std::pow(10.0, std::floor(std::log10(std::max(m_magnitude, 1.0))) -
                                             double(std::max(precision, 1) - 1));
    if (m_step <= finest && tick >= 0 && tick < 9e15)
        return format::number(uint64_t(std::llround(tick)));
    return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
}

int IntegerTicker::getSubTickCount(double tickStep) {
    // Sub-ticks only where they land on whole numbers too: 1 per 2, 4 per 5, 4 per 10, ...
    const int base = QCPAxisTicker::getSubTickCount(tickStep);
    for (int n = base; n > 0; --n) {
        const double gap = tickStep / (n + 1);
        if (gap >= 1 && gap == std::floor(gap)) return n;
    }
    return 0;
}
