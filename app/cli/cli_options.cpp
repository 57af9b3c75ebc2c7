#include "cli_options.h"

#include "segment.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace {

bool isSetting(const QString& name) {
    for (auto n : shm::kSettingNames)
        if (name == QLatin1String(n.data(), qsizetype(n.size()))) return true;
    return false;
}

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

// A config file's keys may use '-' or '_' ("lock-scope" or "lock_scope").
QString applyConfigFile(const QString& path, CliOptions& o) {
    QFile f(path);
    if (!f.exists()) return QStringLiteral("--config: file '%1' does not exist").arg(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("--config: cannot read '%1': %2").arg(path, f.errorString());
    const QByteArray bytes = f.read(16 << 20);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return QStringLiteral("--config: '%1' is not valid JSON (%2 at offset %3)")
            .arg(path, perr.errorString())
            .arg(perr.offset);
    if (!doc.isObject())
        return QStringLiteral("--config: '%1' must hold a JSON object of settings").arg(path);
    const QJsonObject obj = doc.object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        QString key = it.key();
        key.replace(QLatin1Char('_'), QLatin1Char('-'));
        if (!isSetting(key))
            return QStringLiteral("--config: unknown field '%1' in '%2'").arg(it.key(), path);
        const QJsonValue v = it.value();
        QString text;
        const bool wantsBool = key == QLatin1String("instrument");
        const bool wantsString = key == QLatin1String("workload") ||
                                 key == QLatin1String("partition") ||
                                 key == QLatin1String("sync") || key == QLatin1String("lock-scope");
        if (wantsBool) {
            if (!v.isBool())
                return QStringLiteral("--config: field '%1' must be true or false").arg(it.key());
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else if (wantsString) {
            if (!v.isString())
                return QStringLiteral("--config: field '%1' must be a string (%2)")
                    .arg(it.key(), fromStd(shm::allowedValues(key.toStdString())));
            text = v.toString();
        } else {
            const double d = v.toDouble(std::nan(""));
            if (!v.isDouble() || std::floor(d) != d)
                return QStringLiteral("--config: field '%1' must be a whole number").arg(it.key());
            if (d < 0 || d > 1.8e19)
                return QStringLiteral("--config: field '%1' is out of range").arg(it.key());
            text = QString::number(qulonglong(d));
        }
        if (auto err = shm::applySetting(o.config, key.toStdString(), text.toStdString()))
            return QStringLiteral("--config '%1': ").arg(path) + fromStd(*err);
        o.settingsGiven << key;
    }
    return {};
}

} // namespace

