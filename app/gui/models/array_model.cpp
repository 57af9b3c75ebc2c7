#include "gui/models/array_model.h"

#include "work/workload.h"

#include <chrono>
#include <cmath>
#include <limits>

namespace {
// Checking every written element against its expected value costs a workload evaluation per
// element, as much as the workers' own compute: live only for small arrays, otherwise once the
// run has ended and only if the controller's verification found a wrong value.
constexpr uint64_t kLiveCheckBudget = 1ull << 18;

uint64_t checkCost(const shm::ExperimentConfig& c) {
    const uint64_t perElement = c.workload == shm::Workload::Mandelbrot ? 64 : 1;
    return c.elements * perElement;
}

std::function<double(uint64_t)> elementCheck(const shm::ExperimentConfig& c) {
    return [w = c.workload, n = c.elements](uint64_t i) { return shm::elementValue(w, i, n); };
}
} // namespace

ArrayModel::ArrayModel(QObject* parent) : QObject(parent) {}

ArrayModel::~ArrayModel() {
    if (m_binsFuture.valid()) m_binsFuture.wait();
}

bool ArrayModel::checksLive() const {
    return !isHistogram() && checkCost(m_cfg) <= kLiveCheckBudget;
}

void ArrayModel::startRun(const shm::ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_haveRun = true;
    m_finished = false;
    m_freshSegment = true;
    m_array = {};
    m_cursor = 0;
    m_queue = {};
    m_mpi = {};
    m_queueMessagesScanned = 0;
    m_report = {};
    m_replay = false;
    m_frameColumns.clear();
    m_dec.configure(cfg.dataCount(), cfg.workers,
                    isHistogram() ? shm::Decimator::WrittenBy::OwnerSet
                                  : shm::Decimator::WrittenBy::NotNaN);
    m_tracker.reset(cfg);
    m_expectedBins.clear();
    if (m_binsFuture.valid()) m_binsFuture.wait();
    m_wantCheck = false;
    if (isHistogram())
        m_binsFuture = std::async(std::launch::async, [cfg] { return shm::expectedArray(cfg); });
    else if (checksLive())
        m_dec.setExpected(elementCheck(cfg));
}

void ArrayModel::clear() {
    m_haveRun = false;
    m_finished = false;
    m_array = {};
    m_report = {};
    m_replay = false;
    m_frameColumns.clear();
    m_dec.configure(0, 0, shm::Decimator::WrittenBy::NotNaN);
}

double ArrayModel::expectedAt(uint64_t i) const {
    if (isHistogram())
        return i < m_expectedBins.size() ? m_expectedBins[i]
                                         : std::numeric_limits<double>::quiet_NaN();
    return shm::elementValue(m_cfg.workload, i, m_cfg.elements);
}

// A histogram's expected bins, once the thread computing them is done (live and replayed).
void ArrayModel::takeExpectedBins() {
    if (m_binsFuture.valid() &&
        m_binsFuture.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        m_expectedBins = m_binsFuture.get();
        emit expectedChanged();
    }
    if (m_wantCheck && !m_expectedBins.empty()) {
        const std::vector<double>* bins = &m_expectedBins;
        m_dec.setExpected([bins](uint64_t i) { return (*bins)[i]; });
        m_wantCheck = false;
    }
}

void ArrayModel::update(const shm::RunSnapshot& snap) {
    if (!m_haveRun || !snap.array.valid()) return;
    if (m_cfg.workload == shm::Workload::Counters) return; // counts, not values: CountersModel
    m_array = snap.array;
    m_cursor = snap.cursor;
    m_queue = snap.queue;
    m_mpi = shm::mpiFigures(snap);
    takeExpectedBins();
    uint64_t processed = 0;
    for (const shm::WorkerRecord& w : snap.workers)
        processed += w.processed;
    m_freshSegment = snap.active() && processed == 0;
    if (m_cfg.transport == shm::Transport::Queue) {
        // The app's receiver writes the array some time after the workers report progress,
        // in no order the tracker can follow: rescan everything (the scan budget spreads it).
        if (snap.queue.messages != m_queueMessagesScanned) m_dec.markAllDirty();
        m_queueMessagesScanned = snap.queue.messages;
        return;
    }
    for (const auto& r : m_tracker.update(snap.workers, m_cursor, m_array.data))
        m_dec.markDirty(r.first, r.second);
}

void ArrayModel::setView(uint64_t lo, uint64_t hi, int columns) {
    // Before the first published progress nothing needs scanning: the array is all NaN and
    // the tracker marks every write from the first batch on.
    m_dec.setView(lo, hi, columns, m_freshSegment && !m_replay);
    if (m_replay && !m_array.valid()) m_dec.fillFrom(m_frameColumns);
}

void ArrayModel::showFrame(const shm::RunSnapshot& snap, const shm::ArrayFrame* frame) {
    takeExpectedBins();
    if (!m_haveRun) return;
    m_replay = true;
    m_finished = false;
    m_report = {};
    m_freshSegment = false;
    m_cursor = snap.cursor;
    m_queue = snap.queue;
    m_mpi = shm::mpiFigures(snap);
    m_array = frame && frame->full() ? snap.array : shm::ArrayRef{};
    if (m_array.valid()) {
        m_frameColumns.clear();
        m_dec.markAllDirty(); // the view's scan decimates the frame's values
    } else {
        if (frame)
            m_frameColumns = frame->columns;
        else
            m_frameColumns.clear();
        m_dec.fillFrom(m_frameColumns);
    }
}

bool ArrayModel::scan(uint64_t budgetNs) {
    if (m_replay && !m_array.valid() && m_dec.hasDirty()) {
        m_dec.fillFrom(m_frameColumns); // marked dirty (an expected-value change): refill
        return true;
    }
    if (!m_array.valid() || m_cfg.workload == shm::Workload::Counters) return false;
    return m_dec.process(m_array.data, m_array.owner, budgetNs) > 0;
}

void ArrayModel::runFinished(const shm::RunReport& report) {
    m_finished = true;
    m_report = report;
    if (isHistogram()) {
        m_wantCheck = true; // bins are final now: compare them
    } else if (!checksLive() && report.mismatches > report.unwritten) {
        // Spread over frames by the scan budget, so even 10^8 elements keep the window live.
        m_dec.setExpected(elementCheck(m_cfg));
    }
    // A killed worker may have written past its last progress publish: rescan everything then.
    // A clean run's final publishes already marked every write.
    bool complete = report.finished() && m_cfg.transport != shm::Transport::Queue;
    for (const auto& w : report.workers)
        complete = complete && w.processed >= w.assigned;
    if (!complete) m_dec.markAllDirty();
}

uint64_t ArrayModel::mismatchesInView() const {
    uint64_t m = 0;
    for (const auto& c : m_dec.columns())
        m += c.mismatches;
    return m;
}
