#pragma once
// Figures as the user reads them, Qt-free: the window (format::rate) and the headless sweep
// table print a rate through the same function, so both round the same way.
#include <string>

namespace shm {

// Elements per second with a unit: "1.25 G/s", "49.7 M/s", "812.3 k/s", "640 /s" (G: two
// decimals; M and k: one; per second: none). No rate (0) is the caller's to show: the window
// shows "–", the sweep table "0 /s".
std::string rateText(double perSecond);

} // namespace shm
