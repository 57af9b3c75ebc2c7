// fuzz_inputs [--seconds S] [--iterations N] [--seed S]
//
// A seeded mutation fuzzer for the two inputs an outsider controls (no libFuzzer needed; built
// with AddressSanitizer + UBSan, see CMakeLists.txt):
//   config   --config files and flags: valid files and flag lines mutated byte-wise and
//            token-wise, parsed in process. The parser must either refuse with one line or
//            return a configuration that validate() accepts.
//   segment  a real segment whose header, worker slots, ring headers and events are mutated
//            before Segment::attach(): attach must refuse with a SegmentError or hand out a
//            segment whose every region lies inside the mapping; what a controller then reads
//            (worker records, drained events) goes through the analysis layer (lock activity,
//            lanes, wait histogram), which must stay in bounds and keep lanes within 0..1.
// Half the time goes to each. Any sanitizer report, crash or broken invariant fails (exit 1);
// the seed is printed so a failure can be replayed.
#include "analysis/lock_lanes.h"
#include "analysis/wait_histogram.h"
#include "cli/cli_options.h"
#include "segment/event_ring.h"
#include "segment/segment.h"
#include "segment/snapshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <random>
#include <unistd.h>

namespace {

std::mt19937_64 g_rng;
uint64_t pick(uint64_t lo, uint64_t hi) {
    return std::uniform_int_distribution<uint64_t>(lo, hi)(g_rng);
}

[[noreturn]] void broken(const char* target, const std::string& what, const QByteArray& input) {
    std::fprintf(stderr, "fuzz_inputs: %s: %s\ninput (%d bytes): %.*s\n", target, what.c_str(),
                 int(input.size()), int(std::min<qsizetype>(input.size(), 400)), input.constData());
    std::exit(1);
}

// Values that have broken parsers before: limits, signs, exponents, types, empties.
const char* const kTokens[] = {
    "0",          "-1",      "1e309",       "18446744073709551616",
    "4294967297", "1.5",     "-0",          "null",
    "true",       "false",   "\"\"",        "\"none\"",
    "[]",         "{}",      "\"\\u0000\"", "9e18",
    "NaN",        "\"1\"",   "65",          "64",
    "\"x\"",      "{\"a\":", "]",
};

QByteArray mutate(QByteArray s) {
    const int edits = int(pick(1, 4));
    for (int e = 0; e < edits; ++e) {
        const qsizetype at = s.isEmpty() ? 0 : qsizetype(pick(0, uint64_t(s.size()) - 1));
        switch (pick(0, 5)) {
        case 0: // flip a bit
            if (!s.isEmpty()) s[at] = char(s[at] ^ char(1 << pick(0, 7)));
            break;
        case 1: // delete a run
            s.remove(at, qsizetype(pick(1, 8)));
            break;
        case 2: // insert a token
            s.insert(at, kTokens[pick(0, std::size(kTokens) - 1)]);
            break;
        case 3: { // replace a number or word with a token
            qsizetype end = at;
            while (end < s.size() && s[end] != ',' && s[end] != '}')
                ++end;
            s.replace(at, end - at, kTokens[pick(0, std::size(kTokens) - 1)]);
            break;
        }
        case 4: // duplicate a slice (repeated keys, nesting)
            s.insert(at, s.mid(qsizetype(pick(0, uint64_t(s.size()))), qsizetype(pick(1, 40))));
            break;
        default: // a random byte
            s.insert(at, char(pick(0, 255)));
        }
    }
    return s;
}

// A valid config file naming every setting (from the table, so new settings are fuzzed too).
QByteArray validConfig() {
    QByteArray s = "{";
    shm::ExperimentConfig c;
    c.elements = 1000;
    bool first = true;
    for (const shm::SettingRow& r : shm::kSettings) {
        if (!first) s += ',';
        first = false;
        const std::string v = shm::settingText(r, c);
        const bool quoted = r.kind == shm::SettingKind::Enum;
        s += '"' + QByteArray::fromStdString(std::string(r.reportKey)) + "\":";
        s += quoted ? '"' + QByteArray::fromStdString(v) + '"'
                    : QByteArray::fromStdString(shm::isNone(r, r.get(c)) ? "null" : v);
    }
    return s + '}';
}

void fuzzConfig(const QString& dir, const std::vector<QByteArray>& corpus, uint64_t& runs) {
    const QByteArray input = mutate(corpus[pick(0, corpus.size() - 1)]);
    const QString path = dir + QStringLiteral("/c.json");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) broken("config", "cannot write", {});
    f.write(input);
    f.close();
    QStringList args{QStringLiteral("--headless"), QStringLiteral("--config"), path};
    // Sometimes a flag too, with a mutated value: flags are parsed by the same table.
    if (pick(0, 1)) {
        const shm::SettingRow& r = shm::kSettings[pick(0, std::size(shm::kSettings) - 1)];
        args << QStringLiteral("--") + QString::fromStdString(std::string(r.name))
             << QString::fromLatin1(mutate(QByteArray(kTokens[pick(0, std::size(kTokens) - 1)])));
    }
    const CliParse p = parseCommandLine(args);
    ++runs;
    if (!p.error.isEmpty()) {
        if (p.error.contains(QLatin1Char('\n'))) broken("config", "a two-line error", input);
        return;
    }
    if (const auto err = shm::validate(p.options.config))
        broken("config", "accepted a configuration validate() refuses: " + *err, input);
}

