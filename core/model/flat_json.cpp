#include "model/flat_json.h"

#include <charconv>

namespace shm {

void FlatReader::blanks() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        ++i;
}

bool FlatReader::take(char c) {
    blanks();
    if (i < s.size() && s[i] == c) {
        ++i;
        return true;
    }
    return false;
}

bool FlatReader::word(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
}

std::string FlatReader::string() {
    std::string o;
    if (!take('"')) return ok = false, o;
    while (i < s.size() && s[i] != '"') {
        char c = s[i++];
        if (c == '\\' && i < s.size()) {
            c = s[i++];
            if (c == 'u' && i + 4 <= s.size()) {
                unsigned code = 0;
                std::from_chars(s.data() + i, s.data() + i + 4, code, 16);
                i += 4;
                c = code < 0x80 ? char(code) : '?';
            } else if (c == 'n') {
                c = '\n';
            } else if (c == 't') {
                c = '\t';
            }
        }
        o += c;
    }
    if (i >= s.size()) ok = false;
    ++i;
    return o;
}

FlatValue FlatReader::value() {
    blanks();
    if (i >= s.size()) return ok = false, FlatValue{};
    if (s[i] == '"') return string();
    if (word("null")) return FlatValue{};
    if (word("true")) return true;
    if (word("false")) return false;
    double d = 0; // from_chars: '.' whatever the locale (the window's may use ',')
    const auto res = std::from_chars(s.data() + i, s.data() + s.size(), d);
    if (res.ec != std::errc()) return ok = false, FlatValue{};
    i = size_t(res.ptr - s.data());
    return d;
}

std::map<std::string, FlatValue> FlatReader::object() {
    std::map<std::string, FlatValue> out;
    if (!take('{')) return ok = false, out;
    if (take('}')) return out;
    do {
        std::string key = string();
        if (!ok || !take(':')) return ok = false, out;
        out[key] = value();
        if (!ok) return out;
    } while (take(','));
    if (!take('}')) ok = false;
    return out;
}

std::optional<FlatValue> valueAfter(std::string_view json, std::string_view key) {
    const size_t at = json.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    FlatReader r{json.substr(at + key.size())};
    FlatValue v = r.value();
    if (!r.ok) return std::nullopt;
    return v;
}

} // namespace shm
