#pragma once
// Formatting helpers for every view, in one place (like hotspot's util.h): a figure reads the
// same wherever it appears.
#include "model/settings.h"

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace format {

QString text(std::string_view s); // UTF-8 from core (names, state texts, verdicts)
QString rate(double perSecond);   // "1.2 M/s", "–" for 0
QString duration(double ns);      // three significant digits: "812 ns", "1.23 ms", "4.50 s"
QString count(double n);          // "288k", "1.20M": fits a narrow card
QString bytes(uint64_t b);        // "12.3 MiB"
QString number(uint64_t v);       // grouped in the user's locale: "1,234,567"
QString percent(double fraction); // 0.123 -> "12.3 %"
QString delay(uint32_t us);       // slow motion: "off (full speed)", "20 µs per element"
// A run's settings in a line: "4 workers, wave over 1,000,000 elements, block partition,
// no lock, slow motion 10 µs per element".
QString configSummary(const shm::ExperimentConfig& c);

} // namespace format
