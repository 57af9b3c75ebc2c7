// The recorder's thread and queue; the rows of a run are built by record_detail::RunBuilder.
#include "record/run_recorder.h"

#include "record/recording_file.h"
#include "record/run_builder.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <variant>

namespace shm {

namespace {
uint64_t monotonicNs() {
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count());
}
struct FlushMark {};
} // namespace

struct RunRecorder::Command {
    std::variant<RunGroup, RunStart, RunFrame, RunEnd, FlushMark> what;
};

// The recorder thread's own state: the groups, the run being built, the file's ids.
struct RunRecorder::Builder {
    std::vector<RunGroup> groups;
    std::vector<int> fileGroups; // groups' indices in the file (-1: not written yet)
    std::optional<record_detail::RunBuilder> run;
    int64_t fileRun = -1; // the run's id in the file, -1 = its row not written yet
    bool writing = true;  // false after the file's first error
    uint64_t lastFlushNs = 0;
};

RunRecorder::RunRecorder(Options options)
    : m_options(std::move(options)), m_builder(std::make_unique<Builder>()) {
    m_builder->writing = m_options.writer != nullptr;
    m_thread = std::thread([this] { loop(); });
}

RunRecorder::~RunRecorder() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void RunRecorder::post(Command c) {
    {
        std::lock_guard lock(m_mutex);
        if (auto* f = std::get_if<RunFrame>(&c.what)) {
            // Bounded: beyond kMaxQueuedFrames the newest queued frame takes this one's
            // snapshot and its events are appended (no lock event is lost).
            size_t frames = 0;
            for (const Command& q : m_queue)
                frames += std::holds_alternative<RunFrame>(q.what);
            if (frames >= kMaxQueuedFrames && !m_queue.empty()) {
                if (auto* last = std::get_if<RunFrame>(&m_queue.back().what);
                    last && last->newEvents.size() == f->newEvents.size()) {
                    for (size_t k = 0; k < f->newEvents.size(); ++k)
                        last->newEvents[k].insert(last->newEvents[k].end(), f->newEvents[k].begin(),
                                                  f->newEvents[k].end());
                    last->snapshot = std::move(f->snapshot);
                    last->discardedEvents = f->discardedEvents;
                    return;
                }
            }
        }
        m_queue.push_back(std::move(c));
    }
    m_wake.notify_one();
}

void RunRecorder::beginGroup(const RunGroup& group) {
    post({group});
}
void RunRecorder::beginRun(const RunStart& start) {
    post({start});
}
void RunRecorder::addFrame(RunFrame frame) {
    post({std::move(frame)});
}
void RunRecorder::endRun(RunEnd end) {
    post({std::move(end)});
}

