#include "lessons/lesson.h"

#include "cli/config_json.h"
#include "cli/language.h"
#include "lessons/lesson_figures.h"
#include "lessons/lesson_verdict.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <QRegularExpression>

#include <cmath>

#include <unistd.h>

namespace {

const QStringList kOps{QStringLiteral(">"),  QStringLiteral(">="), QStringLiteral("<"),
                       QStringLiteral("<="), QStringLiteral("=="), QStringLiteral("!=")};
const QStringList kKeys{
    QStringLiteral("id"),       QStringLiteral("title"),   QStringLiteral("story"),
    QStringLiteral("look_for"), QStringLiteral("explain"), QStringLiteral("runs"),
    QStringLiteral("expect"),   QStringLiteral("look_at"), QStringLiteral("require")};
const QStringList kViews{QStringLiteral("progress"), QStringLiteral("array"),
                         QStringLiteral("contention"), QStringLiteral("collisions")};

// Without "look_at": the views look_for names, by the words the window's headings use.
QStringList viewsNamedIn(const QString& lookFor) {
    const QString t = lookFor.toLower();
    QStringList views;
    if (t.contains(QLatin1String("workers table")) || t.contains(QLatin1String("cpu column")))
        views << QStringLiteral("progress");
    if (t.contains(QLatin1String("array")) || t.contains(QLatin1String("counters view")) ||
        t.contains(QLatin1String("partition strip")))
        views << QStringLiteral("array");
    if (t.contains(QLatin1String("lock")) || t.contains(QLatin1String("contention")))
        views << QStringLiteral("contention");
    return views;
}

// "A.compute_seconds" -> ("A", "compute_seconds"); false without a dot.
bool splitRunFigure(const QString& s, QString* run, QString* figure) {
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == s.size() - 1) return false;
    *run = s.left(dot);
    *figure = s.mid(dot + 1);
    return true;
}

// A text field: a string (every language) or {"en": "...", "ko": "..."}. *shown gets the
// interface language's text (else the English), *english the English. An error naming `at`
// ("field 'title'", "require[1].why"), or nothing. Non-empty when `required`.
QString parseText(const QJsonValue& v, const QString& at, bool required, QString* shown,
                  QString* english) {
    if (v.isString()) {
        if (required && v.toString().trimmed().isEmpty())
            return at + QStringLiteral(" must be a non-empty string");
        *shown = *english = v.toString();
        return {};
    }
    if (!v.isObject())
        return at + QStringLiteral(" must be a string or {\"en\": \"...\", \"ko\": \"...\"}");
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!language::available().contains(it.key()))
            return QStringLiteral("%1: '%2' is not a language (%3)")
                .arg(at, it.key(), language::available().join(QStringLiteral(", ")));
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            return QStringLiteral("%1.%2 must be a non-empty string").arg(at, it.key());
    }
    if (!o.contains(QLatin1String("en")))
        return at + QStringLiteral(" needs its English text (\"en\"): other languages fall "
                                   "back to it");
    *english = o[QLatin1String("en")].toString();
    *shown = o.value(language::current()).toString(*english);
    return {};
}

// What a lesson's expectations and requires are checked against before anything runs.
struct RunsKnown {
    QStringList labels;                 // in run order
    QMap<QString, QSet<QString>> known; // label -> the figures its report has

    QString noSuchRun(const QString& at, const QString& label) const {
        return QStringLiteral("%1 '%2': no such run (runs are %3)")
            .arg(at, label, labels.join(QStringLiteral(", ")));
    }
    // Empty, or "<at> '<written>': no such figure (did you mean ...?)".
    QString checkFigureOf(const QString& at, const QString& written, const QString& run,
                          const QString& figure) const {
        const QString err = checkFigure(figure, known.value(run));
        if (err.isEmpty()) return {};
        return QStringLiteral("%1 '%2': %3").arg(at, written, err);
    }
};

