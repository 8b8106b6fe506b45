#include "eval/plain_project.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "api/ruleset_data.hpp"
#include "base/json_writer.hpp"
#include "eval/facts_builder_access.hpp"
#include "eval/member_names.hpp"
#include "eval/project_members.hpp"

namespace zhunru::eval {
namespace {

namespace dom = simdjson::dom;

// Larger or deeper files go to the nlohmann pass, so the parser's buffers,
// kept per thread, stay small.
constexpr std::size_t kMaxBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxDepth = 64;

/// simdjson's parser and a copy of the text with the room simdjson may read
/// past its end, allocated once per thread.
struct Parser {
  dom::parser parser;
  std::vector<char> padded = std::vector<char>(kMaxBytes + simdjson::SIMDJSON_PADDING);
  bool ready = parser.allocate(kMaxBytes, kMaxDepth) == simdjson::SUCCESS;
  bool in_use = false;  // the parsed document is read while in use: never parse over it
};

/// The members of one plain project file, handed to the builder in order.
/// Each call returns false when the file is not plain after all.
class PlainReader {
 public:
  PlainReader(const Ruleset& ruleset, const ProjectLimits& limits, FactsBuilder& builder)
      : limits_(limits), builder_(builder), names_(ruleset.data()) {}

  bool member(std::string_view name, dom::element value) {
    const MemberNames::Seen seen = names_.see(name);
    if (seen.again) return false;
    switch (value.type()) {
      case dom::element_type::ARRAY:
        if (name == "units") return units(value.get_array().value_unsafe());
        return name == "project" && metadata(value);
      case dom::element_type::OBJECT: return name == "project" && metadata(value);
      case dom::element_type::INT64: {
        // As nlohmann types it: unsigned when not negative.
        const std::int64_t v = value.get_int64().value_unsafe();
        if (v >= 0) {
          read_scalar(name, seen.fact, static_cast<std::uint64_t>(v), builder_);
        } else {
          read_scalar(name, seen.fact, v, builder_);
        }
        return true;
      }
      case dom::element_type::UINT64: read_scalar(name, seen.fact, value.get_uint64().value_unsafe(), builder_); return true;
      case dom::element_type::DOUBLE: read_scalar(name, seen.fact, value.get_double().value_unsafe(), builder_); return true;
      case dom::element_type::STRING: read_scalar(name, seen.fact, value.get_string().value_unsafe(), builder_); return true;
      case dom::element_type::BOOL: read_scalar(name, seen.fact, value.get_bool().value_unsafe(), builder_); return true;
      case dom::element_type::NULL_VALUE: read_scalar(name, seen.fact, nullptr, builder_); return true;
    }
    return false;
  }

 private:
  // A non-empty list of codes; anything else in `units` has its own messages.
  bool units(dom::array codes) {
    if (limits_.max_depth < 2 || codes.size() == 0) return false;
    for (const dom::element code : codes) {
      if (!code.is_string()) return false;
    }
    for (const dom::element code : codes) builder_.add_unit(code.get_string().value_unsafe());
    return true;
  }

  // The whole file is within max_metadata_bytes, so the member is too.
  // Written as nlohmann's compact dump writes it, with zhunru's writer (the
  // same escapes and number digits, tested against nlohmann), without a tree.
  // False past max_depth or for a name twice in one object.
  bool metadata(dom::element value) {
    std::string text;
    {
      JsonWriter w(text, 0);
      if (!write_compact(w, value, 2)) return false;
    }
    FactsBuilderAccess::keep_metadata_text(builder_, std::move(text), id_or_name(value));
    return true;
  }

  bool write_compact(JsonWriter& w, dom::element value, std::size_t level) {
    switch (value.type()) {
      case dom::element_type::ARRAY: {
        if (level > limits_.max_depth) return false;
        w.begin_array();
        const dom::array items = value.get_array().value_unsafe();
        for (const dom::element item : items) {
          if (!write_compact(w, item, level + 1)) return false;
        }
        w.end_array();
        return true;
      }
      case dom::element_type::OBJECT: {
        if (level > limits_.max_depth) return false;
        const dom::object members = value.get_object().value_unsafe();
        std::vector<std::string_view> names;
        names.reserve(members.size());
        w.begin_object();
        for (const dom::key_value_pair member : members) {
          names.push_back(member.key);
          w.key(member.key);
          if (!write_compact(w, member.value, level + 1)) return false;
        }
        w.end_object();
        std::sort(names.begin(), names.end());
        return std::adjacent_find(names.begin(), names.end()) == names.end();
      }
      case dom::element_type::INT64: w.integer(value.get_int64().value_unsafe()); return true;
      case dom::element_type::UINT64: w.value(static_cast<std::size_t>(value.get_uint64().value_unsafe())); return true;
      case dom::element_type::DOUBLE: w.value(value.get_double().value_unsafe()); return true;
      case dom::element_type::STRING: w.value(value.get_string().value_unsafe()); return true;
      case dom::element_type::BOOL: w.value(value.get_bool().value_unsafe()); return true;
      case dom::element_type::NULL_VALUE: w.null(); return true;
    }
    return false;
  }

  /// json_input::id_or_name of the member written by write_compact.
  static std::string id_or_name(dom::element value) {
    dom::object about;
    if (value.get_object().get(about) != simdjson::SUCCESS) return "";
    for (const char* key : {"id", "name"}) {
      dom::element v;
      if (about.at_key(key).get(v) != simdjson::SUCCESS) continue;
      if (v.is_string()) return std::string(v.get_string().value_unsafe());
      if (v.is_number()) {
        std::string number;
        JsonWriter w(number, 0);
        if (v.is_int64()) {
          w.integer(v.get_int64().value_unsafe());
        } else if (v.is_uint64()) {
          w.value(static_cast<std::size_t>(v.get_uint64().value_unsafe()));
        } else {
          w.value(v.get_double().value_unsafe());
        }
        w.finish();
        return number;
      }
    }
    return "";
  }

  const ProjectLimits& limits_;
  FactsBuilder& builder_;
  MemberNames names_;
};

/// Marks the thread's parser in use for as long as it lives.
class Lease {
 public:
  explicit Lease(Parser& parser) : parser_(parser) { parser_.in_use = true; }
  ~Lease() { parser_.in_use = false; }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

 private:
  Parser& parser_;
};

}  // namespace

std::optional<ProjectResult> read_plain_project(const Ruleset& ruleset, std::string_view text,
                                                const ProjectLimits& limits) {
  // With no escape, every name and string is its bytes as they stand in the
  // file (already checked as UTF-8), whichever parser reads it.
  if (text.size() > std::min(kMaxBytes, limits.max_metadata_bytes) || limits.max_depth < 1 ||
      text.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  thread_local Parser parser;
  if (!parser.ready || parser.in_use) return std::nullopt;
  const Lease lease(parser);
  std::memcpy(parser.padded.data(), text.data(), text.size());
  dom::element root;
  dom::object members;
  if (parser.parser.parse(parser.padded.data(), text.size(), false).get(root) != simdjson::SUCCESS ||
      root.get_object().get(members) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  FactsBuilder builder(ruleset, limits);
  PlainReader reader(ruleset, limits, builder);
  for (const dom::key_value_pair member : members) {
    if (!reader.member(member.key, member.value)) return std::nullopt;
  }
  return std::move(builder).build();
}

}  // namespace zhunru::eval
