// Project files (docs/project-files.md): a JSON object of facts by name, plus
// the reserved members `units`, `site` and `project`. Every member is either
// used or refused, never ignored.
//
// Hostile files cannot hurt: the bytes are checked first (size, encoding),
// then one linear SAX pass reads the top level — facts are scalars, taken as
// they come; a structured member (`units`, `site`, `project`) is cut out by
// byte position and read on its own with the same bounds. Nothing deeper
// than the limit is ever built.
#include <nlohmann/json.hpp>

#include <iterator>
#include <set>
#include <variant>

#include "api/ruleset_data.hpp"
#include "base/json_input.hpp"
#include "eval/project_data.hpp"
#include "zhunru/project.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::json;

const LocalizedText kWhat{"the project file", "项目文件"};

/// A const char* that tells how far the parser has read, so the reader can
/// cut out a member's text. nlohmann reads each byte once, in order.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* begin = nullptr;
  std::size_t* read = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *read = static_cast<std::size_t>(at - begin);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.at == b.at; }
};

LocalizedText type_text(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: return {"an object", "对象"};
    case Json::value_t::array: return {"a list", "列表"};
    case Json::value_t::string: return {"a string", "字符串"};
    case Json::value_t::boolean: return {"true/false", "true/false"};
    case Json::value_t::null: return {"null", "null"};
    default: return {"a number", "数值"};
  }
}

LocalizedText type_text(std::string_view raw) {
  return raw.starts_with('{') ? LocalizedText{"an object", "对象"} : LocalizedText{"a list", "列表"};
}

/// A top-level member: a scalar, or the text of an object or list.
struct Member {
  std::string name;
  std::variant<Json, std::string_view> value;
};

/// nlohmann SAX handler for the top level of a project file.
class TopLevel {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  TopLevel(std::string_view text, const ProjectLimits& limits, const std::size_t& read)
      : text_(text), limits_(limits), read_(read) {}

