#include "lessons/lesson.h"

#include "cli/config_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace {

const QStringList kOps{QStringLiteral(">"),  QStringLiteral(">="), QStringLiteral("<"),
                       QStringLiteral("<="), QStringLiteral("=="), QStringLiteral("!=")};
const QStringList kKeys{QStringLiteral("id"),      QStringLiteral("title"),
                        QStringLiteral("story"),   QStringLiteral("look_for"),
                        QStringLiteral("explain"), QStringLiteral("runs"),
                        QStringLiteral("expect"),  QStringLiteral("look_at")};
const QStringList kViews{QStringLiteral("progress"), QStringLiteral("array"),
                         QStringLiteral("contention")};

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

QString parseExpect(const QJsonValue& v, int i, const QSet<QString>& labels, LessonExpect* e) {
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
            if (!splitRunFigure(r[k].toString(), &e->ratioRun[k], &e->ratioFig[k]))
                return QStringLiteral("%1.ratio[%2]: '%3' is not RUN.figure")
                    .arg(at)
                    .arg(k)
                    .arg(r[k].toString());
            if (!labels.contains(e->ratioRun[k]))
                return QStringLiteral("%1.ratio[%2]: no run labelled '%3'")
                    .arg(at)
                    .arg(k)
                    .arg(e->ratioRun[k]);
        }
        if (o.contains(QLatin1String("run")) || o.contains(QLatin1String("figure")))
            return at + QStringLiteral(": give either ratio or run and figure, not both");
        e->isRatio = true;
    } else {
        e->run = o[QLatin1String("run")].toString();
        e->figure = o[QLatin1String("figure")].toString();
        if (e->run.isEmpty()) return at + QStringLiteral(".run is missing (a run's label)");
        if (!labels.contains(e->run))
            return QStringLiteral("%1.run: no run labelled '%2'").arg(at, e->run);
        if (e->figure.isEmpty())
            return at + QStringLiteral(".figure is missing (a dotted path into the report)");
    }
    e->op = o[QLatin1String("op")].toString();
    if (!kOps.contains(e->op))
        return QStringLiteral("%1.op: '%2' is not one of > >= < <= == !=")
            .arg(at, o[QLatin1String("op")].toVariant().toString());
    if (!o.contains(QLatin1String("value"))) return at + QStringLiteral(".value is missing");
    e->value = o[QLatin1String("value")];
    const bool ordering = e->op != QLatin1String("==") && e->op != QLatin1String("!=");
    if (ordering && !e->value.isDouble())
        return QStringLiteral("%1.value must be a number for %2").arg(at, e->op);
    if (e->isRatio && !e->value.isDouble())
        return at + QStringLiteral(".value must be a number for a ratio");
    if (!e->value.isDouble() && !e->value.isString() && !e->value.isBool() && !e->value.isNull())
        return at + QStringLiteral(".value must be a number, a string, true/false or null");
    return {};
}

bool compare(const QJsonValue& a, const QString& op, const QJsonValue& b) {
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        if (op == QLatin1String(">")) return x > y;
        if (op == QLatin1String(">=")) return x >= y;
        if (op == QLatin1String("<")) return x < y;
        if (op == QLatin1String("<=")) return x <= y;
        if (op == QLatin1String("==")) return x == y;
        return x != y;
    }
    if (op == QLatin1String("==")) return a == b;
    if (op == QLatin1String("!=")) return a != b;
    return false; // ordering needs numbers
}

QString text(const QJsonValue& v) {
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 6);
    if (v.isString()) return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("null");
}

