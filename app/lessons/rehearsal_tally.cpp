#include "lessons/rehearsal_tally.h"

#include "lessons/lesson_verdict.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Rehearsal", text);
}

RehearsalFigure figureOf(const QString& describe, const QString& op, const QJsonValue& value) {
    RehearsalFigure f;
    f.describe = describe;
    f.op = op;
    f.value = value;
    return f;
}

} // namespace

void RehearsalFigure::add(const QJsonValue& observed, bool held) {
    holds += held ? 1 : 0;
    if (observed.isUndefined() || observed.isNull()) return;
    ++measured;
    if (observed.isDouble()) {
        const double d = observed.toDouble();
        min = numeric ? std::min(min, d) : d;
        max = numeric ? std::max(max, d) : d;
        numeric = true;
        return;
    }
    const QString text = observedText(observed);
    if (!others.contains(text)) others << text;
}

QString RehearsalFigure::rangeText() const {
    QStringList parts;
    if (numeric)
        parts << (min == max ? observedText(min)
                             : observedText(min) + QStringLiteral("–") + observedText(max));
    parts << others;
    return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
}

QJsonObject RehearsalFigure::toJson() const {
    QJsonObject j{{QStringLiteral("describe"), describe},
                  {QStringLiteral("op"), op},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("holds"), holds},
                  {QStringLiteral("measured"), measured}};
    // Not measured in any play: null, as a verdict's "observed" is.
    j.insert(QStringLiteral("min"), numeric ? QJsonValue(min) : QJsonValue());
    j.insert(QStringLiteral("max"), numeric ? QJsonValue(max) : QJsonValue());
    if (!others.isEmpty()) j.insert(QStringLiteral("values"), QJsonArray::fromStringList(others));
    return j;
}

RehearsalTally::RehearsalTally(const Lesson& lesson)
    : id(lesson.id), title(lesson.title), englishTitle(lesson.english.title) {
    for (const LessonExpect& e : lesson.expect)
        expect.append(figureOf(e.describe(), e.op, e.value));
    for (const LessonRequire& q : lesson.require)
        require.append(figureOf(q.written, q.op, q.value));
}

void RehearsalTally::add(const Lesson& lesson, const LessonOutcome& outcome) {
    ++plays;
    switch (outcome.verdict) {
    case LessonVerdict::Seen:
        ++seen;
        break;
    case LessonVerdict::NotSeen:
        ++notSeen;
        break;
    case LessonVerdict::Inconclusive:
        ++inconclusive;
        break;
    }
    for (int i = 0; i < expect.size() && i < outcome.results.size(); ++i)
        expect[i].add(outcome.results[i].observed, outcome.results[i].holds);
    for (int i = 0; i < require.size() && i < outcome.requireResults.size(); ++i)
        require[i].add(outcome.requireResults[i].observed, outcome.requireResults[i].holds);
    const QStringList shown = outcome.reasonTexts(lesson);
    for (int i = 0; i < outcome.reasons.size(); ++i) {
        const QString& text = outcome.reasons[i];
        auto it = std::find_if(reasons.begin(), reasons.end(),
                               [&](const RehearsalReason& r) { return r.text == text; });
        if (it == reasons.end())
            reasons.append({text, i < shown.size() ? shown[i] : text, 1});
        else
            ++it->count;
    }
}

QJsonObject RehearsalTally::toJson() const {
    QJsonArray ex, req, why;
    for (const RehearsalFigure& f : expect)
        ex.append(f.toJson());
    for (const RehearsalFigure& f : require)
        req.append(f.toJson());
    for (const RehearsalReason& r : reasons)
        why.append(
            QJsonObject{{QStringLiteral("text"), r.text}, {QStringLiteral("count"), r.count}});
    QJsonObject j{{QStringLiteral("id"), id},
                  {QStringLiteral("title"), englishTitle},
                  {QStringLiteral("plays"), plays},
                  {QStringLiteral("seen"), seen},
                  {QStringLiteral("not_seen"), notSeen},
                  {QStringLiteral("inconclusive"), inconclusive},
                  {QStringLiteral("expect"), ex},
                  {QStringLiteral("reasons"), why}};
    if (!require.isEmpty()) j.insert(QStringLiteral("require"), req);
    return j;
}

QString rehearsalText(const QList<RehearsalTally>& tallies) {
    // The headline columns sized to the longest id and the headers' words (translated).
    const QString hSeen = tr("seen"), hNot = tr("not seen"), hInc = tr("inconclusive");
    qsizetype idWidth = tr("lesson").size();
    for (const RehearsalTally& t : tallies)
        idWidth = std::max(idWidth, t.id.size());
    auto cell = [](const QString& s, qsizetype width) { return s.rightJustified(width + 2); };
    QString out = tr("lesson").leftJustified(idWidth) + cell(hSeen, hSeen.size()) +
                  cell(hNot, hNot.size()) + cell(hInc, hInc.size()) + QLatin1Char('\n');
    for (const RehearsalTally& t : tallies) {
        auto of = [&](int k) { return QStringLiteral("%1/%2").arg(k).arg(t.plays); };
        out += t.id.leftJustified(idWidth) + cell(of(t.seen), hSeen.size()) +
               cell(of(t.notSeen), hNot.size()) + cell(of(t.inconclusive), hInc.size()) +
               QLatin1Char('\n');
    }
    for (const RehearsalTally& t : tallies) {
        out += QLatin1Char('\n') +
               tr("%1 — %2: seen in %3 of %4").arg(t.id, t.title).arg(t.seen).arg(t.plays) +
               QLatin1Char('\n');
        auto figure = [&](const RehearsalFigure& f, bool isRequire) {
            const QString what = isRequire ? tr("requires %1").arg(f.describe) : f.describe;
            out += QStringLiteral("  %1 %2 %3: ").arg(what, f.op, writtenText(f.value)) +
                   tr("observed %1, held %2/%3").arg(f.rangeText()).arg(f.holds).arg(t.plays) +
                   QLatin1Char('\n');
        };
        for (const RehearsalFigure& f : t.require)
            figure(f, true);
        for (const RehearsalFigure& f : t.expect)
            figure(f, false);
        for (const RehearsalReason& r : t.reasons)
            out += QStringLiteral("  %1× %2\n").arg(r.count).arg(r.shown);
    }
    return out;
}
