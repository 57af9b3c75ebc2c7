#include "analysis/sweep.h"

#include "analysis/units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sched.h>
#include <unistd.h>

namespace shm {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t from = 0;
    for (;;) {
        const size_t at = s.find(sep, from);
        out.push_back(s.substr(from, at == std::string_view::npos ? at : at - from));
        if (at == std::string_view::npos) return out;
        from = at + 1;
    }
}

// The value as the report writes it: a number, or the enum's / bool's word in quotes.
std::string valueJson(const SettingRow& r, uint64_t v) {
    ExperimentConfig c;
    r.set(c, v);
    if (r.kind == SettingKind::Enum) return "\"" + settingText(r, c) + "\"";
    if (isNone(r, v)) return "null";
    return settingText(r, c);
}
std::string valueText(const SettingRow& r, uint64_t v) {
    ExperimentConfig c;
    r.set(c, v);
    return settingText(r, c);
}

Spread spread(std::vector<double> v) {
    Spread s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    s.min = v.front();
    s.max = v.back();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return s;
}

double median(std::vector<double> v) {
    return spread(std::move(v)).median;
}

std::string opt(const std::optional<double>& v) {
    return v ? jsonNumber(*v) : "null";
}

std::string fitJson(const AmdahlFit& f) {
    if (!f.valid) return "null";
    return "{\"amdahl_serial_fraction\":" + jsonNumber(f.serialFraction) +
           ",\"rmse\":" + jsonNumber(f.rmse) + ",\"points\":" + std::to_string(f.points) +
           ",\"max_workers\":" + std::to_string(f.maxWorkers) + "}";
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string padded(std::string s, size_t width, bool right = false) {
    if (s.size() >= width) return s + " ";
    const std::string pad(width - s.size(), ' ');
    return (right ? pad + s : s + pad) + " ";
}

} // namespace

std::string pointName(const SweepPlan& plan, size_t point) {
    std::string s;
    for (const SweepAxis& a : plan.axes)
        s += (s.empty() ? "" : ", ") + std::string(a.row->name) + "=" +
             settingText(*a.row, plan.points[point]);
    return s;
}

std::string resultText(const SweepPointSummary& p) {
    std::string s;
    if (p.runs == 0) return p.failed ? "all " + std::to_string(p.failed) + " runs failed" : "-";
    s = verdictText(p.config, p.mismatches, 0, p.lostUpdates);
    if (p.failed) s += ", " + std::to_string(p.failed) + " failed";
    return s;
}

std::optional<std::string> parseSweepAxis(std::string_view spec, SweepAxis* out) {
    const std::string quoted = "--sweep '" + std::string(spec) + "'";
    const size_t eq = spec.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size())
        return quoted + ": expected SETTING=V1,V2,... (e.g. workers=1,2,4)";
    const std::string_view name = spec.substr(0, eq);
    const SettingRow* row = findSetting(name);
    if (!row) return quoted + ": unknown setting '" + std::string(name) + "' (see --help)";
    SweepAxis axis{row, {}};
    for (std::string_view v : split(spec.substr(eq + 1), ',')) {
        if (v.empty()) return quoted + ": an empty value";
        ExperimentConfig c;
        if (auto err = applySetting(c, *row, v)) return "--sweep: " + *err;
        const uint64_t value = row->get(c);
        if (std::find(axis.values.begin(), axis.values.end(), value) != axis.values.end())
            return quoted + ": value '" + std::string(v) + "' given twice";
        axis.values.push_back(value);
    }
    *out = std::move(axis);
    return std::nullopt;
}

