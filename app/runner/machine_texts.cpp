#include "runner/machine_texts.h"

#include <cmath>

namespace {

QString ns(double v) {
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

} // namespace

QString MachineTexts::lineSentence(const shm::MachineFigures& m) {
    if (!m.probed()) return tr("This machine has not been measured yet.");
    if (!m.lineCostRatio)
        return tr("The cost of a cache line passed between two CPUs could not be measured: %1.")
            .arg(QString::fromStdString(m.lineNote));
    const double r = *m.lineCostRatio;
    const QString ratio = QString::number(r, 'f', 1);
    if (r >= kVisibleLineRatio)
        return tr("A cache line passed between two CPUs costs %1× a private one: false sharing "
                  "can be seen here.")
            .arg(ratio);
    return tr("A cache line passed between two CPUs costs about the same as a private one "
              "(%1×): this machine cannot show false sharing (its two CPUs probably share one "
              "core and its cache).")
        .arg(ratio);
}

QString MachineTexts::provenance(const shm::MachineFigures& m) {
    if (!m.probed()) return tr("Not measured yet.");
    return tr("Measured %1 in %2 s; kept until the machine restarts.")
        .arg(QString::fromStdString(m.probedAt),
             QString::number(m.probeSeconds.value_or(0), 'f', 2));
}

QList<MachineRow> MachineTexts::rows(const shm::MachineFigures& m) {
    const QString unknown = tr("unknown");
    QList<MachineRow> out;
    const int cores = m.cores.value_or(0);
    out.append({tr("CPUs online"), m.cores ? QString::number(cores) : unknown,
                tr("The operating system may run workers on %n CPU(s).", nullptr, cores)});
    QString parallel = tr("Could not be measured.");
    if (m.parallelCores) {
        const double p = *m.parallelCores;
        parallel = m.cores && p >= cores - 0.5
                       ? tr("All of them ran busy threads at the same time.")
                       : tr("Only about %1 of them were free when measured: other programs used "
                            "the rest, so runs with more workers than that take turns.")
                             .arg(QString::number(p, 'f', 1));
    }
    out.append({tr("CPUs running at once"),
                m.parallelCores ? QString::number(*m.parallelCores, 'f', 2) : unknown, parallel});
    QString line = unknown;
    if (m.lineCostRatio && m.lineSharedNs && m.linePrivateNs)
        line = tr("%1× (%2 vs %3 ns per increment)")
                   .arg(QString::number(*m.lineCostRatio, 'f', 1), ns(*m.lineSharedNs),
                        ns(*m.linePrivateNs));
    out.append({tr("Cache line between two CPUs"), line, lineSentence(m)});
    if (m.lineOverlap) {
        const QString where = m.lineCpus.empty()
                                  ? tr("unpinned")
                                  : tr("CPUs %1").arg(QString::fromStdString(m.lineCpus));
        out.append({tr("Two threads ran together"),
                    QStringLiteral("%1 % (%2)").arg(std::lround(*m.lineOverlap * 100)).arg(where),
                    tr("The share of the measurement in which both threads ran at once; only "
                       "those stretches count.")});
    }
    QString timer = unknown;
    if (m.timerResolutionNs && m.timerStepNs)
        timer = tr("%1 ns (steps of %2 ns)").arg(ns(*m.timerResolutionNs), ns(*m.timerStepNs));
    out.append({tr("Clock resolution"), timer,
                tr("The shortest wait or hold a lock event can show; two readings of the clock "
                   "are at least a step apart.")});
    QString shm = unknown;
    if (!m.shmFs.empty())
        shm = QString::fromStdString(m.shmFs) +
              (m.shmHugepages.value_or(false) ? tr(", huge pages") : tr(", 4 KiB pages"));
    out.append({tr("/dev/shm"), shm,
                m.shmHugepages.value_or(false)
                    ? tr("The shared array sits on huge pages: fewer page faults when a run "
                         "starts writing it.")
                    : tr("The shared array sits on ordinary pages: a run's first writes to it "
                         "fault each page in.")});
    return out;
}
