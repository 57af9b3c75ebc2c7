// Lessons (app/lessons, resources/lessons): every built-in lesson shows its effect on this
// machine through the real binary (`--lesson ID --headless --json`), a teacher's own lesson
// file runs, and broken lesson files are refused in one line with exit 2, leaving nothing.
#include "../test_util.h"
#include "lessons/lesson.h"
#include "lessons/lesson_figures.h"
#include "lessons/lesson_play.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TestLessons : public QObject {
    Q_OBJECT
  private slots:
    void atLeastTwelveBuiltIn();
    void everyBuiltInLessonIsSeen_data();
    void everyBuiltInLessonIsSeen();
    void aTeachersOwnLessonRuns();
    void brokenLessonFilesExitTwo_data();
    void brokenLessonFilesExitTwo();
    void figurePaths();
    void knownFiguresComeFromReports();
    void verdictInconclusiveWhenARequireFails();
    void verdictSeenAndNotSeen();
    void falseSharingOnAFreeCacheLineIsInconclusive();
    void requireOfAFigureNotMeasured();
    void workersRelativeToTheMachine();
    void lessonFileAddsToTheBuiltInOnes();

  private:
    QTemporaryDir m_dir;
    QString write(const QString& name, const QByteArray& text) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(text);
        return f.fileName();
    }
};

namespace {
// Why this machine could not show a lesson in one run, or empty. Only the lessons' ratios of
// measured figures (times, contention counts) depend on the machine; any other miss is never
// the machine's doing. Ratios need the cores: with others using a quarter of the machine or
// more (from /proc/stat around the run), workers take turns on the cores and contention and
// speed follow the load. False sharing needs two cores with private caches besides: on a VM
// whose two vCPUs share a cache, packed counters cost what padded ones do, so a missed
// packed/padded ratio on a quiet machine cannot be judged either.
QString cannotShow(const QString& id, const QJsonObject& j, double others) {
    const QJsonArray expect =
        j[QLatin1String("lesson")].toObject()[QLatin1String("expect")].toArray();
    QStringList whys;
    for (const QJsonValue& e : expect) {
        if (e[QLatin1String("holds")].toBool()) continue;
        if (!e.toObject().contains(QLatin1String("ratio"))) return {};
        whys << e[QLatin1String("why")].toString();
    }
    const QString busy =
        QStringLiteral("others used %1% of the machine").arg(others * 100, 0, 'f', 0);
    if (others >= 0.25) return busy + QStringLiteral(": ") + whys.join(QStringLiteral("; "));
    // Only the speed ratio missed, on a quiet machine. Whether a shared line costs depends on
    // where the hypervisor puts the two vCPUs, and that can change between the probe and the
    // runs: seen in CI, the probe's shared line at >= 1.15x a private one, then packed at 0.67
    // of padded, twice. A wrong count or an error still fails (the return above).
    if (id != QLatin1String("false-sharing")) return {};
    QStringList ns;
    for (const QJsonValue& run : j[QLatin1String("runs")].toArray())
        ns << QStringLiteral("%1 %2 ns")
                  .arg(run[QLatin1String("label")].toString())
                  .arg(run[QLatin1String("counters")][QLatin1String("total_cpu_ns_per_increment")]
                           .toDouble(),
                       0, 'f', 2);
    return QStringLiteral("packed not clearly slower than padded (%1 of CPU per increment; %2): %3")
        .arg(ns.join(QStringLiteral(", ")), busy, whys.join(QStringLiteral("; ")));
}
} // namespace

void TestLessons::atLeastTwelveBuiltIn() {
    const auto r = testutil::runCli({QStringLiteral("--list-lessons")});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY2(lines.size() >= 12, r.out.constData());
    QCOMPARE(qsizetype(builtInLessons().size()), lines.size());
    for (const Lesson& l : builtInLessons()) {
        QVERIFY(r.out.contains(l.id.toUtf8()));
        QVERIFY2(l.story.size() > 200,
                 qPrintable(l.id + QStringLiteral(": a story of a few sentences")));
        QVERIFY2(!l.lookAt.isEmpty(), qPrintable(l.id + QStringLiteral(": a view to outline")));
    }
    // A teacher's lesson without look_at: the views its look_for names.
    QString err;
    const auto own = parseLesson(QJsonDocument::fromJson(
                                     R"({"id": "x", "title": "t", "story": "s", "explain": "e",
                "look_for": "The Workers table, then the lock timeline.",
                "runs": [{"label": "A", "config": {}}],
                "expect": [{"run": "A", "figure": "mismatches", "op": "==", "value": 0}]})")
                                     .object(),
                                 QStringLiteral("test"), &err);
    QVERIFY2(own, qPrintable(err));
    QCOMPARE(own->lookAt, (QStringList{QStringLiteral("progress"), QStringLiteral("contention")}));
}

