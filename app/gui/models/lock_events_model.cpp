#include "gui/models/lock_events_model.h"

#include "analysis/metrics.h"
#include "record/replay.h"

LockEventsModel::LockEventsModel(QObject* parent) : QObject(parent) {}

void LockEventsModel::startRun(const shm::ExperimentConfig& cfg) {
    m_s.cfg = cfg;
    m_s.workers = cfg.workers;
    m_s.activity.reset(cfg.workers, cfg.sync == shm::SyncMode::Striped ? 1 + cfg.stripes : 1,
                       cfg.sync, shm::LockActivity::keepPerWorker(cfg.workers));
    m_s.waits.reset(cfg.workers);
    m_s.releaseNs = 0;
    m_s.endNs = 0;
    m_s.active = true;
    m_replay = false;
    m_s.dropped = 0;
    m_s.contended = 0;
    m_s.hosts.clear();
}

void LockEventsModel::clear() {
    m_s.workers = 0;
    m_s.activity.reset(0, 1, shm::SyncMode::Mutex);
    m_s.waits.reset(0);
    m_s.releaseNs = 0;
    m_s.endNs = 0;
    m_s.active = false;
    m_replay = false;
    m_s.dropped = 0;
    m_s.contended = 0;
    m_s.hosts.clear();
}

void LockEventsModel::update(const shm::RunFrame& frame) {
    const shm::RunSnapshot& s = frame.snapshot;
    if (s.workers.size() != m_s.workers) return; // not this run's frame
    m_s.releaseNs = s.releaseNs;
    m_s.active = s.active();
    if (m_s.releaseNs) m_s.endNs = std::max(m_s.endNs, double(shm::runEndNs(s) - m_s.releaseNs));
    const shm::RunTotals t = shm::totals(s);
    m_s.dropped = t.droppedEvents + frame.discardedEvents;
    m_s.contended = t.lock.contended;
    for (uint32_t k = 0; k < m_s.workers && k < frame.newEvents.size(); ++k) {
        const auto& fresh = frame.newEvents[k];
        if (fresh.empty()) continue;
        m_s.waits.consume(k, fresh.data(), fresh.size());
        m_s.activity.consume(k, fresh.data(), fresh.size());
    }
    for (const shm::WorkerRecord& w : s.workers)
        if (w.exited && w.exitNs) m_s.activity.endWorker(w.id, w.exitNs);
    if (m_s.cfg.transport == shm::Transport::Mpi) m_s.hosts = shm::groupByHost(s.workers);
}

LockEventsState LockEventsModel::state() const {
    return m_s;
}

void LockEventsModel::setState(const LockEventsState& state) {
    m_s = state;
    m_replay = false;
}

void LockEventsModel::showReplay(const shm::RecordedRun& run, const shm::RunSnapshot& s) {
    m_s.cfg = run.config;
    shm::replayLocks(run, s.nowNs, m_s.activity, m_s.waits);
    m_s.workers = m_s.activity.workers();
    m_s.releaseNs = s.releaseNs;
    m_s.active = false;
    m_replay = true;
    m_s.endNs = m_s.releaseNs && s.nowNs > m_s.releaseNs ? double(s.nowNs - m_s.releaseNs) : 0;
    const shm::RunTotals t = shm::totals(s);
    // The samples carry the rings' drops so far; the run's own count (drained but not kept
    // too) only once the replay reached the end.
    m_s.dropped =
        std::max(t.droppedEvents, s.phase == shm::Phase::Finished ? run.droppedEvents : 0);
    m_s.contended = t.lock.contended;
    m_s.hosts.clear();
    if (run.config.transport == shm::Transport::Mpi) m_s.hosts = shm::groupByHost(s.workers);
}
