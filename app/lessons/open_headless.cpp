#include "lessons/open_headless.h"

#include "lessons/lesson.h"
#include "lessons/lesson_headless.h"
#include "lessons/lesson_play.h"
#include "record/recording_file.h"
#include "segment/exit_codes.h"

#include <QJsonDocument>

#include <cstdio>

namespace {

int badFile(const std::string& error) {
    std::fprintf(stderr, "shmscope: %s\n", error.c_str());
    return shm::exit_code::kBadInput;
}

// The runs of group `g`, in the order they were recorded.
std::vector<const shm::RecordedRun*> runsOf(const shm::Recording& rec, int g) {
    std::vector<const shm::RecordedRun*> out;
    for (const shm::RecordedRun& r : rec.runs)
        if (r.groupIndex == g) out.push_back(&r);
    return out;
}

// A lesson group: its lesson as recorded, judged again against its runs' reports.
int printLesson(const CliOptions& o, const std::string& file, const shm::RunGroup& group,
                const std::vector<const shm::RecordedRun*>& runs) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(group.definitionJson));
    QString error;
    const std::optional<Lesson> lesson =
        doc.isObject() ? parseLesson(doc.object(), QString::fromStdString(file), &error)
                       : std::nullopt;
    if (!lesson)
        return badFile(file + ": the recorded lesson '" + group.name + "' cannot be read" +
                       (error.isEmpty() ? std::string() : ": " + error.toStdString()));
    LessonOutcome outcome;
    for (const shm::RecordedRun* r : runs)
        outcome.reports.append(labelledReport(r->report, QString::fromStdString(r->label)));
    return printLessonVerdict(o, *lesson, outcome);
}

} // namespace

int openRecordingHeadless(const CliOptions& o) {
    const std::string file = o.openFile.toStdString();
    std::string error;
    const std::optional<shm::Recording> rec = shm::readRecording(file, &error);
    if (!rec) return badFile(error);
    if (rec->runs.empty()) return badFile(file + ": the recording holds no run");
    for (int g = 0; g < int(rec->groups.size()); ++g) {
        const auto runs = runsOf(*rec, g);
        if (runs.empty()) continue;
        if (rec->groups[size_t(g)].kind == "lesson") {
            if (const int code = printLesson(o, file, rec->groups[size_t(g)], runs);
                code != shm::exit_code::kOk)
                return code;
            continue;
        }
        // A run (or a sweep's points): each report as the live run printed it.
        for (const shm::RecordedRun* r : runs) {
            const std::string out = o.json ? r->reportJson + "\n" : shm::toText(r->report);
            std::printf("%s", out.c_str());
        }
    }
    std::fflush(stdout);
    return shm::exit_code::kOk;
}
