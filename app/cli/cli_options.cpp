#include "cli/cli_options.h"

#include "analysis/csv_export.h"
#include "cli/cli_text.h"
#include "cli/compare_with.h"
#include "cli/config_json.h"
#include "cli/file_paths.h"
#include "cli/option_table.h"
#include "cli/setting_words.h"
#include "segment/segment.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

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
    if (!f.exists()) return CliText::tr("--config: file '%1' does not exist").arg(path);
    // Not a FIFO or a device (reading one blocks or never ends), and not cut at the read limit.
    const QFileInfo info(path);
    if (!info.isFile()) return CliText::tr("--config: '%1' is not a regular file").arg(path);
    if (info.size() > kMaxConfigBytes)
        return CliText::tr("--config: '%1' is larger than 16 MiB").arg(path);
    if (!f.open(QIODevice::ReadOnly))
        return CliText::tr("--config: cannot read '%1': %2").arg(path, f.errorString());
    const QByteArray bytes = f.read(kMaxConfigBytes);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError)
        return CliText::tr("--config: '%1' is not valid JSON (%2 at offset %3)")
            .arg(path, perr.errorString())
            .arg(perr.offset);
    if (!doc.isObject())
        return CliText::tr("--config: '%1' must hold a JSON object of settings").arg(path);
    const QJsonObject obj = doc.object();
    // QJsonDocument keeps the last of repeated keys without a word: said here, a few by name.
    const QStringList repeated = repeatedKeys(bytes);
    constexpr qsizetype kNamed = 10;
    for (qsizetype i = 0; i < std::min(repeated.size(), kNamed); ++i)
        warnings << QStringLiteral("--config '%1': field '%2' given more than once: the last "
                                   "one counts")
                        .arg(path, repeated[i]);
    if (repeated.size() > kNamed)
        warnings << QStringLiteral("--config '%1': %2 more fields given more than once")
                        .arg(path)
                        .arg(repeated.size() - kNamed);
    return applySettingsObject(obj, o.config, QStringLiteral("--config"), path, &o.settingsGiven);
}

} // namespace

