// FactsBuilder: each value is checked against the fact's declared type as it
// is set; every error names the fact and is kept until build().
#include <charconv>
#include <chrono>
#include <cmath>

#include "api/ruleset_data.hpp"
#include "base/dates.hpp"
#include "base/edit_distance.hpp"
#include "eval/project_data.hpp"
#include "eval/project_site.hpp"
#include "model/codes.hpp"
#include "zhunru/project.hpp"

namespace zhunru {

struct FactsBuilder::State {
  const Ruleset::Data* ruleset = nullptr;
  Project::Data data;
  std::vector<bool> given;
  std::vector<ProjectError> errors;

  void error(std::string fact, LocalizedText message) { errors.push_back({std::move(fact), std::move(message)}); }
  const model::Fact* find(std::string_view name, model::FactId& id);
  void set(model::FactId id, FactValue value);
  void wrong_type(const model::Fact& fact, const std::string& found_en, const std::string& found_zh);
  void set_text(model::FactId id, const model::Fact& fact, std::string_view text);
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
  }
  return {};
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
  const auto found = ruleset->model.find_fact(name);
  if (found) {
    id = *found;
    return &ruleset->model.facts[id];
  }
  std::vector<std::string_view> names;
  for (const model::Fact& f : ruleset->model.facts) names.push_back(f.name);
  const auto best = closest_near_miss(name, names);
  std::string en = "`" + std::string(name) + "` is not a fact of this ruleset";
  std::string zh = "“" + std::string(name) + "”不是本清单声明的事实";
  if (best) {
    en += "; did you mean `" + std::string(names[*best]) + "`?";
    zh += "；是否应为“" + std::string(names[*best]) + "”？";
  }
  error(std::string(name), {en, zh});
  return nullptr;
}

void FactsBuilder::State::set(model::FactId id, FactValue value) {
  if (given[id]) {
    error(ruleset->model.facts[id].name, {"given twice", "重复给出"});
    return;
  }
  given[id] = true;
  data.values[id] = std::move(value);
}

void FactsBuilder::State::wrong_type(const model::Fact& fact, const std::string& found_en, const std::string& found_zh) {
  const LocalizedText expected = expected_value(fact);
  error(fact.name, {"expected " + expected.en + ", found " + found_en, "应为" + expected.zh + "，实为" + found_zh});
}

void FactsBuilder::State::set_text(model::FactId id, const model::Fact& fact, std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  FactValue v;
  v.known = true;
  switch (fact.kind) {
    case model::FactKind::boolean:
      if (text == "true" || text == "真" || text == "是") v.number = 1.0;
      else if (text == "false" || text == "假" || text == "否") v.number = 0.0;
      else return wrong_type(fact, quoted, quoted);
      break;
    case model::FactKind::number: {
      const auto n = parse_number(text);
      if (!n) return wrong_type(fact, quoted, quoted);
      v.number = *n;
      break;
    }
    case model::FactKind::quantity: {
      const auto q = parse_quantity(text);
      if (!q) {
        error(fact.name, {"cannot read " + quoted + " as a quantity in " + fact.unit.text + ": " + q.error().message.en,
                          "无法将 " + quoted + " 读作以 " + fact.unit.text + " 计的数量：" + q.error().message.zh});
        return;
      }
      if (q->unit.text.empty()) {
        v.number = q->value * fact.unit.factor;  // a bare number is in the declared unit
        if (!std::isfinite(v.number)) return error(fact.name, {"the number is too large", "数值过大"});
      } else if (q->dimension() == fact.unit.dimension) {
        v.number = q->value;
      } else {
        error(fact.name, {quoted + " is a " + q->dimension().name().en + ", but " + fact.name + " is a " +
                              fact.unit.dimension.name().en + " (" + fact.unit.text + ")",
                          quoted + " 是" + q->dimension().name().zh + "，而 " + fact.name + " 是" +
                              fact.unit.dimension.name().zh + "（" + fact.unit.text + "）"});
        return;
      }
      break;
    }
    case model::FactKind::enumeration: {
      const auto value = fact.find_value(text);
      if (!value) {
        error(fact.name, {quoted + " is not one of its values: " + values_of(fact),
                          quoted + " 不是其取值：" + values_of(fact)});
        return;
      }
      v.number = *value;
      break;
    }
    case model::FactKind::industry:
      if (!model::is_industry_code(text)) {
        error(fact.name, {quoted + " is not a GB/T 4754-2017 industry code (a letter A–T, then 2, 3 or 4 digits: C, C26, C261, C2614)",
                          quoted + " 不是 GB/T 4754-2017 行业代码（字母 A–T，后接两位、三位或四位数字：C、C26、C261、C2614）"});
        return;
      }
      v.text = std::string(text);
      break;
    case model::FactKind::text:
      v.text = std::string(text);
      break;
    case model::FactKind::date: {
      const auto date = parse_iso_date(text);
      if (!date) return wrong_type(fact, quoted, quoted);
      v.number = days_since_epoch(*date);
      break;
    }
  }
  set(id, std::move(v));
}