void TestLessons::everyBuiltInLessonIsSeen_data() {
    QTest::addColumn<QString>("id");
    for (const Lesson& l : builtInLessons())
        QTest::addRow("%s", qPrintable(l.id)) << l.id;
}

// The expectations are measured figures on a shared, noisy 2-core machine: a lesson gets a
// second run before it counts as not seen, and the first miss is printed.
void TestLessons::everyBuiltInLessonIsSeen() {
    QFETCH(QString, id);
    // A build without Open MPI has no shmscope-mpi-worker: its MPI lesson cannot run there.
    for (const Lesson& l : builtInLessons())
        if (l.id == id)
            for (const LessonRun& run : l.runs)
                if (run.config.transport == shm::Transport::Mpi &&
                    !QFile::exists(testutil::binDir() + QStringLiteral("/shmscope-mpi-worker")))
                    QSKIP("built without MPI");
    QString misses;
    QStringList machine; // per attempt: why this machine cannot show the effect, or empty
    for (int attempt = 0; attempt < 2; ++attempt) {
        const testutil::MachineCpu before = testutil::machineCpu();
        const auto r = testutil::runCli({QStringLiteral("--lesson"), id,
                                         QStringLiteral("--headless"), QStringLiteral("--json")});
        const testutil::MachineCpu after = testutil::machineCpu();
        QCOMPARE(r.exitCode, 0);
        QVERIFY(testutil::shmEntries(r.pid).isEmpty());
        const QJsonObject j = QJsonDocument::fromJson(r.out).object();
        const QJsonObject lesson = j[QLatin1String("lesson")].toObject();
        QCOMPARE(lesson[QLatin1String("id")].toString(), id);
        const QJsonArray runs = j[QLatin1String("runs")].toArray();
        QVERIFY(!runs.isEmpty());
        for (const QJsonValue& run : runs)
            QVERIFY(!run[QLatin1String("label")].toString().isEmpty());
        for (const QJsonValue& e : lesson[QLatin1String("expect")].toArray()) {
            QVERIFY(e.toObject().contains(QLatin1String("observed")));
            if (!e[QLatin1String("holds")].toBool())
                misses += QStringLiteral("attempt %1: %2\n")
                              .arg(attempt + 1)
                              .arg(e[QLatin1String("why")].toString());
        }
        double ours = 0; // the lesson's workers' CPU time: the rest of the busy time is others'
        for (const QJsonValue& run : runs)
            ours += run[QLatin1String("cpu_seconds")].toDouble();
        machine << cannotShow(id, j, testutil::othersShare(before, after, ours));
        // The lesson itself found the machine could not show it (a require failed): what it
        // says is the reason, and a second attempt may find the machine quieter.
        if (lesson[QLatin1String("verdict")].toString() == QLatin1String("inconclusive")) {
            QStringList why;
            for (const QJsonValue& reason : lesson[QLatin1String("reasons")].toArray())
                why << reason.toString();
            QVERIFY2(!why.isEmpty(), "inconclusive without a reason");
            machine.last() = QStringLiteral("inconclusive: ") + why.join(QStringLiteral("; "));
        }
        if (lesson[QLatin1String("seen")].toBool()) {
            if (!misses.isEmpty())
                qInfo("%s seen on the second run; first: %s", qPrintable(id), qPrintable(misses));
            return;
        }
    }
    if (!machine.contains(QString()))
        QSKIP(qPrintable(QStringLiteral("this machine cannot show it: ") +
                         machine.join(QStringLiteral("; "))));
    QFAIL(qPrintable(id + QStringLiteral(" not seen:\n") + misses));
}

