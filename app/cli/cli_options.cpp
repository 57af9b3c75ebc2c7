#include "cli/cli_options.h"

#include "analysis/csv_export.h"
#include "cli/compare_with.h"
#include "cli/config_json.h"
#include "segment/segment.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace {

// The row for a flag name (without "--"), or nullptr.
const shm::SettingRow* settingFor(const QString& name) {
    return shm::findSetting(name.toStdString());
}

// "--no-NAME" for a boolean row: the same as "--NAME false" (--no-instrument is published).
const shm::SettingRow* negatedBool(const QString& arg) {
    if (!arg.startsWith(QLatin1String("--no-"))) return nullptr;
    const shm::SettingRow* r = settingFor(arg.mid(5));
    return r && r->kind == shm::SettingKind::Bool ? r : nullptr;
}

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

constexpr qint64 kMaxConfigBytes = 16 << 20;

// A config file's keys may use '-' or '_' ("lock-scope" or "lock_scope").
QString applyConfigFile(const QString& path, CliOptions& o, QStringList& warnings) {
    QFile f(path);
    if (!f.exists()) return QStringLiteral("--config: file '%1' does not exist").arg(path);
    // Not a FIFO or a device (reading one blocks or never ends), and not cut at the read limit.
    const QFileInfo info(path);
    if (!info.isFile()) return QStringLiteral("--config: '%1' is not a regular file").arg(path);
    if (info.size() > kMaxConfigBytes)
        return QStringLiteral("--config: '%1' is larger than 16 MiB").arg(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("--config: cannot read '%1': %2").arg(path, f.errorString());
    const QByteArray bytes = f.read(kMaxConfigBytes);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return QStringLiteral("--config: '%1' is not valid JSON (%2 at offset %3)")
            .arg(path, perr.errorString())
            .arg(perr.offset);
    if (!doc.isObject())
        return QStringLiteral("--config: '%1' must hold a JSON object of settings").arg(path);
    const QJsonObject obj = doc.object();
    // QJsonDocument keeps the last of repeated keys without a word. The settings object is
    // flat, so in valid JSON a quoted key followed by ':' is a key: count those.
    const QString text = QString::fromUtf8(bytes);
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QRegularExpression key(QLatin1Char('"') + QRegularExpression::escape(it.key()) +
                                     QStringLiteral("\"\\s*:"));
        if (text.count(key) > 1)
            warnings << QStringLiteral("--config '%1': field '%2' given more than once: the last "
                                       "one counts")
                            .arg(path, it.key());
    }
    return applySettingsObject(obj, o.config, QStringLiteral("--config"), path, &o.settingsGiven);
}

} // namespace

namespace {

// The options of the window's batch modes (--screenshot and --bench-frames), given the flag and
// its value. Returns a one-line error naming the flag, or nothing.
QString applyWindowOption(const QString& a, const QString& v, CliOptions& o) {
    if (a == QLatin1String("--screenshot")) {
        if (v.isEmpty()) return QStringLiteral("--screenshot needs an output file name");
        o.screenshot = v;
    } else if (a == QLatin1String("--view")) {
        static const QStringList views{QStringLiteral("window"), QStringLiteral("progress"),
                                       QStringLiteral("array"), QStringLiteral("contention"),
                                       QStringLiteral("sweep")};
        if (!views.contains(v))
            return QStringLiteral("--view: unknown value '%1' (expected "
                                  "window|progress|array|contention|sweep)")
                .arg(v);
        o.view = v;
    } else if (a == QLatin1String("--size")) {
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = re.match(v);
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 320 || h < 240 || w > 8192 || h > 8192)
            return QStringLiteral("--size: '%1' is not WIDTHxHEIGHT between 320x240 and 8192x8192")
                .arg(v);
        o.size = QSize(w, h);
    } else if (a == QLatin1String("--zoom")) {
        bool ok = false;
        const double z = v.toDouble(&ok);
        if (!ok || !(z >= 0.7 && z <= 3.0))
            return QStringLiteral("--zoom: '%1' is not a factor from 0.7 to 3").arg(v);
        o.zoom = z;
    } else { // --at-ms, --bench-frames
        bool ok = false;
        const int n = v.toInt(&ok);
        const bool atMs = a == QLatin1String("--at-ms");
        if (!ok || n < (atMs ? 0 : 1) || n > 100'000'000)
            return QStringLiteral("%1: '%2' is not a valid count").arg(a, v);
        (atMs ? o.atMs : o.benchFrames) = n;
    }
    return {};
}

