#pragma once
// What a worker writes to stderr, bounded and made safe to print. A worker is anyone's program
// (--worker-command): one that prints 300 MB of debug lines must not take the app's memory or
// the report with it, and its ESC and BEL bytes must not reach the user's terminal. Std only,
// so tst_worker_output checks it without processes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace worker_output {

// Per worker: the first and the last 8 KiB are kept (the first line usually says what went
// wrong, the last what it was doing when it ended); what lies between is counted and dropped.
inline constexpr size_t kHeadBytes = 8 * 1024;
inline constexpr size_t kTailBytes = 8 * 1024;

// Printable as it stands: C0 control bytes other than tab, DEL, the C1 controls (U+0080 to
// U+009F, which some terminals obey as ESC sequences) and bytes that are not UTF-8 become
// \xNN; the backslash itself stays as it is. Valid UTF-8 text passes through.
std::string escape(std::string_view raw);

class Capture {
  public:
    explicit Capture(size_t headBytes = kHeadBytes, size_t tailBytes = kTailBytes)
        : m_headCap(headBytes), m_tailCap(tailBytes) {}
    void append(std::string_view bytes);
    uint64_t total() const { return m_total; }
    uint64_t kept() const; // at most headBytes + tailBytes
    uint64_t dropped() const { return m_total - kept(); }
    // The kept bytes as escaped lines, without empty ones; where bytes were dropped, one line
    // says how many ("[... 49930752 bytes of output dropped ...]").
    std::vector<std::string> lines() const;

  private:
    size_t m_headCap, m_tailCap;
    std::string m_head;
    std::string m_tail; // the newest bytes: the last m_tailCap of them are kept
    uint64_t m_total = 0;
};

} // namespace worker_output
