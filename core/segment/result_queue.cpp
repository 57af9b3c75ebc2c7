// The controller's end of the result queue (result_queue.h, the ring in queue_ring.h): it
// creates and reserves the file, and receives on its own thread, trusting nothing it reads.
#include "segment/result_queue.h"

#include "segment/bus_guard.h"
#include "segment/clock.h"
#include "segment/queue_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

bool removeQueue(const std::string& queueName) {
    shm_unlink(queueName.c_str());
    return !segmentExists(queueName);
}

struct QueueReceiver::State {
    std::shared_ptr<Segment> seg;
    std::string name;
    QueueFd file;
    bool created = false; // the name is ours to remove if creation fails
    uint64_t size = 0;
    int busGuard = -1;
    void* base = nullptr;
    QueueCell* cells = nullptr;
    QueueBounds bounds;
    uint64_t head = 0; // the next position to read: ours alone, never in the file
    std::atomic<bool> stop{false};
    std::atomic<bool> done{false};
    std::atomic<uint64_t> messages{0}, bytes{0}, maxDepth{0}, lastWriteNs{0}, unpublished{0};
    std::string corruption; // written once, before `corrupt` (release)
    std::atomic<bool> corrupt{false};

    // Sent by every worker (their slots) minus received: no lock taken to know the depth.
    uint64_t depth() const {
        uint64_t sent = 0;
        for (uint32_t k = 0; k < bounds.workers; ++k)
            sent += seg->slot(k).queueMessages.load(std::memory_order_relaxed);
        const uint64_t got = messages.load(std::memory_order_relaxed);
        // A message being written counts as received a moment late: never above capacity.
        return sent > got ? std::min<uint64_t>(sent - got, kQueueCapacity) : 0;
    }

    ~State() {
        bus_guard::remove(busGuard); // before the queue is unmapped
        unmapQueueFile(base);
    }

    void create();
    void initRing();
    void run();
    bool take(uint64_t pos, QueueMessage& m);
    void drainClaimed(QueueMessage& m);
    void apply(const QueueMessage& m);
    void fail(const std::string& why);
    QueueCell& cell(uint64_t pos) const { return cells[pos % kQueueCapacity]; }
};

// Creates the file (O_EXCL, 0600), reserves every page and maps it, guarded.
void QueueReceiver::State::create() {
    const auto fail = [&](const std::string& why) {
        return SegmentError("cannot reserve the result queue " + name + " in /dev/shm: " + why);
    };
    // checkFits counted the queue too; this is for /dev/shm filling up since.
    const uint64_t free = freeShmBytes();
    if (free < kQueueFileBytes)
        throw fail("it needs " + std::to_string(kQueueFileBytes >> 10) + " KiB and /dev/shm has " +
                   std::to_string(free >> 10) + " KiB free");
    file.fd = shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (file.fd < 0)
        throw SegmentError("cannot create the result queue " + name + ": " + std::strerror(errno));
    created = true;
    // The mode exactly 0600 whatever the umask: workers refuse any other (checkQueueFile).
    if (::fchmod(file.fd, 0600) != 0 || ::ftruncate(file.fd, off_t(kQueueFileBytes)) != 0)
        throw fail(std::strerror(errno));
    if (const int rc = posix_fallocate(file.fd, 0, off_t(kQueueFileBytes)); rc != 0)
        throw fail(std::strerror(rc));
    base = mapQueueFile(file.fd);
    if (!base) throw fail(std::string("cannot map it: ") + std::strerror(errno));
    busGuard = bus_guard::add(base, kQueueFileBytes);
    size = kQueueFileBytes;
    initRing();
}

