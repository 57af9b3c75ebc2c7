#pragma once
// A reader for the flat JSON objects core writes itself (the machine figures, a run report's
// top-level numbers and strings); std only, since core has no JSON library. Not a general
// parser: no arrays, no nested objects inside the object read.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace shm {

// One value of a flat object: null, a boolean, a number or a string.
using FlatValue = std::variant<std::monostate, bool, double, std::string>;

struct FlatReader {
    std::string_view s;
    size_t i = 0;
    bool ok = true;

    void blanks();
    bool take(char c);
    bool word(std::string_view w);
    std::string string();
    FlatValue value();
    std::map<std::string, FlatValue> object();
};

// The value after the first occurrence of `key` (with its quotes and colon: "\"overlap\":") in
// JSON that core wrote: what a report keeps without a column of its own. Nothing when the key
// is missing or its value cannot be read.
std::optional<FlatValue> valueAfter(std::string_view json, std::string_view key);

} // namespace shm
