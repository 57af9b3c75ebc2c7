#include "segment/result_queue.h"

#include "segment/bus_guard.h"
#include "segment/clock.h"
#include "segment/queue_file.h"

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bip = boost::interprocess;

namespace shm {

bool removeQueue(const std::string& queueName) {
    bip::message_queue::remove(queueName.c_str());
    return !segmentExists(queueName);
}

namespace {
// An fd of the queue's file, closed when it goes.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

const char kSenderBusLine[] = "shmscope-worker: the result queue shrank under this worker "
                              "(SIGBUS writing to it): changed by another process\n";
} // namespace

QueueSender::QueueSender(const Segment& seg, WorkerSlot& slot, uint32_t worker) : m_slot(slot) {
    const SegmentHeader& h = seg.header();
    if (h.queueKey == 0) throw SegmentError("segment " + seg.name() + " names no result queue");
    const std::string name = queueName(seg.name(), h.queueKey);
    const auto refuse = [&](const std::string& why) {
        return SegmentError("result queue " + name + ": " + why);
    };
    // Checked before Boost maps it: a file of the wrong size or with holes would raise SIGBUS
    // at the first message instead of being refused here.
    Fd file{shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0)};
    if (file.fd < 0) throw refuse(std::string("cannot be opened: ") + std::strerror(errno));
    if (std::string why = checkQueueFile(file.fd, h.queueBytes); !why.empty()) throw refuse(why);
    try {
        m_q = std::make_unique<bip::message_queue>(bip::open_only, name.c_str());
    } catch (const bip::interprocess_exception& e) {
        throw refuse(std::string("cannot be opened: ") + e.what());
    }
    const MappedRange m = findMapping(file.fd);
    if (m.size) m_busGuard = bus_guard::add(m.base, m.size, kSenderBusLine);
    m_msg.worker = worker;
}

QueueSender::~QueueSender() {
    bus_guard::remove(m_busGuard); // before the queue is unmapped
}

void QueueSender::add(uint64_t index, double value, uint64_t stride) {
    if (m_msg.count &&
        (m_msg.bins || stride != m_msg.stride || index != m_msg.begin + m_msg.count * m_msg.stride))
        send();
    if (m_msg.count == 0) {
        m_msg.begin = index;
        m_msg.stride = stride;
        m_msg.bins = 0;
    }
    m_msg.values[m_msg.count++] = value;
    if (m_msg.count == kQueueBatchValues) send();
}

void QueueSender::addBin(uint64_t bin) {
    if (m_msg.count && !m_msg.bins) send();
    m_msg.bins = 1;
    m_msg.values[m_msg.count++] = double(bin); // exact: bins < 2^24
    if (m_msg.count == kQueueBatchValues) send();
}

void QueueSender::flush() {
    if (m_msg.count) send();
}

// try_send first: only a full queue makes us wait, and only that wait is counted.
void QueueSender::send() {
    const size_t bytes = kQueueHeaderBytes + m_msg.count * sizeof(double);
    if (!m_q->try_send(&m_msg, bytes, 0)) {
        const uint64_t t0 = nowNs();
        m_q->send(&m_msg, bytes, 0);
        m_waitNs += nowNs() - t0;
    }
    m_msg.count = 0;
    ++m_messages;
    m_bytes += bytes;
    constexpr auto r = std::memory_order_relaxed;
    m_slot.queueMessages.store(m_messages, r);
    m_slot.queueBytes.store(m_bytes, r);
    m_slot.queueSendWaitNs.store(m_waitNs, r);
}

struct QueueReceiver::State {
    std::shared_ptr<Segment> seg;
    std::string name;
    Fd file;
    uint64_t size = 0;
    int busGuard = -1;
    std::unique_ptr<bip::message_queue> q;
    std::atomic<bool> stop{false};
    std::atomic<bool> done{false};
    std::atomic<uint64_t> messages{0}, bytes{0}, maxDepth{0}, lastWriteNs{0};

    // Sent by every worker (their slots) minus received: no lock taken to know the depth.
    uint64_t depth() const {
        uint64_t sent = 0;
        for (uint32_t k = 0; k < seg->config().workers; ++k)
            sent += seg->slot(k).queueMessages.load(std::memory_order_relaxed);
        const uint64_t got = messages.load(std::memory_order_relaxed);
        // A message being written counts as received a moment late: never above capacity.
        return sent > got ? std::min<uint64_t>(sent - got, kQueueCapacity) : 0;
    }

    ~State() {
        bus_guard::remove(busGuard); // before the queue is unmapped
        q.reset();
    }