// Every cell free for its first position (seq = index), the tail at 0, then the header that
// tells a worker this is a ring it can use.
void QueueReceiver::State::initRing() {
    cells = reinterpret_cast<QueueCell*>(static_cast<char*>(base) + kQueueCellsOffset);
    for (uint32_t i = 0; i < kQueueCapacity; ++i)
        new (&cells[i].seq) std::atomic<uint64_t>(i);
    auto* f = static_cast<QueueFileHeader*>(base);
    new (&f->tail) std::atomic<uint64_t>(0);
    f->version = kQueueLayoutVersion;
    f->capacity = kQueueCapacity;
    f->cellBytes = sizeof(QueueCell);
    f->batchValues = kQueueBatchValues;
    f->cellsOffset = kQueueCellsOffset;
    std::atomic_ref<uint64_t>(f->magic).store(kQueueMagic, std::memory_order_release);
}

void QueueReceiver::State::fail(const std::string& why) {
    corruption = "corrupt message at position " + std::to_string(head) + " (cell " +
                 std::to_string(head % kQueueCapacity) + "): " + why;
    corrupt.store(true, std::memory_order_release);
}

// Copies the message published at pos out of the file, checks the copy and writes it into the
// array; then frees the cell for pos + capacity. False (and `corruption` set) if it does not
// check out: nothing of it is written then.
bool QueueReceiver::State::take(uint64_t pos, QueueMessage& m) {
    QueueCell& c = cell(pos);
    std::memcpy(&m, &c.msg, kQueueHeaderBytes);
    const uint32_t count = std::min(m.count, kQueueBatchValues); // checked below, on the copy
    std::memcpy(m.values, c.msg.values, count * sizeof(double));
    if (std::string why = checkMessage(m, bounds); !why.empty()) {
        head = pos;
        fail(why);
        return false;
    }
    apply(m);
    c.seq.store(pos + kQueueCapacity, std::memory_order_release); // free for the next lap
    lastWriteNs.store(nowNs(), std::memory_order_relaxed);
    messages.fetch_add(1, std::memory_order_relaxed);
    bytes.fetch_add(kQueueHeaderBytes + m.count * sizeof(double), std::memory_order_relaxed);
    return true;
}

// Checked already (checkMessage): every index is inside the array.
void QueueReceiver::State::apply(const QueueMessage& m) {
    double* data = seg->data();
    uint8_t* owner = seg->owner();
    // checkMessage kept m.worker below the run's workers: 255 only in a 256-worker run, where
    // it is that worker's byte (layout.h: ownerOf).
    const auto who = uint8_t(m.worker);
    for (uint32_t j = 0; j < m.count; ++j) {
        const uint64_t i = m.bins ? uint64_t(m.values[j]) : m.begin + j * m.stride;
        if (m.bins)
            data[i] += 1.0;
        else
            data[i] = m.values[j];
        owner[i] = who;
    }
}

// Every sender has exited and the cell at head is free: positions up to the tail were
// claimed, and one a sender never published (it died inside send()) is skipped and counted;
// those published after it are still written. The tail is the file's word: clamped to one lap.
void QueueReceiver::State::drainClaimed(QueueMessage& m) {
    const uint64_t tail = static_cast<QueueFileHeader*>(base)->tail.load(std::memory_order_acquire);
    if (tail < head) {
        fail("the tail reads " + std::to_string(tail) + ", behind the receiver");
        return;
    }
    const uint64_t end = head + std::min<uint64_t>(tail - head, kQueueCapacity);
    for (uint64_t p = head; p < end; ++p) {
        switch (checkCell(cell(p).seq.load(std::memory_order_acquire), p)) {
        case CellState::Published:
            if (!take(p, m)) return;
            break;
        case CellState::Free:
            unpublished.fetch_add(1, std::memory_order_relaxed);
            break;
        case CellState::Corrupt:
            head = p;
            fail("its sequence number is neither " + std::to_string(p) + " nor " +
                 std::to_string(p + 1));
            return;
        }
    }
    head = end;
}

