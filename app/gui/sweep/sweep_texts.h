#pragma once
// A sweep point's outcome and caveats in the interface language. Core words them in English for
// the text report and --json (sweep.cpp: resultText, caveatLines), which stay English; the
// window words them here from the same figures (Caveat::figures). tst_run_texts checks that,
// untranslated, both say the same.
#include "analysis/sweep.h"

#include <QString>
#include <QStringList>

namespace sweep_texts {

// "array verified", "3 lost updates (2 bins wrong), 1 failed", "all 3 runs failed", "-".
QString result(const shm::SweepPointSummary& p);
// One caveat of a point of `s`, without the point's name; its English text for a code this
// does not know.
QString caveat(const shm::SweepSummary& s, const shm::Caveat& c);
// Every point's caveats once each, "workers=4: ...", the starved baseline's once per baseline.
QStringList caveatLines(const shm::SweepSummary& s);

} // namespace sweep_texts
