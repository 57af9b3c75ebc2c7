#include "probe/probe_cache.h"

#include "probe/machine_probe.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace shm {

std::string probeCachePath() {
    // The XDG base directory spec: a relative XDG_CACHE_HOME is invalid and ignored.
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/') return std::string(xdg) + "/shmscope/probe.json";
    const char* home = std::getenv("HOME");
    if (home && home[0]) return std::string(home) + "/.cache/shmscope/probe.json";
    return {};
}

std::optional<MachineFigures> loadCachedMachine(const std::string& path,
                                                const std::string& bootId) {
    if (path.empty() || bootId.empty()) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    std::optional<MachineFigures> m = machineFromJson(text.str());
    if (!m || m->bootId != bootId || !m->probed()) return std::nullopt;
    return m;
}

std::optional<std::string> storeCachedMachine(const std::string& path, const MachineFigures& m) {
    if (path.empty()) return std::string("no cache directory (neither XDG_CACHE_HOME nor HOME)");
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) return fs::path(path).parent_path().string() + ": " + ec.message();
    // Beside the target, so the rename stays on one file system; the pid keeps two ShmScopes
    // that probe at once from writing into one temporary file.
    const std::string tmp = path + ".tmp." + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << machineJson(m) << "\n";
        out.flush();
        if (!out) {
            const std::string why = tmp + ": " + std::strerror(errno);
            std::remove(tmp.c_str());
            return why;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = path + ": " + std::strerror(errno);
        std::remove(tmp.c_str());
        return why;
    }
    return std::nullopt;
}

MachineFigures cachedOrMeasuredMachine(bool measureAgain, bool* measured) {
    const std::string path = probeCachePath();
    const std::optional<MachineFigures> cached =
        measureAgain ? std::nullopt : loadCachedMachine(path, readBootId());
    // A probe taken while the other CPUs were busy has no cache-line figure: the next process
    // tries again instead of keeping "not measured" until the machine restarts (the lessons
    // that need the figure would say inconclusive all day). Its complete figures stay cached.
    if (cached && cached->lineCostRatio) {
        if (measured) *measured = false;
        return *cached;
    }
    MachineFigures m = measureMachine();
    // A cache that cannot be written only costs the next process another probe.
    (void)storeCachedMachine(path, m);
    if (measured) *measured = true;
    return m;
}

} // namespace shm