std::optional<std::string> planSweep(const ExperimentConfig& base, std::vector<SweepAxis> axes,
                                     uint32_t repeat, SweepPlan* out) {
    if (axes.empty() || axes.size() > 2) return "--sweep: give it once or twice (a line or a grid)";
    if (axes.size() == 2 && axes[0].row == axes[1].row)
        return "--sweep: " + std::string(axes[0].row->name) + " is swept twice";
    if (repeat < 1 || repeat > kMaxRepeat)
        return "--repeat: " + std::to_string(repeat) + " is not from 1 to " +
               std::to_string(kMaxRepeat);
    const size_t n0 = axes[0].values.size(), n1 = axes.size() > 1 ? axes[1].values.size() : 1;
    if (n0 * n1 > kMaxSweepPoints)
        return "--sweep: " + std::to_string(n0 * n1) + " points, more than " +
               std::to_string(kMaxSweepPoints);
    SweepPlan plan;
    plan.repeat = repeat;
    for (size_t i = 0; i < n0; ++i)
        for (size_t j = 0; j < n1; ++j) {
            ExperimentConfig c = base;
            axes[0].row->set(c, axes[0].values[i]);
            std::string where =
                std::string(axes[0].row->name) + "=" + valueText(*axes[0].row, axes[0].values[i]);
            if (axes.size() > 1) {
                axes[1].row->set(c, axes[1].values[j]);
                where += ", " + std::string(axes[1].row->name) + "=" +
                         valueText(*axes[1].row, axes[1].values[j]);
            }
            if (auto err = validate(c)) return "--sweep point " + where + ": " + *err;
            plan.points.push_back(c);
        }
    for (uint32_t r = 0; r < repeat; ++r)
        for (size_t k = 0; k < plan.points.size(); ++k)
            plan.order.push_back(r % 2 ? plan.points.size() - 1 - k : k);
    plan.axes = std::move(axes);
    *out = std::move(plan);
    return std::nullopt;
}

std::optional<double> karpFlatt(double speedup, double p) {
    if (!(p > 1) || !(speedup > 0)) return std::nullopt;
    return (1 / speedup - 1 / p) / (1 - 1 / p);
}

AmdahlFit fitAmdahl(const std::vector<std::pair<double, double>>& pts) {
    AmdahlFit fit;
    fit.points = pts.size();
    if (std::none_of(pts.begin(), pts.end(), [](const auto& x) { return x.first > 1; })) return fit;
    const auto sse = [&](double f) {
        double s = 0;
        for (const auto& [p, speedup] : pts) {
            const double d = speedup - 1 / (f + (1 - f) / p);
            s += d * d;
        }
        return s;
    };
    // A coarse scan for the basin (the error is not convex in f for every data set), then a
    // golden-section search inside it.
    double best = 0;
    for (int i = 0; i <= 1000; ++i)
        if (sse(i / 1000.0) < sse(best)) best = i / 1000.0;
    double lo = std::max(0.0, best - 0.001), hi = std::min(1.0, best + 0.001);
    const double g = (std::sqrt(5.0) - 1) / 2;
    for (int i = 0; i < 60; ++i) {
        const double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        if (sse(a) < sse(b))
            hi = b;
        else
            lo = a;
    }
    fit.valid = true;
    fit.serialFraction = (lo + hi) / 2;
    fit.rmse = std::sqrt(sse(fit.serialFraction) / double(pts.size()));
    return fit;
}

