#include "segment/segment.h"

#include "segment/bus_guard.h"
#include "segment/mpi_dir.h"
#include "segment/queue_file.h"
#include "model/update_log.h"

#include <boost/interprocess/mapped_region.hpp>
#include <boost/interprocess/shared_memory_object.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <limits>
#include <new>
#include <random>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#ifndef MADV_POPULATE_WRITE // headers older than Linux 5.14: the kernel then says EINVAL
#define MADV_POPULATE_WRITE 23
#endif

namespace bip = boost::interprocess;

namespace shm {
namespace {

constexpr uint64_t align64(uint64_t v) {
    return (v + 63) & ~uint64_t(63);
}

constexpr uint64_t kPage = 4096; // the smallest page size of the targets we build for
constexpr uint64_t alignPage(uint64_t v) {
    return (v + kPage - 1) & ~(kPage - 1);
}

bool addFits(uint64_t off, uint64_t len, uint64_t size) {
    return off <= size && len <= size - off;
}

// Mapping plus the Boost objects that own it; kept out of the header so users of Segment do
// not pull in mapped_region.
struct Mapping {
    bip::shared_memory_object shm;
    bip::mapped_region region;
};

std::string hex64(uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4)
        s[size_t(i)] = digits[v & 15];
    return s;
}

ExperimentConfig configFromHeader(const SegmentHeader& h) {
    ExperimentConfig c;
    c.workers = h.workers;
    c.elements = h.elements;
    c.workload = Workload(h.workload);
    c.bins = h.bins;
    c.partition = Partition(h.partition);
    c.chunk = h.chunk;
    c.sync = SyncMode(h.sync);
    c.stripes = h.stripes;
    c.lockScope = LockScope(h.lockScope);
    c.delayUs = h.delayUs.load(std::memory_order_relaxed);
    c.instrument = h.instrument != 0;
    c.transport = Transport(h.transport);
    c.counterLayout = CounterLayout(h.counterLayout);
    c.increments = h.increments;
    c.collisions = h.collisions != 0;
    return c;
}

// Process-shared and robust: a holder's death hands the next locker EOWNERDEAD (layout.h says
// why this is not a Boost mutex).
void initRobustMutex(pthread_mutex_t& m) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    const int rc = pthread_mutex_init(&m, &a);
    pthread_mutexattr_destroy(&a);
    if (rc != 0)
        throw SegmentError(std::string("cannot create the robust mutex: ") + std::strerror(rc));
}

} // namespace

RegionSizes computeRegions(const ExperimentConfig& cfg) {
    RegionSizes r{};
    r.slotsOffset = align64(sizeof(SegmentHeader));
    r.ringStride = align64(sizeof(RingHeader) + kRingCapacity * sizeof(Event));
    r.ringsOffset = align64(r.slotsOffset + uint64_t(cfg.workers) * sizeof(WorkerSlot));
    r.locksOffset = align64(r.ringsOffset + uint64_t(cfg.workers) * r.ringStride);
    r.lockCount = 1 + uint64_t(cfg.stripes);
    r.dataCount = cfg.dataCount();
    // Page-aligned: a worker of --transport private maps [dataOffset, end) copy-on-write.
    r.dataOffset = alignPage(r.locksOffset + r.lockCount * sizeof(PaddedMutex));
    r.ownerOffset = align64(r.dataOffset + r.dataCount * sizeof(double));
    r.totalSize = align64(r.ownerOffset + r.dataCount);
    if (const uint64_t cap = updateLogCapacity(cfg)) {
        r.updateLogOffset = r.totalSize;
        r.updateLogStride = align64(sizeof(UpdateLogHeader) + cap * sizeof(UpdateRecord));
        r.updateLogCapacity = cap;
        r.totalSize = r.updateLogOffset + uint64_t(cfg.workers) * r.updateLogStride;
    }
    return r;
}