namespace {
// Which modes a sweep, --csv and --compare-with go with; the sweep's points are checked here,
// before anything runs.
QString checkSweepOptions(const CliOptions& o) {
    const bool sweep = !o.sweepAxes.empty();
    if (!sweep) {
        if (o.view == QLatin1String("sweep"))
            return CliText::tr("--view sweep needs a --sweep to show");
        if (o.view == QLatin1String("side") && o.lessonId.isEmpty() && o.openFile.isEmpty())
            return CliText::tr("--view side needs a --lesson or --open FILE (its runs side "
                               "by side)");
        if (o.repeatGiven) return CliText::tr("--repeat goes with --sweep");
    } else {
        if (!o.lessonId.isEmpty()) return CliText::tr("--sweep does not take a --lesson");
        if (o.benchFrames > 0) return CliText::tr("--bench-frames does not take a --sweep");
        if (!o.screenshot.isEmpty() && o.view != QLatin1String("window") &&
            o.view != QLatin1String("sweep"))
            return CliText::tr("--sweep --screenshot renders --view window or sweep");
        if (!o.compareWith.isEmpty())
            return CliText::tr("--compare-with compares one run: not with --sweep");
        if (!o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty())
            return CliText::tr("--array-csv and --trace record one run: not with --sweep");
        if (!o.csvFile.isEmpty() && !o.screenshot.isEmpty())
            return CliText::tr("--csv writes a headless sweep's points (in the window: File "
                               "> Export Sweep Points)");
        shm::SweepPlan plan;
        if (auto err = shm::planSweep(o.config, o.sweepAxes, o.repeat, &plan)) return fromStd(*err);
    }
    const bool files =
        !o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty() || (!o.csvFile.isEmpty() && !sweep);
    if (files && (!o.lessonId.isEmpty() || !o.screenshot.isEmpty() || o.benchFrames > 0))
        return CliText::tr("--csv, --array-csv and --trace write a headless run's results "
                           "(or a sweep's, for --csv)");
    if (!o.arrayCsvFile.isEmpty() && o.config.dataCount() > shm::kMaxArrayCsvRows)
        return CliText::tr("--array-csv: %1 elements is more than the %2 a CSV file is "
                           "useful for; use --elements %2 or fewer")
            .arg(o.config.dataCount())
            .arg(shm::kMaxArrayCsvRows);
    if (!o.compareWith.isEmpty() && (!o.lessonId.isEmpty() || o.benchFrames > 0))
        return CliText::tr("--compare-with goes with a single run (headless, a screenshot "
                           "or the window)");
    return {};
}

// --worker-command and its count: the program must exist, the count fit the workers.
QString checkWorkerCommand(const QString& text, uint32_t count, CliOptions& o) {
    if (text.isEmpty())
        return count ? CliText::tr("--worker-command-count goes with --worker-command") : QString();
    if (QString err = parseWorkerCommand(text, &o.workerCommand); !err.isEmpty()) return err;
    // A sweep's points may have more workers than the base; a point with fewer runs all of
    // them as the command (WorkerCommand::runs).
    if (count > o.config.workers && o.sweepAxes.empty())
        return CliText::tr("--worker-command-count: %1 is more than the %2 workers")
            .arg(count)
            .arg(o.config.workers);
    if (!o.lessonId.isEmpty())
        return CliText::tr("--worker-command does not take a --lesson (lessons run their "
                           "own workers)");
    o.workerCommand.count = count;
    return {};
}

// The pinned report is read now: a file that is not a report fails before anything runs.
QString loadCompareReport(CliOptions& o) {
    if (o.compareWith.isEmpty()) return {};
    return loadPinnedReport(o.compareWith, &o.compareReport);
}

// One argument, args[i], and its value (which moves i on): a table row (option_table.cpp), a
// setting, or "--no-NAME" for a boolean setting. A one-line error, or nothing.
QString parseArgument(const QStringList& args, qsizetype& i, ParseState& p) {
    // "--flag value" or "--flag=value"
    QString a = args[i];
    // A lone file name: `shmscope run.shmscope` opens the recording (as --open does).
    if (!a.startsWith(QLatin1Char('-')) && !a.isEmpty()) {
        if (!p.o.openFile.isEmpty())
            return CliText::tr("unexpected argument '%1' (one recording at a time)").arg(a);
        p.o.openFile = a;
        return {};
    }
    std::optional<QString> inlineValue;
    if (a.startsWith(QLatin1String("--")) && a.contains(QLatin1Char('='))) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        inlineValue = a.mid(eq + 1);
        a = a.left(eq);
    }
    const OptionRow* row = findOption(a);
    if (!inlineValue) {
        if (row && !row->takesValue) return row->apply(p, QString());
        if (const auto* b = negatedBool(a)) { // e.g. --no-instrument
            p.settings.append({fromView(b->name), QStringLiteral("false")});
            return {};
        }
    }
    const bool isSetting = a.startsWith(QLatin1String("--")) && settingFor(a.mid(2));
    if (!(row && row->takesValue) && !isSetting) // a switch with "=value" too
        return CliText::tr("unknown option '%1' (see --help)").arg(args[i]);
    std::optional<QString> v = inlineValue;
    const bool optional = row && row->empty == EmptyValue::Optional;
    if (!v && i + 1 < args.size() && !(optional && args[i + 1].startsWith(QLatin1Char('-'))))
        v = args[++i];
    if (!row) {
        if (!v) return CliText::tr("%1 needs a value").arg(a);
        p.settings.append({a.mid(2), *v});
        return {};
    }
    const bool refused = !v || (row->empty == EmptyValue::Refused && v->isEmpty()) ||
                         (row->empty == EmptyValue::Blank && v->trimmed().isEmpty());
    if (refused && row->missing) return CliText::tr(row->missing);
    return row->apply(p, v.value_or(QString()));
}

// The setting flags over the config file's values, in the order given; a repeat warns.
QString applySettingFlags(ParseState& p, QStringList& warnings) {
    QStringList seen;
    for (const auto& [name, v] : p.settings) {
        if (const shm::SettingRow* row = settingFor(name))
            if (QString err = setting_words::valueError(*row, v); !err.isEmpty()) return err;
        if (auto err = shm::applySetting(p.o.config, name.toStdString(), v.toStdString()))
            return fromStd(*err);
        if (seen.contains(name))
            warnings
                << CliText::tr("--%1 given more than once: the last one (%2) counts").arg(name, v);
        seen << name;
        p.o.settingsGiven << name;
        p.o.flagsGiven << name;
    }
    return {};
}