namespace {
// One point: medians over its finished runs, the worst correctness figures, the lock figures
// of the run whose compute time is nearest the median; failed runs counted with their error.
SweepPointSummary summarizePoint(const ExperimentConfig& config,
                                 const std::vector<RunReport>& runs) {
    SweepPointSummary p;
    p.config = config;
    std::vector<double> compute, throughput, imbalance, cpu, wait, share;
    for (const RunReport& r : runs) {
        if (!r.finished()) {
            ++p.failed;
            p.errors.push_back(r.failure.empty() ? std::string(nameOf(r.status)) : r.failure);
            continue;
        }
        ++p.runs;
        compute.push_back(r.computeSeconds);
        throughput.push_back(r.throughput);
        imbalance.push_back(r.imbalance);
        cpu.push_back(r.cpuSeconds);
        wait.push_back(r.waitShare);
        if (const auto s = lowestCpuShare(r)) share.push_back(*s);
        p.mismatches = std::max(p.mismatches, r.mismatches);
        p.lostUpdates = std::max(p.lostUpdates, r.lostUpdates);
    }
    p.compute = spread(compute);
    p.throughput = median(throughput);
    p.imbalance = median(imbalance);
    p.cpuSeconds = median(cpu);
    p.waitShare = median(wait);
    if (!share.empty()) p.cpuShare = median(share);
    const RunReport* medianRun = nullptr;
    for (const RunReport& r : runs)
        if (r.finished() &&
            (!medianRun || std::abs(r.computeSeconds - p.compute.median) <
                               std::abs(medianRun->computeSeconds - p.compute.median)))
            medianRun = &r;
    if (medianRun) p.lock = medianRun->lock;
    return p;
}
} // namespace

SweepSummary summarizeSweep(const SweepPlan& plan,
                            const std::vector<std::vector<RunReport>>& reports, unsigned cores) {
    SweepSummary s;
    s.plan = plan;
    s.cores = std::max(1u, cores);
    for (size_t a = 0; a < plan.axes.size(); ++a)
        if (plan.axes[a].row->name == "workers") s.workersAxis = int(a);
    static const std::vector<RunReport> none;
    for (size_t i = 0; i < plan.points.size(); ++i)
        s.points.push_back(summarizePoint(plan.points[i], i < reports.size() ? reports[i] : none));
    // One machine for the whole sweep: the figures its runs were taken with.
    for (const std::vector<RunReport>& point : reports)
        for (const RunReport& r : point)
            if (!s.machine.probed() && r.machine.probed()) s.machine = r.machine;
    // Baselines: the same point with the first value of the workers axis (else the first axis).
    const size_t n1 = plan.axes.size() > 1 ? plan.axes[1].values.size() : 1;
    const int baseAxis = s.workersAxis >= 0 ? s.workersAxis : 0;
    for (size_t i = 0; i < s.points.size(); ++i) {
        size_t a0 = i / n1, a1 = i % n1;
        (baseAxis == 0 ? a0 : a1) = 0;
        const SweepPointSummary& base = s.points[a0 * n1 + a1];
        SweepPointSummary& p = s.points[i];
        if (s.workersAxis >= 0) p.processorRatio = double(p.config.workers) / base.config.workers;
        if (!p.runs || !base.runs || !(p.compute.median > 0)) continue;
        p.speedup = base.compute.median / p.compute.median;
        if (*p.speedup > double(s.cores))
            p.caveats.push_back({"speedup_above_cores",
                                 "speedup " + fmt("%.2f", *p.speedup) + " with " +
                                     std::to_string(s.cores) +
                                     " cores: more than the cores can give (the baseline was "
                                     "slowed, or a cache effect)",
                                 {*p.speedup, double(s.cores)}});
        if (base.cpuShare && *base.cpuShare < kLowCpuShare) {
            const std::string who = base.config.workers == 1
                                        ? std::string("the 1-worker run")
                                        : "the baseline (" + pointName(plan, a0 * n1 + a1) + ")";
            p.caveats.push_back({"baseline_cpu_share_low",
                                 who + " got " + percentText(*base.cpuShare) +
                                     " of a core: speedups are not meaningful",
                                 {*base.cpuShare, double(a0 * n1 + a1)}});
        }
        if (p.processorRatio) {
            p.efficiency = *p.speedup / *p.processorRatio;
            p.karpFlatt = karpFlatt(*p.speedup, *p.processorRatio);
        }
    }
    if (s.workersAxis < 0) return s;
    // One line per value of the other axis (one line for a 1-D sweep).
    const size_t lines = plan.axes.size() > 1 ? plan.axes[1 - s.workersAxis].values.size() : 1;
    const size_t nw = plan.axes[s.workersAxis].values.size();
    for (size_t l = 0; l < lines; ++l) {
        SweepLine line;
        std::vector<std::pair<double, double>> upTo, all;
        uint32_t maxUpTo = 0, maxAll = 0;
        for (size_t w = 0; w < nw; ++w) {
            const size_t i = s.workersAxis == 0 ? w * n1 + l : l * n1 + w;
            line.points.push_back(i);
            const SweepPointSummary& p = s.points[i];
            if (!p.speedup) continue;
            all.emplace_back(*p.processorRatio, *p.speedup);
            maxAll = std::max(maxAll, p.config.workers);
            if (p.config.workers <= s.cores) {
                upTo.emplace_back(*p.processorRatio, *p.speedup);
                maxUpTo = std::max(maxUpTo, p.config.workers);
            }
        }
        line.fitUpToCores = fitAmdahl(upTo);
        line.fitUpToCores.maxWorkers = maxUpTo;
        line.fitAll = fitAmdahl(all);
        line.fitAll.maxWorkers = maxAll;
        s.lines.push_back(std::move(line));
    }
    return s;
}

