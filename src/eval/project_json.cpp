// Project files (docs/project-files.md): a JSON object of facts by name, plus
// the reserved members `units`, `site` and `project`. Every member is either
// used or refused, never ignored.
//
// Hostile files cannot hurt: the bytes are checked first (size, encoding).
// Most files are plain — values, a `units` list of codes, a `project`
// member — and simdjson reads them (eval/plain_project.hpp). Any other file
// is read here, by one linear SAX pass with bounded depth. Members go to
// the FactsBuilder as the pass meets them, in the file's order: a fact's
// scalar value straight from the parser; a `units` list of codes and the
// `project` member read in the same pass; any other object or list (`site`,
// a `units` list of objects, a list where a fact belongs) cut out by byte
// position and read on its own with the same bounds. When the file as a
// whole has a problem (bad syntax, a name given twice, nesting too deep),
// that is the one error reported: what the builder found so far is dropped.
#include <nlohmann/json.hpp>

#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "api/ruleset_data.hpp"
#include "base/json_dom_builder.hpp"
#include "base/json_input.hpp"
#include "base/json_sax_types.hpp"
#include "eval/facts_builder_access.hpp"
#include "eval/member_names.hpp"
#include "eval/plain_project.hpp"
#include "eval/project_pass.hpp"
#include "eval/project_members.hpp"
#include "zhunru/project.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::json;
using Metadata = json_input::DomBuilder<nlohmann::ordered_json>;

const LocalizedText kWhat{"the project file", "项目文件"};
const LocalizedText kMetadataWhat{"the `project` member", "`project` 成员"};

/// A const char* that tells how far the parser has read, so the reader can
/// cut out a member's text. nlohmann reads each byte once, in order.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char** read_to = nullptr;  // set to `at` at each step

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    *read_to = ++at;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.at == b.at; }
};

/// What the pass does with the events inside the member being read.
enum class Inside {
  other,    // nothing: the member's text is read on its own when it closes
  units,    // a `units` list: its codes kept while they are all strings
  project,  // the `project` member: built as JSON while it stays within bounds
};

