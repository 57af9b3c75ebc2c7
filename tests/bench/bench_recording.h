#pragma once
// Recordings (docs/recording.md): what --record costs a run (compute time with it against
// without, interleaved), how big the files get, and how fast an opened recording shows its first
// picture and redraws under the slider (the window's --bench-scrub summary lines).
#include <QString>

namespace bench {
void recordingRows(int repeat, bool quick, const QString& binDir);
}
