#include "lessons/lesson_verdict.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {

QString say(const char* text, bool translated) {
    return translated ? QCoreApplication::translate("LessonVerdict", text)
                      : QString::fromUtf8(text);
}

bool measured(const QJsonValue& v) {
    return !v.isUndefined() && !v.isNull();
}

// ">=" as the sentence writes it.
QString opSign(const QString& op) {
    if (op == QLatin1String(">=")) return QStringLiteral("≥");
    if (op == QLatin1String("<=")) return QStringLiteral("≤");
    if (op == QLatin1String("!=")) return QStringLiteral("≠");
    if (op == QLatin1String("==")) return QStringLiteral("=");
    return op;
}

} // namespace

bool compareFigures(const QJsonValue& a, const QString& op, const QJsonValue& b) {
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
    return false;
}

QString verdictKey(LessonVerdict v) {
    switch (v) {
    case LessonVerdict::Seen:
        return QStringLiteral("seen");
    case LessonVerdict::NotSeen:
        return QStringLiteral("not seen");
    case LessonVerdict::Inconclusive:
        break;
    }
    return QStringLiteral("inconclusive");
}

QString verdictName(LessonVerdict v) {
    switch (v) {
    case LessonVerdict::Seen:
        return QCoreApplication::translate("LessonVerdict", "Seen");
    case LessonVerdict::NotSeen:
        return QCoreApplication::translate("LessonVerdict", "Not seen");
    case LessonVerdict::Inconclusive:
        break;
    }
    return QCoreApplication::translate("LessonVerdict", "Inconclusive");
}

QString statusName(const QString& status) {
    if (status == QLatin1String("finished"))
        return QCoreApplication::translate("LessonVerdict", "finished");
    if (status == QLatin1String("failed"))
        return QCoreApplication::translate("LessonVerdict", "failed");
    if (status == QLatin1String("terminated"))
        return QCoreApplication::translate("LessonVerdict", "terminated");
    return status;
}

QString writtenText(const QJsonValue& v) {
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15) return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    if (v.isString()) return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("null");
}

QString observedText(const QJsonValue& v) {
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15) return QString::number(qint64(d));
        if (std::abs(d) >= 100) return QString::number(d, 'f', 0);
        return QString::number(d, 'g', 3);
    }
    return writtenText(v);
}

RequireResult evaluateRequire(const LessonRequire& q, const QMap<QString, QJsonObject>& reports) {
    RequireResult r;
    r.observed = figureAt(reports.value(q.run), q.figure);
    r.holds = measured(r.observed) && compareFigures(r.observed, q.op, q.value);
    return r;
}

QString requireReason(const LessonRequire& q, const RequireResult& r, bool translated) {
    if (!measured(r.observed))
        return say(QT_TRANSLATE_NOOP("LessonVerdict", "%1 was not measured"), translated)
            .arg(q.written);
    if (const QString why = translated ? q.why : q.englishWhy; !why.isEmpty()) {
        // {observed%} and {value%}: a fraction as a whole percentage ("8 %"), which a class
        // reads faster than 0.0806.
        const auto percent = [](const QJsonValue& v) {
            return v.isDouble() ? QStringLiteral("%1 %").arg(qRound(v.toDouble() * 100))
                                : observedText(v);
        };
        QString s = why;
        return s.replace(QLatin1String("{observed%}"), percent(r.observed))
            .replace(QLatin1String("{value%}"), percent(q.value))
            .replace(QLatin1String("{observed}"), observedText(r.observed))
            .replace(QLatin1String("{value}"), writtenText(q.value));
    }
    return say(QT_TRANSLATE_NOOP("LessonVerdict", "%1 was %2, needed %3 %4"), translated)
        .arg(q.written, observedText(r.observed), opSign(q.op), writtenText(q.value));
}

QString expectationReason(const LessonExpect& e, const ExpectResult& r, bool translated) {
    if (!r.missing.isEmpty())
        return say(QT_TRANSLATE_NOOP("LessonVerdict", "%1 was not measured"), translated)
            .arg(r.missing);
    if (e.isRatio && !r.observed.isDouble())
        return say(QT_TRANSLATE_NOOP("LessonVerdict", "%1 is not a number"), translated)
            .arg(e.describe());
    const bool ordering = e.op != QLatin1String("==") && e.op != QLatin1String("!=");
    if (!e.isRatio || !ordering || !r.observed.isDouble())
        return say(QT_TRANSLATE_NOOP("LessonVerdict", "%1 %2 %3: observed %4"), translated)
            .arg(e.describe(), e.op, writtenText(e.value), observedText(r.observed));
    const double needed = e.value.toDouble(), seen = r.observed.toDouble();
    QString s =
        say(QT_TRANSLATE_NOOP("LessonVerdict", "%1: observed %2, needed %3 %4"), translated)
            .arg(e.describe(), observedText(r.observed), opSign(e.op), writtenText(e.value));
    if (needed != 0) {
        const double pct = std::abs(needed - seen) / std::abs(needed) * 100;
        const QString amount = QString::number(std::max(1.0, std::round(pct)), 'f', 0);
        s += QLatin1Char(' ') +
             (e.op.startsWith(QLatin1Char('>'))
                  ? say(QT_TRANSLATE_NOOP("LessonVerdict", "(%1 % short)"), translated)
                  : say(QT_TRANSLATE_NOOP("LessonVerdict", "(%1 % over)"), translated))
                 .arg(amount);
    }
    return s;
}
