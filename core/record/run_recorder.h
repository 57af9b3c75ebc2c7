#pragma once
// RunRecorder builds RecordedRuns from the frames a run player hands it, Qt-free, on a thread
// of its own: the GUI thread only queues values (beginRun, addFrame, endRun). Each frame's
// changes become worker samples, run samples and marks; its lock events become intervals
// (through a LockActivity, so they are cut exactly as the window's timeline cuts them); every
// ~100 ms the array becomes a frame (decimated incrementally from what the workers wrote). With
// a RecordingWriter the new rows go to the file every ~250 ms in one transaction; with
// keepInMemory the finished run is handed on whole (the window's runs list).
//
// Memory is bounded: frames queued beyond kMaxQueuedFrames are merged into the newest one
// (their events kept, the older snapshot dropped); array frames beyond kMaxArrayFrames per run
// are thinned (every other one dropped, the interval doubled); intervals are handed to the
// writer and, without keepInMemory, forgotten.
#include "record/recorded_run.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace shm {

class RecordingWriter;

// What a run starts with.
struct RunStart {
    std::string label;
    int groupIndex = 0; // into the groups given to beginGroup (0 = the first)
    ExperimentConfig config;
};

// What the controller knows once a run ended (its report and what the report was built from).
struct RunEnd {
    RunSnapshot final; // with its ArrayRef still mapped: the final array frame is read from it
    RunReport report;
    VerifyResult verified;
    RunMeta meta;
};

class RunRecorder {
  public:
    static constexpr size_t kMaxQueuedFrames = 64;
    static constexpr size_t kMaxArrayFrames = 512;
    static constexpr uint64_t kArrayFrameNs = 100'000'000;
    static constexpr uint64_t kSampleNs = 10'000'000; // a worker sample at most every 10 ms,
                                                      // and at every state change
    static constexpr uint64_t kFlushNs = 250'000'000;

    struct Options {
        bool keepInMemory = true;
        RecordingWriter* writer = nullptr; // not owned; used from the recorder's thread only
        // Called on the recorder's thread: a run finished recording (keepInMemory), and the
        // file stopped being written (disk full, I/O error) with why and when (run time, ns).
        std::function<void(std::shared_ptr<const RecordedRun>)> onRun;
        std::function<void(const std::string& error, double atSeconds)> onWriteError;
    };

    explicit RunRecorder(Options options);
    ~RunRecorder(); // finishes what was queued, then joins the thread

    // GUI thread. Groups first (a lesson, a sweep), then its runs.
    void beginGroup(const RunGroup& group);
    void beginRun(const RunStart& start);
    void addFrame(RunFrame frame);
    void endRun(RunEnd end);
    // Blocks until everything queued so far is processed (and written): tests, and the
    // headless paths before they exit.
    void flush();
    // The file's first error ("" while fine): it stopped being written then.
    std::string writeError() const;

  private:
    struct Command;
    struct Builder;
    void loop();
    // The recorder thread's steps (run_recorder.cpp), on m_builder.
    void handle(Command& c);
    void fail(const std::string& error); // the file stopped being written
    int fileGroup(int index);            // the group's id in the file (written first if new)
    void writeDelta(bool ending);
    void finishRun(const RunEnd* end);
    void post(Command c);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake, m_idle;
    std::deque<Command> m_queue;
    bool m_busy = false;
    bool m_quit = false;
    std::string m_writeError;
    std::unique_ptr<Builder> m_builder; // the recorder thread's own
    std::thread m_thread;
};

} // namespace shm
