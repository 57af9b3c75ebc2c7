#include "runner/trace_recorder.h"

#include "runner/run_controller.h"

namespace {
constexpr int kPollMs = 20;
}

TraceRecorder::TraceRecorder(RunController& run, QObject* parent) : QObject(parent), m_run(run) {
    m_run.setKeepEvents(true);
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &TraceRecorder::poll);
}

void TraceRecorder::started() {
    const shm::ExperimentConfig cfg = m_run.snapshot().config;
    // Every interval of the run, up to the bound (the trace's otherData says what was trimmed).
    m_locks.reset(cfg.workers, cfg.sync == shm::SyncMode::Striped ? 1 + cfg.stripes : 1, cfg.sync,
                  1'000'000);
    m_timer.start();
}

void TraceRecorder::poll() {
    const shm::RunFrame frame = m_run.takeFrame();
    const shm::RunSnapshot& s = frame.snapshot;
    for (uint32_t k = 0; k < s.workers.size() && k < frame.newEvents.size(); ++k)
        if (!frame.newEvents[k].empty())
            m_locks.consume(k, frame.newEvents[k].data(), frame.newEvents[k].size());
    for (const shm::WorkerRecord& w : s.workers)
        if (w.exited && w.exitNs) m_locks.endWorker(w.id, w.exitNs);
    if (s.releaseNs) {
        shm::ProgressSample p{s.nowNs, {}};
        for (const shm::WorkerRecord& w : s.workers)
            p.processed.push_back(w.processed);
        m_progress.push_back(std::move(p));
    }
    m_last = s;
}

void TraceRecorder::finished() {
    m_timer.stop();
    poll();
}

std::string TraceRecorder::json(const shm::RunReport& report) const {
    shm::TraceInput in;
    in.final = &m_last;
    in.report = &report;
    in.locks = &m_locks;
    in.progress = m_progress;
    return shm::toTraceJson(in);
}