    // Creates the queue (queueName), reserves its pages and guards its mapping.
    void create() {
        const auto fail = [&](const std::string& why) {
            return SegmentError("cannot reserve the result queue " + name + " in /dev/shm: " + why);
        };
        // Boost writes the queue's header as it creates it: on a full /dev/shm that write
        // would be a SIGBUS in the app. Free space first (checkFits counted the queue too;
        // this is for /dev/shm filling up since), then the pages reserved right after.
        const uint64_t free = freeShmBytes(), need = queueBytesNeeded();
        if (free < need)
            throw fail("it needs " + std::to_string(need >> 10) + " KiB and /dev/shm has " +
                       std::to_string(free >> 10) + " KiB free");
        try {
            bip::permissions perm(0600);
            q = std::make_unique<bip::message_queue>(bip::create_only, name.c_str(), kQueueCapacity,
                                                     sizeof(QueueMessage), perm);
        } catch (const bip::interprocess_exception& e) {
            throw SegmentError("cannot create the result queue " + name + ": " + e.what());
        }
        struct stat st {};
        file.fd = shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0);
        if (file.fd < 0 || ::fstat(file.fd, &st) != 0) throw fail(std::strerror(errno));
        size = uint64_t(st.st_size);
        if (const int rc = posix_fallocate(file.fd, 0, off_t(size)); rc != 0)
            throw fail(std::strerror(rc));
        const MappedRange m = findMapping(file.fd);
        if (m.size) busGuard = bus_guard::add(m.base, m.size);
    }

    void apply(const QueueMessage& m, size_t size) {
        const uint64_t n = seg->config().dataCount();
        const uint32_t count = uint32_t(std::min<size_t>(
            m.count, size > kQueueHeaderBytes ? (size - kQueueHeaderBytes) / sizeof(double) : 0));
        double* data = seg->data();
        uint8_t* owner = seg->owner();
        const auto who = uint8_t(std::min<uint32_t>(m.worker, 254));
        for (uint32_t j = 0; j < count; ++j) {
            const uint64_t i = m.bins ? uint64_t(m.values[j]) : m.begin + j * m.stride;
            if (i >= n) continue; // a malformed message cannot write outside the array
            if (m.bins)
                data[i] += 1.0;
            else
                data[i] = m.values[j];
            owner[i] = who;
        }
    }

    void run() {
        auto msg = std::make_unique<QueueMessage>();
        for (;;) {
            const uint64_t d = depth();
            if (d > maxDepth.load(std::memory_order_relaxed))
                maxDepth.store(d, std::memory_order_relaxed);
            size_t size = 0;
            unsigned prio = 0;
            bool got;
            if (stop.load(std::memory_order_acquire)) {
                got = q->try_receive(msg.get(), sizeof(QueueMessage), size, prio);
                if (!got) break; // every sender has exited and the queue is empty
            } else {
                const auto until = boost::posix_time::microsec_clock::universal_time() +
                                   boost::posix_time::milliseconds(20);
                got = q->timed_receive(msg.get(), sizeof(QueueMessage), size, prio, until);
            }
            if (!got) continue;
            apply(*msg, size);
            lastWriteNs.store(nowNs(), std::memory_order_relaxed);
            messages.fetch_add(1, std::memory_order_relaxed);
            bytes.fetch_add(size, std::memory_order_relaxed);
        }
        done.store(true, std::memory_order_release);
    }
};

QueueReceiver::QueueReceiver(std::shared_ptr<Segment> seg, uint64_t key)
    : m_state(std::make_shared<State>()) {
    State& s = *m_state;
    s.seg = std::move(seg);
    s.name = queueName(s.seg->name(), key);
    SegmentHeader& h = s.seg->header();
    // The key first: an app that dies from here on leaves a queue its segment names, and the
    // sweep removes both.
    h.queueKey = key;
    try {
        s.create();
    } catch (const SegmentError&) {
        if (s.q) { // ours (created above): it goes
            bus_guard::remove(s.busGuard);
            s.busGuard = -1;
            s.q.reset();
            bip::message_queue::remove(s.name.c_str());
        }
        throw;
    }
    h.queueBytes = s.size;
    m_thread = std::thread([st = m_state] { st->run(); });
}

QueueReceiver::~QueueReceiver() {
    if (!m_thread.joinable()) return;
    if (m_state->done.load(std::memory_order_acquire)) {
        m_thread.join();
    } else {
        m_state->stop.store(true, std::memory_order_release);
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

QueueReceiver::Stats QueueReceiver::stats() const {
    const State& s = *m_state;
    return {s.messages.load(std::memory_order_relaxed), s.bytes.load(std::memory_order_relaxed),
            s.maxDepth.load(std::memory_order_relaxed),
            s.lastWriteNs.load(std::memory_order_relaxed)};
}

} // namespace shm