std::string toJson(const SweepSummary& s) {
    std::string out = "{\"sweep\":{\"settings\":[";
    for (size_t a = 0; a < s.plan.axes.size(); ++a)
        out += (a ? ",\"" : "\"") + std::string(s.plan.axes[a].row->reportKey) + "\"";
    out += "],\"values\":[";
    for (size_t a = 0; a < s.plan.axes.size(); ++a) {
        out += a ? ",[" : "[";
        for (size_t v = 0; v < s.plan.axes[a].values.size(); ++v)
            out += (v ? "," : "") + valueJson(*s.plan.axes[a].row, s.plan.axes[a].values[v]);
        out += "]";
    }
    out += "],\"repeat\":" + std::to_string(s.plan.repeat) +
           ",\"cores\":" + std::to_string(s.cores) +
           ",\"runs\":" + std::to_string(s.plan.order.size()) + "},\"points\":[";
    for (size_t i = 0; i < s.points.size(); ++i) {
        const SweepPointSummary& p = s.points[i];
        out += i ? ",{" : "{";
        out += "\"config\":" + configJson(p.config) + ",\"runs\":" + std::to_string(p.runs) +
               ",\"failed\":" + std::to_string(p.failed) + ",\"errors\":[";
        for (size_t e = 0; e < p.errors.size(); ++e)
            out += (e ? ",\"" : "\"") + jsonEscape(p.errors[e]) + "\"";
        const bool ran = p.runs > 0;
        const auto fig = [&](double v) { return ran ? jsonNumber(v) : "null"; };
        out += "],\"compute_seconds\":" +
               (ran ? "{\"median\":" + jsonNumber(p.compute.median) + ",\"min\":" +
                          jsonNumber(p.compute.min) + ",\"max\":" + jsonNumber(p.compute.max) + "}"
                    : std::string("null")) +
               ",\"throughput\":" + fig(p.throughput) + ",\"speedup\":" + opt(p.speedup) +
               ",\"efficiency\":" + opt(p.efficiency) + ",\"karp_flatt\":" + opt(p.karpFlatt) +
               ",\"imbalance\":" + fig(p.imbalance) + ",\"cpu_seconds\":" + fig(p.cpuSeconds) +
               ",\"lock\":{\"acquisitions\":" + std::to_string(p.lock.acquisitions) +
               ",\"contended\":" + std::to_string(p.lock.contended) +
               ",\"wait_ns\":" + std::to_string(p.lock.waitNs) +
               ",\"contended_percent\":" + fig(contendedPercent(p.lock)) +
               ",\"wait_share\":" + fig(p.waitShare) +
               "},\"mismatches\":" + std::to_string(p.mismatches) +
               ",\"lost_updates\":" + std::to_string(p.lostUpdates) +
               ",\"cpu_share\":" + opt(p.cpuShare) + ",\"caveats\":" + caveatsJson(p.caveats) + "}";
    }
    std::string caveats = "[";
    for (size_t i = 0; i < s.points.size(); ++i)
        for (const Caveat& c : s.points[i].caveats)
            caveats += std::string(caveats.size() > 1 ? "," : "") +
                       "{\"point\":" + std::to_string(i) + ",\"code\":\"" + jsonEscape(c.code) +
                       "\",\"text\":\"" + jsonEscape(c.text) + "\"}";
    caveats += "]";
    out += "],\"caveats\":" + caveats + ",\"fit\":";
    const std::string machine = ",\"machine\":" + machineJson(s.machine);
    if (s.lines.empty()) return out + "null,\"lines\":[]" + machine + "}";
    const auto lineFit = [](const SweepLine& l) {
        std::string f = fitJson(l.fitUpToCores);
        if (f == "null") return f;
        f.pop_back();
        return f + ",\"all\":" + fitJson(l.fitAll) + "}";
    };
    out += lineFit(s.lines.front()) + ",\"lines\":[";
    for (size_t l = 0; l < s.lines.size(); ++l) {
        out += l ? ",{\"points\":[" : "{\"points\":[";
        for (size_t k = 0; k < s.lines[l].points.size(); ++k)
            out += (k ? "," : "") + std::to_string(s.lines[l].points[k]);
        out += "],\"fit\":" + lineFit(s.lines[l]) + "}";
    }
    return out + "]" + machine + "}";
}

