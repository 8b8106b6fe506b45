// FactsBuilder: each value is checked against the fact's declared type as it
// is set; every error names the fact and is kept until build().
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "api/ruleset_data.hpp"
#include "base/dates.hpp"
#include "base/edit_distance.hpp"
#include "base/json_input.hpp"
#include "base/utf8.hpp"
#include "eval/facts_builder_access.hpp"
#include "eval/project_data.hpp"
#include "eval/project_site.hpp"
#include "model/codes.hpp"
#include "model/industry_classification.hpp"
#include "zhunru/project.hpp"

namespace zhunru {

struct FactsBuilder::State {
  const Ruleset::Data* ruleset = nullptr;
  ProjectLimits limits;
  Project::Data data;
  std::vector<bool> given;
  std::unordered_set<std::string> unit_codes;  // given so far, to refuse repeats in constant time
  bool too_many_units = false;                  // project.too-many-units said (once)
  std::vector<ProjectError> errors;
  std::size_t errors_not_shown = 0;

  /// True once max_errors are recorded: further errors are only counted, and
  /// nothing is spent on suggestions for them.
  [[nodiscard]] bool full() const { return errors.size() >= limits.max_errors; }
  void error(std::string code, std::string fact, LocalizedText message) {
    if (full()) {
      ++errors_not_shown;
      return;
    }
    errors.push_back({std::move(code), std::move(fact), std::move(message)});
  }
  const model::Fact* find(std::string_view name, model::FactId& id);
  void set(model::FactId id, FactValue value);
  void wrong_type(const model::Fact& fact, const std::string& found_en, const std::string& found_zh);
  void set_text(model::FactId id, const model::Fact& fact, std::string_view text);
  // The public setters, once the fact is found.
  void set_bool(model::FactId id, bool value);
  void set_number(model::FactId id, double value);
  void set_text(model::FactId id, std::string_view value);
  void set_values(model::FactId id, const std::vector<std::string_view>& values);
  void set_amounts(model::FactId id, const std::vector<std::pair<std::string_view, std::string_view>>& amounts);
  /// Every amount is of a value its set fact has (when both are given).
  void amounts_within_sets();
  /// `text` as a number of `fact`'s unit (canonical), or nothing after reporting why not.
  std::optional<double> read_quantity(const model::Fact& fact, std::string_view text);
  /// Refuses a quantity below zero; `shown_as` gives the value as the message quotes it.
  bool negative(const model::Fact& fact, double value, const std::function<std::string()>& shown_as);
  bool utf8_ok(std::string_view text, const std::string& fact);
  /// Keeps the `project` member, read as JSON and found sound.
  void keep_metadata(const nlohmann::ordered_json& about);
};

namespace {

/// What a project file must give for `f`, for messages.
LocalizedText expected_value(const model::Fact& f) {
  const std::string& u = f.unit.text;
  switch (f.kind) {
    case model::FactKind::boolean: return {"true or false", "true 或 false"};
    case model::FactKind::number: return {"a number", "数值"};
    case model::FactKind::quantity:
      return {"a quantity in " + u + " (a number in " + u + ", or a string with its unit such as \"30万吨/年\")",
              "以 " + u + " 计的数量（" + u + " 下的数值，或带单位的字符串，如 \"30万吨/年\"）"};
    case model::FactKind::enumeration: return {"one of its values", "其取值之一"};
    case model::FactKind::industry:
      return {"a GB/T 4754-2017 industry code such as \"C2614\"", "GB/T 4754-2017 行业代码，如 \"C2614\""};
    case model::FactKind::text: return {"text", "文本"};
    case model::FactKind::date: return {"a date such as \"2024-07-01\"", "日期，如 \"2024-07-01\""};
    case model::FactKind::enum_set:
      return {"a list of its values such as [\"a\", \"b\"] ([] for none)", "其取值的列表，如 [\"a\", \"b\"]（无则为 []）"};
    case model::FactKind::amounts:
      return {"an object of a number for each value, such as {\"a\": \"30万吨/年\"}, or the text \"a: 30万吨/年; b: 5\"",
              "按取值给出数的对象，如 {\"a\": \"30万吨/年\"}，或文字 \"a: 30万吨/年; b: 5\""};
  }
  return {};
}

/// `text` without the spaces around it.
std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// Where the first of `separators` starts in `text` at or after `from`, and
/// its length; (npos, 0) when none does. One pass over the bytes: a text of a
/// million pieces is cut in linear time.
std::pair<std::size_t, std::size_t> next_separator(std::string_view text, std::size_t from,
                                                   std::initializer_list<std::string_view> separators) {
  for (std::size_t i = from; i < text.size(); ++i) {
    for (std::string_view sep : separators) {
      if (text.substr(i, sep.size()) == sep) return {i, sep.size()};
    }
  }
  return {std::string_view::npos, 0};
}

/// The non-empty pieces of `text` between `separators`, trimmed, until
/// `take` returns false.
template <class Take>
void pieces(std::string_view text, std::initializer_list<std::string_view> separators, Take&& take) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto [at, width] = next_separator(text, start, separators);
    const std::string_view piece = trimmed(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (!piece.empty() && !take(piece)) return;
    if (at == std::string_view::npos) return;
    start = at + width;
  }
}

/// `"coke: 100万吨/年; steel: 300"` (`：` and `；` too) as value–amount pairs;
/// nothing when not so. At most `most` pairs: one more than there are values
/// (the extra one is surely a repeat or no value, and is refused as such).
std::optional<std::vector<std::pair<std::string_view, std::string_view>>> amounts_of(std::string_view text,
                                                                                   std::size_t most) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  bool ok = true;
  pieces(text, {";", "；"}, [&](std::string_view piece) {
    const auto [colon, width] = next_separator(piece, 0, {":", "："});
    ok = colon != std::string_view::npos;
    if (ok) out.emplace_back(trimmed(piece.substr(0, colon)), trimmed(piece.substr(colon + width)));
    return ok && out.size() < most;
  });
  if (!ok) return std::nullopt;
  return out;
}

