// Recordings as files in the window, with real runs: two runs finished in a window are saved
// through the path File > Save Recording takes (off the GUI thread), read back with
// readRecording and compared with what the window kept; the file opens in a fresh window and
// when dropped on one; Open Recent lists files newest first, each once; saving into a missing
// directory says which path failed; a selection of 2 runs in the Runs list is compared side by
// side; an opened lesson's group survives being saved again.
#include "gui/controls_panel.h"
#include "gui/main_window.h"
#include "gui/models/runs_model.h"
#include "gui/models/side_by_side_model.h"
#include "gui/views/side_by_side_view.h"
#include "record/recording_file.h"
#include "window_test_util.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// Saves `rows` of w's Runs list to path and waits for the background write; its error.
QString saveAndWait(MainWindow& w, const QString& path, const QList<int>& rows = {}) {
    QSignalSpy saved(&w, &MainWindow::recordingSaved);
    QString error;
    if (!w.saveRecording(path, rows, &error)) return QStringLiteral("not started: ") + error;
    if (!saved.wait(60000)) return QStringLiteral("no recordingSaved");
    return saved.at(0).at(2).toString();
}

std::optional<shm::Recording> read(const QString& path) {
    std::string why;
    auto rec = shm::readRecording(path.toStdString(), &why);
    if (!rec) qWarning("%s", why.c_str());
    return rec;
}

QWidget* centralPage(MainWindow& w) {
    return w.centralPage();
}

QStringList runLabels(const RunsModel& m) {
    QStringList labels;
    for (int row = 0; row < m.rowCount(); ++row)
        labels << QString::fromStdString(m.run(row)->label);
    return labels;
}

} // namespace

class TestGuiRecordingFiles : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void savedRunsReadBackAsKept();
    void savedFileOpensInAFreshWindow();
    void droppedFileOpens();
    void recentFilesNewestFirstOnce();
    void saveIntoMissingDirectoryNamesThePath();
    void selectedRunsCompareSideBySide();
    void openedGroupsAreSavedAgain();
    void cleanupTestCase();

  private:
    std::unique_ptr<MainWindow> m_window; // two finished runs, "run 1" and "run 2"
    QTemporaryDir m_dir;
    QString m_file; // both runs, saved by savedRunsReadBackAsKept
};

void TestGuiRecordingFiles::initTestCase() {
    QVERIFY(m_dir.isValid());
    const shm::ExperimentConfig first{
        .workers = 2, .elements = 8000, .sync = shm::SyncMode::Mutex, .delayUs = 40};
    m_window = testutil::newWindow(QStringLiteral("recfiles"), first);
    m_window->resize(1024, 700);
    m_window->show();
    QVERIFY(testutil::runToEnd(*m_window));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runsModel()->rowCount(), 1, 20000);
    shm::ExperimentConfig second = first;
    second.workers = 3;
    second.sync = shm::SyncMode::Atomic;
    m_window->controls()->setConfig(second);
    QVERIFY(testutil::runToEnd(*m_window));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->runsModel()->rowCount(), 2, 20000);
    QCOMPARE(runLabels(*m_window->runsModel()),
             (QStringList{QStringLiteral("run 1"), QStringLiteral("run 2")}));
}