std::string toText(const SweepSummary& s) {
    std::string out = "sweep:";
    for (const SweepAxis& a : s.plan.axes) {
        out += " " + std::string(a.row->name) + " =";
        for (size_t v = 0; v < a.values.size(); ++v)
            out += (v ? ", " : " ") + valueText(*a.row, a.values[v]);
        out += ";";
    }
    out += " " + std::to_string(s.plan.repeat) + " runs per point, interleaved; " +
           std::to_string(s.cores) + " cores\n\n";
    std::string head;
    for (const SweepAxis& a : s.plan.axes)
        head += padded(std::string(a.row->name), 12);
    out += head + padded("compute s (min-max)", 26) + padded("speedup", 7, true) +
           padded("effic.", 6, true) + padded("Karp-Flatt", 10, true) +
           padded("throughput", 10, true) + padded("imbal.", 6, true) + padded("CPU s", 7, true) +
           " result\n";
    for (const SweepPointSummary& p : s.points) {
        std::string row;
        for (const SweepAxis& a : s.plan.axes)
            row += padded(valueText(*a.row, a.row->get(p.config)), 12);
        const auto cell = [](const std::optional<double>& v, const char* f, size_t w) {
            return padded(v ? fmt(f, *v) : "-", w, true);
        };
        if (p.runs) {
            row += padded(fmt("%.4f", p.compute.median) + fmt(" (%.4f", p.compute.min) +
                              fmt("-%.4f)", p.compute.max),
                          26);
            // A tiny negative Karp–Flatt (a speedup a hair above ideal) prints as 0.000.
            const std::optional<double> kf =
                p.karpFlatt && std::abs(*p.karpFlatt) < 5e-4 ? 0.0 : p.karpFlatt;
            row += cell(p.speedup, "%.2f", 7) + cell(p.efficiency, "%.2f", 6) +
                   cell(kf, "%.3f", 10) + padded(rateText(p.throughput), 10, true) +
                   padded(fmt("%.2f", p.imbalance), 6, true) +
                   padded(fmt("%.3f", p.cpuSeconds), 7, true);
        } else {
            row += padded("-", 26) + padded("-", 7, true) + padded("-", 6, true) +
                   padded("-", 10, true) + padded("-", 10, true) + padded("-", 6, true) +
                   padded("-", 7, true);
        }
        out += row + " " + resultText(p) + "\n";
    }
    for (size_t l = 0; l < s.lines.size(); ++l) {
        const SweepLine& ln = s.lines[l];
        if (!ln.fitUpToCores.valid && !ln.fitAll.valid) continue;
        out += "\nAmdahl fit";
        if (s.lines.size() > 1) {
            const SweepAxis& other = s.plan.axes[1 - s.workersAxis];
            out += " (" + std::string(other.row->name) + "=" +
                   valueText(*other.row, other.row->get(s.points[ln.points.front()].config)) + ")";
        }
        if (ln.fitUpToCores.valid)
            out += fmt(": serial fraction %.3f", ln.fitUpToCores.serialFraction) +
                   fmt(" (rmse %.3f", ln.fitUpToCores.rmse) + ", up to " +
                   std::to_string(ln.fitUpToCores.maxWorkers) + " workers)";
        if (ln.fitAll.valid)
            out += fmt("; over all points %.3f", ln.fitAll.serialFraction) +
                   fmt(" (rmse %.3f)", ln.fitAll.rmse);
        // Amdahl's law never predicts a slowdown: say so rather than let f = 1 look like a fit.
        const bool slower = std::any_of(ln.points.begin(), ln.points.end(), [&](size_t i) {
            return s.points[i].speedup && *s.points[i].speedup < 0.95;
        });
        if (slower) out += "\n  slower with more workers: contention, beyond Amdahl's model";
        out += "\n";
    }
    const std::vector<std::string> caveats = caveatLines(s);
    if (!caveats.empty()) out += "\n";
    for (const std::string& c : caveats)
        out += "caveat: " + c + "\n";
    return out;
}

