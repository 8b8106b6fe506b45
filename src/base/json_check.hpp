// Whether a text is one JSON value, without building it: simdjson's validating
// parse, several times faster than nlohmann's accept() on the short texts it
// is used for (the `project` member a decision echoes).
#pragma once

#include <string_view>

namespace zhunru {

/// True when `text` is one JSON value (surrounding whitespace allowed), its
/// strings valid UTF-8, nested at most 1,024 deep. Thread-safe.
bool is_json_text(std::string_view text);

}  // namespace zhunru
