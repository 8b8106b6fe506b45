// JSON from users — project files, sites, maps, a project's free-form
// `project` member — read so that hostile input cannot hurt: linear time
// (nlohmann's SAX parser, never its callback parser, which rescans),
// bounded size and depth (a 100,000-deep array is refused before anything
// recursive touches it), duplicate member names refused, and errors that
// say where, with an iconv hint for GBK or UTF-16 files.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::json_input {

struct Limits {
  std::size_t max_bytes = std::size_t{64} << 20;  // 64 MiB, as for rule files
  std::size_t max_depth = 64;                     // nesting of objects and arrays
};

/// Why a JSON text was refused. Codes are stable (docs/robustness.md):
/// input.too-large, input.too-deep, input.encoding, input.not-json,
/// input.duplicate-member.
struct Problem {
  std::string code;
  std::string member;      // the top-level member concerned, when known
  LocalizedText message;
};

/// Size, NUL bytes, UTF-16 and invalid UTF-8 (GBK) — checked before parsing,
/// so the message can say how to convert the file. `what` names the input
/// in messages ("the project file" / "项目文件").
std::optional<Problem> check_bytes(std::string_view text, const Limits& limits, const LocalizedText& what);

/// "line 3, column 7" / "第 3 行第 7 列" of byte `offset` (columns in code points).
LocalizedText where(std::string_view text, std::size_t offset);

/// Parses a whole document into a DOM (nlohmann::json or ordered_json),
/// after check_bytes.
template <class Json>
Expected<Json, Problem> parse(std::string_view text, const Limits& limits, const LocalizedText& what);

/// A problem for a parse error reported by nlohmann's SAX parser at byte `position`.
Problem syntax_problem(std::string_view text, std::size_t position, const std::string& detail,
                       const LocalizedText& what);

/// Problems for limits met while parsing.
Problem too_deep(std::size_t max_depth, const LocalizedText& what);
Problem duplicate(const std::string& name, const std::string& top_member);

/// The `id` (else `name`) member of an object describing a project, as text;
/// "" when it has neither (or they are not strings or numbers). What answers
/// name a record by: FactsBuilder keeps it, screening reads it from records
/// that could not be judged.
std::string id_or_name(const nlohmann::ordered_json& about);

/// Text for a message: at most `max_code_points` of `value`, then "…", so a
/// 200 MB string is never echoed back.
std::string shorten(std::string_view value, std::size_t max_code_points = 80);

}  // namespace zhunru::json_input