// --sweep, --repeat, --csv, --compare-with with their value.
QString applySweepOption(const QString& a, const QString& v, CliOptions& o) {
    if (a == QLatin1String("--sweep")) {
        shm::SweepAxis axis;
        if (auto err = shm::parseSweepAxis(v.toStdString(), &axis)) return fromStd(*err);
        o.sweepAxes.push_back(axis);
    } else if (a == QLatin1String("--repeat")) {
        bool ok = false;
        const uint n = v.toUInt(&ok);
        if (!ok || n < 1 || n > shm::kMaxRepeat)
            return QStringLiteral("--repeat: '%1' is not a count from 1 to %2")
                .arg(v)
                .arg(shm::kMaxRepeat);
        o.repeat = n;
        o.repeatGiven = true;
    } else if (a == QLatin1String("--csv")) {
        o.csvFile = v;
    } else if (a == QLatin1String("--array-csv")) {
        o.arrayCsvFile = v;
    } else if (a == QLatin1String("--trace")) {
        o.traceFile = v;
    } else {
        o.compareWith = v;
    }
    return {};
}

bool isWindowOption(const QString& a) {
    for (const char* f :
         {"--screenshot", "--view", "--size", "--at-ms", "--bench-frames", "--zoom"})
        if (a == QLatin1String(f)) return true;
    return false;
}

// A flag without a value; false if `a` is none of them.
bool applySwitch(const QString& a, CliOptions& o, QList<QPair<QString, QString>>& settings) {
    if (a == QLatin1String("--headless"))
        o.headless = true;
    else if (a == QLatin1String("--json"))
        o.json = true;
    else if (a == QLatin1String("--help") || a == QLatin1String("-h"))
        o.help = true;
    else if (a == QLatin1String("--man"))
        o.man = true; // the build makes shmscope.1 with it
    else if (a == QLatin1String("--version") || a == QLatin1String("-v"))
        o.version = true;
    else if (a == QLatin1String("--list-lessons"))
        o.listLessons = true;
    else if (a == QLatin1String("--no-run"))
        o.noRun = true;
    else if (const auto* b = negatedBool(a)) // e.g. --no-instrument
        settings.append({fromView(b->name), QStringLiteral("false")});
    else
        return false;
    return true;
}

} // namespace