void TestLessons::aTeachersOwnLessonRuns() {
    const QString file = write(QStringLiteral("mine.json"), R"([{
      "id": "my-split", "title": "Cyclic against block",
      "story": "A lesson written by a teacher, in the published schema.",
      "look_for": "The partition strip.",
      "runs": [{"label": "cyclic", "config": {"workers": 3, "elements": 3000, "partition": "cyclic"}},
               {"label": "block", "config": {"workers": 3, "elements": 3000, "partition": "block"}}],
      "expect": [{"run": "cyclic", "figure": "unwritten", "op": "==", "value": 0},
                 {"run": "block", "figure": "workers.2.processed", "op": "==", "value": 1000},
                 {"run": "block", "figure": "workers.length", "op": "==", "value": 3},
                 {"ratio": ["cyclic.processed", "block.processed"], "op": "==", "value": 1}],
      "explain": "Both cover every element."}])");
    const auto list =
        testutil::runCli({QStringLiteral("--list-lessons"), QStringLiteral("--lesson-file"), file});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("\nmy-split "));
    const auto r = testutil::runCli({QStringLiteral("--lesson"), QStringLiteral("my-split"),
                                     QStringLiteral("--lesson-file"), file,
                                     QStringLiteral("--json"), QStringLiteral("--headless")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject lesson =
        QJsonDocument::fromJson(r.out).object()[QLatin1String("lesson")].toObject();
    QVERIFY2(lesson[QLatin1String("seen")].toBool(), r.out.constData());
    // A flag given with --lesson overrides every run's setting: 4 workers instead of 3.
    const auto more = testutil::runCli({QStringLiteral("--lesson"), QStringLiteral("my-split"),
                                        QStringLiteral("--lesson-file"), file,
                                        QStringLiteral("--json"), QStringLiteral("--headless"),
                                        QStringLiteral("--workers"), QStringLiteral("4")});
    const QJsonObject l4 =
        QJsonDocument::fromJson(more.out).object()[QLatin1String("lesson")].toObject();
    QVERIFY(!l4[QLatin1String("seen")].toBool());
    QCOMPARE(l4[QLatin1String("expect")].toArray()[2][QLatin1String("observed")].toInt(), 4);
}

void TestLessons::brokenLessonFilesExitTwo_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("says");
    const QByteArray good =
        R"({"id": "x", "title": "t", "story": "s", "look_for": "l", "explain": "e",
      "runs": [{"label": "A", "config": {"workers": 2}}],
      "expect": [{"run": "A", "figure": "mismatches", "op": "==", "value": 0}]})";
    auto broken = [&](const char* tag, QByteArray from, QByteArray to, const QString& says) {
        QByteArray t = good;
        QVERIFY2(t.contains(from), tag);
        t.replace(from, to);
        QTest::addRow("%s", tag) << t << says;
    };
    QTest::addRow("not json") << QByteArray("{\"id\": ") << QStringLiteral("is not valid JSON");
    QTest::addRow("empty array") << QByteArray("[]") << QStringLiteral("must hold a lesson object");
    broken("no id", R"("id": "x", )", "", QStringLiteral("field 'id'"));
    broken("bad id", R"("id": "x")", R"("id": "X Y")", QStringLiteral("field 'id'"));
    broken("no title", R"("title": "t", )", "", QStringLiteral("lesson 'x': field 'title'"));
    broken("unknown field", R"("explain": "e")", R"("explain": "e", "colour": 1)",
           QStringLiteral("unknown field 'colour'"));
    broken("no runs", R"([{"label": "A", "config": {"workers": 2}}])", "[]",
           QStringLiteral("field 'runs'"));
    broken("bad setting", R"({"workers": 2})", R"({"workers": 0})", QStringLiteral("--workers"));
    broken("unknown setting", R"({"workers": 2})", R"({"wrokers": 2})",
           QStringLiteral("unknown field 'wrokers'"));
    broken("setting type", R"({"workers": 2})", R"({"workers": "2"})",
           QStringLiteral("field 'workers' must be a whole number"));
    broken("bad combination", R"({"workers": 2})", R"({"workers": 2, "kill_worker": 5})",
           QStringLiteral("--kill-worker"));
    broken("run label twice", R"([{"label": "A", "config": {"workers": 2}}])",
           R"([{"label": "A", "config": {}}, {"label": "A", "config": {}}])",
           QStringLiteral("'A' is used twice"));
    // The five mistakes a teacher makes most: each refused before anything runs, naming the
    // place (and the file: brokenLessonFilesExitTwo checks that).
    broken("unknown run", R"("run": "A")", R"("run": "C")",
           QStringLiteral("lesson 'x': expect[0].run 'C': no such run (runs are A)"));
    broken("figure typo", R"("figure": "mismatches")", R"("figure": "lock.contnded")",
           QStringLiteral("expect[0].figure 'lock.contnded': no such figure (did you mean "
                          "lock.contended?)"));
    broken("out of range", R"({"workers": 2})", R"({"workers": 100000})",
           QStringLiteral("runs[0].config"));
    broken("missing field", R"("look_for": "l", )", "",
           QStringLiteral("field 'look_for' is missing"));
    broken("trailing comma", R"("value": 0}])", R"("value": 0},
      ])",
           QStringLiteral("broken.json:4:8: is not valid JSON"));
    broken("figure typo in a ratio", R"("run": "A", "figure": "mismatches")",
           R"("ratio": ["A.workers.0.rte", "A.workers.1.rate"])",
           QStringLiteral("expect[0].ratio[0] 'A.workers.0.rte': no such figure (did you mean "
                          "workers.0.rate?)"));
    broken("require of an unknown figure", R"("explain": "e")",
           R"("explain": "e", "require": [{"figure": "A.overlp", "op": ">=", "value": 0.8}])",
           QStringLiteral("require[0].figure 'A.overlp': no such figure (did you mean overlap?)"));
    broken("relative workers", R"({"workers": 2})", R"({"workers": "3*core"})",
           QStringLiteral("field 'workers' must be a whole number or \"cores\", \"N*cores\", "
                          "\"cores/N\" (not '3*core')"));
    broken("bad op", R"("op": "==")", R"("op": "=")", QStringLiteral("expect[0].op"));
    broken("ordering a string", R"("op": "==", "value": 0)", R"("op": ">", "value": "x")",
           QStringLiteral("must be a number"));
    broken("no figure", R"("figure": "mismatches", )", "", QStringLiteral("expect[0].figure"));
    broken("bad ratio", R"("run": "A", "figure": "mismatches")", R"("ratio": ["A.x"])",
           QStringLiteral("expect[0].ratio"));
    broken("no expect", R"([{"run": "A", "figure": "mismatches", "op": "==", "value": 0}])", "[]",
           QStringLiteral("field 'expect'"));
    broken("unknown view", R"("explain": "e")", R"("explain": "e", "look_at": ["graph"])",
           QStringLiteral("field 'look_at': 'graph' is not a view"));
    broken("view not a name", R"("explain": "e")", R"("explain": "e", "look_at": 3)",
           QStringLiteral("field 'look_at' must be a view name"));
}

