#include "gui/models/progress_model.h"

#include "analysis/metrics.h"
#include "gui/common/format.h"
#include "gui/common/run_texts.h"
#include "gui/common/worker_palette.h"
#include "work/partition.h"

#include <algorithm>

namespace {
constexpr double kRateSmoothing = 0.3; // weight of the newest frame in the displayed live rate
} // namespace

ProgressModel::ProgressModel(QObject* parent) : WorkerRowsModel(parent) {}

void ProgressModel::startRun(uint32_t workers) {
    if (m_shareOfRun) {
        m_shareOfRun = false;
        emit headerDataChanged(Qt::Horizontal, ProgressCol, ProgressCol);
    }
    m_lastProcessed.clear();
    m_lastNs.clear();
    m_history.clear();
    blankRows(workers);
    if (m_summary != Summary{}) {
        m_summary = {};
        emit summaryChanged();
    }
    emit runStarted();
}

namespace {
// Rows per state text, the most common first (ties by text, so the order holds still).
std::vector<std::pair<QString, int>> stateTally(const std::vector<ProgressRow>& rows) {
    std::vector<std::pair<QString, int>> tally;
    for (const ProgressRow& r : rows) {
        auto it = std::find_if(tally.begin(), tally.end(),
                               [&](const auto& t) { return t.first == r.stateText; });
        if (it == tally.end())
            tally.emplace_back(r.stateText, 1);
        else
            ++it->second;
    }
    std::sort(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return tally;
}
} // namespace

void ProgressModel::update(const shm::RunSnapshot& snap) {
    const size_t n = snap.workers.size();
    if (n != m_lastNs.size()) {
        m_lastProcessed.assign(n, 0);
        m_lastNs.assign(n, 0);
    }
    resizeRows(n);
    std::vector<Row> rows(n);
    const shm::ExperimentConfig& cfg = snap.config;
    const uint64_t now = shm::runEndNs(snap);
    const double runFraction = shm::runFraction(snap);
    for (size_t k = 0; k < n; ++k) {
        const shm::WorkerRecord& w = snap.workers[k];
        Row& r = rows[k];
        r.outcome = shm::outcome(w, snap);
        r.stateText = run_texts::workerState(w, snap);
        r.pid = w.pid;
        r.external = w.external;
        if (cfg.transport == shm::Transport::Mpi) r.host = QString::fromStdString(w.host);
        r.processed = w.processed;
        r.assigned = w.assigned;
        r.shareOfRun = !shm::staticWork(cfg);
        r.fraction = shm::progressFraction(w, snap);
        r.totalFraction = r.shareOfRun ? runFraction : r.fraction;
        if (r.outcome != shm::WorkerOutcome::Live || w.doneNs || !snap.active()) {
            r.rate = shm::workerRate(w, now); // final: the same figure as the report's
        } else if (m_lastNs[k] && snap.nowNs > m_lastNs[k]) {
            // Live: progress since the previous frame, smoothed so the column does not flicker.
            const double inst = double(w.processed - std::min(w.processed, m_lastProcessed[k])) *
                                1e9 / double(snap.nowNs - m_lastNs[k]);
            r.rate = m_rows[k].rate > 0
                         ? (1 - kRateSmoothing) * m_rows[k].rate + kRateSmoothing * inst
                         : inst;
        }
        r.cpuSeconds = shm::cpuSeconds(w.cpuNs);
        r.busySeconds = shm::timeSplit(w, now).busy;
        m_lastProcessed[k] = w.processed;
        m_lastNs[k] = snap.nowNs;
        r.waitShare = !cfg.usesLock()   ? kNoLock
                      : !cfg.instrument ? kTimingsOff
                                        : shm::waitShare(w, now);
    }
    const bool shareOfRun = !shm::staticWork(cfg);
    if (shareOfRun != m_shareOfRun) {
        m_shareOfRun = shareOfRun;
        emit headerDataChanged(Qt::Horizontal, ProgressCol, ProgressCol);
    }
    setRows(rows);
    recordHistory(snap);
    Summary sum;
    sum.computeSeconds = shm::elapsedSeconds(snap);
    sum.measured = sum.computeSeconds > 0;
    sum.lockTaken = cfg.usesLock() && cfg.workload != shm::Workload::Counters;
    sum.imbalance = shm::imbalance(snap);
    sum.cpuSeconds = shm::cpuSeconds(shm::totals(snap).cpuNs);
    sum.states = stateTally(m_rows);
    if (sum != m_summary) {
        m_summary = sum;
        emit summaryChanged();
    }
}

void ProgressModel::recordHistory(const shm::RunSnapshot& snap) {
    if (!snap.releaseNs || (!m_history.empty() && snap.nowNs <= m_history.back().atNs)) return;
    if (m_history.size() >= kMaxHistory) { // a long run: keep its whole span, half as dense
        size_t kept = 0;
        for (size_t i = 0; i < m_history.size(); i += 2)
            m_history[kept++] = std::move(m_history[i]);
        m_history.resize(kept);
    }
    shm::ProgressSample p{snap.nowNs, {}};
    p.processed.reserve(snap.workers.size());
    for (const shm::WorkerRecord& w : snap.workers)
        p.processed.push_back(w.processed);
    m_history.push_back(std::move(p));
}

int ProgressModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgressModel::toolTip(const Row& r, int column, uint32_t k) const {
    if (column == WorkerCol && !r.host.isEmpty())
        return k == 0 ? tr("MPI rank 0 on %1: beside the app, it writes the shared array and "
                           "publishes every rank's progress")
                            .arg(r.host)
                      : tr("MPI rank %1 on %2: computes in its own memory and sends its "
                           "results to rank 0; its progress is what has reached the array")
                            .arg(k)
                            .arg(r.host);
    if (column == WorkerCol && r.external)
        return tr("Started as: %1 --segment … --worker %2").arg(m_command).arg(k);
    if (column == WaitCol && r.waitShare == kTimingsOff)
        return tr("Lock timings are off (--no-instrument): waits were not measured.");
    if (column == CpuCol) {
        const QString cpu =
            tr("CPU %1 in %2 of busy (wall) time")
                .arg(format::duration(r.cpuSeconds * 1e9), format::duration(r.busySeconds * 1e9));
        if (!(r.cpuSeconds > 0 && r.busySeconds > 0)) return cpu;
        // The report's cpu_share: below 1 the worker slept in a lock wait or a slow-motion
        // delay, or waited for a core (a busy machine).
        return QString(cpu + QLatin1Char('\n') +
                       tr("CPU share: on a CPU for %1 of its busy time")
                           .arg(format::percent(r.cpuSeconds / r.busySeconds)));
    }
    if (column == ProgressCol)
        return r.shareOfRun ? tr("%1 elements: %2 of the whole array (dynamic/guided workers claim "
                                 "pieces as they go; the grey shade is all workers together)")
                                  .arg(format::number(r.processed), format::percent(r.fraction))
                            : tr("%1 of %2 elements")
                                  .arg(format::number(r.processed), format::number(r.assigned));
    return {};
}

QVariant ProgressModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[size_t(index.row())];
    const uint32_t k = uint32_t(index.row());
    switch (role) {
    case ColorRole:
        return worker_palette::color(k);
    case FractionRole:
        return r.fraction;
    case TotalFractionRole:
        return r.totalFraction;
    case Qt::DecorationRole:
        if (index.column() == WorkerCol) return worker_palette::swatch(k);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PidCol || index.column() == RateCol || index.column() == TimeCol ||
            index.column() == CpuCol || index.column() == WaitCol)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(r, index.column(), k);
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkerCol:
            // MPI ranks: "r1 · host" (rank k is worker k; where it runs is the point).
            if (!r.host.isEmpty()) return QStringLiteral("r%1 · %2").arg(k).arg(r.host);
            return r.external
                       ? worker_palette::workerLabel(k) + QStringLiteral(" · ") + m_commandName
                       : worker_palette::workerLabel(k);
        case PidCol:
            return r.pid ? QVariant(r.pid) : QVariant(QStringLiteral("–"));
        case StateCol:
            return r.stateText;
        case ProgressCol:
            return format::percent(r.fraction);
        case RateCol:
            return format::rate(r.rate);
        case TimeCol:
            return r.busySeconds > 0 ? format::duration(r.busySeconds * 1e9) : QStringLiteral("–");
        case CpuCol:
            return format::duration(r.cpuSeconds * 1e9);
        case WaitCol:
            if (r.waitShare == kNoLock) return tr("no lock");
            if (r.waitShare == kTimingsOff) return tr("timings off");
            return format::percent(r.waitShare);
        }
        return {};
    }
    return {};
}

