#include "contention_model.h"

#include "worker_palette.h"

#include <QLocale>

#include <algorithm>

ContentionModel::ContentionModel(QObject* parent) : QAbstractTableModel(parent) {}

namespace {
// Three significant digits: 1.23, 12.3, 123.
QString threeDigits(double v) {
    return QString::number(v, 'f', v < 10 ? 2 : v < 100 ? 1 : 0);
}
} // namespace

QString ContentionModel::formatNs(double ns) {
    if (ns < 1e3) return QStringLiteral("%1 ns").arg(ns, 0, 'f', 0);
    if (ns < 1e6) return threeDigits(ns / 1e3) + QStringLiteral(" µs");
    if (ns < 1e9) return threeDigits(ns / 1e6) + QStringLiteral(" ms");
    return threeDigits(ns / 1e9) + QStringLiteral(" s");
}

QString ContentionModel::formatCount(double n) {
    if (n < 1e4) return QString::number(n, 'f', 0);
    if (n < 1e6) return threeDigits(n / 1e3) + QStringLiteral("k");
    if (n < 1e9) return threeDigits(n / 1e6) + QStringLiteral("M");
    return threeDigits(n / 1e9) + QStringLiteral("G");
}

void ContentionModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_summary = {};
    endResetModel();
}

void ContentionModel::update(const RunController::Snapshot& snap, const shm::ExperimentConfig& cfg,
                             uint64_t nowNs) {
    const size_t n = snap.workers.size();
    if (n != m_rows.size()) {
        beginResetModel();
        m_rows.assign(n, Row{});
        endResetModel();
    }
    bool changed = false;
    for (size_t k = 0; k < n; ++k) {
        const shm::WorkerSnapshot& w = snap.workers[k].live;
        Row r;
        r.lock = w.lock;
        r.dropped = w.droppedEvents;
        if (w.startNs) {
            const uint64_t end = w.doneNs ? w.doneNs : std::max(nowNs, w.startNs);
            const uint64_t span = end - w.startNs;
            const double busy = double(span - std::min(span, w.pausedNs)) / 1e9;
            r.waitSeconds = double(w.lock.waitNs) / 1e9;
            r.holdSeconds = double(w.lock.holdNs) / 1e9;
            r.computeSeconds = std::max(0.0, busy - r.waitSeconds - r.holdSeconds);
        }
        if (!(r == m_rows[k])) {
            m_rows[k] = r;
            changed = true;
        }
    }
    Summary s;
    s.lockTaken = cfg.usesLock();
    s.acquisitions = snap.lock.acquisitions;
    s.contended = snap.lock.contended;
    s.acquisitionsPerSecond =
        snap.elapsedSeconds > 0 ? double(s.acquisitions) / snap.elapsedSeconds : 0;
    s.contendedPercent = s.acquisitions ? 100.0 * double(s.contended) / double(s.acquisitions) : 0;
    s.meanWaitNs = s.contended ? double(snap.lock.waitNs) / double(s.contended) : 0;
    s.maxWaitNs = snap.lock.maxWaitNs;
    s.droppedEvents = snap.droppedEvents;
    m_summary = s;
    if (changed && n) emit dataChanged(index(0, 0), index(int(n) - 1, ColumnCount - 1));
}

int ContentionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContentionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContentionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[size_t(index.row())];
    const double contendedPct =
        r.lock.acquisitions ? 100.0 * double(r.lock.contended) / double(r.lock.acquisitions) : 0;
    const double meanWait = r.lock.contended ? double(r.lock.waitNs) / double(r.lock.contended) : 0;
    switch (role) {
    case ComputeSecondsRole:
        return r.computeSeconds;
    case WaitSecondsRole:
        return r.waitSeconds;
    case HoldSecondsRole:
        return r.holdSeconds;
    case ColorRole:
        return worker_palette::color(uint32_t(index.row()));
    case Qt::DecorationRole:
        return index.column() == WorkerCol ? QVariant(worker_palette::color(uint32_t(index.row())))
                                           : QVariant();
    case ValueRole:
        switch (index.column()) {
        case WorkerCol:
            return index.row();
        case AcquisitionsCol:
            return qulonglong(r.lock.acquisitions);
        case ContendedCol:
            return contendedPct;
        case MeanWaitCol:
            return meanWait;
        case MaxWaitCol:
            return qulonglong(r.lock.maxWaitNs);
        case WaitCol:
            return r.waitSeconds;
        case HoldCol:
            return r.holdSeconds;
        case ComputeCol:
            return r.computeSeconds;
        case DroppedCol:
            return qulonglong(r.dropped);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkerCol:
            return worker_palette::workerLabel(uint32_t(index.row()));
        case AcquisitionsCol:
            return QLocale().toString(qulonglong(r.lock.acquisitions));
        case ContendedCol:
            return QStringLiteral("%1 %").arg(contendedPct, 0, 'f', 1);
        case MeanWaitCol:
            return formatNs(meanWait);
        case MaxWaitCol:
            return formatNs(double(r.lock.maxWaitNs));
        case WaitCol:
            return formatNs(r.waitSeconds * 1e9);
        case HoldCol:
            return formatNs(r.holdSeconds * 1e9);
        case ComputeCol:
            return formatNs(r.computeSeconds * 1e9);
        case DroppedCol:
            return QLocale().toString(qulonglong(r.dropped));
        }
        return {};
    }
    return {};
}

QVariant ContentionModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case WorkerCol:
        return QStringLiteral("Worker");
    case AcquisitionsCol:
        return QStringLiteral("Acquisitions");
    case ContendedCol:
        return QStringLiteral("Contended");
    case MeanWaitCol:
        return QStringLiteral("Mean wait");
    case MaxWaitCol:
        return QStringLiteral("Max wait");
    case WaitCol:
        return QStringLiteral("Waiting");
    case HoldCol:
        return QStringLiteral("Holding");
    case ComputeCol:
        return QStringLiteral("Computing");
    case DroppedCol:
        return QStringLiteral("Dropped events");
    }
    return {};
}