// One valid segment, then per iteration: restore it, mutate, attach, read like a controller.
struct SegmentTarget {
    std::string name;
    std::unique_ptr<shm::Segment> seg;
    std::vector<unsigned char> pristine;
    uint64_t attached = 0, refused = 0, events = 0;

    void make(uint32_t workers, shm::SyncMode sync) {
        seg.reset();
        shm::ExperimentConfig c;
        c.workers = workers;
        c.elements = 4096;
        c.sync = sync;
        seg = shm::Segment::create(name, c);
        // Header, slots and rings (with events): everything before the locks.
        const auto* base = reinterpret_cast<const unsigned char*>(&seg->header());
        pristine.assign(base, base + seg->header().locksOffset);
    }

    void iterate() {
        auto* base = reinterpret_cast<unsigned char*>(&seg->header());
        std::memcpy(base, pristine.data(), pristine.size());
        const shm::SegmentHeader& h = seg->header();
        const uint32_t workers = h.workers;
        // Header bytes (the validation), or what a live worker writes (slots, rings, events).
        if (pick(0, 2) == 0) {
            for (int i = int(pick(1, 6)); i > 0; --i)
                base[pick(0, sizeof(shm::SegmentHeader) - 1)] = uint8_t(pick(0, 255));
        } else {
            for (uint32_t k = 0; k < workers; ++k) {
                auto* slot = reinterpret_cast<unsigned char*>(&seg->slot(k));
                for (int i = int(pick(0, 8)); i > 0; --i)
                    slot[pick(0, sizeof(shm::WorkerSlot) - 1)] = uint8_t(pick(0, 255));
                shm::RingHeader& rh = seg->ring(k);
                const uint64_t tail = pick(0, 3) ? 0 : pick(0, ~uint64_t(0));
                rh.tail.store(tail);
                rh.head.store(pick(0, 1) ? tail + pick(0, 300) : pick(0, ~uint64_t(0)));
                shm::Event* ev = seg->ringEvents(k);
                uint64_t t = pick(0, 1'000'000);
                for (uint64_t i = 0; i < 300; ++i) {
                    t += pick(0, 3) ? pick(0, 5000) : pick(0, ~uint64_t(0) >> 8);
                    ev[(tail + i) & (shm::kRingCapacity - 1)] = {
                        pick(0, 7) ? t : pick(0, ~uint64_t(0)), uint32_t(pick(0, 4)),
                        uint32_t(pick(0, 3) ? pick(0, 20) : pick(0, ~uint32_t(0)))};
                }
            }
        }
        std::unique_ptr<shm::Segment> a;
        try {
            a = shm::Segment::attach(name);
        } catch (const shm::SegmentError&) {
            ++refused;
            return;
        }
        ++attached;
        const shm::ExperimentConfig c = a->config();
        if (const auto err = shm::validate(c))
            broken("segment", "attach accepted an invalid configuration: " + *err, {});
        shm::LockActivity act;
        act.reset(c.workers, c.sync == shm::SyncMode::Striped ? 1 + c.stripes : 1, c.sync, 64);
        shm::WaitHistogram hist;
        hist.reset(c.workers);
        std::vector<shm::Event> got;
        for (uint32_t k = 0; k < c.workers; ++k) {
            (void)shm::readWorker(*a, k);
            got.clear();
            const size_t n = shm::drainEvents(*a, k, got);
            if (n > shm::kRingCapacity) broken("segment", "drained more than a ring holds", {});
            events += n;
            act.consume(k, got.data(), got.size());
            hist.consume(k, got.data(), got.size());
            if (pick(0, 1)) act.endWorker(k, pick(0, ~uint64_t(0)));
        }
        const shm::TimeColumns w{double(pick(0, 1'000'000)), double(pick(1'000'001, 1ull << 40)),
                                 int(pick(1, 300))};
        for (const shm::LockLane& lane : shm::lockLanes(act, w, pick(0, ~uint64_t(0))))
            for (double v : lane.cover)
                if (!(v >= 0 && v <= 1.0001))
                    broken("segment", "a lock lane covers " + std::to_string(v), {});
        for (uint32_t k = 0; k < c.workers; ++k)
            for (double v : shm::workerCoverage(act, k, shm::Activity::Hold, w, 0))
                if (!(v >= 0 && v <= 1.0001))
                    broken("segment", "a worker lane covers " + std::to_string(v), {});
    }
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    double seconds = 10;
    uint64_t iterations = 0; // 0 = until the time is up
    uint64_t seed = std::random_device{}();
    const QStringList a = app.arguments();
    for (int i = 1; i < a.size(); ++i) {
        const bool more = i + 1 < a.size();
        if (a[i] == QLatin1String("--seconds") && more)
            seconds = a[++i].toDouble();
        else if (a[i] == QLatin1String("--iterations") && more)
            iterations = a[++i].toULongLong();
        else if (a[i] == QLatin1String("--seed") && more)
            seed = a[++i].toULongLong();
        else {
            std::fprintf(stderr, "usage: fuzz_inputs [--seconds S] [--iterations N] [--seed S]\n");
            return 2;
        }
    }
    g_rng.seed(seed);
    std::printf("fuzz_inputs: seed %llu, %.0f s%s\n", (unsigned long long)seed, seconds,
                iterations ? " (or the iteration count)" : "");
    std::fflush(stdout);