FactsBuilder::FactsBuilder(const Ruleset& ruleset) : state_(std::make_unique<State>()) {
  state_->ruleset = &ruleset.data();
  state_->data.ruleset_hash = ruleset.hash();
  state_->data.values.resize(ruleset.data().model.facts.size());
  state_->given.resize(ruleset.data().model.facts.size(), false);
}
FactsBuilder::~FactsBuilder() = default;
FactsBuilder::FactsBuilder(FactsBuilder&&) noexcept = default;
FactsBuilder& FactsBuilder::operator=(FactsBuilder&&) noexcept = default;

FactsBuilder& FactsBuilder::set_bool(std::string_view name, bool value) {
  model::FactId id = 0;
  const model::Fact* fact = state_->find(name, id);
  if (!fact) return *this;
  if (fact->kind != model::FactKind::boolean) {
    state_->wrong_type(*fact, value ? "true" : "false", value ? "true" : "false");
    return *this;
  }
  state_->set(id, {true, value ? 1.0 : 0.0, {}});
  return *this;
}

FactsBuilder& FactsBuilder::set_number(std::string_view name, double value) {
  model::FactId id = 0;
  const model::Fact* fact = state_->find(name, id);
  if (!fact) return *this;
  const std::string shown = fmt_number(value);
  if (!std::isfinite(value)) {
    state_->error(fact->name, {"the number is not finite", "数值不是有限数"});
  } else if (fact->kind == model::FactKind::number) {
    state_->set(id, {true, value, {}});
  } else if (fact->kind == model::FactKind::quantity && !std::isfinite(value * fact->unit.factor)) {
    state_->error(fact->name, {"the number is too large", "数值过大"});
  } else if (fact->kind == model::FactKind::quantity) {
    state_->set(id, {true, value * fact->unit.factor, {}});
  } else {
    state_->wrong_type(*fact, "the number " + shown, "数值 " + shown);
  }
  return *this;
}

FactsBuilder& FactsBuilder::set_text(std::string_view name, std::string_view value) {
  model::FactId id = 0;
  if (const model::Fact* fact = state_->find(name, id)) state_->set_text(id, *fact, value);
  return *this;
}

FactsBuilder& FactsBuilder::set_unknown(std::string_view name) {
  model::FactId id = 0;
  if (state_->find(name, id)) state_->set(id, FactValue{});
  return *this;
}

FactsBuilder& FactsBuilder::add_unit(std::string_view code, std::optional<double> share) {
  const std::string where = "units";
  const auto unit = model::parse_unit_code(code);
  if (!unit) {
    state_->error(where, {"\"" + std::string(code) + "\" is not a unit code: ZH, the six-digit district, the class digit "
                          "(1 priority, 2 key, 3 general) and four digits, such as ZH50010320001",
                          "\"" + std::string(code) + "\" 不是单元编码：ZH + 六位区县代码 + 类别位（1 优先保护、2 重点管控、"
                          "3 一般管控）+ 四位序号，如 ZH50010320001"});
    return *this;
  }
  if (share && !(*share >= 0.0 && *share <= 1.0)) {
    state_->error(where, {"the share of unit " + unit->code + " must lie between 0 and 1",
                          "单元 " + unit->code + " 的占比须在 0 与 1 之间"});
    return *this;
  }
  for (const ProjectUnit& u : state_->data.units) {
    if (u.code == unit->code) {
      state_->error(where, {"unit " + unit->code + " is given twice", "单元 " + unit->code + " 重复给出"});
      return *this;
    }
  }
  std::string name;
  if (const maps::UnitMap* map = state_->ruleset->maps.units.get()) {
    const auto found = map->find(unit->code);
    if (!found) {
      LocalizedText message{"unit " + unit->code + " is not in the unit map " + map->path(),
                            "单元 " + unit->code + " 不在单元图 " + map->path() + " 中"};
      const auto codes = map->codes();
      if (const auto near = closest_near_miss(unit->code, codes)) {
        message.en += "; did you mean " + std::string(codes[*near]) + "?";
        message.zh += "；是否应为 " + std::string(codes[*near]) + "？";
      }
      state_->error(where, std::move(message));
      return *this;
    }
    name = map->unit(*found).name;
  }
  state_->data.units.push_back({unit->code, unit->district, unit->unit_class, share, name, false});
  return *this;
}

FactsBuilder& FactsBuilder::set_site(std::string_view geojson) {
  if (state_->data.site) {
    state_->error("site", {"the site is given twice", "选址重复给出"});
    return *this;
  }
  auto site = spatial::read_site(geojson);
  if (!site) {
    state_->error("site", site.error());
    return *this;
  }
  state_->data.site = std::move(site).value();
  return *this;
}

FactsBuilder& FactsBuilder::set_metadata(std::string json) {
  state_->data.metadata_json = std::move(json);
  return *this;
}

ProjectResult FactsBuilder::build() && {
  if (!state_->errors.empty()) return ProjectResult::failure(std::move(state_->errors));
  state_->data.parts.resize(state_->data.units.size());
  eval::place_site(*state_->ruleset, state_->data, state_->errors);
  if (!state_->errors.empty()) return ProjectResult::failure(std::move(state_->errors));
  return Project(std::make_shared<const Project::Data>(std::move(state_->data)));
}

Project::Project(std::shared_ptr<const Data> data) : data_(std::move(data)) {}
const std::vector<ProjectUnit>& Project::units() const { return data_->units; }
bool Project::has_site() const { return data_->site != nullptr; }
const std::vector<LocalizedText>& Project::notes() const { return data_->notes; }

}  // namespace zhunru