// --record, --open, --run and --bench-scrub: what they combine with.
QString checkRecordingOptions(const CliOptions& o) {
    if (o.openFile.isEmpty()) {
        if (!o.runLabel.isEmpty()) return CliText::tr("--run goes with --open FILE");
        if (o.benchScrub > 0) return CliText::tr("--bench-scrub goes with --open FILE");
        return {};
    }
    if (!o.recordFile.isEmpty())
        return CliText::tr("--record does not take --open (a recording is not run again)");
    if (!o.lessonId.isEmpty() || !o.sweepAxes.empty())
        return CliText::tr("--open shows what was recorded: it takes no --lesson or --sweep");
    if (!o.settingsGiven.isEmpty())
        return CliText::tr("--open shows what was recorded: --%1 does not apply to it")
            .arg(o.settingsGiven.front());
    if (!o.csvFile.isEmpty() || !o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty() ||
        !o.compareWith.isEmpty() || o.benchFrames > 0 || o.noRun)
        return CliText::tr("--open takes --headless, --json, --screenshot, --run, --at-ms, "
                           "--view, --size, --zoom and --bench-scrub");
    if (o.benchScrub > 0 && o.headless)
        return CliText::tr("--bench-scrub times the window: it does not take --headless");
    return {};
}

// --rehearse plays lessons in the terminal: not with the window's, a sweep's or one run's
// options, nor a recording.
QString checkRehearsal(const CliOptions& o) {
    if (!o.rehearse) return {};
    if (!o.screenshot.isEmpty() || o.benchFrames > 0 || o.noRun)
        return CliText::tr("--rehearse plays lessons in the terminal: not with --screenshot, "
                           "--bench-frames or --no-run (in the window: Lessons > Rehearse "
                           "All)");
    if (!o.sweepAxes.empty()) return CliText::tr("--rehearse does not take a --sweep");
    if (!o.openFile.isEmpty() || !o.recordFile.isEmpty())
        return CliText::tr("--rehearse does not take --open or --record");
    if (!o.csvFile.isEmpty() || !o.arrayCsvFile.isEmpty() || !o.traceFile.isEmpty() ||
        !o.compareWith.isEmpty())
        return CliText::tr("--csv, --array-csv, --trace and --compare-with go with a single "
                           "run, not --rehearse");
    if (!o.workerCommand.empty())
        return CliText::tr("--worker-command does not take --rehearse (lessons run their "
                           "own workers)");
    return {};
}

// How the modes combine, checked once every flag and the config file are in.
QString checkModes(ParseState& p) {
    CliOptions& o = p.o;
    if (!o.lessonId.isEmpty() && o.benchFrames > 0)
        return CliText::tr("--bench-frames does not take a --lesson");
    if (QString err = checkSweepOptions(o); !err.isEmpty()) return err;
    if (QString err = checkWorkerCommand(p.commandText, p.commandCount, o); !err.isEmpty())
        return err;
    if (o.mpiArgsGiven && o.config.transport != shm::Transport::Mpi && o.sweepAxes.empty())
        return CliText::tr("--mpi-args goes with --transport mpi");
    if (!o.workerCommand.empty() && o.config.transport == shm::Transport::Mpi)
        return CliText::tr("--worker-command does not apply to --transport mpi (the ranks "
                           "are shmscope-mpi-worker)");
    if (QString err = checkRecordingOptions(o); !err.isEmpty()) return err;
    if (QString err = checkFilePaths(o); !err.isEmpty()) return err;
    if (QString err = loadCompareReport(o); !err.isEmpty()) return err;
    if (o.noRun && (o.screenshot.isEmpty() || o.headless))
        return CliText::tr("--no-run goes with --screenshot (the window before any run)");
    if (QString err = checkRehearsal(o); !err.isEmpty()) return err;
    if (!o.lessonFile.isEmpty() && o.lessonId.isEmpty() && !o.listLessons && !o.rehearse)
        return CliText::tr("--lesson-file needs --lesson ID, --rehearse or --list-lessons");
    if (auto err = shm::validate(o.config)) return fromStd(*err);
    if (o.arrayRange.second > o.config.dataCount())
        return CliText::tr("--array-range: %1 is past the array's end (%2)")
            .arg(o.arrayRange.second)
            .arg(o.config.dataCount());
    if (auto err = shm::checkFits(o.config)) return fromStd(*err);
    return {};
}