/// A set fact's values in one text ("coal;oil", "燃煤、燃油"): the whole text
/// when it is one value (a label may hold a separator), else its pieces,
/// each different one once — at most one more than the fact has values, so
/// a 64 MiB text of one value repeated keeps nothing but that value.
std::vector<std::string_view> items_of(const model::Fact& fact, std::string_view text) {
  if (text.empty()) return {};
  if (fact.find_value(text)) return {text};
  std::vector<std::string_view> items;
  std::unordered_set<std::string_view> seen;
  pieces(text, {";", ",", "；", "，", "、"}, [&](std::string_view piece) {  // "燃煤、" ends in a separator: no piece
    if (seen.insert(piece).second) items.push_back(piece);
    return items.size() <= fact.values.size();
  });
  return items;
}

std::string values_of(const model::Fact& f) {
  std::string out;
  for (const auto& v : f.values) {
    if (!out.empty()) out += ", ";
    out += v.label.empty() ? v.name : v.name + " (" + v.label + ")";
  }
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string fmt_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

const model::Fact* FactsBuilder::State::find(std::string_view name, model::FactId& id) {
  const auto found = ruleset->find_fact_or_label(name);
  if (found) {
    id = *found;
    return &ruleset->model.facts[id];
  }
  if (full()) {
    ++errors_not_shown;
    return nullptr;
  }
  if (!utf8_ok(name, "")) return nullptr;
  if (ruleset->model.find_geometry(name)) {
    error("project.site-geometry", std::string(name),
          {"`" + std::string(name) + "` is a geometry: give it as a GeoJSON geometry object, like `site`",
           "“" + std::string(name) + "”是几何：应像 `site` 一样以 GeoJSON 几何对象给出"});
    return nullptr;
  }
  std::vector<std::string_view> names;  // a near miss of a label suggests the label
  for (const model::Fact& f : ruleset->model.facts) {
    names.push_back(f.name);
    if (!f.label.empty()) names.push_back(f.label);
  }
  const auto best = closest_near_miss(name, names);
  const std::string shown = json_input::shorten(name);
  std::string en = "`" + shown + "` is not a fact of this ruleset";
  std::string zh = "“" + shown + "”不是本清单声明的事实";
  if (best) {
    en += "; did you mean `" + std::string(names[*best]) + "`?";
    zh += "；是否应为“" + std::string(names[*best]) + "”？";
  }
  error("project.unknown-fact", shown, {en, zh});  // the name as shown: never echoed whole
  return nullptr;
}

void FactsBuilder::State::set(model::FactId id, FactValue value) {
  if (given[id]) {
    error("project.given-twice", ruleset->model.facts[id].name, {"given twice", "重复给出"});
    return;
  }
  given[id] = true;
  data.values[id] = std::move(value);
}

void FactsBuilder::State::wrong_type(const model::Fact& fact, const std::string& found_en, const std::string& found_zh) {
  const LocalizedText expected = expected_value(fact);
  error("project.wrong-type", fact.name,
        {"expected " + expected.en + ", found " + found_en, "应为" + expected.zh + "，实为" + found_zh});
}

// Text that is not UTF-8 is refused, never passed on to an answer (or a
// JSON encoder) that cannot carry it.
bool FactsBuilder::State::utf8_ok(std::string_view text, const std::string& fact) {
  const auto bad = utf8::first_invalid(text);
  if (!bad) return true;
  const std::string bytes = utf8::hex_bytes(text.substr(bad->offset, std::max<std::size_t>(bad->length, 4)));
  error("input.encoding", fact,
        {"not UTF-8 (bytes " + bytes + "); text must be UTF-8", "不是 UTF-8 编码（字节 " + bytes + "）；文本须为 UTF-8"});
  return false;
}

// A quantity is a magnitude — an emission, a capacity, an area, a distance —
// never below zero (docs/project-files.md). A reduction is a fact of its own.
bool FactsBuilder::State::negative(const model::Fact& fact, double value,
                                   const std::function<std::string()>& shown_as) {
  if (!(value < 0.0)) return false;
  const std::string shown = shown_as();
  error("project.negative-quantity", fact.name,
        {shown + " is negative, but " + fact.name + " is a quantity (" + fact.unit.text + "), which cannot be less "
             "than zero; a reduction is stated as a fact of its own",
         shown + " 为负值，而 " + fact.name + " 是数量（" + fact.unit.text + "），不能小于零；削减量应作为单独的事实给出"});
  return true;
}

void FactsBuilder::State::set_text(model::FactId id, const model::Fact& fact, std::string_view text) {
  // The value as messages quote it: made only when there is a message.
  const auto quoted = [text] { return "\"" + json_input::shorten(text) + "\""; };
  FactValue v;
  v.known = true;
  switch (fact.kind) {
    case model::FactKind::boolean:
      if (text == "true" || text == "真" || text == "是") v.number = 1.0;
      else if (text == "false" || text == "假" || text == "否") v.number = 0.0;
      else return wrong_type(fact, quoted(), quoted());
      break;
    case model::FactKind::number: {
      const auto n = parse_number(text);
      if (!n) return wrong_type(fact, quoted(), quoted());
      v.number = *n;
      break;
    }
    case model::FactKind::quantity: {
      const auto q = read_quantity(fact, text);
      if (!q) return;
      v.number = *q;
      break;
    }
    case model::FactKind::enumeration: {
      const auto value = fact.find_value(text);
      if (!value) {
        error("project.unknown-value", fact.name, {quoted() + " is not one of its values: " + values_of(fact),
                          quoted() + " 不是其取值：" + values_of(fact)});
        return;
      }
      v.number = *value;
      break;
    }
    case model::FactKind::industry: {
      const auto& table = model::IndustryClassification::gbt4754_2017();
      if (!table.find(text)) {
        const LocalizedText hint = table.suggestion(text);
        error("project.industry-code", fact.name,
              {quoted() + " is not a code of GB/T 4754-2017 (国民经济行业分类), such as C2614" +
                   (hint.en.empty() ? "" : "; " + hint.en),
               quoted() + " 不是 GB/T 4754-2017《国民经济行业分类》中的代码（如 C2614）" +
                   (hint.zh.empty() ? "" : "；" + hint.zh)});
        return;
      }
      v.text = std::string(text);
      break;
    }
    case model::FactKind::text:
      v.text = std::string(text);
      break;
    case model::FactKind::date: {
      const auto date = parse_iso_date(text);
      if (!date) return wrong_type(fact, quoted(), quoted());
      v.number = days_since_epoch(*date);
      break;
    }
    case model::FactKind::enum_set: return set_values(id, items_of(fact, text));
    case model::FactKind::amounts: {
      const std::size_t values = fact.per ? ruleset->model.facts[*fact.per].values.size() : 0;
      const auto pairs = amounts_of(text, values + 1);
      if (!pairs) return wrong_type(fact, quoted(), quoted());
      return set_amounts(id, *pairs);
    }
  }
  set(id, std::move(v));
}

std::optional<double> FactsBuilder::State::read_quantity(const model::Fact& fact, std::string_view text) {
  const auto quoted = [text] { return "\"" + json_input::shorten(text) + "\""; };
  if (fact.unit.text.empty()) {  // a number (`number per …`)
    const auto n = parse_number(text);
    if (!n) wrong_type(fact, quoted(), quoted());
    return n;
  }
  const auto q = parse_quantity(text, ruleset->model.unit_set);
  if (!q) {
    error("project.bad-value", fact.name,
          {"cannot read " + quoted() + " as a quantity in " + fact.unit.text + ": " + q.error().message.en,
           "无法将 " + quoted() + " 读作以 " + fact.unit.text + " 计的数量：" + q.error().message.zh});
    return std::nullopt;
  }
  double value = q->value;
  if (q->unit.text.empty()) {
    value = q->value * fact.unit.factor;  // a bare number is in the declared unit
    if (!std::isfinite(value)) {
      error("project.bad-value", fact.name, {"the number is too large", "数值过大"});
      return std::nullopt;
    }
  } else if (q->dimension() != fact.unit.dimension) {
    error("project.wrong-dimension", fact.name,
          {quoted() + " is a " + q->dimension().name().en + ", but " + fact.name + " is a " +
               fact.unit.dimension.name().en + " (" + fact.unit.text + ")",
           quoted() + " 是" + q->dimension().name().zh + "，而 " + fact.name + " 是" + fact.unit.dimension.name().zh + "（" +
               fact.unit.text + "）"});
    return std::nullopt;
  }
  if (negative(fact, value, quoted)) return std::nullopt;
  return value;
}

void FactsBuilder::State::amounts_within_sets() {
  const auto& facts = ruleset->model.facts;
  for (model::FactId id = 0; id < facts.size(); ++id) {
    const model::Fact& f = facts[id];
    if (f.kind != model::FactKind::amounts || !f.per || !data.values[id].known || !data.values[*f.per].known) continue;
    const auto& has = data.values[*f.per].items;
    for (const std::uint32_t v : data.values[id].items) {
      if (std::binary_search(has.begin(), has.end(), v)) continue;
      const model::Fact& set = facts[*f.per];
      error("project.amount-not-in-set", f.name,
            {"gives an amount for " + set.values[v].name + ", which is not among " + set.name,
             "给出了 " + set.values[v].name + " 的数，但它不在 " + set.name + " 之中"});
    }
  }
}

void FactsBuilder::State::set_amounts(model::FactId id,
                                      const std::vector<std::pair<std::string_view, std::string_view>>& amounts) {
  const model::Fact& fact = ruleset->model.facts[id];
  if (fact.kind != model::FactKind::amounts || !fact.per) {
    const LocalizedText expected = expected_value(fact);
    return error("project.wrong-type", fact.name,
                 {"expected " + expected.en + ", found an object", "应为" + expected.zh + "，实为对象"});
  }
  const model::Fact& keyed_by = ruleset->model.facts[*fact.per];
  std::vector<std::pair<std::uint32_t, double>> each;
  bool ok = true;
  for (const auto& [name, text] : amounts) {
    if (!utf8_ok(name, fact.name) || !utf8_ok(text, fact.name)) return;
    const auto value = keyed_by.find_value(name);
    if (!value) {
      const std::string quoted = "\"" + json_input::shorten(name) + "\"";
      error("project.unknown-value", fact.name,
            {quoted + " is not a value of " + keyed_by.name + ": " + values_of(keyed_by), quoted + " 不是 " + keyed_by.name + " 的取值：" + values_of(keyed_by)});
      ok = false;
      continue;
    }
    const auto number = read_quantity(fact, text);
    ok = ok && number.has_value();
    if (number) each.emplace_back(*value, *number);
  }
  if (!ok) return;
  std::sort(each.begin(), each.end());
  FactValue v;
  v.known = true;
  for (const auto& [value, number] : each) {
    if (!v.items.empty() && v.items.back() == value) {
      return error("project.given-twice", fact.name,
                   {"the amount of " + keyed_by.values[value].name + " is given twice",
                    keyed_by.values[value].name + " 的数重复给出"});
    }
    v.items.push_back(value);
    v.amounts.push_back(number);
  }
  set(id, std::move(v));
}

void FactsBuilder::State::set_values(model::FactId id, const std::vector<std::string_view>& values) {
  const model::Fact& fact = ruleset->model.facts[id];
  if (fact.kind != model::FactKind::enum_set) {
    const LocalizedText expected = expected_value(fact);
    return error("project.wrong-type", fact.name, {"expected " + expected.en + ", found a list", "应为" + expected.zh + "，实为列表"});
  }
  FactValue v;
  v.known = true;
  bool ok = true;
  for (std::string_view text : values) {
    if (!utf8_ok(text, fact.name)) return;
    const auto value = fact.find_value(text);
    if (!value) {
      const std::string quoted = "\"" + json_input::shorten(text) + "\"";
      error("project.unknown-value", fact.name,
            {quoted + " is not one of its values: " + values_of(fact), quoted + " 不是其取值：" + values_of(fact)});
      ok = false;
      continue;
    }
    v.items.push_back(*value);
  }
  if (!ok) return;
  std::sort(v.items.begin(), v.items.end());
  v.items.erase(std::unique(v.items.begin(), v.items.end()), v.items.end());  // a value named twice is one item
  set(id, std::move(v));
}

FactsBuilder::FactsBuilder(const Ruleset& ruleset, const ProjectLimits& limits) : state_(std::make_unique<State>()) {
  state_->ruleset = &ruleset.data();
  state_->limits = limits;
  state_->data.ruleset_hash = ruleset.hash();
  state_->data.values.resize(ruleset.data().model.facts.size());
  state_->given.resize(ruleset.data().model.facts.size(), false);
}
FactsBuilder::~FactsBuilder() = default;
FactsBuilder::FactsBuilder(FactsBuilder&&) noexcept = default;
FactsBuilder& FactsBuilder::operator=(FactsBuilder&&) noexcept = default;

void FactsBuilder::State::set_bool(model::FactId id, bool value) {
  const model::Fact& fact = ruleset->model.facts[id];
  if (fact.kind != model::FactKind::boolean) return wrong_type(fact, value ? "true" : "false", value ? "true" : "false");
  set(id, {true, value ? 1.0 : 0.0, {}, {}, {}});
}

void FactsBuilder::State::set_number(model::FactId id, double value) {
  const model::Fact& fact = ruleset->model.facts[id];
  const auto shown = [value] { return fmt_number(value); };  // for messages only
  if (!std::isfinite(value)) {
    error("project.bad-value", fact.name, {"the number is not finite", "数值不是有限数"});
  } else if (fact.kind == model::FactKind::number) {
    set(id, {true, value, {}, {}, {}});
  } else if (fact.kind == model::FactKind::quantity && !std::isfinite(value * fact.unit.factor)) {
    error("project.bad-value", fact.name, {"the number is too large", "数值过大"});
  } else if (fact.kind == model::FactKind::quantity) {
    if (!negative(fact, value, shown)) set(id, {true, value * fact.unit.factor, {}, {}, {}});
  } else {
    wrong_type(fact, "the number " + shown(), "数值 " + shown());
  }
}

void FactsBuilder::State::set_text(model::FactId id, std::string_view value) {
  const model::Fact& fact = ruleset->model.facts[id];
  if (utf8_ok(value, fact.name)) set_text(id, fact, value);
}

FactsBuilder& FactsBuilder::set_bool(std::string_view name, bool value) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set_bool(id, value);
  return *this;
}