std::vector<std::string> caveatLines(const SweepSummary& s) {
    std::vector<std::string> out;
    std::vector<std::string> baselineSaid; // the starved-baseline sentence, once per baseline
    for (size_t i = 0; i < s.points.size(); ++i)
        for (const Caveat& c : s.points[i].caveats) {
            if (c.code == "baseline_cpu_share_low") {
                if (std::find(baselineSaid.begin(), baselineSaid.end(), c.text) !=
                    baselineSaid.end())
                    continue;
                baselineSaid.push_back(c.text);
                out.push_back(c.text);
                continue;
            }
            out.push_back(pointName(s.plan, i) + ": " + c.text);
        }
    return out;
}

std::string toCsv(const SweepSummary& s) {
    std::string out;
    for (const SweepAxis& a : s.plan.axes)
        out += std::string(a.row->reportKey) + ",";
    out += "compute_median_s,compute_min_s,compute_max_s,throughput_per_s,speedup,efficiency,"
           "karp_flatt,imbalance,cpu_seconds,lock_acquisitions,lock_contended_percent,"
           "lock_wait_share,mismatches,lost_updates,runs,failed\n";
    const auto opt = [](const std::optional<double>& v) { return v ? jsonNumber(*v) : ""; };
    for (const SweepPointSummary& p : s.points) {
        for (const SweepAxis& a : s.plan.axes)
            out += valueText(*a.row, a.row->get(p.config)) + ",";
        const auto fig = [&](double v) { return p.runs ? jsonNumber(v) : std::string(); };
        out += fig(p.compute.median) + "," + fig(p.compute.min) + "," + fig(p.compute.max) + "," +
               fig(p.throughput) + "," + opt(p.speedup) + "," + opt(p.efficiency) + "," +
               opt(p.karpFlatt) + "," + fig(p.imbalance) + "," + fig(p.cpuSeconds) + "," +
               std::to_string(p.lock.acquisitions) + "," + fig(contendedPercent(p.lock)) + "," +
               fig(p.waitShare) + "," + std::to_string(p.mismatches) + "," +
               std::to_string(p.lostUpdates) + "," + std::to_string(p.runs) + "," +
               std::to_string(p.failed) + "\n";
    }
    return out;
}

} // namespace shm
