#include "gui/common/integer_ticker.h"

#include <cmath>

double IntegerTicker::getTickStep(const QCPRange& range) {
    const double step = QCPAxisTicker::getTickStep(range);
    if (step <= 1) return 1;
    // The readable mantissas include 2.5: below 10 it would put ticks between whole numbers.
    return std::floor(step);
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
