#include "gui/sweep/sweep_texts.h"

#include "analysis/caveats.h"
#include "gui/common/format.h"
#include "gui/common/run_texts.h"

#include <QCoreApplication>

namespace sweep_texts {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("sweep_texts", s);
}

// "35 %", as core's percentText.
QString percent(double fraction) {
    return QString::fromStdString(shm::percentText(fraction));
}

QString pointName(const shm::SweepSummary& s, size_t point) {
    return format::text(shm::pointName(s.plan, point));
}

} // namespace

QString result(const shm::SweepPointSummary& p) {
    if (p.runs == 0) return p.failed ? tr("all %1 runs failed").arg(p.failed) : QStringLiteral("-");
    QString v = run_texts::verdict(p.config, p.mismatches, 0, p.lostUpdates);
    if (p.failed) v += tr(", %1 failed").arg(p.failed);
    return v;
}

QString caveat(const shm::SweepSummary& s, const shm::Caveat& c) {
    const std::vector<double>& f = c.figures;
    if (c.code == "speedup_above_cores" && f.size() == 2)
        return tr("speedup %1 with %2 cores: more than the cores can give (the baseline was "
                  "slowed, or a cache effect)")
            .arg(f[0], 0, 'f', 2)
            .arg(qint64(f[1]));
    if (c.code == "baseline_cpu_share_low" && f.size() == 2 && f[1] >= 0 &&
        size_t(f[1]) < s.points.size()) {
        const size_t base = size_t(f[1]);
        const QString who = s.points[base].config.workers == 1
                                ? tr("the 1-worker run")
                                : tr("the baseline (%1)").arg(pointName(s, base));
        return tr("%1 got %2 of a core: speedups are not meaningful").arg(who, percent(f[0]));
    }
    return format::text(c.text);
}

QStringList caveatLines(const shm::SweepSummary& s) {
    QStringList out;
    QStringList baselineSaid; // the starved-baseline sentence, once per baseline
    for (size_t i = 0; i < s.points.size(); ++i)
        for (const shm::Caveat& c : s.points[i].caveats) {
            const QString text = caveat(s, c);
            if (c.code == "baseline_cpu_share_low") {
                if (baselineSaid.contains(text)) continue;
                baselineSaid << text;
                out << text;
                continue;
            }
            out << QString(pointName(s, i) + QStringLiteral(": ") + text);
        }
    return out;
}

} // namespace sweep_texts
