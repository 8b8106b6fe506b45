#include "eval/flat_members.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

#include "base/json_input.hpp"
#include "base/json_sax_types.hpp"

namespace zhunru::eval {
namespace {

using Json = nlohmann::json;

/// nlohmann SAX handler: scalars one level down, nothing deeper.
class FlatReader : public json_input::SaxTypes<Json> {
 public:
  FlatReader(bool object, std::size_t max_distinct, FlatMembers& out)
      : object_(object), max_distinct_(max_distinct), out_(out) {}

  bool null() { return wrong({"null", "null"}); }
  bool boolean(bool) { return wrong({"true/false", "true/false"}); }
  bool number_integer(number_integer_t v) { return number(Json(v).dump()); }
  bool number_unsigned(number_unsigned_t v) { return number(Json(v).dump()); }
  bool number_float(number_float_t, const string_t& text) { return number(text); }
  bool string(string_t& v) {
    if (depth_ != 1) return true;
    if (!object_) return add(std::move(v), {});
    return add(std::move(key_), std::move(v));
  }
  bool binary(binary_t&) { return false; }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    if (!out_.problem) out_.problem = LocalizedText{"not valid JSON", "不是有效的 JSON"};
    return false;
  }

 private:
  bool open(bool object) {
    if (depth_ == 0 && object != object_) {
      return fail(object ? LocalizedText{"expected a list, found an object", "应为列表，实为对象"}
                         : LocalizedText{"expected an object, found a list", "应为对象，实为列表"});
    }
    if (depth_ > 0) return wrong(object ? LocalizedText{"an object", "对象"} : LocalizedText{"a list", "列表"});
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  bool number(const std::string& text) {
    if (!object_) return wrong({"a number", "数值"});
    return add(std::move(key_), text);
  }
  bool add(std::string first, std::string second) {
    if (!seen_.insert(first).second) {
      if (object_) return fail({"`" + json_input::shorten(first) + "` is given twice", "“" + json_input::shorten(first) + "”重复给出"});
      return true;  // a value listed twice counts once
    }
    if (out_.entries.size() >= max_distinct_) {
      const std::string n = std::to_string(max_distinct_);
      return fail({"more than " + n + " different entries, which is more than the fact has values",
                   "超过 " + n + " 个不同的项，多于该事实的取值个数"});
    }
    out_.entries.emplace_back(std::move(first), std::move(second));
    return true;
  }
  bool wrong(const LocalizedText& found) {
    return fail(object_ ? LocalizedText{"each amount must be a number or a text with its unit, found " + found.en,
                                        "每个数应为数值或带单位的文字，实为" + found.zh}
                        : LocalizedText{"expected a list of values (strings), found " + found.en + " in it",
                                        "应为取值（字符串）的列表，其中有" + found.zh});
  }
  bool fail(LocalizedText problem) {
    if (!out_.problem) out_.problem = std::move(problem);
    return false;
  }

  bool object_;
  std::size_t max_distinct_;
  FlatMembers& out_;
  std::size_t depth_ = 0;
  std::string key_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

FlatMembers read_flat_members(std::string_view raw, bool object, std::size_t max_distinct) {
  FlatMembers out;
  FlatReader reader(object, max_distinct, out);
  if (!Json::sax_parse(raw.begin(), raw.end(), &reader) && !out.problem) {
    out.problem = LocalizedText{"not valid JSON", "不是有效的 JSON"};
  }
  return out;
}

}  // namespace zhunru::eval