void TestLessons::brokenLessonFilesExitTwo() {
    QFETCH(QByteArray, text);
    QFETCH(QString, says);
    const QString file = write(QStringLiteral("broken.json"), text);
    const auto r = testutil::runCli({QStringLiteral("--lesson"), QStringLiteral("x"),
                                     QStringLiteral("--lesson-file"), file,
                                     QStringLiteral("--json"), QStringLiteral("--headless")});
    SHMSCOPE_VERIFY_REFUSED(r, says);
    QVERIFY2(QString::fromUtf8(r.err).startsWith(QStringLiteral("shmscope: ") + file),
             r.err.constData());
    QVERIFY(!r.err.contains("run A")); // nothing ran
    QVERIFY(r.out.isEmpty());
}

void TestLessons::figurePaths() {
    const QJsonObject report = QJsonDocument::fromJson(R"({"lock": {"contended": 7},
        "workers": [{"cpu_seconds": 0.5}, {"cpu_seconds": 1.5}], "failure": null})")
                                   .object();
    QCOMPARE(figureAt(report, QStringLiteral("lock.contended")).toInt(), 7);
    QCOMPARE(figureAt(report, QStringLiteral("workers.1.cpu_seconds")).toDouble(), 1.5);
    QCOMPARE(figureAt(report, QStringLiteral("workers.length")).toInt(), 2);
    QVERIFY(figureAt(report, QStringLiteral("failure")).isNull());
    QVERIFY(figureAt(report, QStringLiteral("workers.2.cpu_seconds")).isUndefined());
    QVERIFY(figureAt(report, QStringLiteral("lock.nothing")).isUndefined());
    QVERIFY(figureAt(report, QStringLiteral("lock.contended.deeper")).isUndefined());
}