FactsBuilder& FactsBuilder::set_number(std::string_view name, double value) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set_number(id, value);
  return *this;
}

FactsBuilder& FactsBuilder::set_text(std::string_view name, std::string_view value) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set_text(id, value);
  return *this;
}

FactsBuilder& FactsBuilder::set_values(std::string_view name, const std::vector<std::string>& values) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set_values(id, std::vector<std::string_view>(values.begin(), values.end()));
  return *this;
}

FactsBuilder& FactsBuilder::set_amounts(std::string_view name,
                                        const std::vector<std::pair<std::string, std::string>>& amounts) {
  model::FactId id = 0;
  if (!state_->find(name, id)) return *this;
  std::vector<std::pair<std::string_view, std::string_view>> views;
  for (const auto& [value, amount] : amounts) views.emplace_back(value, amount);
  state_->set_amounts(id, views);
  return *this;
}

FactsBuilder& FactsBuilder::set_unknown(std::string_view name) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set(id, FactValue{});
  return *this;
}

void FactsBuilderAccess::set_bool(FactsBuilder& builder, model::FactId fact, bool value) {
  builder.state_->set_bool(fact, value);
}
void FactsBuilderAccess::set_number(FactsBuilder& builder, model::FactId fact, double value) {
  builder.state_->set_number(fact, value);
}
void FactsBuilderAccess::set_text(FactsBuilder& builder, model::FactId fact, std::string_view value) {
  builder.state_->set_text(fact, value);
}
void FactsBuilderAccess::set_unknown(FactsBuilder& builder, model::FactId fact) {
  builder.state_->set(fact, FactValue{});
}

