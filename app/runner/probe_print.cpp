#include "runner/probe_print.h"

#include "runner/machine_once.h"
#include "runner/machine_texts.h"
#include "segment/exit_codes.h"

#include <cstdio>

int printProbe(const CliOptions& o) {
    const shm::MachineFigures m = machine_once::measureAgain();
    if (o.json) {
        std::printf("%s\n", shm::machineJson(m).c_str());
        return shm::exit_code::kOk;
    }
    const QList<MachineRow> rows = MachineTexts::rows(m);
    qsizetype figureWidth = 0, valueWidth = 0;
    for (const MachineRow& r : rows) {
        figureWidth = std::max(figureWidth, r.figure.size());
        valueWidth = std::max(valueWidth, r.value.size());
    }
    for (const MachineRow& r : rows)
        std::printf("%s  %s  %s\n", qPrintable(r.figure.leftJustified(figureWidth)),
                    qPrintable(r.value.leftJustified(valueWidth)), qPrintable(r.meaning));
    std::printf("%s\n", qPrintable(MachineTexts::provenance(m)));
    return shm::exit_code::kOk;
}
