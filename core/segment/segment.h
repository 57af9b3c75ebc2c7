#pragma once
// Segment lifecycle: naming, creating (controller), attaching + validating (workers, readers),
// removing, and sweeping segments left behind by creators that died.
#include "model/layout.h"
#include "model/update_log.h"
#include "model/settings.h"
#include "segment/clock.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace shm {

struct SegmentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline constexpr const char* kNamePrefix = "shmscope-";

RegionSizes computeRegions(const ExperimentConfig& cfg);

// Bytes free for new segments in /dev/shm (statvfs), or 0 when it cannot be read.
uint64_t freeShmBytes();

// Checks that a run of cfg fits in free /dev/shm space; a one-line message if not.
std::optional<std::string> checkFits(const ExperimentConfig& cfg);
// The same against a given number of free bytes (tests).
std::optional<std::string> checkFits(const ExperimentConfig& cfg, uint64_t freeBytes);

std::string makeSegmentName(); // shmscope-<pid>-<16 hex digits>

// A mapped segment. Owner instances (create) unlink the name when destroyed unless released;
// attached instances only unmap.
class Segment {
  public:
    // Creates, sizes (with posix_fallocate, so a full /dev/shm fails here and not as a SIGBUS
    // later), maps and initialises the segment, and measures the run's tick conversion (~5 ms).
    // Throws SegmentError.
    static std::unique_ptr<Segment> create(const std::string& name, const ExperimentConfig& cfg);
    // Opens and validates every header field against the mapped size. Throws SegmentError.
    static std::unique_ptr<Segment> attach(const std::string& name);
    ~Segment();
    Segment(const Segment&) = delete;
    Segment& operator=(const Segment&) = delete;

    const std::string& name() const { return m_name; }
    uint64_t size() const { return m_size; }
    SegmentHeader& header() const { return *static_cast<SegmentHeader*>(m_base); }
    // The configuration validated at create/attach (delayUs read live).
    ExperimentConfig config() const;
    // The run's tick → ns conversion: measured at create, read and checked at attach.
    const TickClock& tickClock() const { return m_clock; }
    WorkerSlot& slot(uint32_t k) const;
    RingHeader& ring(uint32_t k) const;
    Event* ringEvents(uint32_t k) const;
    PaddedMutex* locks() const;
    double* data() const;
    uint8_t* owner() const;
    // The update log of worker k (model/update_log.h); nullptr when the run has none.
    UpdateLogHeader* updateLog(uint32_t k) const;
    UpdateRecord* updateRecords(uint32_t k) const;
    uint64_t updateLogCapacity() const; // records per worker, 0 = no log

    // --transport private: remaps the data and owner regions copy-on-write (MAP_PRIVATE), so
    // this process's writes go to its own copy while the control regions stay shared. Throws
    // SegmentError.
    void makeDataPrivate();

    // Unlinks the name from /dev/shm now; the mapping stays valid until destruction, so a
    // window can keep showing the final array of a run whose segment is already gone.
    bool unlink();
    bool unlinked() const { return m_unlinked; }

    // The file's size now, if another process made it smaller than our mapping (or a read
    // past its end already faulted and was absorbed by the SIGBUS guard, bus_guard.h).
    std::optional<uint64_t> shrunkTo() const;

    // Whether /dev/shm/NAME is still this segment's file: another process may have removed the
    // name (the mapping lives on), or put a file of its own there. unlink() removes only ours.
    enum class NameState { Ours, Gone, Replaced };
    NameState nameState() const;

  private:
    Segment() = default;
    // create's first step: the named object, its size reserved, mapped. Returns whether the
    // array fill reserves the data pages itself (else they are fallocated here too).
    bool createObject(const RegionSizes& r, bool nanFill);
    std::string m_name;
    void* m_base = nullptr;
    uint64_t m_size = 0;
    bool m_owner = false;
    bool m_unlinked = false;
    bool m_unlinkTried = false;
    void* m_mapping = nullptr; // Mapping (segment.cpp)
    int m_busGuard = -1;       // bus_guard handle of the mapping
    RegionSizes m_regions{};   // validated at create/attach; accessors use only these
    ExperimentConfig m_config;
    TickClock m_clock;
};

// What the start-up sweep did: the names it removed, and shmscope-* names it left alone that
// look stale (their creator pid is not alive here), each with the reason.
inline constexpr size_t kSweepListed = 10; // "left alone" reasons kept (the rest counted)
struct SweepResult {
    std::vector<std::string> removed;
    std::vector<std::string> leftAlone; // "NAME: reason", the first kSweepListed
    size_t leftAloneTotal = 0;          // all of them
};
// Removes shmscope-<pid>-* segments that are provably ours and dead: a regular file of our
// uid, a ShmScope header of this layout, created in our PID namespace, and a creator that is
// gone (or whose pid now belongs to a process started at another time). A result queue goes
// only with the segment whose header names it, and only if it is ours too (our uid, 0600,
// the recorded size). Anything else named shmscope-<pid>-* whose pid is dead is left alone
// (and counted); names not like ours are not looked at. One pass over the directory: linear in
// the number of files. `dir` is /dev/shm except in tests.
SweepResult sweepStaleSegments(const std::string& dir = "/dev/shm");

// What /proc/PID/stat says of a process: its state letter ('R', 'S', 'T' stopped, 'Z'
// zombie, ...) and its start time in clock ticks since boot. exists = false when it is gone.
// The one parser of that file (the sweep, robust recovery and the suspend check use it).
struct ProcStat {
    bool exists = false;
    char state = 0;
    uint64_t startTicks = 0;
};
ProcStat readProcStat(int64_t pid);
uint64_t pidNamespaceId(); // the inode of /proc/self/ns/pid, 0 if unknown

bool segmentExists(const std::string& name);

} // namespace shm