// The op and value of an expectation or a require; an error naming `at`, or nothing.
QString parseComparison(const QJsonObject& o, const QString& at, bool numberOnly, QString* op,
                        QJsonValue* value) {
    *op = o[QLatin1String("op")].toString();
    if (!o.contains(QLatin1String("op"))) return at + QStringLiteral(".op is missing");
    if (!kOps.contains(*op))
        return QStringLiteral("%1.op: '%2' is not one of > >= < <= == !=")
            .arg(at, o[QLatin1String("op")].toVariant().toString());
    if (!o.contains(QLatin1String("value"))) return at + QStringLiteral(".value is missing");
    *value = o[QLatin1String("value")];
    const bool ordering = *op != QLatin1String("==") && *op != QLatin1String("!=");
    if (ordering && !value->isDouble())
        return QStringLiteral("%1.value must be a number for %2").arg(at, *op);
    if (numberOnly && !value->isDouble())
        return at + QStringLiteral(".value must be a number for a ratio");
    if (!value->isDouble() && !value->isString() && !value->isBool() && !value->isNull())
        return at + QStringLiteral(".value must be a number, a string, true/false or null");
    return {};
}

QString parseExpect(const QJsonValue& v, int i, const RunsKnown& runs, LessonExpect* e) {
    const QString at = QStringLiteral("expect[%1]").arg(i);
    if (!v.isObject()) return at + QStringLiteral(" must be an object");
    const QJsonObject o = v.toObject();
    e->json = o;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!QStringList{QStringLiteral("run"), QStringLiteral("figure"), QStringLiteral("ratio"),
                         QStringLiteral("op"), QStringLiteral("value")}
                 .contains(it.key()))
            return QStringLiteral("%1: unknown field '%2'").arg(at, it.key());
    if (o.contains(QLatin1String("ratio"))) {
        const QJsonArray r = o[QLatin1String("ratio")].toArray();
        if (r.size() != 2 || !r[0].isString() || !r[1].isString())
            return at + QStringLiteral(".ratio must be two strings \"RUN.figure\"");
        for (int k = 0; k < 2; ++k) {
            const QString where = QStringLiteral("%1.ratio[%2]").arg(at).arg(k);
            if (!splitRunFigure(r[k].toString(), &e->ratioRun[k], &e->ratioFig[k]))
                return QStringLiteral("%1 '%2': not RUN.figure").arg(where, r[k].toString());
            if (!runs.labels.contains(e->ratioRun[k])) return runs.noSuchRun(where, e->ratioRun[k]);
            if (QString err =
                    runs.checkFigureOf(where, r[k].toString(), e->ratioRun[k], e->ratioFig[k]);
                !err.isEmpty())
                return err;
        }
        if (o.contains(QLatin1String("run")) || o.contains(QLatin1String("figure")))
            return at + QStringLiteral(": give either ratio or run and figure, not both");
        e->isRatio = true;
    } else {
        e->run = o[QLatin1String("run")].toString();
        e->figure = o[QLatin1String("figure")].toString();
        if (e->run.isEmpty()) return at + QStringLiteral(".run is missing (a run's label)");
        if (!runs.labels.contains(e->run))
            return runs.noSuchRun(at + QStringLiteral(".run"), e->run);
        if (e->figure.isEmpty())
            return at + QStringLiteral(".figure is missing (a dotted path into the report)");
        if (QString err =
                runs.checkFigureOf(at + QStringLiteral(".figure"), e->figure, e->run, e->figure);
            !err.isEmpty())
            return err;
    }
    return parseComparison(o, at, e->isRatio, &e->op, &e->value);
}

// A require: "figure" is "LABEL.path" into that run's report, or a path into the first run's
// ("machine.cores").
QString parseRequire(const QJsonValue& v, int i, const RunsKnown& runs, LessonRequire* q) {
    const QString at = QStringLiteral("require[%1]").arg(i);
    if (!v.isObject()) return at + QStringLiteral(" must be an object");
    const QJsonObject o = v.toObject();
    q->json = o;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!QStringList{QStringLiteral("figure"), QStringLiteral("op"), QStringLiteral("value"),
                         QStringLiteral("why")}
                 .contains(it.key()))
            return QStringLiteral("%1: unknown field '%2'").arg(at, it.key());
    q->written = o[QLatin1String("figure")].toString();
    if (q->written.isEmpty())
        return at + QStringLiteral(".figure is missing (RUN.figure, or a figure of the first "
                                   "run such as machine.cores)");
    QString run, figure;
    if (splitRunFigure(q->written, &run, &figure) && runs.labels.contains(run)) {
        q->run = run;
        q->figure = figure;
    } else {
        q->run = runs.labels.value(0);
        q->figure = q->written;
    }
    if (QString err =
            runs.checkFigureOf(at + QStringLiteral(".figure"), q->written, q->run, q->figure);
        !err.isEmpty())
        return err;
    if (o.contains(QLatin1String("why")))
        if (QString err = parseText(o[QLatin1String("why")], at + QStringLiteral(".why"), true,
                                    &q->why, &q->englishWhy);
            !err.isEmpty())
            return err;
    return parseComparison(o, at, false, &q->op, &q->value);
}