namespace {
// Which modes a sweep, --csv and --compare-with go with; the sweep's points are checked here,
// before anything runs.
QString checkSweepOptions(const CliOptions& o) {
    const bool sweep = !o.sweepAxes.empty();
    if (!sweep) {
        if (o.view == QLatin1String("sweep"))
            return QStringLiteral("--view sweep needs a --sweep to show");
        if (o.repeatGiven) return QStringLiteral("--repeat goes with --sweep");
    } else {
        if (!o.lessonId.isEmpty()) return QStringLiteral("--sweep does not take a --lesson");
        if (o.benchFrames > 0) return QStringLiteral("--bench-frames does not take a --sweep");
        if (!o.screenshot.isEmpty() && o.view != QLatin1String("window") &&
            o.view != QLatin1String("sweep"))
            return QStringLiteral("--sweep --screenshot renders --view window or sweep");
        if (!o.compareWith.isEmpty())
            return QStringLiteral("--compare-with compares one run: not with --sweep");
        if (!o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty())
            return QStringLiteral("--array-csv and --trace record one run: not with --sweep");
        if (!o.csvFile.isEmpty() && !o.screenshot.isEmpty())
            return QStringLiteral("--csv writes a headless sweep's points (in the window: File "
                                  "> Export Sweep Points)");
        shm::SweepPlan plan;
        if (auto err = shm::planSweep(o.config, o.sweepAxes, o.repeat, &plan)) return fromStd(*err);
    }
    const bool files =
        !o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty() || (!o.csvFile.isEmpty() && !sweep);
    if (files && (!o.lessonId.isEmpty() || !o.screenshot.isEmpty() || o.benchFrames > 0))
        return QStringLiteral("--csv, --array-csv and --trace write a headless run's results "
                              "(or a sweep's, for --csv)");
    if (!o.arrayCsvFile.isEmpty() && o.config.dataCount() > shm::kMaxArrayCsvRows)
        return QStringLiteral("--array-csv: %1 elements is more than the %2 a CSV file is "
                              "useful for; use --elements %2 or fewer")
            .arg(o.config.dataCount())
            .arg(shm::kMaxArrayCsvRows);
    if (!o.compareWith.isEmpty() && (!o.lessonId.isEmpty() || o.benchFrames > 0))
        return QStringLiteral("--compare-with goes with a single run (headless, a screenshot "
                              "or the window)");
    return {};
}

// --worker-command and its count: the program must exist, the count fit the workers.
QString checkWorkerCommand(const QString& text, uint32_t count, CliOptions& o) {
    if (text.isEmpty())
        return count ? QStringLiteral("--worker-command-count goes with --worker-command")
                     : QString();
    if (QString err = parseWorkerCommand(text, &o.workerCommand); !err.isEmpty()) return err;
    // A sweep's points may have more workers than the base; a point with fewer runs all of
    // them as the command (WorkerCommand::runs).
    if (count > o.config.workers && o.sweepAxes.empty())
        return QStringLiteral("--worker-command-count: %1 is more than the %2 workers")
            .arg(count)
            .arg(o.config.workers);
    if (!o.lessonId.isEmpty())
        return QStringLiteral("--worker-command does not take a --lesson (lessons run their "
                              "own workers)");
    o.workerCommand.count = count;
    return {};
}

// The pinned report is read now: a file that is not a report fails before anything runs.
QString loadCompareReport(CliOptions& o) {
    if (o.compareWith.isEmpty()) return {};
    return loadPinnedReport(o.compareWith, &o.compareReport);
}

CliParse parseArguments(const QStringList& args) {
    CliParse r;
    CliOptions& o = r.options;
    QList<QPair<QString, QString>> settings; // applied after the config file
    QString commandText;                     // --worker-command
    uint32_t commandCount = 0;               // --worker-command-count; 0 = not given
    auto fail = [&](const QString& msg) {
        r.error = msg;
        return r;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        // "--flag value" or "--flag=value"
        QString a = args[i];
        std::optional<QString> inlineValue;
        if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            inlineValue = a.mid(eq + 1);
            a = a.left(eq);
        }
        const auto value = [&]() -> std::optional<QString> {
            if (inlineValue) return inlineValue;
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (!inlineValue && applySwitch(a, o, settings)) continue;
        const bool isSetting = a.startsWith(QLatin1String("--")) && settingFor(a.mid(2));
        const bool isLesson = a == QLatin1String("--lesson") || a == QLatin1String("--lesson-file");
        const bool isCommand = a == QLatin1String("--worker-command") ||
                               a == QLatin1String("--worker-command-count") ||
                               a == QLatin1String("--mpi-args");
        const bool isSweep = a == QLatin1String("--sweep") || a == QLatin1String("--repeat") ||
                             a == QLatin1String("--csv") || a == QLatin1String("--compare-with") ||
                             a == QLatin1String("--array-csv") || a == QLatin1String("--trace");
        if (a != QLatin1String("--config") && !isWindowOption(a) && !isSetting && !isLesson &&
            !isSweep && !isCommand)
            return fail(QStringLiteral("unknown option '%1' (see --help)").arg(args[i]));
        const std::optional<QString> v = value();
        if (a == QLatin1String("--config")) {
            if (!v || v->isEmpty()) return fail(QStringLiteral("--config needs a file name"));
            o.configFile = *v;
        } else if (a == QLatin1String("--lesson")) {
            if (!v || v->isEmpty())
                return fail(QStringLiteral("--lesson needs a lesson id (see --list-lessons)"));
            o.lessonId = *v;
        } else if (a == QLatin1String("--worker-command")) {
            if (!v || v->trimmed().isEmpty())
                return fail(QStringLiteral("--worker-command needs a command, e.g. \"python3 "
                                           "resources/python/shmscope_worker.py\""));
            commandText = *v;
        } else if (a == QLatin1String("--mpi-args")) {
            if (!v)
                return fail(QStringLiteral("--mpi-args needs mpirun's arguments, e.g. "
                                           "\"--hostfile hosts.txt\""));
            o.mpiArgs = QProcess::splitCommand(*v);
            o.mpiArgsGiven = true;
        } else if (a == QLatin1String("--worker-command-count")) {
            bool ok = false;
            const uint n = v ? v->toUInt(&ok) : 0;
            if (!ok || n < 1 || n > shm::limits::kMaxWorkers)
                return fail(QStringLiteral("--worker-command-count: '%1' is not a count from 1 "
                                           "to %2")
                                .arg(v.value_or(QString()))
                                .arg(shm::limits::kMaxWorkers));
            commandCount = n;
        } else if (a == QLatin1String("--lesson-file")) {
            if (!v || v->isEmpty()) return fail(QStringLiteral("--lesson-file needs a file name"));
            o.lessonFile = *v;
        } else if (isSweep) {
            if (!v || v->isEmpty())
                return fail(a == QLatin1String("--sweep")
                                ? QStringLiteral("--sweep needs SETTING=V1,V2,...")
                            : a == QLatin1String("--repeat")
                                ? QStringLiteral("--repeat needs a number")
                                : a + QStringLiteral(" needs a file name"));
            if (QString err = applySweepOption(a, *v, o); !err.isEmpty()) return fail(err);
        } else if (isWindowOption(a)) {
            if (!v)
                return fail(a == QLatin1String("--screenshot")
                                ? QStringLiteral("--screenshot needs an output file name")
                            : a == QLatin1String("--size")
                                ? QStringLiteral("--size needs WIDTHxHEIGHT")
                            : a == QLatin1String("--view") ? QStringLiteral("--view needs a value")
                                                           : a + QStringLiteral(" needs a number"));
            if (QString err = applyWindowOption(a, *v, o); !err.isEmpty()) return fail(err);
        } else {
            if (!v) return fail(a + QStringLiteral(" needs a value"));
            settings.append({a.mid(2), *v});
        }
    }
    if (!o.configFile.isEmpty())
        if (QString err = applyConfigFile(o.configFile, o, r.warnings); !err.isEmpty())
            return fail(err);
    QStringList seen;
    for (const auto& [name, v] : settings) {
        if (auto err = shm::applySetting(o.config, name.toStdString(), v.toStdString()))
            return fail(fromStd(*err));
        if (seen.contains(name))
            r.warnings << QStringLiteral("--%1 given more than once: the last one (%2) counts")
                              .arg(name, v);
        seen << name;
        o.settingsGiven << name;
        o.flagsGiven << name;
    }
    if (o.help || o.version || o.man) return r;
    if (!o.lessonId.isEmpty() && o.benchFrames > 0)
        return fail(QStringLiteral("--bench-frames does not take a --lesson"));
    if (QString err = checkSweepOptions(o); !err.isEmpty()) return fail(err);
    if (QString err = checkWorkerCommand(commandText, commandCount, o); !err.isEmpty())
        return fail(err);
    if (o.mpiArgsGiven && o.config.transport != shm::Transport::Mpi && o.sweepAxes.empty())
        return fail(QStringLiteral("--mpi-args goes with --transport mpi"));
    if (!o.workerCommand.empty() && o.config.transport == shm::Transport::Mpi)
        return fail(QStringLiteral("--worker-command does not apply to --transport mpi (the "
                                   "ranks are shmscope-mpi-worker)"));
    if (QString err = loadCompareReport(o); !err.isEmpty()) return fail(err);
    if (o.noRun && (o.screenshot.isEmpty() || o.headless))
        return fail(QStringLiteral("--no-run goes with --screenshot (the window before any run)"));
    if (!o.lessonFile.isEmpty() && o.lessonId.isEmpty() && !o.listLessons)
        return fail(QStringLiteral("--lesson-file needs --lesson ID or --list-lessons"));
    if (auto err = shm::validate(o.config)) return fail(fromStd(*err));
    if (auto err = shm::checkFits(o.config)) return fail(fromStd(*err));
    // Slow motion is per element and per worker: say so when it adds up to more than an hour.
    const shm::ExperimentConfig& c = o.config;
    const double delaySeconds =
        double(c.delayUs) * 1e-6 * double(c.totalWork()) / double(std::max<uint32_t>(c.workers, 1));
    if (delaySeconds > 3600)
        r.warnings << QStringLiteral("--delay-us %1 on %2 units of work for %3 workers adds "
                                     "about %4 hours of slow motion")
                          .arg(c.delayUs)
                          .arg(c.totalWork())
                          .arg(c.workers)
                          .arg(delaySeconds / 3600, 0, 'f', 1);
    return r;
}
} // namespace