CliParse parseCommandLine(const QStringList& args) {
    CliParse r;
    CliOptions& o = r.options;
    QList<QPair<QString, QString>> settings; // applied after the config file
    auto fail = [&](const QString& msg) {
        r.error = msg;
        return r;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString a = args[i];
        QString inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            inlineValue = a.mid(eq + 1);
            a = a.left(eq);
            hasInline = true;
        }
        auto value = [&](QString* out) -> bool {
            if (hasInline) {
                *out = inlineValue;
                return true;
            }
            if (i + 1 >= args.size()) return false;
            *out = args[++i];
            return true;
        };
        const auto noValue = [&]() { return !hasInline; };
        if (a == QLatin1String("--headless") && noValue())
            o.headless = true;
        else if (a == QLatin1String("--json") && noValue())
            o.json = true;
        else if ((a == QLatin1String("--help") || a == QLatin1String("-h")) && noValue())
            o.help = true;
        else if ((a == QLatin1String("--version") || a == QLatin1String("-v")) && noValue())
            o.version = true;
        else if (a == QLatin1String("--no-instrument") && noValue())
            settings.append({QStringLiteral("instrument"), QStringLiteral("false")});
        else if (a == QLatin1String("--config")) {
            if (!value(&o.configFile) || o.configFile.isEmpty())
                return fail(QStringLiteral("--config needs a file name"));
        } else if (a == QLatin1String("--screenshot")) {
            if (!value(&o.screenshot) || o.screenshot.isEmpty())
                return fail(QStringLiteral("--screenshot needs an output file name"));
        } else if (a == QLatin1String("--view")) {
            if (!value(&o.view)) return fail(QStringLiteral("--view needs a value"));
            static const QStringList views{QStringLiteral("window"), QStringLiteral("progress"),
                                           QStringLiteral("array"), QStringLiteral("contention")};
            if (!views.contains(o.view))
                return fail(
                    QStringLiteral(
                        "--view: unknown value '%1' (expected window|progress|array|contention)")
                        .arg(o.view));
        } else if (a == QLatin1String("--size")) {
            QString v;
            if (!value(&v)) return fail(QStringLiteral("--size needs WIDTHxHEIGHT"));
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
            const auto m = re.match(v);
            const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
            const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
            if (w < 320 || h < 240 || w > 8192 || h > 8192)
                return fail(
                    QStringLiteral("--size: '%1' is not WIDTHxHEIGHT between 320x240 and 8192x8192")
                        .arg(v));
            o.size = QSize(w, h);
        } else if (a == QLatin1String("--at-ms") || a == QLatin1String("--bench-frames")) {
            QString v;
            if (!value(&v)) return fail(a + QStringLiteral(" needs a number"));
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok || n < (a == QLatin1String("--at-ms") ? 0 : 1) || n > 100'000'000)
                return fail(QStringLiteral("%1: '%2' is not a valid count").arg(a, v));
            (a == QLatin1String("--at-ms") ? o.atMs : o.benchFrames) = n;
        } else if (a.startsWith(QLatin1String("--")) && isSetting(a.mid(2))) {
            QString v;
            if (!value(&v)) return fail(a + QStringLiteral(" needs a value"));
            settings.append({a.mid(2), v});
        } else {
            return fail(QStringLiteral("unknown option '%1' (see --help)").arg(args[i]));
        }
    }
    if (!o.configFile.isEmpty())
        if (QString err = applyConfigFile(o.configFile, o); !err.isEmpty()) return fail(err);
    for (const auto& [name, v] : settings) {
        if (auto err = shm::applySetting(o.config, name.toStdString(), v.toStdString()))
            return fail(fromStd(*err));
        o.settingsGiven << name;
    }
    if (o.help || o.version) return r;
    if (auto err = shm::validate(o.config)) return fail(fromStd(*err));
    if (auto err = shm::checkFits(o.config)) return fail(fromStd(*err));
    return r;
}

QString helpText() {
    return QStringLiteral(
        "Usage: shmscope [options]\n"
        "Watch worker processes share one shared-memory array: progress, values, lock contention.\n"
        "\n"
        "Modes:\n"
        "  (none)                 open the window, preset with the experiment options below\n"
        "  --headless [--json]    run one experiment without a window and print a report\n"
        "  --screenshot OUT.png   run, render a view to a PNG and exit (works offscreen)\n"
        "      --view window|progress|array|contention   (default window)\n"
        "      --size WxH         (default 1600x1000)   --at-ms T  capture T ms after start\n"
        "  --bench-frames N       time N GUI frames of a running experiment and print figures\n"
        "  --help, --version\n"
        "\n"
        "Experiment:\n"
        "  --workers N            worker processes, 1-64 (4)\n"
        "  --elements N           array length, up to what fits in /dev/shm (1000000)\n"
        "  --workload W           sin|wave|histogram|mandelbrot (wave)\n"
        "  --bins N               histogram bins (64)\n"
        "  --partition P          block|cyclic|block-cyclic|dynamic|guided (block)\n"
        "  --chunk N              elements per chunk/claim (1024)\n"
        "  --sync S               none|mutex|striped|spin|atomic (none)\n"
        "  --stripes N            locks for --sync striped (16)\n"
        "  --lock-scope S         element|chunk: what one critical section covers (element)\n"
        "  --delay-us N           extra microseconds per element: slow motion (0)\n"
        "  --no-instrument        do not time locks or record lock events\n"
        "  --config FILE.json     settings as a JSON object, e.g. {\"workers\": 8, \"sync\": "
        "\"mutex\"};\n"
        "                         flags given on the command line win\n"
        "\n"
        "Exit codes: 0 run finished (mismatches included), 2 invalid input, 3 run failed.\n");
}
