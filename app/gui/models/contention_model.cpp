#include "contention_model.h"

#include "format.h"
#include "worker_palette.h"

#include <algorithm>

ContentionModel::ContentionModel(QObject* parent) : QAbstractTableModel(parent) {}

void ContentionModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_summary = {};
    endResetModel();
}

void ContentionModel::update(const shm::RunSnapshot& snap) {
    const size_t n = snap.workers.size();
    if (n != m_rows.size()) {
        beginResetModel();
        m_rows.assign(n, Row{});
        endResetModel();
    }
    const uint64_t now = shm::runEndNs(snap);
    bool changed = false;
    double busy = 0;
    for (size_t k = 0; k < n; ++k) {
        const shm::WorkerRecord& w = snap.workers[k];
        Row r;
        r.lock = w.lock;
        r.dropped = w.droppedEvents;
        r.time = shm::timeSplit(w, now);
        busy += r.time.busy;
        if (!(r == m_rows[k])) {
            m_rows[k] = r;
            changed = true;
        }
    }
    const shm::RunTotals t = shm::totals(snap);
    const double elapsed = shm::elapsedSeconds(snap);
    Summary s;
    s.lockTaken = snap.config.usesLock();
    s.acquisitions = t.lock.acquisitions;
    s.contended = t.lock.contended;
    s.acquisitionsPerSecond = elapsed > 0 ? double(s.acquisitions) / elapsed : 0;
    s.contendedPercent = shm::contendedPercent(t.lock);
    s.meanWaitNs = shm::meanWaitNs(t.lock);
    s.maxWaitNs = t.lock.maxWaitNs;
    s.waitShare = busy > 0 ? std::min(1.0, double(t.lock.waitNs) / 1e9 / busy) : 0;
    s.droppedEvents = t.droppedEvents;
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
    const double contendedPct = shm::contendedPercent(r.lock);
    const double meanWait = shm::meanWaitNs(r.lock);
    switch (role) {
    case ComputeSecondsRole:
        return r.time.compute;
    case WaitSecondsRole:
        return r.time.wait;
    case HoldSecondsRole:
        return r.time.hold;
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
            return r.time.wait;
        case HoldCol:
            return r.time.hold;
        case ComputeCol:
            return r.time.compute;
        case DroppedCol:
            return qulonglong(r.dropped);
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case WorkerCol:
            return worker_palette::workerLabel(uint32_t(index.row()));
        case AcquisitionsCol:
            return format::number(r.lock.acquisitions);
        case ContendedCol:
            return format::percent(contendedPct / 100);
        case MeanWaitCol:
            return format::duration(meanWait);
        case MaxWaitCol:
            return format::duration(double(r.lock.maxWaitNs));
        case WaitCol:
            return format::duration(r.time.wait * 1e9);
        case HoldCol:
            return format::duration(r.time.hold * 1e9);
        case ComputeCol:
            return format::duration(r.time.compute * 1e9);
        case DroppedCol:
            return format::number(r.dropped);
        }
        return {};
    }
    return {};
}

QVariant ContentionModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case WorkerCol:
        return tr("Worker");
    case AcquisitionsCol:
        return tr("Acquisitions");
    case ContendedCol:
        return tr("Contended");
    case MeanWaitCol:
        return tr("Mean wait");
    case MaxWaitCol:
        return tr("Max wait");
    case WaitCol:
        return tr("Waiting");
    case HoldCol:
        return tr("Holding");
    case ComputeCol:
        return tr("Computing");
    case DroppedCol:
        return tr("Dropped events");
    }
    return {};
}