// The views a lesson points at: field 'look_at' (a name or a list), else the views its
// look_for text names. An error naming the field, or nothing.
QString parseLookAt(const QJsonObject& obj, Lesson& l) {
    if (!obj.contains(QLatin1String("look_at"))) {
        l.lookAt = viewsNamedIn(l.english.lookFor);
        return {};
    }
    const QJsonValue v = obj[QLatin1String("look_at")];
    const QJsonArray names = v.isString() ? QJsonArray{v} : v.toArray();
    if (names.isEmpty() && !v.isArray())
        return QStringLiteral("field 'look_at' must be a view name or a list of them "
                              "(progress, array, contention, collisions)");
    for (const QJsonValue& n : names) {
        if (!kViews.contains(n.toString()))
            return QStringLiteral("field 'look_at': '%1' is not a view (progress, array, "
                                  "contention, collisions)")
                .arg(n.isString() ? n.toString() : QStringLiteral("non-string"));
        if (!l.lookAt.contains(n.toString())) l.lookAt << n.toString();
    }
    return {};
}

} // namespace

namespace {

// runs[i]: its label (new to *known), its settings (relative worker counts resolved, checked
// by the settings table) and the figures its report will have (into *known). "" or the error.
QString parseRun(const QJsonValue& v, int i, const QString& source, RunsKnown* known,
                 LessonRun* run) {
    const QString at = QStringLiteral("runs[%1]").arg(i);
    const QJsonObject r = v.toObject();
    if (!v.isObject()) return at + QStringLiteral(" must be an object");
    for (auto it = r.begin(); it != r.end(); ++it)
        if (it.key() != QLatin1String("label") && it.key() != QLatin1String("config"))
            return QStringLiteral("%1: unknown field '%2'").arg(at, it.key());
    run->label = r[QLatin1String("label")].toString();
    if (run->label.isEmpty() || run->label.contains(QLatin1Char('.')))
        return at + QStringLiteral(".label must be a non-empty name without dots");
    if (known->labels.contains(run->label))
        return QStringLiteral("%1.label: '%2' is used twice").arg(at, run->label);
    known->labels << run->label;
    if (!r[QLatin1String("config")].isObject())
        return at + QStringLiteral(".config must be an object of settings");
    run->configJson = r[QLatin1String("config")].toObject();
    // "workers": "4*cores" is this machine's number from here on; configJson keeps it.
    QJsonObject settings = run->configJson;
    if (const QJsonValue w = settings.value(QLatin1String("workers")); w.isString()) {
        const std::optional<uint32_t> n = relativeWorkers(w.toString(), onlineCores());
        if (!n)
            return QStringLiteral("%1.config: field 'workers' must be a whole number "
                                  "or \"cores\", \"N*cores\", \"cores/N\" (not '%2')")
                .arg(at, w.toString());
        settings[QLatin1String("workers")] = double(*n);
    }
    if (QString err =
            applySettingsObject(settings, run->config, at + QStringLiteral(".config"), source);
        !err.isEmpty())
        return err;
    if (auto err = shm::validate(run->config))
        return at + QStringLiteral(".config: ") + QString::fromStdString(*err);
    known->known.insert(run->label, knownFigures(run->config));
    return {};
}

} // namespace