  bool null() { return scalar(Json(nullptr)); }
  bool boolean(bool v) { return scalar(Json(v)); }
  bool number_integer(number_integer_t v) { return scalar(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return scalar(Json(v)); }
  bool number_float(number_float_t v, const string_t&) { return scalar(Json(v)); }
  bool string(string_t& v) { return scalar(Json(std::move(v))); }
  bool binary(binary_t&) { return false; }

  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& name) {
    if (depth_ != 1) return true;  // inside a member: read again on its own
    if (!names_.insert(name).second) return fail(json_input::duplicate(name, ""));
    name_ = std::move(name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    return fail(json_input::syntax_problem(text_, position, e.what(), kWhat));
  }

  std::vector<Member>& members() { return members_; }
  [[nodiscard]] const std::optional<ProjectError>& problem() const { return problem_; }

 private:
  bool fail(const json_input::Problem& p) { return fail(ProjectError{p.code, p.member, p.message}); }
  bool fail(ProjectError e) {
    if (!problem_) problem_ = std::move(e);
    return false;
  }

  bool scalar(Json v) {
    if (depth_ == 0) return not_an_object(type_text(v));
    if (depth_ == 1) members_.push_back({std::move(name_), std::move(v)});
    return true;
  }

  bool open(bool object) {
    if (depth_ == 0 && !object) return not_an_object({"a list", "列表"});
    if (depth_ >= limits_.max_depth) {
      auto p = json_input::too_deep(limits_.max_depth, kWhat);
      p.member = name_;
      return fail(p);
    }
    if (depth_ == 1) start_ = read_ - 1;  // the `{` or `[` just read
    ++depth_;
    return true;
  }

  bool close() {
    --depth_;
    if (depth_ == 1) members_.push_back({std::move(name_), text_.substr(start_, read_ - start_)});
    return true;
  }

  bool not_an_object(const LocalizedText& found) {
    return fail(ProjectError{"project.not-object", "",
                 {"a project file is a JSON object of facts, found " + found.en,
                  "项目文件应为由事实组成的 JSON 对象，实为" + found.zh}});
  }

  std::string_view text_;
  const ProjectLimits& limits_;
  const std::size_t& read_;
  std::size_t depth_ = 0;
  std::size_t start_ = 0;
  std::string name_;
  std::set<std::string, std::less<>> names_;  // ordered: no worst case for names crafted to collide
  std::vector<Member> members_;
  std::optional<ProjectError> problem_;
};

void read_units(const Json& units, FactsBuilder& builder) {
  if (!units.is_array() || units.empty()) {
    const LocalizedText found = units.is_array() ? LocalizedText{"an empty list", "空列表"} : type_text(units);
    builder.report_error({"project.units", "units",
                          {"expected a non-empty list of unit codes, found " + found.en,
                           "应为非空的单元编码列表，实为" + found.zh}});
    return;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Json& u = units[i];
    const std::string where = "units[" + std::to_string(i) + "]";
    if (u.is_string()) {
      builder.add_unit(u.get_ref<const std::string&>());
      continue;
    }
    if (u.is_object() && u.contains("code") && u["code"].is_string()) {
      std::optional<double> share;
      bool ok = true;
      for (const auto& [key, value] : u.items()) {
        if (key == "code") continue;
        ok = false;
        if (key == "share" && value.is_number()) {
          share = value.get<double>();
          ok = true;
        } else if (key == "share") {
          const LocalizedText found = type_text(value);
          builder.report_error({"project.unit-share", where,
                                {"`share` must be a number between 0 and 1, found " + found.en,
                                 "`share` 应为 0 到 1 之间的数，实为" + found.zh}});
        } else {
          const std::string shown = json_input::shorten(key);
          builder.report_error({"project.units", where,
                                {"unexpected member `" + shown + "` (a unit is {\"code\": …, \"share\": 0–1})",
                                 "多余的成员“" + shown + "”（单元写作 {\"code\": …, \"share\": 0–1}）"}});
        }
        if (!ok) break;
      }
      if (ok) builder.add_unit(u["code"].get_ref<const std::string&>(), share);
      continue;
    }
    const LocalizedText found = type_text(u);
    builder.report_error({"project.units", where,
                          {"expected a unit code or {\"code\": …, \"share\": …}, found " + found.en,
                           "应为单元编码或 {\"code\": …, \"share\": …}，实为" + found.zh}});
  }
}

/// A member whose value is an object or a list.
void read_structured(const Ruleset& ruleset, const Member& m, std::string_view raw, const ProjectLimits& limits,
                     FactsBuilder& builder) {
  if (m.name == "site") {
    builder.set_site(raw);
  } else if (m.name == "project") {
    builder.set_metadata(std::string(raw));
  } else if (m.name == "units") {
    const auto units = json_input::parse<Json>(raw, {limits.max_bytes, limits.max_depth}, {"`units`", "`units`"});
    if (!units) {
      builder.report_error({units.error().code, "units", units.error().message});
      return;
    }
    read_units(*units, builder);
  } else if (!ruleset.data().model.find_fact_or_label(m.name)) {
    builder.set_unknown(m.name);  // reports the unknown name, with a suggestion
  } else {
    const LocalizedText found = type_text(raw);
    builder.report_error({"project.wrong-type", m.name,
                          {"expected a single value, found " + found.en, "应为单个值，实为" + found.zh}});
  }
}

void read_scalar(const Member& m, const Json& value, FactsBuilder& builder) {
  if (m.name == "units") {
    read_units(value, builder);
  } else if (m.name == "site") {
    builder.set_site(value.dump());  // refused, with the reason: a site is a geometry object
  } else if (m.name == "project") {
    builder.set_metadata(value.dump());
  } else if (value.is_null()) {
    builder.set_unknown(m.name);
  } else if (value.is_boolean()) {
    builder.set_bool(m.name, value.get<bool>());
  } else if (value.is_number()) {
    builder.set_number(m.name, value.get<double>());
  } else {
    builder.set_text(m.name, value.get_ref<const std::string&>());
  }
}

}  // namespace

ProjectResult load_project_json(const Ruleset& ruleset, std::string_view json_text, const ProjectLimits& limits) {
  if (auto p = json_input::check_bytes(json_text, {limits.max_bytes, limits.max_depth}, kWhat)) {
    return ProjectResult::failure({{p->code, p->member, p->message}});
  }
  std::size_t read = 0;
  TopLevel top(json_text, limits, read);
  const CountingIterator first{json_text.data(), json_text.data(), &read};
  const CountingIterator last{json_text.data() + json_text.size(), json_text.data(), &read};
  if (!Json::sax_parse(first, last, &top)) {
    return ProjectResult::failure({top.problem().value_or(
        ProjectError{"input.not-json", "", {"the project file is not valid JSON", "项目文件不是有效的 JSON"}})});
  }
  FactsBuilder builder(ruleset, limits);
  for (const Member& m : top.members()) {
    if (const auto* raw = std::get_if<std::string_view>(&m.value)) {
      read_structured(ruleset, m, *raw, limits, builder);
    } else {
      read_scalar(m, std::get<Json>(m.value), builder);
    }
  }
  return std::move(builder).build();
}

}  // namespace zhunru