/// nlohmann SAX handler for a whole project file.
class Reader : public json_input::SaxTypes<Json> {
 public:
  Reader(const Ruleset& ruleset, std::string_view text, const ProjectLimits& limits, const char* const& read_to,
         FactsBuilder& builder)
      : ruleset_(ruleset), text_(text), limits_(limits), read_to_(read_to), builder_(builder),
        names_(ruleset.data()) {}

  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(number_integer_t v) { return scalar(v); }
  bool number_unsigned(number_unsigned_t v) { return scalar(v); }
  bool number_float(number_float_t v, const string_t&) { return scalar(v); }
  bool string(string_t& v) { return scalar(v); }
  bool binary(binary_t&) { return false; }

  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& name) {
    if (depth_ > 1) {
      if (metadata_ && !metadata_->key(name)) metadata_.reset();  // a name twice: set_metadata says so
      return true;
    }
    const eval::MemberNames::Seen seen = names_.see(name);
    if (seen.again) return fail(json_input::duplicate(name, ""));
    name_.assign(name);  // reuses name_'s room; the parser keeps its own
    fact_ = seen.fact;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    return fail(json_input::syntax_problem(text_, position, e.what(), kWhat));
  }

  [[nodiscard]] const std::optional<ProjectError>& problem() const { return problem_; }

 private:
  bool fail(const json_input::Problem& p) { return fail(ProjectError{p.code, p.member, p.message}); }
  bool fail(ProjectError e) {
    if (!problem_) problem_ = std::move(e);
    return false;
  }

  template <class V>
  bool scalar(V&& v) {
    if (depth_ == 0) return not_an_object(Json(std::forward<V>(v)));
    if (depth_ == 1) {
      eval::read_scalar(name_, fact_, std::forward<V>(v), builder_);
    } else if (inside_ == Inside::units && depth_ == 2) {
      if constexpr (std::is_same_v<std::remove_cvref_t<V>, string_t>) {
        codes_.push_back(std::move(v));
      } else {
        codes_ok_ = false;
      }
    } else if (metadata_) {
      metadata_->value(std::forward<V>(v));
      check_metadata_size();
    }
    return true;
  }

  bool open(bool object) {
    if (depth_ == 0 && !object) return not_an_object(Json::array());
    if (depth_ >= limits_.max_depth) {
      auto p = json_input::too_deep(limits_.max_depth, kWhat);
      p.member = name_;
      return fail(p);
    }
    if (depth_ == 1) {
      begin_member(object);
    } else if (inside_ == Inside::units && depth_ == 2) {
      codes_ok_ = false;  // a unit as an object: read on its own, with its checks
    } else if (metadata_) {
      open_metadata(object);
      check_metadata_size();
    }
    ++depth_;
    return true;
  }

  bool close() {
    --depth_;
    if (depth_ == 1) {
      end_member();
    } else if (metadata_ && depth_ > 1) {
      metadata_->end_object();  // closes a list as well
    }
    return true;
  }

  void begin_member(bool object) {
    start_ = read() - 1;  // the `{` or `[` just read
    inside_ = Inside::other;
    if (name_ == "units" && !object) {
      inside_ = Inside::units;
      codes_.clear();
      codes_ok_ = true;
    } else if (name_ == "project") {
      inside_ = Inside::project;
      metadata_.emplace(text_, limits_.max_depth, kMetadataWhat);
      open_metadata(object);
    }
  }

  void open_metadata(bool object) {
    if (!(object ? metadata_->start_object(0) : metadata_->start_array(0))) metadata_.reset();
  }

  void end_member() {
    const std::string_view raw = text_.substr(start_, read() - start_);
    if (inside_ == Inside::units && codes_ok_ && !codes_.empty()) {
      for (const std::string& code : codes_) builder_.add_unit(code);
    } else if (inside_ == Inside::project && metadata_ && raw.size() <= limits_.max_metadata_bytes) {
      FactsBuilderAccess::keep_metadata(builder_, metadata_->take());
    } else {
      eval::read_structured(ruleset_, name_, raw, limits_, builder_);
    }
    metadata_.reset();
    inside_ = Inside::other;
  }

  // A `project` member larger than set_metadata allows is not built on
  // (memory stays bounded): it is refused from its text, as before.
  void check_metadata_size() {
    if (read() - start_ > limits_.max_metadata_bytes) metadata_.reset();
  }

  [[nodiscard]] std::size_t read() const { return static_cast<std::size_t>(read_to_ - text_.data()); }

  bool not_an_object(const Json& found) {
    const LocalizedText type = eval::type_text(found);
    return fail(ProjectError{"project.not-object", "",
                             {"a project file is a JSON object of facts, found " + type.en,
                              "项目文件应为由事实组成的 JSON 对象，实为" + type.zh}});
  }

  const Ruleset& ruleset_;
  std::string_view text_;
  const ProjectLimits& limits_;
  const char* const& read_to_;  // how far the parser has read
  FactsBuilder& builder_;
  eval::MemberNames names_;
  std::size_t depth_ = 0;
  std::string name_;       // of the member being read
  std::optional<model::FactId> fact_;  // the fact it names
  std::size_t start_ = 0;  // where its object or list began
  Inside inside_ = Inside::other;
  std::vector<std::string> codes_;  // of a `units` list
  bool codes_ok_ = true;
  std::optional<Metadata> metadata_;  // the `project` member, while it is built
  std::optional<ProjectError> problem_;
};

}  // namespace

namespace eval {

ProjectResult read_project_pass(const Ruleset& ruleset, std::string_view text, const ProjectLimits& limits) {
  FactsBuilder builder(ruleset, limits);
  const char* read_to = text.data();
  Reader reader(ruleset, text, limits, read_to, builder);
  const CountingIterator first{text.data(), &read_to};
  const CountingIterator last{text.data() + text.size(), &read_to};
  if (!Json::sax_parse(first, last, &reader)) {
    return ProjectResult::failure({reader.problem().value_or(
        ProjectError{"input.not-json", "", {"the project file is not valid JSON", "项目文件不是有效的 JSON"}})});
  }
  return std::move(builder).build();
}

}  // namespace eval

ProjectResult load_project_json(const Ruleset& ruleset, std::string_view json_text, const ProjectLimits& limits) {
  if (auto p = json_input::check_bytes(json_text, {limits.max_bytes, limits.max_depth}, kWhat)) {
    return ProjectResult::failure({{p->code, p->member, p->message}});
  }
  if (auto plain = eval::read_plain_project(ruleset, json_text, limits)) return std::move(*plain);
  return eval::read_project_pass(ruleset, json_text, limits);
}

}  // namespace zhunru