void TestGuiRecordingFiles::savedRunsReadBackAsKept() {
    MainWindow& w = *m_window;
    // Without its suffix: the file gets ".shmscope".
    const QString given = m_dir.filePath(QStringLiteral("two-runs"));
    m_file = given + QStringLiteral(".shmscope");
    QSignalSpy saved(&w, &MainWindow::recordingSaved);
    QString error;
    QVERIFY2(w.saveRecording(given, {}, &error), qPrintable(error));
    QVERIFY(w.savingRecording());
    // A second save while the first is written is refused, and says so.
    QVERIFY(!w.saveRecording(m_dir.filePath(QStringLiteral("again")), {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(saved.wait(60000));
    QCOMPARE(saved.at(0).at(0).toString(), m_file);
    QCOMPARE(saved.at(0).at(1).toInt(), 2);
    QCOMPARE(saved.at(0).at(2).toString(), QString());
    QVERIFY(!w.savingRecording());
    QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Saved 2 runs to ") + m_file);

    const auto rec = read(m_file);
    QVERIFY(rec);
    QCOMPARE(rec->info.appVersion, std::string(SHMSCOPE_VERSION));
    QVERIFY(rec->info.cores > 0);
    QVERIFY(!rec->info.created.empty());
    QCOMPARE(rec->groups.size(), size_t(1));
    QCOMPARE(rec->groups[0].kind, std::string("run"));
    QCOMPARE(rec->runs.size(), size_t(2));
    for (int i = 0; i < 2; ++i) {
        const shm::RecordedRun& kept = *w.runsModel()->run(i);
        const shm::RecordedRun& back = rec->runs[size_t(i)];
        QCOMPARE(back.label, kept.label);
        QVERIFY(back.config == kept.config);
        QVERIFY(back.complete);
        QCOMPARE(back.releaseNs, kept.releaseNs);
        QCOMPARE(back.endNs, kept.endNs);
        QCOMPARE(back.reportJson, kept.reportJson);
        QCOMPARE(back.report.verdict(), kept.report.verdict());
        QCOMPARE(back.report.lostUpdates, kept.report.lostUpdates);
        QCOMPARE(back.samples.size(), kept.samples.size());
        for (size_t k = 0; k < kept.samples.size(); ++k)
            QCOMPARE(back.samples[k].size(), kept.samples[k].size());
        QCOMPARE(back.runSamples.size(), kept.runSamples.size());
        QCOMPARE(back.frames.size(), kept.frames.size());
        QVERIFY(!kept.frames.empty());
        QVERIFY(back.frames.back() == kept.frames.back());
        QCOMPARE(back.marks.size(), kept.marks.size());
        QCOMPARE(back.intervals.size(), kept.intervals.size());
        for (size_t k = 0; k < kept.intervals.size(); ++k)
            QCOMPARE(back.intervals[k].holds.size(), kept.intervals[k].holds.size());
    }
    // The two runs differ (3 workers, atomic): the comparison above is not of one run twice.
    QCOMPARE(rec->runs[0].config.workers, 2u);
    QCOMPARE(rec->runs[1].config.workers, 3u);
    QVERIFY(!rec->runs[0].intervals[0].holds.empty()); // the mutex run's holds went in

    // The selection alone: row 1.
    const QString one = m_dir.filePath(QStringLiteral("second.shmscope"));
    QCOMPARE(saveAndWait(w, one, {1}), QString());
    const auto second = read(one);
    QVERIFY(second);
    QCOMPARE(second->runs.size(), size_t(1));
    QCOMPARE(second->runs[0].label, std::string("run 2"));
}

void TestGuiRecordingFiles::savedFileOpensInAFreshWindow() {
    QVERIFY(!m_file.isEmpty());
    auto w = testutil::newWindow(QStringLiteral("recfiles-open"), {});
    QString error;
    QVERIFY2(w->openRecording(m_file, &error), qPrintable(error));
    QCOMPARE(runLabels(*w->runsModel()),
             (QStringList{QStringLiteral("run 1"), QStringLiteral("run 2")}));
    QCOMPARE(w->runsModel()->run(1)->reportJson, m_window->runsModel()->run(1)->reportJson);
    QCOMPARE(w->recentRecordings(), QStringList{m_file});
    // Its runs can be saved again from there.
    const QString again = m_dir.filePath(QStringLiteral("again.shmscope"));
    QCOMPARE(saveAndWait(*w, again), QString());
    const auto rec = read(again);
    QVERIFY(rec);
    QCOMPARE(rec->runs.size(), size_t(2));
    QCOMPARE(rec->runs[1].reportJson, m_window->runsModel()->run(1)->reportJson);
}

void TestGuiRecordingFiles::droppedFileOpens() {
    QVERIFY(!m_file.isEmpty());
    auto w = testutil::newWindow(QStringLiteral("recfiles-drop"), {});
    w->show();
    QVERIFY(w->acceptDrops());
    // Text alone is not a file: refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QCoreApplication::sendEvent(w.get(), &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(m_file)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QCoreApplication::sendEvent(w.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    drop.ignore();
    QCoreApplication::sendEvent(w.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE_WITH_TIMEOUT(w->runsModel()->rowCount(), 2, 10000);
    QCOMPARE(runLabels(*w->runsModel()),
             (QStringList{QStringLiteral("run 1"), QStringLiteral("run 2")}));
    QCOMPARE(w->shownRun(), 0); // the first run shown at its end
}

void TestGuiRecordingFiles::recentFilesNewestFirstOnce() {
    MainWindow& w = *m_window;
    // Saved so far: two-runs, then second (savedRunsReadBackAsKept).
    const QString a = m_file, b = m_dir.filePath(QStringLiteral("second.shmscope"));
    QCOMPARE(w.recentRecordings(), (QStringList{b, a}));
    // Opened again: to the front, listed once.
    QString error;
    QVERIFY2(w.openRecording(a, &error), qPrintable(error));
    QCOMPARE(w.recentRecordings(), (QStringList{a, b}));
    // At most RecentFiles::kMax, the oldest going first; a relative spelling is the same file.
    QStringList saved;
    for (int i = 0; i < RecentFiles::kMax; ++i) {
        const QString f = m_dir.filePath(QStringLiteral("r%1.shmscope").arg(i));
        QCOMPARE(saveAndWait(w, f, {0}), QString());
        saved.prepend(f);
    }
    QCOMPARE(w.recentRecordings(), saved);
    QVERIFY(!w.recentRecordings().contains(a));
    const QString cwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    const QString relative = saveAndWait(w, QStringLiteral("r3.shmscope"), {0});
    QVERIFY(QDir::setCurrent(cwd));
    QCOMPARE(relative, QString());
    QCOMPARE(w.recentRecordings().size(), RecentFiles::kMax);
    QCOMPARE(w.recentRecordings().front(), m_dir.filePath(QStringLiteral("r3.shmscope")));
    QCOMPARE(w.recentRecordings().count(m_dir.filePath(QStringLiteral("r3.shmscope"))), 1);
}

void TestGuiRecordingFiles::saveIntoMissingDirectoryNamesThePath() {
    MainWindow& w = *m_window;
    const QStringList recent = w.recentRecordings();
    const QString path = m_dir.filePath(QStringLiteral("no/such/dir/x.shmscope"));
    const QString error = saveAndWait(w, path);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(w.recentRecordings(), recent); // a failed save is not recent
    // A window without runs has nothing to save: said at once.
    auto empty = testutil::newWindow(QStringLiteral("recfiles-empty"), {});
    QString why;
    QVERIFY(!empty->saveRecording(m_dir.filePath(QStringLiteral("none")), {}, &why));
    QVERIFY(!why.isEmpty());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.shmscope"))));
}

void TestGuiRecordingFiles::selectedRunsCompareSideBySide() {
    MainWindow& w = *m_window;
    QAction* compare = w.compareRunsAction();
    auto* button = w.findChild<QPushButton*>(QStringLiteral("compareRunsButton"));
    QVERIFY(button);
    QItemSelectionModel* sel = w.runsView()->selectionModel();
    const auto rows = QItemSelectionModel::Rows;
    sel->select(w.runsModel()->index(0, 0), QItemSelectionModel::ClearAndSelect | rows);
    QCOMPARE(w.selectedRunRows(), QList<int>{0});
    QVERIFY(!compare->isEnabled());
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("2 to 4")));
    QVERIFY(!w.compareRuns({0}));

    sel->select(w.runsModel()->index(1, 0), QItemSelectionModel::Select | rows);
    QCOMPARE(w.selectedRunRows(), (QList<int>{0, 1}));
    QVERIFY(compare->isEnabled());
    QVERIFY(button->isEnabled());
    w.sideModel()->clear();
    QVERIFY(centralPage(w) != w.sideView());
    button->click();
    QCOMPARE(w.sideModel()->count(), 2);
    QCOMPARE(w.sideView()->columnCount(), 2);
    QCOMPARE(centralPage(w), static_cast<QWidget*>(w.sideView()));
    QVERIFY(w.sideModel()->header(0).startsWith(QStringLiteral("run 1")));
    QVERIFY(w.sideModel()->header(1).startsWith(QStringLiteral("run 2")));
    // The context menu holds the same action.
    QVERIFY(w.runsView()->actions().contains(compare));
}

void TestGuiRecordingFiles::openedGroupsAreSavedAgain() {
    // A lesson's two runs in a file (the window's own runs, regrouped), opened and saved again.
    auto rec = read(m_file);
    QVERIFY(rec);
    rec->groups = {{"run", "", ""}, {"lesson", "side-test", "{\"id\": \"side-test\"}"}};
    for (shm::RecordedRun& r : rec->runs)
        r.groupIndex = 1;
    const QString lesson = m_dir.filePath(QStringLiteral("lesson.shmscope"));
    std::string why;
    QVERIFY2(shm::writeRecording(lesson.toStdString(), *rec, &why), why.c_str());
    auto w = testutil::newWindow(QStringLiteral("recfiles-groups"), {});
    QString error;
    QVERIFY2(w->openRecording(lesson, &error), qPrintable(error));
    const QString again = m_dir.filePath(QStringLiteral("lesson-again.shmscope"));
    QCOMPARE(saveAndWait(*w, again), QString());
    const auto back = read(again);
    QVERIFY(back);
    QCOMPARE(back->groups.size(), size_t(1)); // only the groups its runs belong to
    QVERIFY(back->groups[0] == rec->groups[1]);
    QCOMPARE(back->runs.size(), size_t(2));
    QCOMPARE(back->runs[0].groupIndex, 0);
    QCOMPARE(back->runs[1].groupIndex, 0);
}

void TestGuiRecordingFiles::cleanupTestCase() {
    m_window.reset();
    QVERIFY(testutil::shmEntries(getpid()).isEmpty());
}

QTEST_MAIN(TestGuiRecordingFiles)
#include "tst_gui_recording_files.moc"
