#pragma once
// The update log (--collisions, model/update_log.h): what logging every shared bin update costs
// the histogram's compute time, on against off, interleaved.
#include <QString>

namespace bench {
void collisionRows(int repeat, bool quick, const QString& workerPath);
}
