#pragma once
// 10^9 elements in the window (issue 29): the window's frames and the app's own memory with a
// 10^9-element array, and verification split across the cores against one thread.
#include <QString>

namespace bench {
void bigArrayRows(int repeat, bool quick, const QString& binDir);
}
