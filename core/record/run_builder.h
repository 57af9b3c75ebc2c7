#pragma once
// One run being recorded, on the recorder's thread (run_recorder.cpp): a frame's changes
// become samples and marks, its lock events intervals, the array every kArrayFrameNs a frame.
// `run` is what is kept in memory (keepInMemory), `delta` what was not written to the file yet.
#include "analysis/decimator.h"
#include "analysis/dirty_tracker.h"
#include "analysis/lock_lanes.h"
#include "record/recorded_run.h"
#include "record/run_recorder.h"

#include <cstdint>
#include <vector>

namespace shm::record_detail {

class RunBuilder {
  public:
    // Intervals a run keeps in memory (holds and waits of all workers, ~24 bytes each: 96 MB);
    // beyond it they go to the file only and are counted in trimmedIntervals.
    static constexpr uint64_t kMaxIntervalsInMemory = 1ull << 22;
    // Closed intervals LockActivity keeps per worker and kind until they settle and are copied
    // (a little over kOrderHorizonNs of them at the most a worker can deliver).
    static constexpr size_t kActivityKeep = size_t(1) << 21;

    RunBuilder(const RunStart& start, bool keepInMemory, bool forFile);
    void addFrame(const RunFrame& frame);
    void end(const RunEnd& end);

    RecordedRun& run() { return m_run; }
    // The rows not handed to the file yet; taken (and cleared) by the caller.
    RecordedRun takeDelta();
    bool hasDelta() const;
    uint64_t releaseNs() const { return m_run.releaseNs; }
    uint64_t latestNs() const { return m_latestNs; }

  private:
    void sampleWorkers(const RunSnapshot& s, bool final);
    void sampleRun(const RunSnapshot& s, bool final);
    void markChanges(const WorkerRecord& was, const WorkerRecord& now, uint64_t atNs);
    void addMark(uint64_t atNs, MarkKind kind, int32_t worker, std::string detail);
    void consumeEvents(const RunFrame& frame);
    void harvest(bool all);
    void keepInterval(uint32_t k, const LockInterval& iv, bool hold);
    void trackArray(const RunSnapshot& s);
    void takeArrayFrame(uint64_t atNs, const ArrayRef& a);
    void thinFrames();

    bool m_keep;
    bool m_file;
    RecordedRun m_run;
    RecordedRun m_delta;
    uint64_t m_latestNs = 0;
    bool m_haveLast = false;
    RunSnapshot m_last;                  // workers and run state as last seen (no array)
    std::vector<WorkerRecord> m_sampled; // each worker's last sample
    std::vector<uint64_t> m_sampledNs;
    std::vector<bool> m_haveSample;
    RunSample m_runSample;
    bool m_haveRunSample = false;
    LockActivity m_locks;
    uint64_t m_intervalsInMemory = 0;
    // Arrays.
    ArrayRef m_array;
    bool m_recordArray = false;
    bool m_decimated = false;
    Decimator m_dec;
    DirtyTracker m_tracker;
    uint64_t m_queueMessages = 0;
    uint64_t m_frameEveryNs = RunRecorder::kArrayFrameNs;
    uint64_t m_lastFrameNs = 0;
};

} // namespace shm::record_detail
