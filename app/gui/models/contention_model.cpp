#include "gui/models/contention_model.h"

#include "analysis/sweep.h"
#include "analysis/wait_histogram.h"
#include "gui/common/format.h"
#include "gui/common/worker_palette.h"

#include <algorithm>

ContentionModel::ContentionModel(QObject* parent) : WorkerRowsModel(parent) {}

void ContentionModel::startRun(uint32_t workers) {
    m_summary = {};
    blankRows(workers);
}

void ContentionModel::update(const shm::RunSnapshot& snap) {
    const size_t n = snap.workers.size();
    const uint64_t now = shm::runEndNs(snap);
    std::vector<Row> rows(n);
    for (size_t k = 0; k < n; ++k) {
        const shm::WorkerRecord& w = snap.workers[k];
        Row& r = rows[k];
        r.lock = shm::lockStats(w, now); // open waits and holds included, as in the report
        r.dropped = w.droppedEvents;
        r.time = shm::timeSplit(w, now);
        r.cpuSeconds = shm::cpuSeconds(w.cpuNs);
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
    s.waitShare = shm::waitShare(snap);
    s.droppedEvents = t.droppedEvents;
    s.cpuNs = t.cpuNs;
    s.cpuWaitingNs = shm::cpuWaitingNs(snap);
    s.imbalance = shm::imbalance(snap);
    s.workers = uint32_t(n);
    s.cores = shm::usableCores();
    s.delayUs = snap.config.delayUs;
    // As worker_loop.cpp's delayElement: under 200 us they spin, unless there are more workers
    // than cores (then they sleep too, except under the spin lock).
    s.slowMotionSlept =
        s.delayUs >= 200 || (s.workers > s.cores && snap.config.sync != shm::SyncMode::Spin);
    for (const shm::WorkerRecord& w : snap.workers) {
        const uint64_t busy = shm::busyNs(w, now);
        s.busyNs += busy;
        s.slowMotionNs += std::min(busy, w.processed * uint64_t(s.delayUs) * 1000);
    }
    s.openWaitBuckets = shm::WaitHistogram::openCounts(snap);
    m_summary = s;
    setRows(rows);
}

int ContentionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
using Row = ContentionModel::Row;
// One row of this table per column: its title, its raw value (ValueRole) and its text. The
// order is the Column enum's (static_assert below).
struct ColumnDef {
    const char* title;
    QVariant (*value)(const Row&, int row);
    QString (*text)(const Row&, int row);
};
const ColumnDef kColumns[] = {
    {QT_TRANSLATE_NOOP("ContentionModel", "Worker"), [](const Row&, int k) { return QVariant(k); },
     [](const Row&, int k) { return worker_palette::workerLabel(uint32_t(k)); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Acquisitions"),
     [](const Row& r, int) { return QVariant(qulonglong(r.lock.acquisitions)); },
     [](const Row& r, int) { return format::number(r.lock.acquisitions); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Contended"),
     [](const Row& r, int) { return QVariant(shm::contendedPercent(r.lock)); },
     [](const Row& r, int) { return format::percent(shm::contendedPercent(r.lock) / 100); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Mean wait"),
     [](const Row& r, int) { return QVariant(shm::meanWaitNs(r.lock)); },
     [](const Row& r, int) { return format::duration(shm::meanWaitNs(r.lock)); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Max wait"),
     [](const Row& r, int) { return QVariant(qulonglong(r.lock.maxWaitNs)); },
     [](const Row& r, int) { return format::duration(double(r.lock.maxWaitNs)); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Waiting"),
     [](const Row& r, int) { return QVariant(r.time.wait); },
     [](const Row& r, int) { return format::duration(r.time.wait * 1e9); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Holding"),
     [](const Row& r, int) { return QVariant(r.time.hold); },
     [](const Row& r, int) { return format::duration(r.time.hold * 1e9); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Computing"),
     [](const Row& r, int) { return QVariant(r.time.compute); },
     [](const Row& r, int) { return format::duration(r.time.compute * 1e9); }},
    {QT_TRANSLATE_NOOP("ContentionModel", "Dropped events"),
     [](const Row& r, int) { return QVariant(qulonglong(r.dropped)); },
     [](const Row& r, int) { return format::number(r.dropped); }},
};
static_assert(std::size(kColumns) == ContentionModel::ColumnCount);
} // namespace

QVariant ContentionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[size_t(index.row())];
    const ColumnDef& col = kColumns[index.column()];
    switch (role) {
    case ComputeSecondsRole:
        return r.time.compute;
    case WaitSecondsRole:
        return r.time.wait;
    case HoldSecondsRole:
        return r.time.hold;
    case BusySecondsRole:
        return r.time.busy;
    case CpuSecondsRole:
        return r.cpuSeconds;
    case ColorRole:
        return worker_palette::color(uint32_t(index.row()));
    case Qt::DecorationRole:
        return index.column() == WorkerCol ? QVariant(worker_palette::swatch(uint32_t(index.row())))
                                           : QVariant();
    case ValueRole:
        return col.value(r, index.row());
    case Qt::DisplayRole:
        return col.text(r, index.row());
    }
    return {};
}

QVariant ContentionModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(kColumns[section].title);
}
