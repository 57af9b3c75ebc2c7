#include "progress_model.h"

#include "partition.h"
#include "worker_palette.h"

#include <QLocale>

#include <algorithm>

namespace {
constexpr double kRateSmoothing = 0.3; // weight of the newest frame in the displayed rate

uint64_t busyNs(const shm::WorkerSnapshot& w, uint64_t nowNs) {
    if (!w.startNs) return 0;
    const uint64_t end = w.doneNs ? w.doneNs : std::max(nowNs, w.startNs);
    const uint64_t span = end - w.startNs;
    return span - std::min(span, w.pausedNs);
}
} // namespace

ProgressModel::ProgressModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ProgressModel::formatRate(double r) {
    if (r <= 0) return QStringLiteral("–");
    if (r >= 1e9) return QStringLiteral("%1 G/s").arg(r / 1e9, 0, 'f', 2);
    if (r >= 1e6) return QStringLiteral("%1 M/s").arg(r / 1e6, 0, 'f', 1);
    if (r >= 1e3) return QStringLiteral("%1 k/s").arg(r / 1e3, 0, 'f', 1);
    return QStringLiteral("%1 /s").arg(r, 0, 'f', 0);
}

QString ProgressModel::stateText(const RunController::WorkerView& v) {
    using S = shm::WorkerState;
    if (v.state == S::Crashed) {
        if (v.terminatedByUs) return QStringLiteral("terminated (signal %1)").arg(v.signal);
        return QStringLiteral("crashed (signal %1)").arg(v.signal) +
               (v.diedHoldingLock ? QStringLiteral(", held lock") : QString());
    }
    if (v.state == S::Failed)
        return v.exitCode >= 0 ? QStringLiteral("failed (code %1)").arg(v.exitCode)
                               : QStringLiteral("failed");
    if (v.state == S::Done && v.live.processed < v.live.assigned) return QStringLiteral("stopped");
    return QString::fromLatin1(shm::toString(v.state).data(),
                               qsizetype(shm::toString(v.state).size()));
}

void ProgressModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_lastProcessed.clear();
    m_lastNs.clear();
    endResetModel();
}

void ProgressModel::update(const RunController::Snapshot& snap, const shm::ExperimentConfig& cfg,
                           uint64_t nowNs) {
    const size_t n = snap.workers.size();
    if (n != m_rows.size()) {
        beginResetModel();
        m_rows.assign(n, Row{});
        m_lastProcessed.assign(n, 0);
        m_lastNs.assign(n, 0);
        endResetModel();
    }
    const bool dynamic = !shm::isStatic(cfg.partition);
    const double total = double(std::max<uint64_t>(cfg.elements, 1));
    int firstChanged = -1, lastChanged = -1;
    for (size_t k = 0; k < n; ++k) {
        const RunController::WorkerView& v = snap.workers[k];
        const shm::WorkerSnapshot& w = v.live;
        Row r;
        r.state = v.state;
        r.stateText = stateText(v);
        r.pid = w.pid;
        r.processed = w.processed;
        r.assigned = w.assigned;
        if (dynamic) {
            r.fraction = double(w.processed) / total;
            r.totalFraction = double(snap.processed) / total;
        } else {
            r.fraction = w.assigned ? double(w.processed) / double(w.assigned) : 0;
            r.totalFraction = r.fraction;
        }
        const uint64_t busy = busyNs(w, nowNs);
        if (w.doneNs || v.exited) {
            r.rate = busy ? double(w.processed) * 1e9 / double(busy) : 0;
        } else if (m_lastNs[k] && nowNs > m_lastNs[k]) {
            const double inst = double(w.processed - std::min(w.processed, m_lastProcessed[k])) *
                                1e9 / double(nowNs - m_lastNs[k]);
            r.rate = m_rows[k].rate > 0
                         ? (1 - kRateSmoothing) * m_rows[k].rate + kRateSmoothing * inst
                         : inst;
        }
        m_lastProcessed[k] = w.processed;
        m_lastNs[k] = nowNs;
        r.waitShare = !cfg.usesLock() ? kNoLock
                      : !cfg.instrument
                          ? kTimingsOff
                          : (busy ? std::min(1.0, double(w.lock.waitNs) / double(busy)) : 0);
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
    case StateRole:
        return int(r.state);
    case Qt::DecorationRole:
        if (index.column() == WorkerCol) return worker_palette::color(k);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PidCol || index.column() == RateCol || index.column() == WaitCol)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == WaitCol && r.waitShare == kTimingsOff)
            return QStringLiteral("Lock timings are off (--no-instrument): waits were not "
                                  "measured.");
        if (index.column() == ProgressCol)
            return QStringLiteral("%1 of %2 elements")
                .arg(QLocale().toString(qulonglong(r.processed)),
                     QLocale().toString(qulonglong(r.assigned)));
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
            return QStringLiteral("%1 %").arg(r.fraction * 100, 0, 'f', 1);
        case RateCol:
            return formatRate(r.rate);
        case WaitCol:
            if (r.waitShare == kNoLock) return QStringLiteral("no lock");
            if (r.waitShare == kTimingsOff) return QStringLiteral("timings off");
            return QStringLiteral("%1 %").arg(r.waitShare * 100, 0, 'f', 1);
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
            return QStringLiteral("Worker id; its colour is the same in every view.");
        case PidCol:
            return QStringLiteral("Process id of the shmscope-worker process.");
        case StateCol:
            return QStringLiteral("What the worker says it is doing, or how its process ended.");
        case ProgressCol:
            return QStringLiteral("Elements processed of those assigned (dynamic/guided: of the "
                                  "whole array, with all workers' total shaded behind).");
        case RateCol:
            return QStringLiteral("Elements per second (average once done).");
        case WaitCol:
            return QStringLiteral("Share of busy time spent waiting for the lock.");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case WorkerCol:
        return QStringLiteral("Worker");
    case PidCol:
        return QStringLiteral("PID");
    case StateCol:
        return QStringLiteral("State");
    case ProgressCol:
        return QStringLiteral("Progress");
    case RateCol:
        return QStringLiteral("Rate");
    case WaitCol:
        return QStringLiteral("Lock wait");
    }
    return {};
}
