#include "analysis/compare.h"

#include <cstdio>

namespace shm {

KeyFigures keyFigures(const RunReport& r) {
    return {r.computeSeconds, r.throughput,          r.waitShare,
            r.cpuSeconds,     double(r.lostUpdates), double(r.mismatches)};
}

std::vector<ComparedFigure> compareFigures(const KeyFigures& now, const KeyFigures& pinned) {
    std::vector<ComparedFigure> out = {
        {"compute_seconds", "compute (s)", now.computeSeconds, pinned.computeSeconds, {}},
        {"throughput", "throughput (/s)", now.throughput, pinned.throughput, {}},
        {"lock.wait_share", "busy time waiting", now.waitShare, pinned.waitShare, {}},
        {"cpu_seconds", "CPU (s)", now.cpuSeconds, pinned.cpuSeconds, {}},
        {"lost_updates", "lost updates", now.lostUpdates, pinned.lostUpdates, {}},
        {"mismatches", "mismatches", now.mismatches, pinned.mismatches, {}},
    };
    for (ComparedFigure& f : out)
        if (f.pinned != 0) f.ratio = f.now / f.pinned;
    return out;
}

std::vector<std::string> differingSettings(const ExperimentConfig& now,
                                           const ExperimentConfig& pinned) {
    std::vector<std::string> out;
    for (const SettingRow& r : kSettings) {
        const std::string a = settingText(r, pinned), b = settingText(r, now);
        if (a != b) out.push_back(std::string(r.name) + " " + a + " -> " + b);
    }
    return out;
}

std::string comparisonJson(const std::vector<ComparedFigure>& figures, const std::string& with,
                           const std::vector<std::string>& differs) {
    std::string s = "{\"with\":\"" + jsonEscape(with) + "\",\"differs\":[";
    for (size_t i = 0; i < differs.size(); ++i)
        s += (i ? ",\"" : "\"") + jsonEscape(differs[i]) + "\"";
    s += "],\"figures\":{";
    for (size_t i = 0; i < figures.size(); ++i) {
        const ComparedFigure& f = figures[i];
        s += (i ? ",\"" : "\"") + std::string(f.key) + "\":{\"this\":" + jsonNumber(f.now) +
             ",\"pinned\":" + jsonNumber(f.pinned) +
             ",\"ratio\":" + (f.ratio ? jsonNumber(*f.ratio) : "null") + "}";
    }
    return s + "}}";
}

std::string comparisonText(const std::vector<ComparedFigure>& figures, const std::string& with,
                           const std::vector<std::string>& differs) {
    std::string s = "compared with " + with;
    if (differs.empty()) {
        s += " (the same settings)";
    } else {
        s += " (differs in";
        for (size_t i = 0; i < differs.size(); ++i)
            s += (i ? ", " : " ") + differs[i];
        s += ")";
    }
    s += ":\n";
    char line[160];
    for (const ComparedFigure& f : figures) {
        std::snprintf(line, sizeof line, "  %-18s %14.6g  pinned %14.6g  ",
                      std::string(f.what).c_str(), f.now, f.pinned);
        s += line;
        if (f.ratio) {
            std::snprintf(line, sizeof line, "x%.3f\n", *f.ratio);
            s += line;
        } else {
            s += "-\n";
        }
    }
    return s;
}

} // namespace shm