namespace {
// A lesson of two runs, A and B, with these requires and expectations (JSON arrays).
Lesson twoRunLesson(const QByteArray& require, const QByteArray& expect) {
    QString err;
    const auto l = parseLesson(
        QJsonDocument::fromJson(R"({"id": "v", "title": "t", "story": "s", "look_for": "l",
            "explain": "e", "runs": [{"label": "A", "config": {}}, {"label": "B", "config": {}}],
            "require": )" + require +
                                R"(, "expect": )" + expect + "}")
            .object(),
        QStringLiteral("test"), &err);
    if (!l) qFatal("%s", qPrintable(err));
    return *l;
}

// Reports as --json prints them, with the figures the verdict reads (and the ones being added
// by the machine probe: "overlap", "machine").
LessonOutcome judged(const Lesson& l, const QByteArray& a, const QByteArray& b) {
    LessonOutcome o;
    o.reports << QJsonDocument::fromJson(a).object() << QJsonDocument::fromJson(b).object();
    o.reports[0].insert(QStringLiteral("label"), QStringLiteral("A"));
    o.reports[1].insert(QStringLiteral("label"), QStringLiteral("B"));
    o.judge(l);
    return o;
}
} // namespace

void TestLessons::knownFiguresComeFromReports() {
    const QSet<QString> known = knownFigures(shm::ExperimentConfig{});
    QVERIFY(checkFigure(QStringLiteral("lock.contended"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("workers.3.rate"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("workers.last.cpu_seconds"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("workers.length"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("config.workers"), known).isEmpty());
    // Parts only some settings give a report: a flag given with --lesson may switch them on.
    QVERIFY(checkFigure(QStringLiteral("counters.total_ns_per_increment"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("queue.messages"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("mpi.ranks"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("seed_split.never_covered_elements"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("recoveries.0.by_worker"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("workers.1.mpi.rank"), known).isEmpty());
    QVERIFY(checkFigure(QStringLiteral("machine.line_cost_ratio"), known).isEmpty());
    QCOMPARE(checkFigure(QStringLiteral("workers.2.rte"), known),
             QStringLiteral("no such figure (did you mean workers.2.rate?)"));
    QCOMPARE(checkFigure(QStringLiteral("lock.nothing.at.all.here"), known),
             QStringLiteral("no such figure"));
    QVERIFY(!checkFigure(QStringLiteral("lock.contended.deeper"), known).isEmpty());
}

void TestLessons::verdictInconclusiveWhenARequireFails() {
    const Lesson l = twoRunLesson(
        R"([{"figure": "B.overlap", "op": ">=", "value": 0.8,
             "why": "the two workers ran together only {observed} of the time: the machine is busy"}])",
        R"([{"run": "A", "figure": "lost_updates", "op": ">", "value": 0}])");
    const LessonOutcome o = judged(l, R"({"lost_updates": 12})", R"({"overlap": 0.1})");
    QVERIFY(o.complete);
    QVERIFY(o.verdict == LessonVerdict::Inconclusive);
    QCOMPARE(verdictKey(o.verdict), QStringLiteral("inconclusive"));
    QVERIFY(!o.seen);
    QCOMPARE(o.reasons,
             QStringList{QStringLiteral(
                 "the two workers ran together only 0.1 of the time: the machine is busy")});
    QVERIFY(o.results[0].holds); // judged all the same
    // Without "why": a sentence naming the figure, what was needed and what was observed.
    const Lesson plain =
        twoRunLesson(R"([{"figure": "B.overlap", "op": ">=", "value": 0.8}])",
                     R"([{"run": "A", "figure": "lost_updates", "op": ">", "value": 0}])");
    QCOMPARE(judged(plain, R"({"lost_updates": 0})", R"({"overlap": 0.1})").reasons,
             QStringList{QStringLiteral("B.overlap was 0.1, needed ≥ 0.8")});
    // {observed%} / {value%}: the fraction as a whole percentage.
    const Lesson percent = twoRunLesson(
        R"x([{"figure": "B.overlap", "op": ">=", "value": 0.8,
             "why": "together {observed%} of the run (needed {value%})"}])x",
        R"([{"run": "A", "figure": "lost_updates", "op": ">", "value": 0}])");
    QCOMPARE(judged(percent, R"({"lost_updates": 3})", R"({"overlap": 0.0806})").reasons,
             QStringList{QStringLiteral("together 8 % of the run (needed 80 %)")});
}

// The built-in false-sharing lesson on a machine whose CPUs share a cache line for free (the
// probe's ratio about 1, SMT siblings): "inconclusive" and why, never "not seen"; on one that
// pays for the line, the same reports are judged by the expectation.
void TestLessons::falseSharingOnAFreeCacheLineIsInconclusive() {
    std::optional<Lesson> l;
    for (const Lesson& b : builtInLessons())
        if (b.id == QLatin1String("false-sharing")) l = b;
    QVERIFY(l);
    const auto reports = [](double lineCost) {
        const QByteArray machine = QByteArray(R"("machine": {"cores": 2, "line_cost_ratio": )" +
                                              QByteArray::number(lineCost) + "}");
        // QByteArrays made here: a QStringBuilder would outlive `machine`.
        return std::pair(QByteArray(R"({"mismatches": 0, "overlap": 0.93, )" + machine +
                                    R"(, "counters": {"total_cpu_ns_per_increment": 1.02}})"),
                         QByteArray(R"({"mismatches": 0, "overlap": 0.95, )" + machine +
                                    R"(, "counters": {"total_cpu_ns_per_increment": 1.0}})"));
    };
    const auto [freeA, freeB] = reports(1.03);
    const LessonOutcome free = judged(*l, freeA, freeB);
    QVERIFY(free.verdict == LessonVerdict::Inconclusive);
    QCOMPARE(free.reasons.size(), 1);
    QVERIFY2(free.reasons[0].startsWith(
                 QStringLiteral("this machine's CPUs share a cache line for free")),
             qPrintable(free.reasons[0]));
    QVERIFY(free.reasons[0].contains(QStringLiteral("1.03×")));
    const auto [paidA, paidB] = reports(2.4);
    QVERIFY(judged(*l, paidA, paidB).verdict == LessonVerdict::NotSeen);
}

void TestLessons::verdictSeenAndNotSeen() {
    const Lesson l = twoRunLesson(
        R"([{"figure": "B.overlap", "op": ">=", "value": 0.8},
            {"figure": "machine.cores", "op": ">=", "value": 2}])",
        R"([{"run": "A", "figure": "lost_updates", "op": ">", "value": 0},
            {"ratio": ["A.compute_seconds", "B.compute_seconds"], "op": ">=", "value": 1.25}])");
    const QByteArray b = R"({"overlap": 0.95, "compute_seconds": 1.0})";
    const LessonOutcome seen = judged(
        l, R"({"lost_updates": 140300, "compute_seconds": 1.5, "machine": {"cores": 2}})", b);
    QVERIFY(seen.verdict == LessonVerdict::Seen);
    QVERIFY(seen.seen);
    QVERIFY(seen.reasons.isEmpty());
    const LessonOutcome missed =
        judged(l, R"({"lost_updates": 0, "compute_seconds": 1.12, "machine": {"cores": 2}})", b);
    QVERIFY(missed.verdict == LessonVerdict::NotSeen);
    QCOMPARE(verdictKey(missed.verdict), QStringLiteral("not seen"));
    QVERIFY(!missed.seen);
    QCOMPARE(missed.reasons,
             (QStringList{QStringLiteral("A.lost_updates > 0: observed 0"),
                          QStringLiteral("A.compute_seconds / B.compute_seconds: observed 1.12, "
                                         "needed ≥ 1.25 (10 % short)")}));
}