void RunRecorder::flush() {
    post({FlushMark{}});
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

std::string RunRecorder::writeError() const {
    std::lock_guard lock(m_mutex);
    return m_writeError;
}

void RunRecorder::fail(const std::string& error) {
    Builder& b = *m_builder;
    if (!b.writing) return;
    b.writing = false;
    {
        std::lock_guard lock(m_mutex);
        m_writeError = error;
    }
    double at = 0;
    if (b.run && b.run->releaseNs() && b.run->latestNs() > b.run->releaseNs())
        at = double(b.run->latestNs() - b.run->releaseNs()) / 1e9;
    if (m_options.onWriteError) m_options.onWriteError(error, at);
}

int RunRecorder::fileGroup(int index) {
    Builder& b = *m_builder;
    RecordingWriter* writer = m_options.writer;
    while (int(b.groups.size()) <= index) { // a run without a group: one of its own
        b.groups.push_back({"run", "", ""});
        b.fileGroups.push_back(-1);
    }
    if (b.writing && b.fileGroups[size_t(index)] < 0) {
        std::string error;
        int id = -1;
        if (writer->addGroup(b.groups[size_t(index)], &id, &error))
            b.fileGroups[size_t(index)] = id;
        else
            fail(error);
    }
    return b.fileGroups[size_t(index)];
}

// New rows to the file: the run's row first, once the time base (the barrier) is known.
void RunRecorder::writeDelta(bool ending) {
    Builder& b = *m_builder;
    RecordingWriter* writer = m_options.writer;
    if (!b.run) return;
    if (!b.writing) {
        b.run->takeDelta(); // forgotten: the file stopped
        return;
    }
    if (b.fileRun < 0 && (b.run->releaseNs() || ending)) {
        RecordedRun header = b.run->takeDelta();
        RecordedRun row;
        row.label = header.label;
        row.groupIndex = fileGroup(header.groupIndex);
        row.config = header.config;
        row.releaseNs = header.releaseNs;
        std::string error;
        if (!b.writing) return;
        if (!writer->beginRun(row, &b.fileRun, &error)) return fail(error);
        header.groupIndex = row.groupIndex;
        if (!writer->append(b.fileRun, header, &error)) return fail(error);
        b.lastFlushNs = monotonicNs();
        return;
    }
    if (b.fileRun < 0 || !b.run->hasDelta()) return;
    RecordedRun delta = b.run->takeDelta();
    std::string error;
    if (!writer->append(b.fileRun, delta, &error)) return fail(error);
    b.lastFlushNs = monotonicNs();
}

void RunRecorder::finishRun(const RunEnd* end) {
    Builder& b = *m_builder;
    RecordingWriter* writer = m_options.writer;
    if (!b.run) return;
    if (end) b.run->end(*end);
    if (writer) {
        writeDelta(true);
        std::string error;
        if (b.writing && b.fileRun >= 0) {
            RecordedRun& r = b.run->run();
            RecordedRun row;
            row.label = r.label;
            row.config = r.config;
            row.releaseNs = r.releaseNs;
            row.endNs = r.endNs;
            row.report = r.report;
            row.reportJson = r.reportJson;
            row.verified = r.verified;
            row.meta = r.meta;
            row.final = r.final;
            row.droppedEvents = r.droppedEvents;
            row.trimmedIntervals = r.trimmedIntervals;
            row.complete = r.complete;
            row.intervals.resize(r.intervals.size());
            for (size_t k = 0; k < r.intervals.size(); ++k) {
                row.intervals[k].openHold = r.intervals[k].openHold;
                row.intervals[k].openWait = r.intervals[k].openWait;
            }
            if (!writer->endRun(b.fileRun, row, &error)) fail(error);
        }
    }
    if (m_options.keepInMemory && m_options.onRun)
        m_options.onRun(std::make_shared<const RecordedRun>(std::move(b.run->run())));
    b.run.reset();
    b.fileRun = -1;
}

void RunRecorder::handle(Command& c) {
    Builder& b = *m_builder;
    RecordingWriter* writer = m_options.writer;
    if (auto* g = std::get_if<RunGroup>(&c.what)) {
        b.groups.push_back(*g);
        b.fileGroups.push_back(-1);
        if (writer) fileGroup(int(b.groups.size()) - 1);
    } else if (auto* s = std::get_if<RunStart>(&c.what)) {
        finishRun(nullptr); // a run never ended: handed on as it is (complete = false)
        b.run.emplace(*s, m_options.keepInMemory, writer != nullptr);
        if (writer) fileGroup(s->groupIndex);
    } else if (auto* f = std::get_if<RunFrame>(&c.what)) {
        if (b.run) {
            b.run->addFrame(*f);
            if (writer && monotonicNs() >= b.lastFlushNs + kFlushNs) writeDelta(false);
        }
    } else if (auto* e = std::get_if<RunEnd>(&c.what)) {
        finishRun(e);
    } else if (writer) { // FlushMark: what was recorded so far goes to the file
        writeDelta(false);
    }
}

void RunRecorder::loop() {
    // The workers come first: on a machine whose cores they all use (the seed job on 2 cores)
    // a recorder at the same priority took its share of their compute time. At nice 19 it
    // gets what they leave (and catches up when the run ends; the queue merges frames while
    // it lags). Linux: setpriority on a thread id sets that thread's nice value only.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 19);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
        if (m_queue.empty()) break; // m_quit, and everything done
        Command c = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        handle(c);
        lock.lock();
        m_busy = false;
        if (m_queue.empty()) m_idle.notify_all();
    }
    lock.unlock();
    finishRun(nullptr);
}

} // namespace shm