void QueueReceiver::State::run() {
    auto msg = std::make_unique<QueueMessage>();
    uint64_t napNs = kQueueReceiverNapMinNs;
    for (;;) {
        const uint64_t d = depth();
        if (d > maxDepth.load(std::memory_order_relaxed))
            maxDepth.store(d, std::memory_order_relaxed);
        // Read before the cell: a stop seen here means every sender had exited before the
        // cell was read, so a free cell is the end (bar claims never published).
        const bool stopping = stop.load(std::memory_order_acquire);
        const uint64_t seq = cell(head).seq.load(std::memory_order_acquire);
        const CellState st = checkCell(seq, head);
        if (st == CellState::Published) {
            if (!take(head, *msg)) break;
            ++head;
            napNs = kQueueReceiverNapMinNs;
            continue;
        }
        if (st == CellState::Corrupt) {
            fail("its sequence number reads " + std::to_string(seq) + ", neither " +
                 std::to_string(head) + " nor " + std::to_string(head + 1));
            break;
        }
        if (stopping) {
            drainClaimed(*msg);
            break;
        }
        queueNap(napNs);
        napNs = std::min(napNs * 2, kQueueReceiverNapMaxNs);
    }
    done.store(true, std::memory_order_release);
}

QueueReceiver::QueueReceiver(std::shared_ptr<Segment> seg, uint64_t key)
    : m_state(std::make_shared<State>()) {
    State& s = *m_state;
    s.seg = std::move(seg);
    s.name = queueName(s.seg->name(), key);
    const ExperimentConfig cfg = s.seg->config();
    s.bounds = {cfg.workers, cfg.dataCount(), cfg.workload == Workload::Histogram};
    SegmentHeader& h = s.seg->header();
    // The key first: an app that dies from here on leaves a queue its segment names, and the
    // sweep removes both.
    h.queueKey = key;
    try {
        s.create();
    } catch (const SegmentError&) {
        if (s.created) shm_unlink(s.name.c_str()); // ours (made above): it goes
        throw;
    }
    h.queueBytes = s.size;
    m_thread = std::thread([st = m_state] { st->run(); });
}

QueueReceiver::~QueueReceiver() {
    if (!m_thread.joinable()) return;
    m_state->stop.store(true, std::memory_order_release);
    if (m_state->done.load(std::memory_order_acquire)) {
        m_thread.join();
    } else {
        m_thread.detach(); // holds its own State: the segment and queue stay mapped for it
    }
}

void QueueReceiver::requestStop() {
    m_state->stop.store(true, std::memory_order_release);
}

bool QueueReceiver::done() const {
    return m_state->done.load(std::memory_order_acquire);
}

uint64_t QueueReceiver::depth() const {
    return m_state->depth();
}

void QueueReceiver::abandon() {
    if (m_thread.joinable()) m_thread.detach();
}

const std::string& QueueReceiver::name() const {
    return m_state->name;
}

uint64_t QueueReceiver::size() const {
    return m_state->size;
}

std::optional<uint64_t> QueueReceiver::shrunkTo() const {
    const State& s = *m_state;
    struct stat st {};
    const bool stat = ::fstat(s.file.fd, &st) == 0;
    if (stat && uint64_t(st.st_size) < s.size) return uint64_t(st.st_size);
    if (bus_guard::faulted(s.busGuard)) return stat ? uint64_t(st.st_size) : 0;
    return std::nullopt;
}

std::optional<std::string> QueueReceiver::corruption() const {
    if (!m_state->corrupt.load(std::memory_order_acquire)) return std::nullopt;
    return m_state->corruption;
}

uint64_t QueueReceiver::unpublished() const {
    return m_state->unpublished.load(std::memory_order_relaxed);
}

QueueReceiver::Stats QueueReceiver::stats() const {
    const State& s = *m_state;
    return {s.messages.load(std::memory_order_relaxed), s.bytes.load(std::memory_order_relaxed),
            s.maxDepth.load(std::memory_order_relaxed),
            s.lastWriteNs.load(std::memory_order_relaxed)};
}

} // namespace shm
