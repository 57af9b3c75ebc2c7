#include "cli/file_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace {

// "is a FIFO", or empty for a kind a file of ours may be.
QString kindProblem(const struct stat& st) {
    if (S_ISFIFO(st.st_mode)) return QStringLiteral("is a FIFO");
    if (S_ISSOCK(st.st_mode)) return QStringLiteral("is a socket");
    if (S_ISBLK(st.st_mode)) return QStringLiteral("is a block device");
    if (S_ISDIR(st.st_mode)) return QStringLiteral("is a directory");
    return {};
}

// The app's own standard output or error: /dev/stdout when the output is a pipe.
bool isOwnStdStream(const struct stat& st) {
    for (int fd : {STDOUT_FILENO, STDERR_FILENO}) {
        struct stat own {};
        if (::fstat(fd, &own) == 0 && own.st_dev == st.st_dev && own.st_ino == st.st_ino)
            return true;
    }
    return false;
}

// An input must be a regular file: reading a FIFO blocks until a writer comes, a device may
// never end.
QString inputProblem(const char* flag, const QString& path) {
    if (path.isEmpty()) return {};
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return {}; // its reader says why
    if (S_ISREG(st.st_mode)) return {};
    const QString kind = kindProblem(st);
    return QStringLiteral("%1 %2: %3; give a regular file")
        .arg(QLatin1String(flag), path,
             kind.isEmpty() ? QStringLiteral("is not a regular file") : kind);
}

struct Output {
    const char* flag;
    QString path;
};

// One file however it is named: the inode when it exists, else the absolute path in its
// directory's canonical form (a new file's name).
QString identity(const QString& path, bool* special) {
    struct stat st {};
    *special = false;
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        *special = !S_ISREG(st.st_mode); // /dev/null twice is fine; a file is not
        return QStringLiteral("inode %1:%2").arg(st.st_dev).arg(st.st_ino);
    }
    const QFileInfo fi(path);
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return QDir::cleanPath((dir.isEmpty() ? fi.absolutePath() : dir) + QLatin1Char('/') +
                           fi.fileName());
}

QString outputProblem(const Output& out) {
    struct stat st {};
    if (::stat(QFile::encodeName(out.path).constData(), &st) != 0) return {}; // a new file
    const QString kind = kindProblem(st);
    if (kind.isEmpty() || (!S_ISDIR(st.st_mode) && isOwnStdStream(st))) return {};
    return QStringLiteral("%1 %2: %3; give a regular file")
        .arg(QLatin1String(out.flag), out.path, kind);
}

} // namespace

QString checkFilePaths(const CliOptions& o) {
    for (const auto& [flag, path] :
         {Output{"--compare-with", o.compareWith}, Output{"--open", o.openFile},
          Output{"--lesson-file", o.lessonFile}})
        if (QString err = inputProblem(flag, path); !err.isEmpty()) return err;
    const Output outputs[] = {{"--csv", o.csvFile},
                              {"--array-csv", o.arrayCsvFile},
                              {"--trace", o.traceFile},
                              {"--record", o.recordFile},
                              {"--screenshot", o.screenshot}};
    QStringList seen;
    QList<const char*> seenFlag;
    for (const Output& out : outputs) {
        if (out.path.isEmpty()) continue;
        if (QString err = outputProblem(out); !err.isEmpty()) return err;
        bool special = false;
        const QString id = identity(out.path, &special);
        if (special) continue;
        if (const qsizetype i = seen.indexOf(id); i >= 0)
            return QStringLiteral("%1 and %2 name the same file (%3): each needs its own")
                .arg(QLatin1String(seenFlag[i]), QLatin1String(out.flag), out.path);
        seen << id;
        seenFlag << out.flag;
    }
    return {};
}

QString outputKindProblem(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return {};
    const QString kind = kindProblem(st);
    return kind.isEmpty() || isOwnStdStream(st) ? QString() : kind;
}
