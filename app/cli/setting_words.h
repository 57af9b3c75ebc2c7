#pragma once
// The settings table's words in the interface language: a row's help (translated under the
// context "shm::kSettings"; gui/setting_texts.cpp lists the texts for lupdate), the values it
// accepts, its range and default, and what is wrong with a value given for it. Core words the
// same in English for the reports and the man page; these are for --help, the parser's errors
// and the window's tooltips.
#include "model/settings.h"

#include <QString>

namespace setting_words {

// "worker processes sharing the array"
QString help(const shm::SettingRow& row);
// "1 to 256", "0 to 255 or none", "true|false", "sin|wave|histogram" (choice names stay English).
QString allowed(const shm::SettingRow& row);
// "1 to 256; default 4", "0 to 1000000; default 0 µs (in the window: 20 µs)".
QString range(const shm::SettingRow& row);
// "--workers: 'abc' is not a whole number (1 to 256)"; empty when the row takes the value.
QString valueError(const shm::SettingRow& row, const QString& value);

} // namespace setting_words
