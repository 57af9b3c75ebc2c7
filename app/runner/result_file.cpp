#include "runner/result_file.h"

#include "cli/file_paths.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString osError(int err) {
    return QString::fromLocal8Bit(std::strerror(err));
}

// Writes everything (a write may take only part; EINTR is retried). 0, or the errno.
int writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return EIO;
        bytes.remove_prefix(size_t(n));
    }
    return 0;
}

// Opens for writing without blocking (a FIFO without a reader), refuses kinds a result cannot
// go to, then makes writes blocking again (a pipe that is our stdout waits for its reader).
int openOutput(const QString& path, QString* problem) {
    // The app's own stdout or stderr (/dev/stdout, even when that is a file): a copy of that
    // descriptor, sharing its offset, so the file follows what was written there (a second
    // description would start at 0 over the report, and O_TRUNC would cut it).
    struct stat target {};
    if (::stat(QFile::encodeName(path).constData(), &target) == 0)
        for (int own : {STDOUT_FILENO, STDERR_FILENO}) {
            struct stat st {};
            if (::fstat(own, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
                if (const int fd = ::fcntl(own, F_DUPFD_CLOEXEC, 0); fd >= 0) return fd;
        }
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0644);
    if (fd < 0) {
        *problem = errno == ENXIO ? QStringLiteral("is a FIFO with no reader") : osError(errno);
        return -1;
    }
    if (QString kind = outputKindProblem(fd); !kind.isEmpty()) {
        ::close(fd);
        *problem = kind;
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

} // namespace

ResultFile::~ResultFile() {
    if (m_fd >= 0) ::close(m_fd);
}

QString ResultFile::open(const char* flag, const QString& path) {
    m_flag = QLatin1String(flag);
    m_path = path;
    QString problem;
    m_fd = openOutput(path, &problem);
    return m_fd >= 0 ? QString() : QStringLiteral("%1 %2: %3").arg(m_flag, path, problem);
}

void ResultFile::write(std::string_view bytes) {
    m_stream.write(bytes.data(), std::streamsize(bytes.size()));
}

void ResultFile::writeRaw(std::string_view bytes) {
    if (m_fd < 0 || m_errno) return;
    m_errno = writeAll(m_fd, bytes);
}

int ResultFile::Buffer::sync() {
    m_file.writeRaw(std::string_view(pbase(), size_t(pptr() - pbase())));
    setp(m_bytes.data(), m_bytes.data() + m_bytes.size());
    return m_file.m_errno ? -1 : 0;
}

ResultFile::Buffer::int_type ResultFile::Buffer::overflow(int_type c) {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

QString ResultFile::finish() {
    if (m_fd < 0) return {};
    m_buffer.pubsync(); // what the stream still holds
    // close() reports what a file system learns only then (NFS, a quota); ENOSPC on tmpfs
    // comes from write().
    if (::close(m_fd) != 0 && !m_errno && errno != EINTR) m_errno = errno;
    m_fd = -1;
    if (!m_errno) return {};
    return QStringLiteral("%1 %2: could not be written: %3").arg(m_flag, m_path, osError(m_errno));
}

QString writeWholeFile(const QString& path, std::string_view bytes) {
    QString problem;
    const int fd = openOutput(path, &problem);
    if (fd < 0) return QStringLiteral("%1: %2").arg(path, problem);
    int err = writeAll(fd, bytes);
    if (::close(fd) != 0 && !err && errno != EINTR) err = errno;
    return err ? QStringLiteral("%1: %2").arg(path, osError(err)) : QString();
}

QString flushStandardOutput() {
    // A failed flush drops what it held and later flushes succeed with ferror still set: the
    // first error is kept for whoever asks next.
    static int firstError = 0;
    errno = 0;
    if (std::fflush(stdout) != 0 && !firstError) firstError = errno ? errno : EIO;
    if (!std::ferror(stdout)) return {};
    return firstError ? osError(firstError) : QStringLiteral("a write failed");
}
