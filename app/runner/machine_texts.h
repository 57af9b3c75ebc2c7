#pragma once
// The machine's figures in words, for `shmscope --probe` and Help → About This Machine: a row
// per figure with its value and a sentence saying what it means for the lessons.
#include "probe/machine_figures.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

struct MachineRow {
    QString figure;  // "Cache line between two CPUs"
    QString value;   // "3.1× (27.4 vs 8.8 ns per increment)"
    QString meaning; // what it means here
};

class MachineTexts {
    Q_DECLARE_TR_FUNCTIONS(MachineTexts)

  public:
    // From this ratio of a shared line's cost to a private one's, false sharing shows: the
    // false-sharing lesson expects its packed run at least 1.25 times its padded one's cost.
    static constexpr double kVisibleLineRatio = 1.25;

    static QList<MachineRow> rows(const shm::MachineFigures& m);
    // The one sentence about the shared cache line (the dialog's headline).
    static QString lineSentence(const shm::MachineFigures& m);
    // When and how the figures were taken: "Measured 2026-12-07T10:00:00Z in 0.31 s".
    static QString provenance(const shm::MachineFigures& m);
};
