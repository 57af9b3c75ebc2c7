#include "runner/left_behind.h"

#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace left_behind {

std::vector<Process> find(const std::string& segment) {
    std::vector<Process> out;
    DIR* proc = opendir("/proc");
    if (!proc) return out;
    const std::string mark = std::string(kSegmentVar) + "=" + segment;
    const std::string worker = std::string(kWorkerVar) + "=";
    const int64_t self = getpid();
    while (const dirent* d = readdir(proc)) {
        char* end = nullptr;
        const long long pid = std::strtoll(d->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || pid == self) continue;
        std::ifstream f("/proc/" + std::string(d->d_name) + "/environ", std::ios::binary);
        if (!f) continue; // gone, or another user's
        const std::string env{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
        Process p{pid, -1};
        bool marked = false;
        // NUL-separated NAME=value entries; a zombie's is empty.
        for (size_t at = 0; at < env.size();) {
            size_t nul = env.find('\0', at);
            if (nul == std::string::npos) nul = env.size();
            const std::string_view entry(env.data() + at, nul - at);
            if (entry == mark) marked = true;
            if (entry.substr(0, worker.size()) == worker)
                p.worker = std::atoi(std::string(entry.substr(worker.size())).c_str());
            at = nul + 1;
        }
        if (marked) out.push_back(p);
    }
    closedir(proc);
    return out;
}

} // namespace left_behind
