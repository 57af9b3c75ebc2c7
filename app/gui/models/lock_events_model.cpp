#include "gui/models/lock_events_model.h"

#include "analysis/metrics.h"
#include "record/replay.h"

LockEventsModel::LockEventsModel(QObject* parent) : QObject(parent) {}

void LockEventsModel::startRun(const shm::ExperimentConfig& cfg) {
    m_cfg = cfg;
    m_workers = cfg.workers;
    m_activity.reset(cfg.workers, cfg.sync == shm::SyncMode::Striped ? 1 + cfg.stripes : 1,
                     cfg.sync);
    m_waits.reset(cfg.workers);
    m_releaseNs = 0;
    m_endNs = 0;
    m_active = true;
    m_replay = false;
    m_dropped = 0;
    m_contended = 0;
}

void LockEventsModel::clear() {
    m_workers = 0;
    m_activity.reset(0, 1, shm::SyncMode::Mutex);
    m_waits.reset(0);
    m_releaseNs = 0;
    m_endNs = 0;
    m_active = false;
    m_replay = false;
    m_dropped = 0;
    m_contended = 0;
}

void LockEventsModel::update(const shm::RunFrame& frame) {
    const shm::RunSnapshot& s = frame.snapshot;
    if (s.workers.size() != m_workers) return; // not this run's frame
    m_releaseNs = s.releaseNs;
    m_active = s.active();
    if (m_releaseNs) m_endNs = std::max(m_endNs, double(shm::runEndNs(s) - m_releaseNs));
    const shm::RunTotals t = shm::totals(s);
    m_dropped = t.droppedEvents + frame.discardedEvents;
    m_contended = t.lock.contended;
    for (uint32_t k = 0; k < m_workers && k < frame.newEvents.size(); ++k) {
        const auto& fresh = frame.newEvents[k];
        if (fresh.empty()) continue;
        m_waits.consume(k, fresh.data(), fresh.size());
        m_activity.consume(k, fresh.data(), fresh.size());
    }
    for (const shm::WorkerRecord& w : s.workers)
        if (w.exited && w.exitNs) m_activity.endWorker(w.id, w.exitNs);
}

LockEventsState LockEventsModel::state() const {
    return {m_cfg,   m_workers, m_activity, m_waits,    m_releaseNs,
            m_endNs, m_active,  m_dropped,  m_contended};
}

void LockEventsModel::setState(const LockEventsState& state) {
    m_cfg = state.cfg;
    m_workers = state.workers;
    m_activity = state.activity;
    m_waits = state.waits;
    m_releaseNs = state.releaseNs;
    m_endNs = state.endNs;
    m_active = state.active;
    m_dropped = state.dropped;
    m_contended = state.contended;
    m_replay = false;
}

void LockEventsModel::showReplay(const shm::RecordedRun& run, const shm::RunSnapshot& s) {
    m_cfg = run.config;
    shm::replayLocks(run, s.nowNs, m_activity, m_waits);
    m_workers = m_activity.workers();
    m_releaseNs = s.releaseNs;
    m_active = false;
    m_replay = true;
    m_endNs = m_releaseNs && s.nowNs > m_releaseNs ? double(s.nowNs - m_releaseNs) : 0;
    const shm::RunTotals t = shm::totals(s);
    // The samples carry the rings' drops so far; the run's own count (drained but not kept
    // too) only once the replay reached the end.
    m_dropped = std::max(t.droppedEvents, s.phase == shm::Phase::Finished ? run.droppedEvents : 0);
    m_contended = t.lock.contended;
}
