#include "segment/queue_file.h"

#include "segment/queue_ring.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

uint64_t newQueueKey() {
    std::random_device rd;
    uint64_t k = 0;
    while (k == 0)
        k = (uint64_t(rd()) << 32) ^ rd();
    return k;
}

std::string queueName(const std::string& segmentName, uint64_t key) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
    return segmentName + "-q-" + hex;
}

std::string segmentOfQueue(const std::string& name) {
    const size_t n = name.size();
    if (n > 2 && name.compare(n - 2, 2, "-q") == 0) return name.substr(0, n - 2);
    constexpr size_t kTail = 3 + 16; // "-q-" and the key
    if (n <= kTail || name.compare(n - kTail, 3, "-q-") != 0) return {};
    for (size_t i = n - 16; i < n; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(name[i]))) return {};
    return name.substr(0, n - kTail);
}

uint64_t queueBytesNeeded() {
    return kQueueFileBytes;
}

std::string checkQueueFile(int fd, uint64_t bytes) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return std::string("cannot be read: ") + std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return "not a regular file";
    if (st.st_uid != geteuid()) return "owned by uid " + std::to_string(st.st_uid);
    if ((st.st_mode & 07777) != 0600) {
        char mode[16];
        std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
        return std::string("mode ") + mode + ", not 0600";
    }
    if (bytes == 0 || uint64_t(st.st_size) != bytes)
        return std::to_string(st.st_size) + " bytes, not the " + std::to_string(bytes) +
               " its segment says";
    if (uint64_t(st.st_blocks) * 512 < bytes)
        return "sparse: only " + std::to_string(uint64_t(st.st_blocks) * 512) + " of " +
               std::to_string(bytes) + " bytes are allocated";
    return {};
}

void* mapQueueFile(int fd) {
    void* p = mmap(nullptr, kQueueFileBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    return p == MAP_FAILED ? nullptr : p;
}

void unmapQueueFile(void* base) {
    if (base) munmap(base, kQueueFileBytes);
}

QueueFd::~QueueFd() {
    if (fd >= 0) ::close(fd);
}

} // namespace shm