void TestLessons::requireOfAFigureNotMeasured() {
    const Lesson l =
        twoRunLesson(R"([{"figure": "machine.line_cost_ratio", "op": ">=", "value": 1.5,
                          "why": "a cache line costs only {observed} times a private one"}])",
                     R"([{"run": "A", "figure": "mismatches", "op": "==", "value": 0}])");
    QCOMPARE(l.require[0].run, QStringLiteral("A")); // not a run's label: the first run's report
    for (const QByteArray& a :
         {QByteArray(R"({"mismatches": 0})"),
          QByteArray(R"({"mismatches": 0, "machine": {"line_cost_ratio": null}})")}) {
        const LessonOutcome o = judged(l, a, "{}");
        QVERIFY(o.verdict == LessonVerdict::Inconclusive);
        QCOMPARE(o.reasons,
                 QStringList{QStringLiteral("machine.line_cost_ratio was not measured")});
    }
}

void TestLessons::workersRelativeToTheMachine() {
    QCOMPARE(relativeWorkers(QStringLiteral("2*cores"), 1), std::optional<uint32_t>(2));
    QCOMPARE(relativeWorkers(QStringLiteral("2*cores"), 3), std::optional<uint32_t>(6));
    QCOMPARE(relativeWorkers(QStringLiteral("cores"), 8), std::optional<uint32_t>(8));
    QCOMPARE(relativeWorkers(QStringLiteral("cores/2"), 8), std::optional<uint32_t>(4));
    QCOMPARE(relativeWorkers(QStringLiteral("cores/2"), 2), std::optional<uint32_t>(2));
    QCOMPARE(relativeWorkers(QStringLiteral("8*cores"), 32),
             std::optional<uint32_t>(shm::limits::kMaxWorkers));
    QVERIFY(!relativeWorkers(QStringLiteral("2*cores/2"), 4));
    QVERIFY(!relativeWorkers(QStringLiteral("cores+1"), 4));
    QVERIFY(!relativeWorkers(QStringLiteral("0*cores"), 4));
    // Through the binary: the report's config has this machine's number, the lesson as written.
    const QString file = write(QStringLiteral("relative.json"), R"({"id": "relative",
      "title": "t", "story": "s", "look_for": "l", "explain": "e",
      "runs": [{"label": "A", "config": {"workers": "2*cores", "elements": 4000}}],
      "expect": [{"run": "A", "figure": "mismatches", "op": "==", "value": 0}]})");
    const auto r = testutil::runCli({QStringLiteral("--lesson"), QStringLiteral("relative"),
                                     QStringLiteral("--lesson-file"), file,
                                     QStringLiteral("--json"), QStringLiteral("--headless")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    const uint32_t cores = onlineCores();
    const int expected = int(std::clamp<uint32_t>(2 * cores, 2, shm::limits::kMaxWorkers));
    const QJsonObject run = j[QLatin1String("runs")].toArray()[0].toObject();
    QCOMPARE(run[QLatin1String("config")][QLatin1String("workers")].toInt(), expected);
    QCOMPARE(run[QLatin1String("workers")].toArray().size(), expected);
    QCOMPARE(j[QLatin1String("lesson")][QLatin1String("verdict")].toString(),
             QStringLiteral("seen"));
    QVERIFY(j[QLatin1String("lesson")][QLatin1String("reasons")].toArray().isEmpty());
    // The built-in lessons keep this machine's numbers: 2 cores -> today's 8 and 16 workers.
    for (const Lesson& l : builtInLessons())
        for (const LessonRun& run : l.runs)
            if (run.configJson[QLatin1String("workers")].isString())
                QCOMPARE(
                    run.config.workers,
                    *relativeWorkers(run.configJson[QLatin1String("workers")].toString(), cores));
}

void TestLessons::lessonFileAddsToTheBuiltInOnes() {
    const QByteArray own = R"({"title": "t", "story": "s", "look_for": "l", "explain": "e",
      "runs": [{"label": "A", "config": {"workers": 2, "elements": 2000}}],
      "expect": [{"run": "A", "figure": "mismatches", "op": "==", "value": 0}]})";
    QByteArray two = "[{\"id\": \"mine\", " + own.mid(1) + ", {\"id\": \"seed-job\", " +
                     own.mid(1).replace("\"t\"", "\"My seed job\"") + "]";
    const QString file = write(QStringLiteral("adds.json"), two);
    const auto list =
        testutil::runCli({QStringLiteral("--list-lessons"), QStringLiteral("--lesson-file"), file});
    QCOMPARE(list.exitCode, 0);
    const QList<QByteArray> lines = list.out.trimmed().split('\n');
    QCOMPARE(lines.size(), builtInLessons().size() + 1);
    for (const Lesson& l : builtInLessons())
        QVERIFY2(list.out.contains(QByteArray(l.id.toUtf8() + ' ')), qPrintable(l.id));
    QVERIFY(lines.last().startsWith("mine "));
    QVERIFY(lines.first().startsWith("seed-job") && lines.first().contains("My seed job"));
    // A built-in lesson is found with the file given; the file's own one too.
    for (const char* id : {"seed-split", "mine"}) {
        const auto r = testutil::runCli({QStringLiteral("--lesson"), QString::fromLatin1(id),
                                         QStringLiteral("--lesson-file"), file,
                                         QStringLiteral("--json"), QStringLiteral("--headless")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()[QLatin1String("lesson")][QLatin1String("id")]
                     .toString(),
                 QString::fromLatin1(id));
    }
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