FactsBuilder& FactsBuilder::add_unit(std::string_view code, std::optional<double> share) {
  const std::string where = "units";
  if (state_->unit_codes.size() >= state_->limits.max_units) {
    // Each unit is judged and answered: 100,000 codes made a 548 MB answer.
    // Said once; the codes past the limit are not kept.
    if (!std::exchange(state_->too_many_units, true)) {
      const std::string limit = std::to_string(state_->limits.max_units);
      state_->error("project.too-many-units", where,
                    {"the project names more than " + limit + " units; at most " + limit + " are judged",
                     "项目列出的单元超过 " + limit + " 个；最多判定 " + limit + " 个"});
    }
    return *this;
  }
  if (!state_->utf8_ok(code, where)) return *this;
  const auto unit = model::parse_unit_code(code);
  if (!unit) {
    const std::string shown = json_input::shorten(code);
    state_->error("project.unit-code", where,
                  {"\"" + shown + "\" is not a unit code: ZH, the six-digit district, the class digit "
                   "(1 priority, 2 key, 3 general) and four digits, such as ZH50010320001",
                   "\"" + shown + "\" 不是单元编码：ZH + 六位区县代码 + 类别位（1 优先保护、2 重点管控、"
                   "3 一般管控）+ 四位序号，如 ZH50010320001"});
    return *this;
  }
  if (share && !(*share >= 0.0 && *share <= 1.0)) {
    state_->error("project.unit-share", where,
                  {"the share of unit " + unit->code + " must lie between 0 and 1",
                   "单元 " + unit->code + " 的占比须在 0 与 1 之间"});
    return *this;
  }
  if (!state_->unit_codes.insert(unit->code).second) {
    state_->error("project.given-twice", where, {"unit " + unit->code + " is given twice", "单元 " + unit->code + " 重复给出"});
    return *this;
  }
  std::string name;
  if (const maps::UnitMap* map = state_->ruleset->maps.units.get()) {
    const auto found = map->find(unit->code);
    if (!found) {
      if (state_->full()) {  // counted only: no suggestion is worked out
        state_->error("project.unit-not-in-map", where, {});
        return *this;
      }
      LocalizedText message{"unit " + unit->code + " is not in the unit map " + map->path(),
                            "单元 " + unit->code + " 不在单元图 " + map->path() + " 中"};
      const auto codes = map->codes();
      if (const auto near = closest_near_miss(unit->code, codes)) {
        message.en += "; did you mean " + std::string(codes[*near]) + "?";
        message.zh += "；是否应为 " + std::string(codes[*near]) + "？";
      }
      state_->error("project.unit-not-in-map", where, std::move(message));
      return *this;
    }
    name = map->unit(*found).name;
  }
  state_->data.units.push_back({unit->code, unit->district, unit->unit_class, share, name, false});
  return *this;
}