    QTemporaryDir dir;
    std::vector<QByteArray> corpus{validConfig(), "{}", "{\"workers\": 8, \"sync\": \"mutex\"}"};
    for (const QString& n :
         QDir(QStringLiteral(SHMSCOPE_TEST_DATA)).entryList({QStringLiteral("*.json")})) {
        QFile f(QStringLiteral(SHMSCOPE_TEST_DATA "/") + n);
        if (f.open(QIODevice::ReadOnly)) corpus.push_back(f.readAll());
    }
    SegmentTarget seg;
    seg.name = "shmscope-" + std::to_string(getpid()) + "-fuzz";
    const shm::SyncMode syncs[] = {shm::SyncMode::Mutex, shm::SyncMode::Striped,
                                   shm::SyncMode::Spin, shm::SyncMode::Robust};

    uint64_t configRuns = 0, segmentRuns = 0;
    QElapsedTimer t;
    t.start();
    for (uint64_t i = 0; iterations ? i < iterations : t.elapsed() < seconds * 1000; ++i) {
        if (i % 2 == 0) {
            fuzzConfig(dir.path(), corpus, configRuns);
        } else {
            if (segmentRuns % 2000 == 0) seg.make(uint32_t(pick(1, 4)), syncs[pick(0, 3)]);
            seg.iterate();
            ++segmentRuns;
        }
    }
    seg.seg.reset(); // removes the segment
    std::printf("config: %llu inputs parsed; segment: %llu mutated segments (%llu attached, "
                "%llu refused, %llu events through the analysis) in %.1f s: no failure\n",
                (unsigned long long)configRuns, (unsigned long long)segmentRuns,
                (unsigned long long)seg.attached, (unsigned long long)seg.refused,
                (unsigned long long)seg.events, double(t.elapsed()) / 1000);
    return 0;
}
