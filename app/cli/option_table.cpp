#include "cli/option_table.h"

#include "analysis/sweep.h"
#include "cli/cli_text.h"
#include "cli/language.h"
#include "model/settings.h"

#include <QProcess>
#include <QRegularExpression>

namespace {

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

// --at-ms and --bench-frames: a whole number from `min` to 10^8.
QString countValue(const char* flag, const QString& v, int min, int* out) {
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < min || n > 100'000'000)
        return CliText::tr("%1: '%2' is not a valid count").arg(QLatin1String(flag), v);
    *out = n;
    return {};
}

QString setView(ParseState& p, const QString& v) {
    static const QStringList views{QStringLiteral("window"),    QStringLiteral("progress"),
                                   QStringLiteral("array"),     QStringLiteral("contention"),
                                   QStringLiteral("sweep"),     QStringLiteral("side"),
                                   QStringLiteral("collisions")};
    if (!views.contains(v))
        return CliText::tr("--view: unknown value '%1' (expected "
                           "window|progress|array|contention|sweep|side|collisions)")
            .arg(v);
    p.o.view = v;
    return {};
}

QString setSize(ParseState& p, const QString& v) {
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = re.match(v);
    const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (w < 320 || h < 240 || w > 8192 || h > 8192)
        return CliText::tr("--size: '%1' is not WIDTHxHEIGHT between 320x240 and 8192x8192").arg(v);
    p.o.size = QSize(w, h);
    return {};
}

QString setZoom(ParseState& p, const QString& v) {
    bool ok = false;
    const double z = v.toDouble(&ok);
    if (!ok || !(z >= 0.7 && z <= 3.0))
        return CliText::tr("--zoom: '%1' is not a factor from 0.7 to 3").arg(v);
    p.o.zoom = z;
    return {};
}

// --array-range FIRST:LAST: the array plot's element range [FIRST, LAST) when a run starts.
QString setArrayRange(ParseState& p, const QString& v) {
    const QStringList parts = v.split(QLatin1Char(':'));
    bool okFirst = false, okLast = false;
    const qulonglong first = parts.size() == 2 ? parts[0].toULongLong(&okFirst) : 0;
    const qulonglong last = parts.size() == 2 ? parts[1].toULongLong(&okLast) : 0;
    if (!okFirst || !okLast || first >= last)
        return CliText::tr("--array-range: '%1' is not FIRST:LAST with FIRST < LAST").arg(v);
    p.o.arrayRange = {uint64_t(first), uint64_t(last)};
    return {};
}

QString addSweepAxis(ParseState& p, const QString& v) {
    shm::SweepAxis axis;
    if (auto err = shm::parseSweepAxis(v.toStdString(), &axis)) return fromStd(*err);
    p.o.sweepAxes.push_back(axis);
    return {};
}

QString setRepeat(ParseState& p, const QString& v) {
    bool ok = false;
    const uint n = v.toUInt(&ok);
    if (!ok || n < 1 || n > shm::kMaxRepeat)
        return CliText::tr("--repeat: '%1' is not a count from 1 to %2")
            .arg(v)
            .arg(shm::kMaxRepeat);
    p.o.repeat = n;
    p.o.repeatGiven = true;
    return {};
}

// --rehearse N: plays per lesson, 1 to 100; left out: 5.
QString setRehearse(ParseState& p, const QString& v) {
    if (v.isEmpty()) {
        p.o.rehearse = 5;
        return {};
    }
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < 1 || n > 100)
        return CliText::tr("--rehearse: '%1' is not a count from 1 to 100").arg(v);
    p.o.rehearse = n;
    return {};
}

QString setCommandCount(ParseState& p, const QString& v) {
    bool ok = false;
    const uint n = v.toUInt(&ok);
    if (!ok || n < 1 || n > shm::limits::kMaxWorkers)
        return CliText::tr("--worker-command-count: '%1' is not a count from 1 to %2")
            .arg(v)
            .arg(shm::limits::kMaxWorkers);
    p.commandCount = n;
    return {};
}