FactsBuilder& FactsBuilder::set_site(std::string_view geojson) {
  if (state_->data.site) {
    state_->error("project.given-twice", "site", {"the site is given twice", "选址重复给出"});
    return *this;
  }
  auto site = spatial::read_site(geojson, {state_->limits.max_bytes, state_->limits.max_depth});
  if (!site) {
    state_->error(site.error().code, "site", site.error().message);
    return *this;
  }
  if ((*site)->from_gcj02) {
    state_->data.notes.push_back(
        {"the site was given in GCJ-02 (the coordinates of most Chinese web maps) and converted to WGS 84 before "
         "it was located",
         "选址以 GCJ-02（多数国内网络地图使用的坐标）给出，已先转换为 WGS 84 再定位"});
  }
  state_->data.site = std::move(site).value();
  return *this;
}

FactsBuilder& FactsBuilder::set_geometry(std::string_view name, std::string_view geojson) {
  const auto g = state_->ruleset->model.find_geometry(name);
  if (!g) {
    model::FactId ignored = 0;
    state_->find(name, ignored);  // reports the unknown name, with a suggestion
    return *this;
  }
  auto& geometries = state_->data.geometries;
  if (geometries.size() <= *g) geometries.resize(*g + 1);
  const std::string shown(name);
  if (geometries[*g]) {
    state_->error("project.given-twice", shown, {"`" + shown + "` is given twice", "“" + shown + "”重复给出"});
    return *this;
  }
  auto read = spatial::read_site(geojson, {state_->limits.max_bytes, state_->limits.max_depth});
  if (!read) {
    state_->error(read.error().code, shown, read.error().message);
    return *this;
  }
  if ((*read)->from_gcj02) {
    state_->data.notes.push_back({"`" + shown + "` was given in GCJ-02 and converted to WGS 84",
                                  "“" + shown + "”以 GCJ-02 给出，已转换为 WGS 84"});
  }
  geometries[*g] = std::move(read).value();
  return *this;
}