// The views a lesson points at: field 'look_at' (a name or a list), else the views its
// look_for text names. An error naming the field, or nothing.
QString parseLookAt(const QJsonObject& obj, Lesson& l) {
    if (!obj.contains(QLatin1String("look_at"))) {
        l.lookAt = viewsNamedIn(l.lookFor);
        return {};
    }
    const QJsonValue v = obj[QLatin1String("look_at")];
    const QJsonArray names = v.isString() ? QJsonArray{v} : v.toArray();
    if (names.isEmpty() && !v.isArray())
        return QStringLiteral("field 'look_at' must be a view name or a list of them "
                              "(progress, array, contention)");
    for (const QJsonValue& n : names) {
        if (!kViews.contains(n.toString()))
            return QStringLiteral("field 'look_at': '%1' is not a view (progress, array, "
                                  "contention)")
                .arg(n.isString() ? n.toString() : QStringLiteral("non-string"));
        if (!l.lookAt.contains(n.toString())) l.lookAt << n.toString();
    }
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
    for (const char* key : {"title", "story", "look_for", "explain"}) {
        const QJsonValue v = obj[QLatin1String(key)];
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return fail(
                QStringLiteral("field '%1' must be a non-empty string").arg(QLatin1String(key)));
    }
    l.title = obj[QLatin1String("title")].toString();
    l.story = obj[QLatin1String("story")].toString();
    l.lookFor = obj[QLatin1String("look_for")].toString();
    l.explain = obj[QLatin1String("explain")].toString();
    if (QString err = parseLookAt(obj, l); !err.isEmpty()) return fail(err);

    const QJsonArray runs = obj[QLatin1String("runs")].toArray();
    if (runs.isEmpty() || runs.size() > 8)
        return fail(QStringLiteral("field 'runs' must be an array of 1 to 8 runs"));
    QSet<QString> labels;
    for (int i = 0; i < runs.size(); ++i) {
        const QString at = QStringLiteral("runs[%1]").arg(i);
        const QJsonObject r = runs[i].toObject();
        if (!runs[i].isObject()) return fail(at + QStringLiteral(" must be an object"));
        for (auto it = r.begin(); it != r.end(); ++it)
            if (it.key() != QLatin1String("label") && it.key() != QLatin1String("config"))
                return fail(QStringLiteral("%1: unknown field '%2'").arg(at, it.key()));
        LessonRun run;
        run.label = r[QLatin1String("label")].toString();
        if (run.label.isEmpty() || run.label.contains(QLatin1Char('.')))
            return fail(at + QStringLiteral(".label must be a non-empty name without dots"));
        if (labels.contains(run.label))
            return fail(QStringLiteral("%1.label: '%2' is used twice").arg(at, run.label));
        labels.insert(run.label);
        if (!r[QLatin1String("config")].isObject())
            return fail(at + QStringLiteral(".config must be an object of settings"));
        run.configJson = r[QLatin1String("config")].toObject();
        if (QString err = applySettingsObject(run.configJson, run.config,
                                              at + QStringLiteral(".config"), source);
            !err.isEmpty())
            return fail(err);
        if (auto err = shm::validate(run.config))
            return fail(at + QStringLiteral(".config: ") + QString::fromStdString(*err));
        l.runs.append(run);
    }
    const QJsonArray expect = obj[QLatin1String("expect")].toArray();
    if (expect.isEmpty())
        return fail(QStringLiteral("field 'expect' must be an array of at least one expectation"));
    for (int i = 0; i < expect.size(); ++i) {
        LessonExpect e;
        if (QString err = parseExpect(expect[i], i, labels, &e); !err.isEmpty()) return fail(err);
        l.expect.append(e);
    }
    return l;
}

std::optional<QList<Lesson>> loadLessonFile(const QString& path, QString* error) {
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("--lesson-file: '%1' does not exist").arg(path);
        return std::nullopt;
    }
    if (!info.isFile() || info.size() > (1 << 20)) {
        *error = QStringLiteral("--lesson-file: '%1' is not a regular file under 1 MiB").arg(path);
        return std::nullopt;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--lesson-file: cannot read '%1': %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError) {
        *error = QStringLiteral("--lesson-file: '%1' is not valid JSON (%2 at offset %3)")
                     .arg(path, perr.errorString())
                     .arg(perr.offset);
        return std::nullopt;
    }
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject())
        items.append(doc.object());
    if (items.isEmpty()) {
        *error = QStringLiteral("--lesson-file: '%1' must hold a lesson object or an array of them")
                     .arg(path);
        return std::nullopt;
    }
    QList<Lesson> out;
    QSet<QString> ids;
    for (const QJsonValue& v : items) {
        if (!v.isObject()) {
            *error =
                QStringLiteral("--lesson-file: '%1' holds something that is not a lesson object")
                    .arg(path);
            return std::nullopt;
        }
        auto l = parseLesson(v.toObject(), path, error);
        if (!l) return std::nullopt;
        if (ids.contains(l->id)) {
            *error = QStringLiteral("lesson '%1': the id is used twice in '%2'").arg(l->id, path);
            return std::nullopt;
        }
        ids.insert(l->id);
        out.append(*l);
    }
    return out;
}

const QList<Lesson>& builtInLessons() {
    static const QList<Lesson> lessons = [] {
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
    return lessons;
}

std::optional<Lesson> findLesson(const QString& id, const QString& file, QString* error) {
    QList<Lesson> pool;
    if (!file.isEmpty()) {
        auto ls = loadLessonFile(file, error);
        if (!ls) return std::nullopt;
        pool = *ls;
    } else {
        pool = builtInLessons();
    }
    for (const Lesson& l : pool)
        if (l.id == id) return l;
    *error = file.isEmpty()
                 ? QStringLiteral("--lesson: no lesson '%1' (see --list-lessons)").arg(id)
                 : QStringLiteral("--lesson: no lesson '%1' in '%2'").arg(id, file);
    return std::nullopt;
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
        if (out->isUndefined()) {
            r.why = QStringLiteral("run %1's report has no figure '%2'").arg(run, fig);
            return false;
        }
        return true;
    };
    if (e.isRatio) {
        QJsonValue a, b;
        if (!figure(e.ratioRun[0], e.ratioFig[0], &a) || !figure(e.ratioRun[1], e.ratioFig[1], &b))
            return r;
        if (!a.isDouble() || !b.isDouble() || b.toDouble() == 0) {
            r.why = QStringLiteral("%1.%2 / %3.%4 is not a number (%5 / %6)")
                        .arg(e.ratioRun[0], e.ratioFig[0], e.ratioRun[1], e.ratioFig[1], text(a),
                             text(b));
            return r;
        }
        r.observed = a.toDouble() / b.toDouble();
    } else {
        QJsonValue v;
        if (!figure(e.run, e.figure, &v)) return r;
        r.observed = v;
    }
    r.holds = compare(r.observed, e.op, e.value);
    if (!r.holds) {
        const QString what = e.describe();
        r.why = QStringLiteral("%1 is %2, expected %3 %4")
                    .arg(what, text(r.observed), e.op, text(e.value));
    }
    return r;
}