// Slow motion is per element and per worker: say so when it adds up to more than an hour.
void warnOfLongSlowMotion(const shm::ExperimentConfig& c, QStringList& warnings) {
    const double delaySeconds =
        double(c.delayUs) * 1e-6 * double(c.totalWork()) / double(std::max<uint32_t>(c.workers, 1));
    if (delaySeconds > 3600)
        warnings << CliText::tr("--delay-us %1 on %2 units of work for %3 workers adds about "
                                "%4 hours of slow motion")
                        .arg(c.delayUs)
                        .arg(c.totalWork())
                        .arg(c.workers)
                        .arg(delaySeconds / 3600, 0, 'f', 1);
}

CliParse parseArguments(const QStringList& args) {
    CliParse r;
    ParseState p{r.options, {}, {}, 0};
    auto fail = [&](const QString& msg) {
        r.error = msg;
        return r;
    };
    for (qsizetype i = 0; i < args.size(); ++i)
        if (QString err = parseArgument(args, i, p); !err.isEmpty()) return fail(err);
    if (!r.options.configFile.isEmpty())
        if (QString err = applyConfigFile(r.options.configFile, r.options, r.warnings);
            !err.isEmpty())
            return fail(err);
    if (QString err = applySettingFlags(p, r.warnings); !err.isEmpty()) return fail(err);
    if (r.options.help || r.options.version || r.options.man) return r;
    if (QString err = checkModes(p); !err.isEmpty()) return fail(err);
    warnOfLongSlowMotion(r.options.config, r.warnings);
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

// "  --workers N            worker processes sharing the array (1 to 256; default 4)", in the
// interface language when `translated` (--help), else in English (the man page).
QString settingHelpLine(const shm::SettingRow& r, bool translated) {
    const QString value = r.kind == shm::SettingKind::Count  ? QStringLiteral("N")
                          : r.kind == shm::SettingKind::Enum ? QStringLiteral("NAME")
                                                             : QStringLiteral("BOOL");
    QString line = QStringLiteral("  --") + fromView(r.name) + QLatin1Char(' ') + value;
    line = line.leftJustified(24) + QLatin1Char(' ') +
           (translated ? setting_words::help(r) : fromView(r.help)) + QStringLiteral(" (") +
           (translated ? setting_words::range(r) : fromStd(shm::rangeText(r)));
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
    // The modes and files as --help words them in English, preformatted; the settings from
    // the table.
    const QString help = helpText(false);
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

QString helpText(bool translated) {
    const auto say = [translated](const char* text) {
        return translated ? QCoreApplication::translate("CliText", text) : QString::fromUtf8(text);
    };
    QString settings;
    for (const shm::SettingRow& r : shm::kSettings)
        settings += settingHelpLine(r, translated);
    // The headings are the man page's anchors (manPage() finds them in the English text).
    return say(QT_TRANSLATE_NOOP("CliText", "Usage: shmscope [options]\n"
                                            "Watch worker processes share one shared-memory "
                                            "array: progress, values, lock contention.\n")) +
           QLatin1Char('\n') + say(QT_TRANSLATE_NOOP("CliText", "Modes:")) + QLatin1Char('\n') +
           say(QT_TRANSLATE_NOOP("CliText", "  (none)                 open the window, preset "
                                            "with the experiment settings below\n")) +
           optionHelp(HelpSection::Modes, translated) + QLatin1Char('\n') +
           say(QT_TRANSLATE_NOOP("CliText", "Experiment settings:")) + QLatin1Char('\n') +
           settings + QLatin1Char('\n') + say(QT_TRANSLATE_NOOP("CliText", "Settings file:")) +
           QLatin1Char('\n') + optionHelp(HelpSection::SettingsFile, translated) +
           QLatin1Char('\n') +
           say(QT_TRANSLATE_NOOP("CliText", "Lessons (a guided path through every effect):")) +
           QLatin1Char('\n') + optionHelp(HelpSection::Lessons, translated) + QLatin1Char('\n') +
           say(QT_TRANSLATE_NOOP("CliText", "Exit codes: 0 run finished (mismatches included), 2 "
                                            "invalid input, 3 run failed.\n"));
}
