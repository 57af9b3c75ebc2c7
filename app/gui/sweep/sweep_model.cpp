#include "gui/sweep/sweep_model.h"

#include "cli/setting_words.h"
#include "gui/common/format.h"
#include "gui/sweep/sweep_texts.h"

#include <QCoreApplication>

namespace {
// After the swept settings' columns.
enum Figure {
    Compute,
    Spread,
    Speedup,
    Efficiency,
    KarpFlatt,
    Throughput,
    Imbalance,
    Cpu,
    Result,
    FigureCount
};
const char* const kTitles[] = {
    QT_TRANSLATE_NOOP("SweepModel", "Compute"),    QT_TRANSLATE_NOOP("SweepModel", "Min – max"),
    QT_TRANSLATE_NOOP("SweepModel", "Speedup"),    QT_TRANSLATE_NOOP("SweepModel", "Efficiency"),
    QT_TRANSLATE_NOOP("SweepModel", "Karp–Flatt"), QT_TRANSLATE_NOOP("SweepModel", "Throughput"),
    QT_TRANSLATE_NOOP("SweepModel", "Imbalance"),  QT_TRANSLATE_NOOP("SweepModel", "CPU"),
    QT_TRANSLATE_NOOP("SweepModel", "Result")};
const char* const kTips[] = {
    QT_TRANSLATE_NOOP("SweepModel", "Median compute time of the point's runs."),
    QT_TRANSLATE_NOOP("SweepModel", "Fastest and slowest run of the point."),
    QT_TRANSLATE_NOOP("SweepModel",
                      "The baseline's median over this point's (baseline: the first workers value "
                      "with the same other settings; without a workers axis, the first value)."),
    QT_TRANSLATE_NOOP("SweepModel", "Speedup per worker, against the baseline's workers."),
    QT_TRANSLATE_NOOP("SweepModel",
                      "Experimentally determined serial fraction: (1/S - 1/p) / (1 - 1/p). "
                      "Rising with p: overhead or waiting grows, not serial code alone."),
    QT_TRANSLATE_NOOP("SweepModel", "Median elements (or increments) per second."),
    QT_TRANSLATE_NOOP("SweepModel", "Median of the slowest worker's time over the mean."),
    QT_TRANSLATE_NOOP("SweepModel", "Median CPU time of all workers together."),
    QT_TRANSLATE_NOOP("SweepModel", "What verification found; failed runs are counted.")};
static_assert(std::size(kTitles) == FigureCount && std::size(kTips) == FigureCount);

QString opt(const std::optional<double>& v, int decimals) {
    return v ? QString::number(*v, 'f', decimals) : QStringLiteral("–");
}
} // namespace

void SweepModel::setSummary(const shm::SweepSummary& s) {
    beginResetModel();
    m_summary = s;
    endResetModel();
    emit summaryChanged();
}

int SweepModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_summary.points.size());
}

int SweepModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : axes() + FigureCount;
}

QString SweepModel::pointText(int point) const {
    if (point < 0 || point >= rowCount()) return {};
    const shm::SweepPointSummary& p = m_summary.points[size_t(point)];
    QString s = format::text(shm::pointName(m_summary.plan, size_t(point)));
    if (!p.runs) return s + QStringLiteral("\n") + sweep_texts::result(p);
    s += tr("\ncompute %1 (%2 – %3), %n run(s)", nullptr, int(p.runs))
             .arg(format::duration(p.compute.median * 1e9), format::duration(p.compute.min * 1e9),
                  format::duration(p.compute.max * 1e9));
    if (p.speedup) s += tr("\nspeedup %1").arg(*p.speedup, 0, 'f', 2);
    if (p.efficiency) s += tr(", efficiency %1").arg(*p.efficiency, 0, 'f', 2);
    if (p.karpFlatt) s += tr(", Karp–Flatt %1").arg(*p.karpFlatt, 0, 'f', 3);
    s += tr("\nthroughput %1, imbalance %2, CPU %3")
             .arg(format::rate(p.throughput))
             .arg(p.imbalance, 0, 'f', 2)
             .arg(format::duration(p.cpuSeconds * 1e9));
    if (p.cpuShare) s += tr("\nleast CPU share of a worker %1").arg(format::percent(*p.cpuShare));
    s += QStringLiteral("\n") + sweep_texts::result(p);
    for (const shm::Caveat& c : p.caveats)
        s += QStringLiteral("\n⚠ ") + sweep_texts::caveat(m_summary, c);
    return s;
}

QVariant SweepModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const shm::SweepPointSummary& p = m_summary.points[size_t(index.row())];
    if (role == Qt::ToolTipRole) return pointText(index.row());
    if (role == Qt::TextAlignmentRole)
        return int((index.column() < axes() || index.column() - axes() == Result ? Qt::AlignLeft
                                                                                 : Qt::AlignRight) |
                   Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    if (index.column() < axes()) {
        const shm::SettingRow& r = *m_summary.plan.axes[size_t(index.column())].row;
        return format::text(shm::settingText(r, p.config));
    }
    const bool ran = p.runs > 0;
    switch (index.column() - axes()) {
    case Compute:
        return ran ? format::duration(p.compute.median * 1e9) : QStringLiteral("–");
    case Spread:
        return ran ? QStringLiteral("%1 – %2").arg(format::duration(p.compute.min * 1e9),
                                                   format::duration(p.compute.max * 1e9))
                   : QStringLiteral("–");
    case Speedup: // a doubtful speedup (caveats.h) is marked; the tooltip says why
        return p.caveats.empty() || !p.speedup ? opt(p.speedup, 2)
                                               : QString(opt(p.speedup, 2) + QStringLiteral(" ⚠"));
    case Efficiency:
        return opt(p.efficiency, 2);
    case KarpFlatt:
        return opt(p.karpFlatt, 3);
    case Throughput:
        return ran ? format::rate(p.throughput) : QStringLiteral("–");
    case Imbalance:
        return ran ? QString::number(p.imbalance, 'f', 2) : QStringLiteral("–");
    case Cpu:
        return ran ? format::duration(p.cpuSeconds * 1e9) : QStringLiteral("–");
    case Result:
        return sweep_texts::result(p);
    }
    return {};
}

QVariant SweepModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    if (section < axes()) {
        const shm::SettingRow& r = *m_summary.plan.axes[size_t(section)].row;
        // The setting's label and help as the Controls panel words them (setting_texts.cpp).
        if (role == Qt::DisplayRole)
            return QCoreApplication::translate(
                "shm::kSettings",
                QByteArray(r.label.data(), qsizetype(r.label.size())).constData());
        if (role == Qt::ToolTipRole) return setting_words::help(r);
        return {};
    }
    if (role == Qt::DisplayRole) return tr(kTitles[section - axes()]);
    if (role == Qt::ToolTipRole) return tr(kTips[section - axes()]);
    return {};
}
