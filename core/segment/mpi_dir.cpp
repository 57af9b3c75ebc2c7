#include "segment/mpi_dir.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shm {

std::string mpiDirName(const std::string& segmentName, uint64_t key) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
    return segmentName + "-mpi-" + hex;
}

std::string segmentOfMpiDir(const std::string& name) {
    constexpr size_t kTail = 5 + 16; // "-mpi-" and the key
    const size_t n = name.size();
    if (n <= kTail || name.compare(n - kTail, 5, "-mpi-") != 0) return {};
    for (size_t i = n - 16; i < n; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(name[i]))) return {};
    return name.substr(0, n - kTail);
}

std::string createMpiDir(const std::string& path) {
    if (::mkdir(path.c_str(), 0700) != 0) return std::strerror(errno);
    return {};
}

std::string removeMpiDir(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT ? "" : std::strerror(errno);
    if (!S_ISDIR(st.st_mode)) return "not a directory";
    if (st.st_uid != geteuid()) return "owned by uid " + std::to_string(st.st_uid);
    const int dfd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0) return std::strerror(errno);
    DIR* d = fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return std::strerror(errno);
    }
    while (dirent* e = readdir(d)) {
        struct stat fst {};
        if (std::strncmp(e->d_name, "vader_segment.", 14) != 0 ||
            fstatat(dfd, e->d_name, &fst, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(fst.st_mode) ||
            fst.st_uid != geteuid())
            continue;
        unlinkat(dfd, e->d_name, 0);
    }
    closedir(d);
    if (::rmdir(path.c_str()) != 0)
        return errno == ENOTEMPTY || errno == EEXIST ? "holds files that are not Open MPI's"
                                                     : std::strerror(errno);
    return {};
}

} // namespace shm
