#pragma once
// A result file (--csv, --array-csv, --trace, --screenshot): opened before the run, so a path
// that cannot be written fails at once (exit 2), and written after it with every error checked
// (each write, and close), so a full disk or a file that takes no writes (/dev/full,
// /proc/version) is exit 3 naming the path and the OS error instead of a silent exit 0.
#include <QString>

#include <array>
#include <ostream>
#include <streambuf>
#include <string_view>

class ResultFile {
  public:
    ResultFile() = default;
    ResultFile(const ResultFile&) = delete;
    ResultFile& operator=(const ResultFile&) = delete;
    ~ResultFile();

    // Truncates or creates path for `flag` ("--csv"). Empty, or the one-line reason: it cannot
    // be opened, or it is a FIFO, socket or block device that is not the app's own stdout
    // (opened without blocking: a FIFO with no reader must not hang the app).
    QString open(const char* flag, const QString& path);
    bool isOpen() const { return m_fd >= 0; }
    // Appends bytes; the first error is kept for finish().
    void write(std::string_view bytes);
    // The same as a stream, for writers that take one (10^7 array rows are not built in
    // memory first).
    std::ostream& stream() { return m_stream; }
    // Closes it. Empty, or "--csv PATH: could not be written: No space left on device".
    QString finish();

  private:
    void writeRaw(std::string_view bytes);
    // Buffers the stream's output and hands it to writeRaw().
    class Buffer : public std::streambuf {
      public:
        explicit Buffer(ResultFile& file) : m_file(file) {
            setp(m_bytes.data(), m_bytes.data() + m_bytes.size());
        }
        int sync() override;

      protected:
        int_type overflow(int_type c) override;

      private:
        ResultFile& m_file;
        std::array<char, 64 * 1024> m_bytes;
    };

    int m_fd = -1;
    int m_errno = 0;
    QString m_flag, m_path;
    Buffer m_buffer{*this};
    std::ostream m_stream{&m_buffer};
};

// Writes bytes to path (created or truncated) and closes it, checking each step: empty, or
// "PATH: No space left on device".
QString writeWholeFile(const QString& path, std::string_view bytes);

// The report on standard output is a result too: flushed and checked (a full disk, /dev/full, a
// closed descriptor). Empty, or the OS error ("No space left on device") of the first write to
// it that failed, however often it is asked.
QString flushStandardOutput();