std::optional<Lesson> parseLesson(const QJsonObject& obj, const QString& source, QString* error) {
    Lesson l;
    l.json = obj;
    l.id = obj[QLatin1String("id")].toString();
    const QString who = l.id.isEmpty() ? QStringLiteral("lesson in '%1'").arg(source)
                                       : QStringLiteral("lesson '%1'").arg(l.id);
    auto fail = [&](const QString& what) {
        *error = who + QStringLiteral(": ") + what;
        return std::nullopt;
    };
    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    if (!obj[QLatin1String("id")].isString() || !idRe.match(l.id).hasMatch())
        return fail(QStringLiteral("field 'id' must be a short name (a-z, 0-9, -)"));
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!kKeys.contains(it.key()))
            return fail(QStringLiteral("unknown field '%1'").arg(it.key()));
    const std::pair<const char*, std::pair<QString*, QString*>> texts[] = {
        {"title", {&l.title, &l.english.title}},
        {"story", {&l.story, &l.english.story}},
        {"look_for", {&l.lookFor, &l.english.lookFor}},
        {"explain", {&l.explain, &l.english.explain}}};
    for (const auto& [key, to] : texts) {
        const QJsonValue v = obj[QLatin1String(key)];
        const QString at = QStringLiteral("field '%1'").arg(QLatin1String(key));
        if (v.isUndefined()) return fail(at + QStringLiteral(" is missing"));
        if (QString err = parseText(v, at, true, to.first, to.second); !err.isEmpty())
            return fail(err);
    }
    if (QString err = parseLookAt(obj, l); !err.isEmpty()) return fail(err);

    if (!obj.contains(QLatin1String("runs")))
        return fail(QStringLiteral("field 'runs' is missing (an array of runs)"));
    const QJsonArray runs = obj[QLatin1String("runs")].toArray();
    if (runs.isEmpty() || runs.size() > 8)
        return fail(QStringLiteral("field 'runs' must be an array of 1 to 8 runs"));
    RunsKnown known;
    for (int i = 0; i < runs.size(); ++i) {
        LessonRun run;
        if (QString err = parseRun(runs[i], i, source, &known, &run); !err.isEmpty())
            return fail(err);
        l.runs.append(run);
    }
    if (!obj.contains(QLatin1String("expect")))
        return fail(QStringLiteral("field 'expect' is missing (an array of expectations)"));
    const QJsonArray expect = obj[QLatin1String("expect")].toArray();
    if (expect.isEmpty())
        return fail(QStringLiteral("field 'expect' must be an array of at least one expectation"));
    for (int i = 0; i < expect.size(); ++i) {
        LessonExpect e;
        if (QString err = parseExpect(expect[i], i, known, &e); !err.isEmpty()) return fail(err);
        l.expect.append(e);
    }
    const QJsonValue require = obj[QLatin1String("require")];
    if (!require.isUndefined() && !require.isArray())
        return fail(QStringLiteral("field 'require' must be an array of preconditions"));
    for (int i = 0; i < require.toArray().size(); ++i) {
        LessonRequire q;
        if (QString err = parseRequire(require.toArray()[i], i, known, &q); !err.isEmpty())
            return fail(err);
        l.require.append(q);
    }
    return l;
}

namespace {

// QJsonParseError's offset as "line:column" (both from 1) of `text`.
QString lineColumn(const QByteArray& text, int offset) {
    int line = 1, column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text[i]) & 0xC0) != 0x80) { // a character, not a UTF-8 continuation
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

} // namespace

std::optional<QList<Lesson>> loadLessonFile(const QString& path, QString* error) {
    auto fail = [&](const QString& what) {
        *error = path + QStringLiteral(": ") + what;
        return std::nullopt;
    };
    const QFileInfo info(path);
    if (!info.exists()) return fail(QStringLiteral("no such lesson file"));
    if (!info.isFile() || info.size() > (1 << 20))
        return fail(QStringLiteral("not a regular file under 1 MiB"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read it: %1").arg(f.errorString()));
    const QByteArray text = f.readAll();
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &perr);
    if (perr.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1:%2: is not valid JSON (%3)")
                     .arg(path, lineColumn(text, perr.offset), perr.errorString());
        return std::nullopt;
    }
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject())
        items.append(doc.object());
    if (items.isEmpty())
        return fail(QStringLiteral("must hold a lesson object or an array of them"));
    QList<Lesson> out;
    QSet<QString> ids;
    for (const QJsonValue& v : items) {
        if (!v.isObject())
            return fail(QStringLiteral("holds something that is not a lesson object"));
        auto l = parseLesson(v.toObject(), path, error);
        if (!l) return fail(*error);
        if (ids.contains(l->id))
            return fail(QStringLiteral("lesson '%1': the id is used twice").arg(l->id));
        ids.insert(l->id);
        out.append(*l);
    }
    return out;
}