FactsBuilder& FactsBuilder::set_metadata(std::string json) {
  if (!state_->utf8_ok(json, "project")) return *this;
  const std::size_t limit = state_->limits.max_metadata_bytes;
  if (json.size() > limit) {
    const std::string kib = std::to_string(limit >> 10) + " KiB";
    state_->error("project.metadata-too-large", "project",
                  {"the `project` member is larger than " + kib + "; it is echoed in every answer, so keep it to a "
                   "description (name, applicant, ids)",
                   "`project` 成员超过 " + kib + "；它会原样出现在每次答复中，请只写项目说明（名称、申请人、编号）"});
    return *this;
  }
  // Kept as compact JSON when it is JSON (bounded: it is parsed again for
  // every answer); as text when it is not JSON at all. JSON that breaks a
  // rule — a name twice, nesting too deep — is refused, never turned into text.
  const auto parsed = json_input::parse<nlohmann::ordered_json>(json, {limit, state_->limits.max_depth},
                                                                {"the `project` member", "`project` 成员"});
  if (parsed) {
    state_->keep_metadata(*parsed);
  } else if (parsed.error().code == "input.not-json") {
    state_->data.metadata_json = nlohmann::ordered_json(json).dump();
  } else {
    LocalizedText message = parsed.error().message;
    // `{"a": 1, "a": 2}` right inside `project`: said as for deeper objects.
    if (parsed.error().code == "input.duplicate-member" && message.en.find("in the same object") == std::string::npos) {
      const std::string name = json_input::shorten(parsed.error().member);
      message = {"`" + name + "` is given twice in the same object", "同一对象中“" + name + "”重复给出"};
    }
    state_->error(parsed.error().code, "project", std::move(message));
  }
  return *this;
}

