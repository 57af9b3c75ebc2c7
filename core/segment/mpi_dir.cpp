#include "segment/mpi_dir.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
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

namespace {
uid_t g_uid;    // nftw's callback takes no context
bool g_foreign; // something of another uid was found (and left)

int removeOne(const char* path, const struct stat* st, int type, FTW*) {
    if (st->st_uid != g_uid) {
        g_foreign = true;
        return 0;
    }
    if (type == FTW_DP)
        ::rmdir(path); // fails (and stays) only where something was left inside
    else
        ::unlink(path);
    return 0;
}
} // namespace

std::string removeMpiSessionDir(int64_t mpirunPid) {
    if (mpirunPid <= 0) return {};
    const char* tmp = std::getenv("TMPDIR");
    const std::string base = tmp && *tmp ? tmp : "/tmp";
    const std::string uidTail = "." + std::to_string(geteuid());
    const std::string pidDir = "pid." + std::to_string(mpirunPid);
    DIR* d = opendir(base.c_str());
    if (!d) return {};
    std::string why;
    while (dirent* e = readdir(d)) {
        const std::string n = e->d_name;
        if (n.rfind("ompi.", 0) != 0 || n.size() <= uidTail.size() ||
            n.compare(n.size() - uidTail.size(), uidTail.size(), uidTail) != 0)
            continue;
        const std::string path = base + "/" + n + "/" + pidDir;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) continue;
        if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
            why = path + ": not a directory of ours";
            continue;
        }
        g_uid = geteuid();
        g_foreign = false;
        nftw(path.c_str(), removeOne, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
        if (::lstat(path.c_str(), &st) == 0)
            why = path + (g_foreign ? ": holds files of another user" : ": could not be removed");
    }
    closedir(d);
    return why;
}

} // namespace shm