const QList<Lesson>& builtInLessons() {
    // Parsed once per interface language (one per process, but tests change it).
    static QMap<QString, QList<Lesson>> byLanguage;
    const QString lang = language::current();
    if (const auto it = byLanguage.constFind(lang); it != byLanguage.cend()) return *it;
    return byLanguage[lang] = [] {
        QList<Lesson> out;
        // NN-id.json: the number is the teaching order.
        const QDir dir(QStringLiteral(":/lessons"));
        for (const QString& name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QString error;
            auto ls = loadLessonFile(dir.filePath(name), &error);
            // A broken built-in lesson is a build mistake: tst_lessons fails on it.
            if (!ls) qFatal("built-in %s", qPrintable(error));
            out += *ls;
        }
        return out;
    }();
}

std::optional<QList<Lesson>> allLessons(const QString& file, QString* error) {
    QList<Lesson> all = builtInLessons();
    if (file.isEmpty()) return all;
    const auto own = loadLessonFile(file, error);
    if (!own) return std::nullopt;
    for (const Lesson& l : *own) {
        auto same =
            std::find_if(all.begin(), all.end(), [&](const Lesson& b) { return b.id == l.id; });
        if (same != all.end())
            *same = l;
        else
            all.append(l);
    }
    return all;
}

std::optional<Lesson> findLesson(const QString& id, const QString& file, QString* error) {
    const auto pool = allLessons(file, error);
    if (!pool) return std::nullopt;
    for (const Lesson& l : *pool)
        if (l.id == id) return l;
    *error = QStringLiteral("--lesson: no lesson '%1' (see --list-lessons)").arg(id);
    return std::nullopt;
}

unsigned onlineCores() {
    return unsigned(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
}

std::optional<uint32_t> relativeWorkers(const QString& text, unsigned cores) {
    static const QRegularExpression re(QStringLiteral(
        "^\\s*(?:([1-9][0-9]{0,3})\\s*\\*\\s*)?cores(?:\\s*/\\s*([1-9][0-9]{0,3}))?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || (m.hasCaptured(1) && m.hasCaptured(2))) return std::nullopt;
    uint64_t n = cores;
    if (m.hasCaptured(1)) n *= m.captured(1).toUInt();
    if (m.hasCaptured(2)) n /= m.captured(2).toUInt();
    return uint32_t(std::clamp<uint64_t>(n, 2, shm::limits::kMaxWorkers));
}

QJsonValue figureAt(const QJsonObject& report, const QString& path) {
    QJsonValue v = report;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.contains(part)) return QJsonValue(QJsonValue::Undefined);
            v = o[part];
        } else if (v.isArray()) {
            bool ok = false;
            const int i = part.toInt(&ok);
            const QJsonArray a = v.toArray();
            if (part == QLatin1String("length")) {
                v = double(a.size());
                continue;
            }
            if (part == QLatin1String("last")) {
                if (a.isEmpty()) return QJsonValue(QJsonValue::Undefined);
                v = a.last();
                continue;
            }
            if (!ok || i < 0 || i >= a.size()) return QJsonValue(QJsonValue::Undefined);
            v = a[i];
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return v;
}

ExpectResult evaluate(const LessonExpect& e, const QMap<QString, QJsonObject>& reports) {
    ExpectResult r;
    auto figure = [&](const QString& run, const QString& fig, QJsonValue* out) -> bool {
        *out = figureAt(reports.value(run), fig);
        if (out->isUndefined()) r.missing = run + QLatin1Char('.') + fig;
        return !out->isUndefined();
    };
    if (e.isRatio) {
        QJsonValue a, b;
        if (figure(e.ratioRun[0], e.ratioFig[0], &a) && figure(e.ratioRun[1], e.ratioFig[1], &b) &&
            a.isDouble() && b.isDouble() && b.toDouble() != 0)
            r.observed = a.toDouble() / b.toDouble();
        r.holds = r.observed.isDouble() && compareFigures(r.observed, e.op, e.value);
    } else {
        r.holds = figure(e.run, e.figure, &r.observed) && compareFigures(r.observed, e.op, e.value);
    }
    if (!r.holds) r.why = expectationReason(e, r, false);
    return r;
}