// MiB with one decimal, rounded up (need) or down (free), so "needs" never equals "has".
static std::string mib(uint64_t bytes, bool up) {
    const uint64_t tenths = (bytes * 10 + (up ? (1 << 20) - 1 : 0)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

uint64_t freeShmBytes() {
    struct statvfs st {};
    if (statvfs("/dev/shm", &st) != 0) return 0;
    return uint64_t(st.f_bavail) * uint64_t(st.f_frsize);
}

std::optional<std::string> checkFits(const ExperimentConfig& cfg) {
    return checkFits(cfg, freeShmBytes());
}

std::optional<std::string> checkFits(const ExperimentConfig& cfg, uint64_t free) {
    // --transport queue: the queue's file is reserved in /dev/shm too (queue_file.h).
    const bool queue = cfg.transport == Transport::Queue;
    const uint64_t need = computeRegions(cfg).totalSize + (queue ? queueBytesNeeded() : 0);
    if (need <= free) return std::nullopt;
    const bool byElements = cfg.workload != Workload::Histogram;
    return std::string(byElements ? "--elements: " : "--bins: ") +
           std::to_string(byElements ? cfg.elements : cfg.bins) + " needs " + mib(need, true) +
           " of shared memory" + (queue ? " (with the result queue)" : "") + " but /dev/shm has " +
           mib(free, false) + " free";
}

static std::string cannotReserve(uint64_t size, const std::string& name, const char* why) {
    return "cannot reserve " + std::to_string(size >> 20) + " MiB in /dev/shm for " + name + ": " +
           why;
}

std::string makeSegmentName() {
    std::random_device rd;
    const uint64_t r = (uint64_t(rd()) << 32) ^ rd();
    return kNamePrefix + std::to_string(getpid()) + "-" + hex64(r);
}

// The header of a new segment, on fresh (zero) pages: only what is not zero is set.
static void writeHeader(SegmentHeader* h, const ExperimentConfig& cfg, const RegionSizes& r) {
    std::memcpy(h->magic, kMagic, sizeof kMagic);
    h->layoutVersion = kLayoutVersion;
    h->headerSize = sizeof(SegmentHeader);
    h->totalSize = r.totalSize;
    h->creatorPid = uint64_t(getpid());
    h->creatorStartTicks = readProcStat(getpid()).startTicks;
    h->creatorPidNamespace = pidNamespaceId();
    h->workers = cfg.workers;
    h->workload = uint32_t(cfg.workload);
    h->partition = uint32_t(cfg.partition);
    h->sync = uint32_t(cfg.sync);
    h->lockScope = uint32_t(cfg.lockScope);
    h->instrument = cfg.instrument ? 1 : 0;
    h->stripes = cfg.stripes;
    h->bins = cfg.bins;
    h->elements = cfg.elements;
    h->chunk = cfg.chunk;
    h->slotsOffset = r.slotsOffset;
    h->ringsOffset = r.ringsOffset;
    h->ringStride = r.ringStride;
    h->ringCapacity = kRingCapacity;
    h->locksOffset = r.locksOffset;
    h->lockCount = r.lockCount;
    h->dataOffset = r.dataOffset;
    h->dataCount = r.dataCount;
    h->ownerOffset = r.ownerOffset;
    h->transport = uint32_t(cfg.transport);
    h->counterLayout = uint32_t(cfg.counterLayout);
    h->increments = cfg.increments;
    h->collisions = cfg.collisions ? 1 : 0;
    h->updateLogOffset = r.updateLogOffset;
    h->updateLogCapacity = r.updateLogCapacity;
    h->runState.store(uint32_t(RunState::Created));
    h->delayUs.store(cfg.delayUs);
}

namespace {
// The array's and the owner map's first writes: elements NaN = "not written" (histogram bins
// stay 0, fresh pages), owners kUnwritten. One pass, on every core: for 10^7 elements these
// 90 MB of first writes (page faults included) took a fifth of the seed job's whole process on
// one thread.
// In steps of 2 MiB of values, each reserved first with MADV_POPULATE_WRITE, which fails
// (EFAULT) where a write would raise SIGBUS: a full /dev/shm stops every thread at its next
// step instead of after the SIGBUS guard has remapped the rest of the array to private
// memory and the fill has written all of it (measured: 1.7 GB of private memory before the
// error for 2·10^8 elements). Kernels before 5.14 (EINVAL) rely on the guard, checked per step.
class ArrayFill {
  public:
    ArrayFill(double* data, uint8_t* owner, bool nanFill, bool reserves, int busGuard)
        : m_data(data), m_owner(owner), m_nanFill(nanFill), m_reserves(reserves),
          m_busGuard(busGuard) {}

    // Fills [0, n) on up to every core; false when /dev/shm ran out (error() says why).
    bool run(uint64_t n) {
        const uint64_t parts = std::clamp<uint64_t>(
            n >> 20, 1, std::max(1u, std::thread::hardware_concurrency())); // >= 1M elements each
        std::vector<std::thread> helpers;
        helpers.reserve(parts); // only a thread that cannot start may throw below, not the vector
        uint64_t started = 1;
        try { // a thread that cannot start (a pids limit): its part is filled here instead
            for (; started < parts; ++started)
                helpers.emplace_back(
                    [this, b = n * started / parts, e = n * (started + 1) / parts] { fill(b, e); });
        } catch (const std::system_error&) {
        }
        for (uint64_t p = started; p < parts; ++p)
            fill(n * p / parts, n * (p + 1) / parts);
        fill(0, n / parts);
        for (std::thread& t : helpers)
            t.join();
        return !m_full.load() && !bus_guard::faulted(m_busGuard);
    }
    int error() const { return m_errno.load(); } // what the first failed reservation said

  private:
    bool reserve(const void* from, const void* to) {
        const uintptr_t b = reinterpret_cast<uintptr_t>(from) & ~(m_page - 1);
        const uintptr_t e = reinterpret_cast<uintptr_t>(to);
        if (e <= b || madvise(reinterpret_cast<void*>(b), e - b, MADV_POPULATE_WRITE) == 0 ||
            errno == EINVAL)
            return true;
        // EFAULT: a write would have raised SIGBUS, /dev/shm is full; ENOMEM (a memory cgroup's
        // limit) and the rest are reported as they are.
        m_errno.store(errno == EFAULT ? ENOSPC : errno, std::memory_order_relaxed);
        return false;
    }
    void fill(uint64_t b, uint64_t e) {
        constexpr uint64_t kStep = uint64_t(1) << 18;
        for (uint64_t s = b; s < e && !m_full.load(std::memory_order_relaxed); s += kStep) {
            const uint64_t t = std::min(e, s + kStep);
            if (m_reserves &&
                !(reserve(m_data + s, m_data + t) && reserve(m_owner + s, m_owner + t))) {
                m_full.store(true, std::memory_order_relaxed);
                return;
            }
            if (m_nanFill)
                std::fill(m_data + s, m_data + t, std::numeric_limits<double>::quiet_NaN());
            std::memset(m_owner + s, kUnwritten, t - s);
            if (bus_guard::faulted(m_busGuard)) m_full.store(true, std::memory_order_relaxed);
        }
    }

    double* const m_data;
    uint8_t* const m_owner;
    const bool m_nanFill, m_reserves;
    const int m_busGuard;
    const uintptr_t m_page = uintptr_t(sysconf(_SC_PAGESIZE));
    std::atomic<bool> m_full{false};
    std::atomic<int> m_errno{ENOSPC};
};
} // namespace

bool Segment::createObject(const RegionSizes& r, bool nanFill) {
    try {
        bip::permissions perm(0600);
        bip::shared_memory_object shmObj(bip::create_only, m_name.c_str(), bip::read_write, perm);
        m_owner = true; // from here on the destructor unlinks the name
        shmObj.truncate(bip::offset_t(r.totalSize));
        auto* m = new Mapping{std::move(shmObj), bip::mapped_region()};
        m_mapping = m;
        m->region = bip::mapped_region(m->shm, bip::read_write);
        m_base = m->region.get_address();
        m_size = m->region.get_size();
        m_busGuard = bus_guard::add(m_base, m_size);
        // Boost 1.74's truncate is a bare ftruncate: reserve the pages now so a full /dev/shm
        // is an error here rather than SIGBUS in a worker later. What the fill writes is
        // reserved by it (unless the guard's table is full: then fallocate all).
        const bool fillReserves = nanFill && m_busGuard >= 0;
        const uint64_t fallocated = fillReserves ? r.dataOffset : r.totalSize;
        const int rc = posix_fallocate(m->shm.get_mapping_handle().handle, 0, off_t(fallocated));
        if (rc != 0) throw SegmentError(cannotReserve(r.totalSize, m_name, std::strerror(rc)));
        return fillReserves;
    } catch (const bip::interprocess_exception& e) {
        throw SegmentError("cannot create shared memory segment " + m_name + ": " + e.what());
    }
}

std::unique_ptr<Segment> Segment::create(const std::string& name, const ExperimentConfig& cfg) {
    if (auto err = validate(cfg)) throw SegmentError(*err);
    const RegionSizes r = computeRegions(cfg);
    // Measured once here for every process of the run (clock.h says why), over at least 5 ms
    // that the set-up below spends anyway (a 5 ms calibration's conversion stayed within 60 ns
    // of CLOCK_MONOTONIC 1 s later; spun on its own it was 5 ms of every run's start).
    const ClockPair calibrationStart = startTickCalibration();
    // The array and owner map are reserved by the fill below, not by posix_fallocate: on every
    // core, step by step (MADV_POPULATE_WRITE, then the writes). Fallocating all 90 MB of the
    // seed job first took 35-45 ms on one thread (the kernel zeroing every page) before the
    // fill faulted each page in again.
    const bool nanFill = cfg.workload != Workload::Histogram && cfg.workload != Workload::Counters;
    // The creator is an app (or a test): a fault in the fill is absorbed, then reported. A
    // process that chose its mode already (a worker exits on SIGBUS) keeps it.
    bus_guard::installUnlessInstalled(bus_guard::Mode::Remap);
    auto seg = std::unique_ptr<Segment>(new Segment);
    seg->m_name = name;
    const bool fillReserves = seg->createObject(r, nanFill);

    // Fresh shm pages are zero; set only what is not zero.
    seg->m_regions = r;
    seg->m_config = cfg;
    auto* h = new (seg->m_base) SegmentHeader{};
    writeHeader(h, cfg, r);
    for (uint32_t k = 0; k < cfg.workers; ++k) {
        new (&seg->slot(k)) WorkerSlot{};
        new (&seg->ring(k)) RingHeader{};
    }
    // Sync objects are constructed once, here, and never while anyone could hold them.
    for (uint64_t i = 0; i < r.lockCount; ++i)
        new (&seg->locks()[i]) PaddedMutex{};
    if (cfg.sync == SyncMode::Robust) initRobustMutex(h->robust.mutex);
    ArrayFill fill(seg->data(), seg->owner(), nanFill, fillReserves, seg->m_busGuard);
    // A page the fill could not get (/dev/shm filled up since checkFits): the destructor unmaps
    // and unlinks what there is.
    if (!fill.run(r.dataCount))
        throw SegmentError(cannotReserve(r.totalSize, name, std::strerror(fill.error())));
    seg->m_clock = finishTickCalibration(calibrationStart);
    h->tickNsPerTick = seg->m_clock.nsPerTick;
    h->tickAnchor = seg->m_clock.anchorTick;
    h->tickAnchorNs = seg->m_clock.anchorNs;
    return seg;
}

std::unique_ptr<Segment> Segment::attach(const std::string& name) {
    auto seg = std::unique_ptr<Segment>(new Segment);
    seg->m_name = name;
    try {
        bip::shared_memory_object shmObj(bip::open_only, name.c_str(), bip::read_write);
        bip::offset_t size = 0;
        if (!shmObj.get_size(size) || size < bip::offset_t(sizeof(SegmentHeader)))
            throw SegmentError("segment " + name + " is too small (" + std::to_string(size) +
                               " bytes) to be a ShmScope segment");
        auto* m = new Mapping{std::move(shmObj), bip::mapped_region()};
        seg->m_mapping = m;
        m->region = bip::mapped_region(m->shm, bip::read_write);
        seg->m_base = m->region.get_address();
        seg->m_size = m->region.get_size();
        seg->m_busGuard = bus_guard::add(seg->m_base, seg->m_size);
    } catch (const bip::interprocess_exception& e) {
        throw SegmentError("cannot open shared memory segment " + name + ": " + e.what());
    }
    // A sparse segment (holes not backed by /dev/shm pages) passes every header check, and its
    // first write to a hole can fill /dev/shm and die of SIGBUS. Ours are fully allocated
    // (fallocated or written in create): refuse anything less.
    struct stat st {};
    const int fd = static_cast<Mapping*>(seg->m_mapping)->shm.get_mapping_handle().handle;
    if (::fstat(fd, &st) == 0 && uint64_t(st.st_blocks) * 512 < seg->m_size)
        throw SegmentError("segment " + name + " is sparse: only " +
                           std::to_string(uint64_t(st.st_blocks) * 512) + " of " +
                           std::to_string(seg->m_size) + " bytes are allocated");
    const SegmentHeader& h = seg->header();
    const uint64_t size = seg->m_size;
    auto fail = [&](const std::string& what) {
        throw SegmentError("segment " + name + ": " + what);
    };
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        fail("wrong magic (not a ShmScope segment)");
    if (h.layoutVersion != kLayoutVersion)
        fail("layout version " + std::to_string(h.layoutVersion) + ", expected " +
             std::to_string(kLayoutVersion));
    if (h.headerSize != sizeof(SegmentHeader))
        fail("header size " + std::to_string(h.headerSize) + ", expected " +
             std::to_string(sizeof(SegmentHeader)));
    if (h.totalSize != size)
        fail("header says " + std::to_string(h.totalSize) + " bytes but the segment has " +
             std::to_string(size));
    const ExperimentConfig cfg = configFromHeader(h);
    // Every value within its settings-table range, enum codes included (one list: a code added
    // to the table is accepted here too).
    if (auto err = validate(cfg)) fail("invalid configuration: " + *err);
    // Recompute every region from the configuration: a header whose offsets disagree could
    // make a worker write outside the arrays.
    const RegionSizes r = computeRegions(cfg);
    if (h.slotsOffset != r.slotsOffset || h.ringsOffset != r.ringsOffset ||
        h.ringStride != r.ringStride || h.ringCapacity != kRingCapacity ||
        h.locksOffset != r.locksOffset || h.lockCount != r.lockCount ||
        h.dataOffset != r.dataOffset || h.dataCount != r.dataCount ||
        h.ownerOffset != r.ownerOffset || h.updateLogOffset != r.updateLogOffset ||
        h.updateLogCapacity != r.updateLogCapacity ||
        r.totalSize != size)
        fail("region offsets do not match the configuration");
    if (!addFits(h.ownerOffset, h.dataCount, size) ||
        !addFits(h.dataOffset, h.dataCount * sizeof(double), size))
        fail("arrays extend past the end of the segment");
    // A TSC runs at 0.1-10 GHz; anything else is a corrupt header, and a NaN would turn every
    // event time into garbage.
    if (!std::isfinite(h.tickNsPerTick) || h.tickNsPerTick < 0.01 || h.tickNsPerTick > 100)
        fail("tick conversion " + std::to_string(h.tickNsPerTick) +
             " ns per tick is not plausible");
    seg->m_clock = TickClock{h.tickNsPerTick, h.tickAnchor, h.tickAnchorNs};
    // From here on every address comes from this validated copy, never from the live header:
    // a header overwritten mid-run cannot redirect a write.
    seg->m_regions = r;
    seg->m_config = cfg;
    return seg;
}

Segment::~Segment() {
    bus_guard::remove(m_busGuard);
    delete static_cast<Mapping*>(m_mapping);
    // Only if nobody tried before: once unlink() ran, the name may already belong to the next
    // run (a fixed name in tests), and this mapping can outlive it in a window's model.
    if (m_owner && !m_unlinkTried) bip::shared_memory_object::remove(m_name.c_str());
}

void Segment::makeDataPrivate() {
    auto* m = static_cast<Mapping*>(m_mapping);
    const int fd = m->shm.get_mapping_handle().handle;
    const uint64_t off = m_regions.dataOffset;
    if (off % uint64_t(sysconf(_SC_PAGESIZE)) != 0)
        throw SegmentError("the data region is not page-aligned: cannot map it privately");
    // MAP_FIXED over our own shared mapping of the same range: from here on this process reads
    // the segment's pages until it writes one, then writes its own copy.
    void* at = static_cast<char*>(m_base) + off;
    void* p = mmap(at, size_t(m_size - off), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd,
                   off_t(off));
    if (p == MAP_FAILED)
        throw SegmentError(std::string("cannot map the array privately: ") + std::strerror(errno));
}

std::optional<uint64_t> Segment::shrunkTo() const {
    struct stat st {};
    const int fd = static_cast<Mapping*>(m_mapping)->shm.get_mapping_handle().handle;
    const bool stat = ::fstat(fd, &st) == 0;
    if (stat && uint64_t(st.st_size) < m_size) return uint64_t(st.st_size);
    // Shrunk and grown back (or the size cannot be read): the pages that faulted are zeros now.
    if (bus_guard::faulted(m_busGuard)) return stat ? uint64_t(st.st_size) : 0;
    return std::nullopt;
}

Segment::NameState Segment::nameState() const {
    struct stat mine {};
    struct stat named {};
    const int fd = static_cast<Mapping*>(m_mapping)->shm.get_mapping_handle().handle;
    if (::stat(("/dev/shm/" + m_name).c_str(), &named) != 0)
        return errno == ENOENT ? NameState::Gone : NameState::Ours; // unreadable: assume ours
    if (::fstat(fd, &mine) != 0) return NameState::Ours;
    const bool same = mine.st_dev == named.st_dev && mine.st_ino == named.st_ino;
    return same ? NameState::Ours : NameState::Replaced;
}

bool Segment::unlink() {
    if (m_unlinked) return true;
    m_unlinkTried = true;
    // Removed under us: nothing of ours is left to remove. Replaced: the file is another
    // process's, and removing it by name would delete what is not ours.
    if (nameState() != NameState::Ours) return m_unlinked = true;
    m_unlinked = bip::shared_memory_object::remove(m_name.c_str());
    return m_unlinked;
}

ExperimentConfig Segment::config() const {
    ExperimentConfig c = m_config;
    c.delayUs = header().delayUs.load(std::memory_order_relaxed); // the one live setting
    return c;
}

namespace {
template <typename T> T* at(void* base, uint64_t off) {
    return reinterpret_cast<T*>(static_cast<char*>(base) + off);
}
} // namespace

WorkerSlot& Segment::slot(uint32_t k) const {
    return at<WorkerSlot>(m_base, m_regions.slotsOffset)[k];
}
RingHeader& Segment::ring(uint32_t k) const {
    return *at<RingHeader>(m_base, m_regions.ringsOffset + k * m_regions.ringStride);
}
Event* Segment::ringEvents(uint32_t k) const {
    return at<Event>(m_base, m_regions.ringsOffset + k * m_regions.ringStride + sizeof(RingHeader));
}
PaddedMutex* Segment::locks() const {
    return at<PaddedMutex>(m_base, m_regions.locksOffset);
}
double* Segment::data() const {
    return at<double>(m_base, m_regions.dataOffset);
}
uint8_t* Segment::owner() const {
    return at<uint8_t>(m_base, m_regions.ownerOffset);
}
UpdateLogHeader* Segment::updateLog(uint32_t k) const {
    if (m_regions.updateLogCapacity == 0) return nullptr;
    return at<UpdateLogHeader>(m_base, m_regions.updateLogOffset + k * m_regions.updateLogStride);
}
UpdateRecord* Segment::updateRecords(uint32_t k) const {
    UpdateLogHeader* h = updateLog(k);
    return h ? reinterpret_cast<UpdateRecord*>(h + 1) : nullptr;
}
uint64_t Segment::updateLogCapacity() const {
    return m_regions.updateLogCapacity;
}

bool segmentExists(const std::string& name) {
    return access(("/dev/shm/" + name).c_str(), F_OK) == 0;
}

ProcStat readProcStat(int64_t pid) {
    ProcStat r;
    if (pid <= 0) return r;
    char path[64], buf[1024];
    std::snprintf(path, sizeof path, "/proc/%lld/stat", (long long)pid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return r;
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0) return r;
    buf[n] = 0;
    r.exists = true;
    // Fields after the name, which may hold spaces and parentheses: start after the last ')'.
    const char* p = std::strrchr(buf, ')');
    if (!p || p[1] != ' ') return r;
    r.state = p[2];
    // Field 3 (state) is the first after ')'; starttime is field 22.
    for (int field = 2; field < 22 && p; ++field)
        p = std::strchr(p + 1, ' ');
    r.startTicks = p ? std::strtoull(p + 1, nullptr, 10) : 0;
    return r;
}

uint64_t pidNamespaceId() {
    struct stat st {};
    return ::stat("/proc/self/ns/pid", &st) == 0 ? uint64_t(st.st_ino) : 0;
}

namespace {
// The creator's pid from "shmscope-<pid>-...", or 0.
pid_t pidInName(const std::string& n) {
    const std::string prefix = kNamePrefix;
    if (n.rfind(prefix, 0) != 0) return 0;
    const size_t dash = n.find('-', prefix.size());
    if (dash == std::string::npos) return 0;
    const std::string pidText = n.substr(prefix.size(), dash - prefix.size());
    if (pidText.empty() || pidText.size() > 9 ||
        pidText.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return pid_t(std::stol(pidText));
}

bool pidAlive(pid_t pid) {
    return kill(pid, 0) == 0 || errno == EPERM;
}

// One sweep's view of the directory: system calls per file kept to one where it can be (a
// system call cost 2-7 us on the 2-vCPU VM, and 150k files took 3 s with three each).
struct SweepDir {
    int fd = -1;
    uid_t uid = geteuid();
    std::unordered_map<pid_t, bool> alive; // kill(pid, 0) once per pid, not once per file
    bool pidAlive(pid_t pid) {
        const auto [it, added] = alive.try_emplace(pid, false);
        if (added) it->second = shm::pidAlive(pid);
        return it->second;
    }
};

// Why `name` is not provably a dead segment of ours ("" when it is; *h: its header then).
// Everything but the header comes from lstat, and the header is read only from a regular file
// of ours that is large enough to hold one: a directory full of empty files costs one lstat
// each.
std::string notOursAndDead(SweepDir& d, const char* name, pid_t pid, SegmentHeader* h) {
    struct stat st {};
    if (fstatat(d.fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
        return "not a regular file";
    if (st.st_uid != d.uid) return "owned by uid " + std::to_string(st.st_uid);
    if (uint64_t(st.st_size) < sizeof(SegmentHeader)) return "not a ShmScope segment";
    const int fd = ::openat(d.fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return std::string("cannot be read: ") + std::strerror(errno);
    const ssize_t n = ::pread(fd, h, sizeof *h, 0);
    ::close(fd);
    if (n != ssize_t(sizeof *h) || std::memcmp(h->magic, kMagic, sizeof kMagic) != 0)
        return "not a ShmScope segment";
    if (h->layoutVersion != kLayoutVersion)
        return "layout version " + std::to_string(h->layoutVersion) + " (another ShmScope)";
    if (h->creatorPid != uint64_t(pid)) return "its header names another creator";
    if (h->creatorPidNamespace != pidNamespaceId()) return "created in another PID namespace";
    if (pidAlive(pid) && readProcStat(pid).startTicks == h->creatorStartTicks)
        return "creator alive";
    return {};
}

// Why the queue file a proven segment names is not to be removed with it ("" when it goes):
// ours, 0600 and the size the segment recorded (0: the app died before it recorded one, while
// creating the queue: then only ours and 0600).
std::string notOurQueue(const std::string& path, uint64_t bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return std::string("cannot be read: ") + std::strerror(errno);
    struct stat st {};
    std::string why = ::fstat(fd, &st) != 0 ? "cannot be read" : "";
    if (why.empty()) why = checkQueueFile(fd, bytes ? bytes : uint64_t(st.st_size));
    // A queue the app was still reserving when it died has holes; it is ours all the same.
    if (!bytes && why.rfind("sparse", 0) == 0) why.clear();
    ::close(fd);
    return why;
}

// The few "left alone" reasons a start prints, and how many there were.
void leaveAlone(SweepResult& r, std::string what) {
    if (r.leftAlone.size() < kSweepListed) r.leftAlone.push_back(std::move(what));
    ++r.leftAloneTotal;
}
} // namespace

// One pass over the directory, one set lookup per name: linear in its size (a vector search
// per name took 32 s for 150k files).
SweepResult sweepStaleSegments(const std::string& dir) {
    SweepResult r;
    SweepDir sd;
    sd.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (sd.fd < 0) return r;
    DIR* d = fdopendir(::dup(sd.fd));
    std::vector<std::string> names;
    while (dirent* e = d ? readdir(d) : nullptr)
        if (pidInName(e->d_name) > 0) names.emplace_back(e->d_name); // the rest: not ours
    if (d) closedir(d);
    const std::unordered_set<std::string> present(names.begin(), names.end());
    const auto pidAlive = [&sd](pid_t pid) { return sd.pidAlive(pid); };
    for (const std::string& n : names) {
        const pid_t pid = pidInName(n);
        const std::string path = dir + "/" + n;
        if (const std::string seg = segmentOfQueue(n); !seg.empty()) {
            // A queue is removed only with the segment that names it (below). One whose
            // segment is gone, or that its segment does not name, is not provably ours.
            if (!present.count(seg) && !pidAlive(pid))
                leaveAlone(r, n + ": a result queue without its segment (not provably ours)");
            continue;
        }
        if (const std::string seg = segmentOfMpiDir(n); !seg.empty()) { // the same
            if (!present.count(seg) && !pidAlive(pid))
                leaveAlone(r, n + ": an Open MPI directory without its segment (not provably "
                                  "ours)");
            continue;
        }
        SegmentHeader h;
        const std::string why = notOursAndDead(sd, n.c_str(), pid, &h);
        if (!why.empty()) {
            if (why != "creator alive" && !pidAlive(pid))
                leaveAlone(r, n + ": " + why); // looks stale, but is not provably ours
            continue;
        }
        if (h.queueKey) {
            const std::string q = queueName(n, h.queueKey);
            if (present.count(q)) {
                const std::string whyQ = notOurQueue(dir + "/" + q, h.queueBytes);
                if (!whyQ.empty())
                    leaveAlone(r, q + ": " + whyQ);
                else if (::unlink((dir + "/" + q).c_str()) == 0)
                    r.removed.push_back(q);
            }
        }
        if (h.mpiKey) { // Open MPI's files of a run whose mpirun was killed with the app
            const std::string m = mpiDirName(n, h.mpiKey);
            if (present.count(m)) {
                const std::string whyM = removeMpiDir(dir + "/" + m);
                if (whyM.empty())
                    r.removed.push_back(m);
                else
                    leaveAlone(r, m + ": " + whyM);
            }
        }
        // The old queue name (before the key) proves nothing: anyone could have made it.
        if (present.count(n + "-q"))
            leaveAlone(r, n + "-q: not the result queue its segment names (not provably ours)");
        if (::unlink(path.c_str()) == 0) r.removed.push_back(n);
    }
    ::close(sd.fd);
    return r;
}

} // namespace shm