QString setLanguage(ParseState& p, const QString& v) {
    p.o.lang = language::fromName(v);
    if (p.o.lang.isEmpty())
        return CliText::tr("--lang: unknown language '%1' (expected %2)")
            .arg(v, language::available().join(QLatin1Char('|')));
    return {};
}

// The rows in --help order. Switches ignore their (empty) value. The texts are marked for
// lupdate (QT_TRANSLATE_NOOP), which clang-format 14 cannot lay out inside this initializer.
// clang-format off
const OptionRow kOptions[] = {
    {"--headless", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --headless [--json]    run one experiment without a window and print a report\n"),
     [](ParseState& p, const QString&) {
         p.o.headless = true;
         return QString();
     }},
    {"--json", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Modes, nullptr,
     [](ParseState& p, const QString&) {
         p.o.json = true;
         return QString();
     }},
    {"--screenshot", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--screenshot needs an output file name"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --screenshot OUT.png   run, render a view to a PNG (or .svg, .pdf: vector, text as "
     "text) and exit\n"),
     [](ParseState& p, const QString& v) {
         p.o.screenshot = v;
         return QString();
     }},
    {"--view", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--view needs a value"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "      --view window|progress|array|contention|sweep|side|collisions   (default window;\n"
     "                         side: the runs side by side; collisions: the first lost\n"
     "                         update up close, at its lost write)\n"),
     setView},
    {"--size", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--size needs WIDTHxHEIGHT"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "      --size WxH         (default 1600x1000)   --at-ms T  capture T ms after start\n"),
     setSize},
    {"--at-ms", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--at-ms needs a number"), HelpSection::Modes,
     nullptr,
     [](ParseState& p, const QString& v) { return countValue("--at-ms", v, 0, &p.o.atMs); }},
    {"--array-range", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--array-range needs FIRST:LAST"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "      --array-range FIRST:LAST   the array plot shows elements FIRST to LAST - 1 (bins for\n"
     "                         histogram) when the run starts, e.g. 500000000:500001000\n"),
     setArrayRange},
    {"--no-run", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "      --no-run           the window as it first opens, before any run\n"),
     [](ParseState& p, const QString&) {
         p.o.noRun = true;
         return QString();
     }},
    {"--bench-frames", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--bench-frames needs a number"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --bench-frames N       time N GUI frames of a running experiment and print figures\n"),
     [](ParseState& p, const QString& v) {
         return countValue("--bench-frames", v, 1, &p.o.benchFrames);
     }},
    {"--sweep", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--sweep needs SETTING=V1,V2,..."),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --sweep SETTING=V1,V2,...   run every value (give it twice for a grid); a table,\n"
     "                         or with --screenshot the Sweep view (in the window: the Sweep "
     "tab)\n"),
     addSweepAxis},
    {"--repeat", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--repeat needs a number"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "      --repeat R         runs per point, interleaved (default 3)   --csv FILE  the points "
     "table\n"
     "                         speedup, efficiency, Karp-Flatt, Amdahl fit; --json for all "
     "figures\n"),
     setRepeat},
    {"--compare-with", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--compare-with needs a file name"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --compare-with REPORT.json  this run beside one saved with --json: ratios (in the "
     "window: pinned)\n"),
     [](ParseState& p, const QString& v) {
         p.o.compareWith = v;
         return QString();
     }},
    {"--csv", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--csv needs a file name"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --csv FILE  --array-csv FILE  --trace FILE.json   a headless run's workers, its array\n"
     "                         (index, value, expected, owner; up to 10^7 elements), a Perfetto "
     "trace\n"),
     [](ParseState& p, const QString& v) {
         p.o.csvFile = v;
         return QString();
     }},
    {"--array-csv", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--array-csv needs a file name"),
     HelpSection::Modes, nullptr,
     [](ParseState& p, const QString& v) {
         p.o.arrayCsvFile = v;
         return QString();
     }},
    {"--trace", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--trace needs a file name"), HelpSection::Modes,
     nullptr,
     [](ParseState& p, const QString& v) {
         p.o.traceFile = v;
         return QString();
     }},
    {"--worker-command", nullptr, true, EmptyValue::Blank,
     QT_TRANSLATE_NOOP("CliText",
     "--worker-command needs a command, e.g. \"python3 resources/python/shmscope_worker.py\""),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --worker-command CMD   start workers as CMD --segment NAME --worker K instead of "
     "shmscope-worker,\n"
     "                         e.g. \"python3 resources/python/shmscope_worker.py\"; "
     "--worker-command-count K:\n"
     "                         only the last K workers (default all), beside shmscope-worker "
     "ones\n"),
     [](ParseState& p, const QString& v) {
         p.commandText = v;
         return QString();
     }},
    // A missing count reads as '' and is refused as not a count (as it always was).
    {"--worker-command-count", nullptr, true, EmptyValue::Allowed, nullptr, HelpSection::Modes,
     nullptr, setCommandCount},
    // An empty value is allowed: no extra arguments for mpirun.
    {"--mpi-args", nullptr, true, EmptyValue::Allowed,
     QT_TRANSLATE_NOOP("CliText",
     "--mpi-args needs mpirun's arguments, e.g. \"--hostfile hosts.txt\""), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --mpi-args \"ARGS\"      with --transport mpi: passed to mpirun (e.g. \"--hostfile "
     "hosts.txt\";\n"
     "                         default: --oversubscribe --bind-to none, -np is --workers)\n"),
     [](ParseState& p, const QString& v) {
         p.o.mpiArgs = QProcess::splitCommand(v);
         p.o.mpiArgsGiven = true;
         return QString();
     }},
    {"--record", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--record needs a file name"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --record FILE          keep the run, lesson or sweep (all its runs) in FILE, a SQLite "
     "recording\n"
     "                         (schema: docs/recording.md)\n"),
     [](ParseState& p, const QString& v) {
         p.o.recordFile = v;
         return QString();
     }},
    {"--open", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--open needs a recording's file name"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --open FILE, or FILE   open a recording in the window; --headless [--json]: print its "
     "reports\n"
     "                         (a lesson's: the lesson verdict); --screenshot OUT --open FILE "
     "[--run LABEL]\n"
     "                         [--at-ms T] [--view V]: any moment of a recorded run\n"),
     [](ParseState& p, const QString& v) {
         p.o.openFile = v;
         return QString();
     }},
    {"--run", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--run needs a run's label (e.g. A)"),
     HelpSection::Modes, nullptr,
     [](ParseState& p, const QString& v) {
         p.o.runLabel = v;
         return QString();
     }},
    {"--bench-scrub", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--bench-scrub needs a number"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --bench-scrub N        with --open: time N slider moves over the recording and print "
     "figures\n"),
     [](ParseState& p, const QString& v) {
         return countValue("--bench-scrub", v, 1, &p.o.benchScrub);
     }},
    {"--zoom", nullptr, true, EmptyValue::Allowed, QT_TRANSLATE_NOOP("CliText",
     "--zoom needs a number"), HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --zoom F               presentation mode: text and plots F times larger (0.7 to 3; in "
     "the window\n"
     "                         Ctrl+= / Ctrl+- / Ctrl+0, kept)\n"),
     setZoom},
    {"--lang", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--lang needs a language (en or ko)"),
     HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --lang en|ko           the interface language (default: the system locale, LANG; in "
     "the window\n"
     "                         View > Language, kept)\n"),
     setLanguage},
    {"--help", "-h", false, EmptyValue::Allowed, nullptr, HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --help, --version\n"),
     [](ParseState& p, const QString&) {
         p.o.help = true;
         return QString();
     }},
    {"--version", "-v", false, EmptyValue::Allowed, nullptr, HelpSection::Modes, nullptr,
     [](ParseState& p, const QString&) {
         p.o.version = true;
         return QString();
     }},
    {"--probe", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Modes,
     QT_TRANSLATE_NOOP("CliText",
     "  --probe [--json]       measure what this machine can show (CPUs running at once, what a\n"
     "                         cache line shared by two CPUs costs, clock resolution) and print "
     "it;\n"
     "                         every report carries these figures as \"machine\"\n"),
     [](ParseState& p, const QString&) {
         p.o.probe = true;
         return QString();
     }},
    // Not in --help: the build makes shmscope.1 with it.
    {"--man", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Modes, nullptr,
     [](ParseState& p, const QString&) {
         p.o.man = true;
         return QString();
     }},
    {"--config", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--config needs a file name"),
     HelpSection::SettingsFile,
     QT_TRANSLATE_NOOP("CliText",
     "  --config FILE.json     settings as a JSON object, e.g. {\"workers\": 8, \"sync\": "
     "\"mutex\"};\n"
     "                         keys as the flags above ('-' or '_'); flags given on the command "
     "line win\n"),
     [](ParseState& p, const QString& v) {
         p.o.configFile = v;
         return QString();
     }},
    {"--list-lessons", nullptr, false, EmptyValue::Allowed, nullptr, HelpSection::Lessons,
     QT_TRANSLATE_NOOP("CliText",
     "  --list-lessons         print the lessons, id and title, and exit (no window opens, "
     "with or\n"
     "                         without --headless)\n"),
     [](ParseState& p, const QString&) {
         p.o.listLessons = true;
         return QString();
     }},
    {"--lesson", nullptr, true, EmptyValue::Refused,
     QT_TRANSLATE_NOOP("CliText",
     "--lesson needs a lesson id (see --list-lessons)"), HelpSection::Lessons,
     QT_TRANSLATE_NOOP("CliText",
     "  --lesson ID            in the window: the Lessons tab shows that lesson and the first "
     "screen's\n"
     "                         main button runs it (\"Run lesson: TITLE\"; Ctrl+L too); nothing "
     "runs until\n"
     "                         pressed. With --headless (or without a display): run its runs in "
     "turn and\n"
     "                         say whether its effect was seen, not seen, or could not be shown "
     "here\n"
     "                         (inconclusive); --json prints {\"lesson\": {..., \"seen\", "
     "\"verdict\", \"reasons\"},\n"
     "                         \"runs\": [reports]}; setting flags given with it override the "
     "lesson's.\n"
     "                         With --screenshot: the window after the lesson's runs, Lessons "
     "panel in\n"
     "                         front (with --no-run: the first screen, before them)\n"),
     [](ParseState& p, const QString& v) {
         p.o.lessonId = v;
         return QString();
     }},
    // The count may be left out: `--rehearse --lesson X` plays X five times.
    {"--rehearse", nullptr, true, EmptyValue::Optional, nullptr, HelpSection::Lessons,
     QT_TRANSLATE_NOOP("CliText",
     "  --rehearse [N]         headless: play every lesson (or --lesson ID's) N times (1 to "
     "100, default 5)\n"
     "                         and print a table: seen / not seen / inconclusive, each "
     "expectation's range\n"
     "                         and the reasons; --json prints {\"rehearsal\": {...}}; also "
     "--rehearse=N\n"),
     setRehearse},
    {"--lesson-file", nullptr, true, EmptyValue::Refused, QT_TRANSLATE_NOOP("CliText",
     "--lesson-file needs a file name"),
     HelpSection::Lessons,
     QT_TRANSLATE_NOOP("CliText",
     "  --lesson-file F.json   lessons of your own, added to the built-in ones (one with a "
     "built-in's id\n"
     "                         replaces it) for --list-lessons, --lesson and the window; "
     "checked before\n"
     "                         anything runs (schema: resources/lessons/README.md)\n"),
     [](ParseState& p, const QString& v) {
         p.o.lessonFile = v;
         return QString();
     }},
};
// clang-format on
// clang-format on

} // namespace

const OptionRow* findOption(const QString& flag) {
    for (const OptionRow& r : kOptions)
        if (flag == QLatin1String(r.name) || (r.alias && flag == QLatin1String(r.alias))) return &r;
    return nullptr;
}

QString optionHelp(HelpSection section, bool translated) {
    QString out;
    for (const OptionRow& r : kOptions)
        if (r.section == section && r.help)
            out += translated ? CliText::tr(r.help) : QString::fromUtf8(r.help);
    return out;
}