namespace {
// Header title and tooltip per column, in the Column enum's order.
struct HeaderDef {
    const char* title;
    const char* tip;
};
const HeaderDef kHeaders[] = {
    {QT_TRANSLATE_NOOP("ProgressModel", "Worker"),
     QT_TRANSLATE_NOOP("ProgressModel", "Worker id; its colour is the same in every view.")},
    {QT_TRANSLATE_NOOP("ProgressModel", "PID"),
     QT_TRANSLATE_NOOP("ProgressModel", "Process id of the shmscope-worker process.")},
    {QT_TRANSLATE_NOOP("ProgressModel", "State"),
     QT_TRANSLATE_NOOP("ProgressModel",
                       "What the worker says it is doing, or how its process ended.")},
    {QT_TRANSLATE_NOOP("ProgressModel", "Progress"),
     QT_TRANSLATE_NOOP("ProgressModel",
                       "Elements processed of those assigned (dynamic/guided: \"Share of run\", "
                       "the worker's part of the whole array, with all workers' total shaded "
                       "behind).")},
    {QT_TRANSLATE_NOOP("ProgressModel", "Rate"),
     QT_TRANSLATE_NOOP("ProgressModel", "Elements per second (average once done).")},
    {QT_TRANSLATE_NOOP("ProgressModel", "Time"),
     QT_TRANSLATE_NOOP("ProgressModel",
                       "Wall time from the start barrier to this worker's end, pauses excluded "
                       "(still counting while it works). The run's compute time is the slowest "
                       "worker's; imbalance is the slowest over the mean.")},
    {QT_TRANSLATE_NOOP("ProgressModel", "CPU"),
     QT_TRANSLATE_NOOP("ProgressModel",
                       "CPU time the worker process used since the barrier. Beside its busy "
                       "(wall) time it shows preemption (more workers than cores) and CPU burned "
                       "spinning while waiting for a lock: a mutex waiter sleeps, a spinner "
                       "does not.")},
    {QT_TRANSLATE_NOOP("ProgressModel", "Lock wait"),
     QT_TRANSLATE_NOOP("ProgressModel",
                       "Lock wait: share of this worker's busy TIME spent waiting for the lock "
                       "(the contention view's \"contended\" counts acquisitions that waited).")},
};
static_assert(std::size(kHeaders) == ProgressModel::ColumnCount);
} // namespace

QVariant ProgressModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::ToolTipRole) return tr(kHeaders[section].tip);
    if (role != Qt::DisplayRole) return {};
    // Dynamic/guided: nobody has a share in advance; the bar is the worker's part of the whole
    // run, with all workers' total shaded behind it (full when the run is done).
    if (section == ProgressCol && m_shareOfRun) return tr("Share of run");
    return tr(kHeaders[section].title);
}