void FactsBuilder::State::keep_metadata(const nlohmann::ordered_json& about) {
  data.metadata_json = about.dump();
  data.metadata_id = json_input::id_or_name(about);
}

void FactsBuilderAccess::keep_metadata(FactsBuilder& builder, const nlohmann::ordered_json& about) {
  builder.state_->keep_metadata(about);
}

void FactsBuilderAccess::keep_metadata_text(FactsBuilder& builder, std::string json, std::string id) {
  builder.state_->data.metadata_json = std::move(json);
  builder.state_->data.metadata_id = std::move(id);
}

FactsBuilder& FactsBuilder::report_error(ProjectError error) {
  state_->error(std::move(error.code), std::move(error.fact), std::move(error.message));
  return *this;
}

ProjectResult FactsBuilder::build() && {
  State& s = *state_;
  // Shares are parts of one site: together at most the whole of it.
  double shares = 0.0;
  for (const ProjectUnit& u : s.data.units) shares += u.share.value_or(0.0);
  if (shares > 1.0 + 1e-9) {
    const std::string sum = fmt_number(shares);
    s.error("project.unit-share", "units",
            {"the shares of the units add up to " + sum + "; they are parts of one site, so at most 1",
             "各单元占比之和为 " + sum + "；它们是同一选址的组成部分，合计不能超过 1"});
  }
  s.amounts_within_sets();
  if (s.errors.empty()) {
    s.data.parts.resize(s.data.units.size());
    eval::place_site(*s.ruleset, s.data, s.errors);
  }
  if (s.errors_not_shown > 0) {
    const std::string n = std::to_string(s.errors_not_shown);
    s.errors.push_back({"project.too-many-errors", "",
                        {"stopped reporting after " + std::to_string(s.errors.size()) + " errors; " + n + " more not shown",
                         "已报告 " + std::to_string(s.errors.size()) + " 处错误后停止；另有 " + n + " 处未列出"}});
  }
  if (!s.errors.empty()) return ProjectResult::failure(std::move(s.errors));
  return Project(std::make_shared<const Project::Data>(std::move(s.data)));
}

std::string describe_error(const std::vector<ProjectError>& errors) {
  std::string out;
  for (const ProjectError& e : errors) {
    if (!out.empty()) out += "; ";
    out += e.code + ": " + (e.fact.empty() ? "" : e.fact + ": ") + e.message.en;
  }
  return out;
}

Project::Project(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
const std::vector<ProjectUnit>& Project::units() const { return data_->units; }
bool Project::has_site() const { return data_->site != nullptr; }
const std::vector<LocalizedText>& Project::notes() const { return data_->notes; }

}  // namespace zhunru
