#include "bench_recording.h"

#include "bench_process.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// compute_seconds of `shmscope --headless --json FLAGS [--record file]`; -1 if it failed.
double computeSeconds(const QString& app, const QStringList& flags, const QString& record) {
    QStringList argv{app, QStringLiteral("--headless"), QStringLiteral("--json")};
    argv += flags;
    if (!record.isEmpty()) argv << QStringLiteral("--record") << record;
    const auto out = bench::outputOf(argv);
    if (!out) return -1;
    const QJsonObject j = QJsonDocument::fromJson(out->toUtf8()).object();
    return j[QLatin1String("compute_seconds")].toDouble(-1);
}

QStringList split(const char* flags) {
    return QString::fromLatin1(flags).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

namespace bench {

void recordingRows(int repeat, bool quick, const QString& binDir) {
    const QString app = binDir + QStringLiteral("/../../app/shmscope");
    QTemporaryDir dir;
    struct Case {
        const char* what;
        const char* flags;
        const char* quickFlags;
        double goal;
    };
    const Case cases[] = {{"seed job", "--workers 2 --workload sin --elements 10000000",
                           "--workers 2 --workload sin --elements 200000", 1.05},
                          {"4 workers, mutex", "--workers 4 --sync mutex --elements 1000000",
                           "--workers 4 --sync mutex --elements 50000", 1.10}};
    for (const Case& c : cases) {
        const QStringList flags = split(quick ? c.quickFlags : c.flags);
        const QString file = dir.filePath(QStringLiteral("run.shmscope"));
        std::vector<double> on, off;
        qint64 bytes = 0;
        for (int r = 0; r < repeat; ++r) { // interleaved: drift hits both sides alike
            off.push_back(computeSeconds(app, flags, {}));
            on.push_back(computeSeconds(app, flags, file));
            bytes = std::max(bytes, QFileInfo(file).size());
            QFile::remove(file);
        }
        if (*std::min_element(on.begin(), on.end()) < 0 ||
            *std::min_element(off.begin(), off.end()) < 0) {
            std::printf("recording, %s: a run failed\n", c.what);
            continue;
        }
        std::printf("recording, %s (%s; compute seconds, median of %d, interleaved)\n"
                    "  --record on %8.4f s  off %8.4f s  ratio %6.3fx  (goal <= %.2fx)\n"
                    "  file size   %8.1f MB\n",
                    c.what, qPrintable(flags.join(QLatin1Char(' '))), repeat, median(on),
                    median(off), median(on) / std::max(median(off), 1e-9), c.goal,
                    double(bytes) / 1e6);
    }

    // The big one: 64 workers on one mutex. Its size, then opening it in the window offscreen.
    const QStringList big = split(quick ? "--workers 64 --sync mutex --elements 20000"
                                        : "--workers 64 --sync mutex --elements 10000000");
    const QString file = dir.filePath(QStringLiteral("big.shmscope"));
    if (computeSeconds(app, big, file) < 0) {
        std::printf("recording, 64 workers: the run failed\n");
        return;
    }
    std::printf("recording, 64 workers, mutex (%s)\n  file size   %8.1f MB  (goal <= 200)\n",
                qPrintable(big.join(QLatin1Char(' '))), double(QFileInfo(file).size()) / 1e6);
    const auto out =
        bench::outputOf({app, QStringLiteral("--open"), file, QStringLiteral("--bench-scrub"),
                         quick ? QStringLiteral("5") : QStringLiteral("50")},
                        {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    if (!out) {
        std::printf("  opening it: the scrub benchmark failed\n");
        return;
    }
    std::printf("  open to first picture %8.1f ms  (goal <= 2000)\n"
                "  slider redraw median  %8.1f ms  (goal <= 50)\n",
                figureAfter(*out, {}, QStringLiteral("first picture ")),
                figureAfter(*out, {}, QStringLiteral("redraw median ")));
}

} // namespace bench