namespace {
// Messages quote what the user gave (a key, a value, a path), which may hold a newline or a
// terminal escape: shown escaped, so an error stays one line and cannot rewrite the terminal.
QString printable(const QString& s) {
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
} // namespace

CliParse parseCommandLine(const QStringList& args) {
    CliParse r = parseArguments(args);
    r.error = printable(r.error);
    for (QString& w : r.warnings)
        w = printable(w);
    return r;
}

namespace {

// "  --workers N            worker processes sharing the array (1 to 64; default 4)"
QString settingHelpLine(const shm::SettingRow& r) {
    const QString value = r.kind == shm::SettingKind::Count  ? QStringLiteral("N")
                          : r.kind == shm::SettingKind::Enum ? QStringLiteral("NAME")
                                                             : QStringLiteral("BOOL");
    QString line = QStringLiteral("  --") + fromView(r.name) + QLatin1Char(' ') + value;
    line = line.leftJustified(24) + QLatin1Char(' ') + fromView(r.help) + QStringLiteral(" (") +
           fromStd(shm::rangeText(r));
    if (r.kind == shm::SettingKind::Bool)
        line += QStringLiteral("; --no-") + fromView(r.name) + QStringLiteral(" = false");
    return line + QStringLiteral(")\n");
}

// roff: a backslash doubled, a '-' as "\-" (a real minus, so options copy and paste), a line
// starting with '.' or '\'' protected.
QString roff(const QString& s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    out.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')))
        out.prepend(QStringLiteral("\\&"));
    return out;
}

} // namespace

QString manPage() {
    QString m = QStringLiteral(".TH SHMSCOPE 1 \"\" \"ShmScope %1\" \"User Commands\"\n")
                    .arg(QStringLiteral(SHMSCOPE_VERSION));
    m += QStringLiteral(".SH NAME\nshmscope \\- watch worker processes share one shared-memory "
                        "array\n.SH SYNOPSIS\n.B shmscope\n[\\fIoptions\\fR]\n"
                        ".SH DESCRIPTION\n"
                        "ShmScope starts real worker processes (\\fBshmscope\\-worker\\fR) that "
                        "write into one POSIX shared\\-memory segment and shows, live, each "
                        "worker's progress, the array's values and who waits for the lock. "
                        "Without \\fB\\-\\-headless\\fR it opens the window.\n");
    // The modes and files as --help words them, preformatted; the settings from the table.
    const QString help = helpText();
    const qsizetype settingsAt = help.indexOf(QStringLiteral("Experiment settings:\n"));
    const qsizetype fileAt = help.indexOf(QStringLiteral("\nSettings file:\n"));
    m += QStringLiteral(".SH MODES\n.nf\n");
    for (const QString& line : help.mid(0, settingsAt).split(QLatin1Char('\n')).mid(4))
        if (!line.isEmpty()) m += roff(line) + QLatin1Char('\n');
    m += QStringLiteral(".fi\n.SH EXPERIMENT SETTINGS\n");
    for (const shm::SettingRow& r : shm::kSettings) {
        const QString value = r.kind == shm::SettingKind::Count  ? QStringLiteral("N")
                              : r.kind == shm::SettingKind::Enum ? QStringLiteral("NAME")
                                                                 : QStringLiteral("BOOL");
        m += QStringLiteral(".TP\n.B \\-\\-%1 \\fI%2\\fR\n%3 (%4).\n")
                 .arg(roff(fromView(r.name)), value, roff(fromView(r.help)),
                      roff(fromStd(shm::rangeText(r))));
    }
    m += QStringLiteral(".SH OTHER OPTIONS\n.nf\n");
    for (const QString& line : help.mid(fileAt + 1).split(QLatin1Char('\n')))
        if (!line.isEmpty()) m += roff(line) + QLatin1Char('\n');
    m += QStringLiteral(
        ".fi\n.SH EXIT STATUS\n.TP\n.B 0\nthe run finished (mismatches are results, not "
        "errors)\n.TP\n.B 2\ninvalid input: one line on stderr names the flag or field; nothing "
        "is created\n.TP\n.B 3\nthe run failed (a worker crashed or failed, the segment could "
        "not be made)\n.SH FILES\n.TP\n.I /dev/shm/shmscope\\-PID\\-*\nthe run's segment, "
        "removed on every exit path; segments of dead ShmScope processes are swept at "
        "start\\-up\n.SH SEE ALSO\nThe README and the lessons page in the source tree.\n");
    return m;
}

QString helpText() {
    QString settings;
    for (const shm::SettingRow& r : shm::kSettings)
        settings += settingHelpLine(r);
    return QStringLiteral(
               "Usage: shmscope [options]\n"
               "Watch worker processes share one shared-memory array: progress, values, lock "
               "contention.\n"
               "\n"
               "Modes:\n"
               "  (none)                 open the window, preset with the experiment settings "
               "below\n"
               "  --headless [--json]    run one experiment without a window and print a report\n"
               "  --screenshot OUT.png   run, render a view to a PNG (or .svg, .pdf: vector, "
               "text as text) and exit\n"
               "      --view window|progress|array|contention|sweep   (default window)\n"
               "      --size WxH         (default 1600x1000)   --at-ms T  capture T ms after "
               "start\n"
               "      --no-run           the window as it first opens, before any run\n"
               "  --bench-frames N       time N GUI frames of a running experiment and print "
               "figures\n"
               "  --sweep SETTING=V1,V2,...   run every value (give it twice for a grid); "
               "a table,\n"
               "                         or with --screenshot the Sweep view (in the window: the "
               "Sweep tab)\n"
               "      --repeat R         runs per point, interleaved (default 3)   --csv FILE  the "
               "points table\n"
               "                         speedup, efficiency, Karp-Flatt, Amdahl fit; --json for "
               "all figures\n"
               "  --compare-with REPORT.json  this run beside one saved with --json: ratios "
               "(in the window: pinned)\n"
               "  --csv FILE  --array-csv FILE  --trace FILE.json   a headless run's workers, "
               "its array\n"
               "                         (index, value, expected, owner; up to 10^7 elements), "
               "a Perfetto trace\n"
               "  --worker-command CMD   start workers as CMD --segment NAME --worker K "
               "instead of shmscope-worker,\n"
               "                         e.g. \"python3 resources/python/shmscope_worker.py\"; "
               "--worker-command-count K:\n"
               "                         only the last K workers (default all), beside "
               "shmscope-worker ones\n"
               "  --mpi-args \"ARGS\"      with --transport mpi: passed to mpirun (e.g. "
               "\"--hostfile hosts.txt\";\n"
               "                         default: --oversubscribe --bind-to none, -np is "
               "--workers)\n"
               "  --zoom F               presentation mode: text and plots F times larger "
               "(0.7 to 3; in the window\n"
               "                         Ctrl+= / Ctrl+- / Ctrl+0, kept)\n"
               "  --help, --version\n"
               "\n"
               "Experiment settings:\n") +
           settings +
           QStringLiteral(
               "\n"
               "Settings file:\n"
               "  --config FILE.json     settings as a JSON object, e.g. {\"workers\": 8, "
               "\"sync\": \"mutex\"};\n"
               "                         keys as the flags above ('-' or '_'); flags given on "
               "the command line win\n"
               "\n"
               "Lessons (a guided path through every effect):\n"
               "  --list-lessons         the lessons, id and title\n"
               "  --lesson ID            headless: run a lesson's runs in turn and say whether "
               "its effect was seen;\n"
               "                         --json prints {\"lesson\": {..., \"seen\"}, "
               "\"runs\": [reports]}; setting flags\n"
               "                         given with it override the lesson's. With --screenshot: "
               "the window after\n"
               "                         the lesson's runs, Lessons panel in front\n"
               "  --lesson-file F.json   lessons of your own (schema: "
               "resources/lessons/README.md)\n"
               "\n"
               "Exit codes: 0 run finished (mismatches included), 2 invalid input, 3 run "
               "failed.\n");
}
