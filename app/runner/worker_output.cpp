#include "runner/worker_output.h"

#include <algorithm>

namespace worker_output {
namespace {

void hex(std::string& out, unsigned char b) {
    static constexpr char kDigits[] = "0123456789abcdef";
    out += "\\x";
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
}

// The length of the valid UTF-8 sequence at s[i] (2 to 4), or 0 (not UTF-8: an overlong form,
// a surrogate, past U+10FFFF, or cut short).
size_t utf8Length(std::string_view s, size_t i) {
    const auto at = [&s](size_t j) { return static_cast<unsigned char>(s[j]); };
    const unsigned char b = at(i);
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xbf; // the second byte's range
    if (b >= 0xc2 && b <= 0xdf) {
        n = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
        n = 3;
        if (b == 0xe0) lo = 0xa0;
        if (b == 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4;
        if (b == 0xf0) lo = 0x90;
        if (b == 0xf4) hi = 0x8f;
    } else {
        return 0;
    }
    if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (size_t j = 2; j < n; ++j)
        if ((at(i + j) & 0xc0) != 0x80) return 0;
    return n;
}

// Adds the escaped, non-empty lines of `text` to `out`.
void addLines(std::vector<std::string>& out, std::string_view text) {
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) out.push_back(escape(line));
    }
}

} // namespace

std::string escape(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        const auto b = static_cast<unsigned char>(raw[i]);
        if (b < 0x80) {
            if ((b < 0x20 && b != '\t') || b == 0x7f)
                hex(out, b);
            else
                out += char(b);
            ++i;
            continue;
        }
        const size_t n = utf8Length(raw, i);
        // U+0080..U+009F are C2 80..C2 9F: 8-bit controls, CSI (U+009B) among them.
        const bool c1 = n == 2 && b == 0xc2 && static_cast<unsigned char>(raw[i + 1]) <= 0x9f;
        if (n == 0 || c1) {
            for (size_t j = 0; j < std::max<size_t>(n, 1); ++j)
                hex(out, static_cast<unsigned char>(raw[i + j]));
            i += std::max<size_t>(n, 1);
            continue;
        }
        out.append(raw.substr(i, n));
        i += n;
    }
    return out;
}

void Capture::append(std::string_view bytes) {
    m_total += bytes.size();
    if (m_head.size() < m_headCap) {
        const size_t take = std::min(bytes.size(), m_headCap - m_head.size());
        m_head.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
    }
    if (bytes.empty()) return;
    if (bytes.size() >= m_tailCap) {
        m_tail.assign(bytes.substr(bytes.size() - m_tailCap));
        return;
    }
    m_tail.append(bytes);
    // Trimmed at twice the cap: each byte is moved at most once on average.
    if (m_tail.size() > 2 * m_tailCap) m_tail.erase(0, m_tail.size() - m_tailCap);
}

uint64_t Capture::kept() const {
    return m_head.size() + std::min(m_tail.size(), m_tailCap);
}

std::vector<std::string> Capture::lines() const {
    std::vector<std::string> out;
    const std::string_view tail =
        std::string_view(m_tail).substr(m_tail.size() - std::min(m_tail.size(), m_tailCap));
    if (dropped() == 0) {
        addLines(out, m_head + std::string(tail)); // one text: a line may straddle the two
        return out;
    }
    addLines(out, m_head);
    out.push_back("[... " + std::to_string(dropped()) + " bytes of output dropped ...]");
    addLines(out, tail);
    return out;
}

} // namespace worker_output
