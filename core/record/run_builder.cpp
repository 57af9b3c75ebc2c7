#include "record/run_builder.h"

#include "analysis/metrics.h"
#include "work/workload.h"

#include <algorithm>

namespace shm::record_detail {

namespace {
// As the array view (app/gui/models/array_model.cpp): mismatches are counted live only where
// checking costs little next to the workers' own compute.
constexpr uint64_t kLiveCheckBudget = 1ull << 18;

uint32_t lockCount(const ExperimentConfig& c) {
    return c.sync == SyncMode::Striped ? 1 + c.stripes : 1;
}

RunSample runSampleOf(const RunSnapshot& s) {
    RunSample r;
    r.atNs = s.nowNs;
    r.phase = s.phase;
    r.pausedNs = s.pausedNs;
    r.cursor = s.cursor;
    r.stopRequested = s.stopRequested;
    r.failed = s.failed;
    r.ended = s.ended;
    r.queue = s.queue;
    return r;
}

// Changes a user steps to (and a sample is always taken for, whatever the rate).
bool significant(const WorkerRecord& a, const WorkerRecord& b) {
    return a.state != b.state || a.exited != b.exited || a.holdingLock != b.holdingLock ||
           a.parked != b.parked || a.suspended != b.suspended || a.recoveredBy != b.recoveredBy ||
           a.signal != b.signal || a.exitCode != b.exitCode || a.failedToStart != b.failedToStart;
}

std::string exitDetail(const WorkerRecord& w) {
    if (w.failedToStart) return "failed to start";
    if (w.signal)
        return (w.terminatedByUs ? "terminated (signal " : "crashed (signal ") +
               std::to_string(w.signal) + ")";
    if (w.exitCode != 0) return "failed (exit code " + std::to_string(w.exitCode) + ")";
    if (w.state == WorkerState::Done) return "done";
    return "stopped";
}

} // namespace

RunBuilder::RunBuilder(const RunStart& start, bool keepInMemory, bool forFile)
    : m_keep(keepInMemory), m_file(forFile) {
    const ExperimentConfig& cfg = start.config;
    m_run.label = start.label;
    m_run.groupIndex = start.groupIndex;
    m_run.config = cfg;
    m_run.samples.assign(cfg.workers, {});
    m_run.intervals.assign(cfg.workers, {});
    m_delta.samples.assign(cfg.workers, {});
    m_delta.intervals.assign(cfg.workers, {});
    m_sampled.assign(cfg.workers, {});
    m_sampledNs.assign(cfg.workers, 0);
    m_haveSample.assign(cfg.workers, false);
    // As the window's LockEventsModel resets its LockActivity, so intervals are cut the same.
    m_locks.reset(cfg.workers, lockCount(cfg), cfg.sync, kActivityKeep);
    // Every workload's data region: a counters run's few counters too (their uint64 bits kept
    // as they are in values_f64's 8-byte slots: the counters view reads them back so).
    m_recordArray = true;
    const uint64_t count = cfg.dataCount();
    m_decimated = m_recordArray && count > kFullFrameMax;
    if (m_decimated) {
        const bool histogram = cfg.workload == Workload::Histogram;
        m_dec.configure(count, cfg.workers,
                        histogram ? Decimator::WrittenBy::OwnerSet : Decimator::WrittenBy::NotNaN);
        m_dec.setView(0, count, kFrameColumns, true);
        // Histogram bins' expected values need the whole workload computed: not checked here.
        const uint64_t cost = cfg.elements * (cfg.workload == Workload::Mandelbrot ? 64 : 1);
        if (!histogram && cost <= kLiveCheckBudget)
            m_dec.setExpected(
                [w = cfg.workload, n = cfg.elements](uint64_t i) { return elementValue(w, i, n); });
        m_tracker.reset(cfg);
    }
}

void RunBuilder::addFrame(const RunFrame& frame) {
    const RunSnapshot& s = frame.snapshot;
    if (s.workers.size() != m_run.samples.size()) return; // not this run's
    m_latestNs = std::max(m_latestNs, s.nowNs);
    if (s.releaseNs) m_run.releaseNs = s.releaseNs;
    uint64_t dropped = frame.discardedEvents;
    for (const WorkerRecord& w : s.workers)
        dropped += w.droppedEvents;
    m_run.droppedEvents = dropped;
    consumeEvents(frame);
    harvest(false);
    sampleRun(s, false);
    sampleWorkers(s, false);
    m_last.workers = s.workers;
    m_last.phase = s.phase;
    m_haveLast = true;
    if (m_recordArray && s.array.valid()) {
        m_array = s.array;
        trackArray(s);
        if (s.releaseNs && s.nowNs >= m_lastFrameNs + m_frameEveryNs)
            takeArrayFrame(s.nowNs, m_array);
    }
}

void RunBuilder::consumeEvents(const RunFrame& frame) {
    for (uint32_t k = 0; k < frame.newEvents.size() && k < m_locks.workers(); ++k) {
        const auto& ev = frame.newEvents[k];
        if (!ev.empty()) m_locks.consume(k, ev.data(), ev.size());
    }
    for (const WorkerRecord& w : frame.snapshot.workers)
        if (w.exited && w.exitNs && w.id < m_locks.workers()) m_locks.endWorker(w.id, w.exitNs);
}

// Copies settled intervals out of the LockActivity (all of them at the end): waits are final
// once closed; a hold may still be cut by an overlapping hold read later, for up to
// kOrderHorizonNs of event time.
void RunBuilder::harvest(bool all) {
    const uint64_t newest = m_locks.newestNs();
    for (uint32_t k = 0; k < m_locks.workers(); ++k) {
        const auto& holds = m_locks.holds(k);
        size_t h = 0;
        while (h < holds.size() && (all || holds[h].endNs + LockActivity::kOrderHorizonNs < newest))
            keepInterval(k, holds[h++], true);
        const auto& waits = m_locks.waits(k);
        for (const LockInterval& iv : waits)
            keepInterval(k, iv, false);
        m_locks.release(k, h, waits.size());
    }
    m_run.trimmedIntervals =
        m_locks.counts().trimmed + (m_intervalsInMemory > kMaxIntervalsInMemory
                                        ? m_intervalsInMemory - kMaxIntervalsInMemory
                                        : 0);
}

void RunBuilder::keepInterval(uint32_t k, const LockInterval& iv, bool hold) {
    if (m_file) (hold ? m_delta.intervals[k].holds : m_delta.intervals[k].waits).push_back(iv);
    if (!m_keep) return;
    if (++m_intervalsInMemory > kMaxIntervalsInMemory) return;
    (hold ? m_run.intervals[k].holds : m_run.intervals[k].waits).push_back(iv);
}

void RunBuilder::sampleRun(const RunSnapshot& s, bool final) {
    RunSample r = runSampleOf(s);
    if (m_haveRunSample) {
        RunSample was = m_runSample;
        was.atNs = r.atNs;
        if (was == r) return;
        was.cursor = r.cursor;
        // Only the cursor moved: at most every kSampleNs.
        if (!final && was == r && r.atNs < m_runSample.atNs + RunRecorder::kSampleNs) return;
        if (r.phase != m_runSample.phase)
            addMark(r.atNs, MarkKind::Phase, -1, std::string(nameOf(r.phase)));
    } else {
        addMark(r.atNs, MarkKind::Phase, -1, std::string(nameOf(r.phase)));
    }
    r.atNs = std::max(r.atNs, m_runSample.atNs);
    m_runSample = r;
    m_haveRunSample = true;
    if (m_keep) m_run.runSamples.push_back(r);
    if (m_file) m_delta.runSamples.push_back(r);
}

void RunBuilder::sampleWorkers(const RunSnapshot& s, bool final) {
    for (uint32_t k = 0; k < s.workers.size(); ++k) {
        const WorkerRecord& w = s.workers[k];
        if (m_haveSample[k]) {
            const WorkerRecord& was = m_sampled[k];
            if (w == was) continue;
            if (!final && !significant(was, w) && s.nowNs < m_sampledNs[k] + RunRecorder::kSampleNs)
                continue;
        }
        const WorkerRecord before = m_haveSample[k] ? m_sampled[k] : WorkerRecord{};
        const uint64_t at = std::max(s.nowNs, m_sampledNs[k]);
        markChanges(before, w, at);
        m_sampled[k] = w;
        m_sampledNs[k] = at;
        m_haveSample[k] = true;
        if (m_keep) m_run.samples[k].push_back({at, w});
        if (m_file) m_delta.samples[k].push_back({at, w});
    }
}

void RunBuilder::markChanges(const WorkerRecord& was, const WorkerRecord& now, uint64_t atNs) {
    const int32_t k = int32_t(now.id);
    // Running <-> waiting is every contended acquisition: the lock timeline shows those.
    const auto busy = [](WorkerState s) {
        return s == WorkerState::Running || s == WorkerState::WaitingForLock;
    };
    if (now.state != was.state && !(busy(now.state) && busy(was.state)))
        addMark(atNs, MarkKind::State, k, std::string(toString(now.state)));
    if (now.suspended && !was.suspended) addMark(atNs, MarkKind::Fault, k, "suspended");
    if (!now.suspended && was.suspended && !now.exited)
        addMark(atNs, MarkKind::Fault, k, "continued");
    if (now.parked && !was.parked)
        addMark(atNs, MarkKind::Fault, k,
                "parked holding lock " + std::to_string(now.holdingLock ? now.holdingLock - 1 : 0));
    if (now.exited && !was.exited) {
        const uint64_t at = now.exitNs ? now.exitNs : atNs;
        if (now.signal && !now.terminatedByUs && m_run.config.killWorker == now.id)
            addMark(at, MarkKind::Fault, k, "killed by the fault injection");
        addMark(at, MarkKind::Exit, k,
                exitDetail(now) + (now.diedHoldingLock ? ", held the lock" : ""));
    }
    if (now.recoveredBy >= 0 && was.recoveredBy < 0)
        addMark(now.recoveredAtNs ? now.recoveredAtNs : atNs, MarkKind::Recovery, k,
                "recovered by worker " + std::to_string(now.recoveredBy));
}

void RunBuilder::addMark(uint64_t atNs, MarkKind kind, int32_t worker, std::string detail) {
    RunMark m{atNs, kind, worker, std::move(detail)};
    if (m_file) m_delta.marks.push_back(m);
    if (m_keep) m_run.marks.push_back(std::move(m));
}

void RunBuilder::trackArray(const RunSnapshot& s) {
    if (!m_decimated) return;
    if (s.config.transport == Transport::Queue) {
        // The receiver writes in no order the tracker follows (as the array view does).
        if (s.queue.messages != m_queueMessages) m_dec.markAllDirty();
        m_queueMessages = s.queue.messages;
        return;
    }
    for (const auto& r : m_tracker.update(s.workers, s.cursor, s.array.data))
        m_dec.markDirty(r.first, r.second);
}

void RunBuilder::takeArrayFrame(uint64_t atNs, const ArrayRef& a) {
    ArrayFrame f;
    f.atNs = atNs;
    f.count = std::min<uint64_t>(a.count, m_run.config.dataCount());
    if (!m_decimated) {
        f.values.assign(a.data, a.data + f.count);
        if (a.owner)
            f.owners.assign(a.owner, a.owner + f.count);
        else
            f.owners.assign(f.count, uint8_t(0));
    } else {
        m_dec.process(a.data, a.owner);
        f.columns = m_dec.columns();
    }
    m_lastFrameNs = atNs;
    if (m_file) m_delta.frames.push_back(f);
    if (m_keep) {
        m_run.frames.push_back(std::move(f));
        thinFrames();
    }
}

// Every other frame goes, the newest stays; frames come half as often from then on.
void RunBuilder::thinFrames() {
    auto& fr = m_run.frames;
    if (fr.size() <= RunRecorder::kMaxArrayFrames) return;
    std::vector<ArrayFrame> kept;
    kept.reserve(fr.size() / 2 + 1);
    for (size_t i = fr.size() % 2 ? 0 : 1; i < fr.size(); i += 2)
        kept.push_back(std::move(fr[i]));
    fr = std::move(kept);
    m_frameEveryNs *= 2;
}

void RunBuilder::end(const RunEnd& e) {
    const RunSnapshot& f = e.final;
    const bool ours = f.workers.size() == m_run.samples.size();
    if (ours) {
        RunFrame last;
        last.snapshot = f;
        last.snapshot.array = {};
        m_latestNs = std::max(m_latestNs, f.nowNs);
        if (f.releaseNs) m_run.releaseNs = f.releaseNs;
        consumeEvents(last);
    }
    harvest(true);
    // Nothing recorded lies after the end: samples and frames taken after the last worker
    // exited (the frames until the controller finished) move it on.
    uint64_t endNs =
        std::max({ours ? runEndNs(f) : 0, m_runSample.atNs, m_run.releaseNs, m_lastFrameNs});
    for (uint64_t t : m_sampledNs)
        endNs = std::max(endNs, t);
    m_run.endNs = endNs;
    if (ours) {
        RunSnapshot at = f;
        at.nowNs = endNs;
        sampleRun(at, true);
        sampleWorkers(at, true);
        const ArrayRef& a = f.array.valid() ? f.array : m_array;
        if (m_recordArray && a.valid()) {
            if (m_decimated) {
                // A killed worker may have written past its last published progress.
                bool complete = e.report.finished() && m_run.config.transport != Transport::Queue;
                for (const WorkerRecord& w : f.workers)
                    complete = complete && w.processed >= w.assigned;
                if (!complete)
                    m_dec.markAllDirty();
                else
                    trackArray(f);
            }
            takeArrayFrame(endNs, a);
        }
    }
    for (uint32_t k = 0; k < m_locks.workers(); ++k) {
        WorkerIntervals& wi = m_run.intervals[k];
        wi.openHold = m_locks.openHold(k);
        wi.openWait = m_locks.openWait(k);
        if (wi.openHold) wi.openHold->endNs = std::max(endNs, wi.openHold->beginNs);
        if (wi.openWait) wi.openWait->endNs = std::max(endNs, wi.openWait->beginNs);
    }
    std::stable_sort(m_run.marks.begin(), m_run.marks.end(),
                     [](const RunMark& a, const RunMark& b) { return a.atNs < b.atNs; });
    m_run.report = e.report;
    m_run.reportJson = toJson(e.report);
    m_run.verified = e.verified;
    m_run.meta = e.meta;
    m_run.final = f;
    m_run.final.array = {}; // the frames hold it; the mapping may go
    m_run.complete = true;
    m_array = {};
}

bool RunBuilder::hasDelta() const {
    if (!m_delta.runSamples.empty() || !m_delta.frames.empty() || !m_delta.marks.empty())
        return true;
    for (size_t k = 0; k < m_delta.samples.size(); ++k)
        if (!m_delta.samples[k].empty() || !m_delta.intervals[k].holds.empty() ||
            !m_delta.intervals[k].waits.empty())
            return true;
    return false;
}

RecordedRun RunBuilder::takeDelta() {
    RecordedRun d;
    d.label = m_run.label;
    d.groupIndex = m_run.groupIndex;
    d.config = m_run.config;
    d.releaseNs = m_run.releaseNs;
    d.endNs = m_latestNs;
    d.droppedEvents = m_run.droppedEvents;
    d.trimmedIntervals = m_run.trimmedIntervals;
    std::swap(d.samples, m_delta.samples);
    std::swap(d.runSamples, m_delta.runSamples);
    std::swap(d.intervals, m_delta.intervals);
    std::swap(d.frames, m_delta.frames);
    std::swap(d.marks, m_delta.marks);
    m_delta.samples.assign(d.samples.size(), {});
    m_delta.intervals.assign(d.intervals.size(), {});
    return d;
}

} // namespace shm::record_detail
