#include "progress_model.h"

#include "format.h"
#include "metrics.h"
#include "partition.h"
#include "worker_palette.h"

#include <algorithm>

namespace {
constexpr double kRateSmoothing = 0.3; // weight of the newest frame in the displayed live rate
} // namespace

ProgressModel::ProgressModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProgressModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_lastProcessed.clear();
    m_lastNs.clear();
    endResetModel();
}

void ProgressModel::update(const shm::RunSnapshot& snap) {
    const size_t n = snap.workers.size();
    if (n != m_rows.size()) {
        beginResetModel();
        m_rows.assign(n, Row{});
        m_lastProcessed.assign(n, 0);
        m_lastNs.assign(n, 0);
        endResetModel();
    }
    const shm::ExperimentConfig& cfg = snap.config;
    const uint64_t now = shm::runEndNs(snap);
    const double runFraction = shm::runFraction(snap);
    int firstChanged = -1, lastChanged = -1;
    for (size_t k = 0; k < n; ++k) {
        const shm::WorkerRecord& w = snap.workers[k];
        Row r;
        r.outcome = shm::outcome(w, snap);
        r.stateText = format::text(shm::stateText(w, snap));
        r.pid = w.pid;
        r.processed = w.processed;
        r.assigned = w.assigned;
        r.shareOfRun = !shm::isStatic(cfg.partition);
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
        m_lastProcessed[k] = w.processed;
        m_lastNs[k] = snap.nowNs;
        r.waitShare = !cfg.usesLock()   ? kNoLock
                      : !cfg.instrument ? kTimingsOff
                                        : shm::waitShare(w, now);
        if (!(r == m_rows[k])) {
            m_rows[k] = r;
            if (firstChanged < 0) firstChanged = int(k);
            lastChanged = int(k);
        }
    }
    if (firstChanged >= 0) {
        ++m_dataChangedCount;
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    }
}

int ProgressModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProgressModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
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
    case ProcessedRole:
        return qulonglong(r.processed);
    case OutcomeRole:
        return int(r.outcome);
    case Qt::DecorationRole:
        if (index.column() == WorkerCol) return worker_palette::color(k);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PidCol || index.column() == RateCol || index.column() == WaitCol)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == WaitCol && r.waitShare == kTimingsOff)
            return tr("Lock timings are off (--no-instrument): waits were not measured.");
        if (index.column() == ProgressCol)
            return r.shareOfRun
                       ? tr("%1 elements: %2 of the whole array (dynamic/guided workers claim "
                            "pieces as they go; the grey shade is all workers together)")
                             .arg(format::number(r.processed), format::percent(r.fraction))
                       : tr("%1 of %2 elements").arg(format::number(r.processed),
                                                     format::number(r.assigned));
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkerCol:
            return worker_palette::workerLabel(k);
        case PidCol:
            return r.pid ? QVariant(r.pid) : QVariant(QStringLiteral("–"));
        case StateCol:
            return r.stateText;
        case ProgressCol:
            return r.shareOfRun ? tr("%1 of the run").arg(format::percent(r.fraction))
                                : format::percent(r.fraction);
        case RateCol:
            return format::rate(r.rate);
        case WaitCol:
            if (r.waitShare == kNoLock) return tr("no lock");
            if (r.waitShare == kTimingsOff) return tr("timings off");
            return format::percent(r.waitShare);
        }
        return {};
    }
    return {};
}

QVariant ProgressModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case WorkerCol:
            return tr("Worker id; its colour is the same in every view.");
        case PidCol:
            return tr("Process id of the shmscope-worker process.");
        case StateCol:
            return tr("What the worker says it is doing, or how its process ended.");
        case ProgressCol:
            return tr("Elements processed of those assigned (dynamic/guided: of the "
                                  "whole array, with all workers' total shaded behind).");
        case RateCol:
            return tr("Elements per second (average once done).");
        case WaitCol:
            return tr("Lock wait: share of this worker's busy TIME spent waiting for the lock "
                      "(the contention view's \"contended\" counts acquisitions that waited).");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case WorkerCol:
        return tr("Worker");
    case PidCol:
        return tr("PID");
    case StateCol:
        return tr("State");
    case ProgressCol:
        return tr("Progress");
    case RateCol:
        return tr("Rate");
    case WaitCol:
        return tr("Lock wait");
    }
    return {};
}
