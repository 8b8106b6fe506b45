#include "eval/project_members.hpp"

#include <string>

#include "api/ruleset_data.hpp"
#include "base/json_input.hpp"
#include "eval/flat_members.hpp"

namespace zhunru::eval {
namespace {

using Json = nlohmann::json;

LocalizedText raw_type_text(std::string_view raw) {
  return raw.starts_with('{') ? LocalizedText{"an object", "对象"} : LocalizedText{"a list", "列表"};
}

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

/// A set fact's list of values, or a fact of amounts' object, read flat and
/// bounded by the number of values there are (eval/flat_members.hpp).
void read_flat(const Ruleset& ruleset, model::FactId id, std::string_view name, std::string_view raw,
               FactsBuilder& builder) {
  const model::Model& m = ruleset.data().model;
  const model::Fact& fact = m.facts[id];
  const bool amounts = fact.kind == model::FactKind::amounts;
  const std::size_t values = amounts && fact.per ? m.facts[*fact.per].values.size() : fact.values.size();
  FlatMembers read = read_flat_members(raw, amounts, values);
  if (read.problem) {
    builder.report_error({"project.wrong-type", std::string(name), std::move(*read.problem)});
  } else if (amounts) {
    builder.set_amounts(name, read.entries);
  } else {
    std::vector<std::string> items;
    for (auto& entry : read.entries) items.push_back(std::move(entry.first));
    builder.set_values(name, items);
  }
}

}  // namespace

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

bool is_reserved(std::string_view name) { return name == "units" || name == "site" || name == "project"; }

void read_reserved_scalar(std::string_view name, const Json& value, FactsBuilder& builder) {
  if (name == "units") {
    read_units(value, builder);
  } else if (name == "site") {
    builder.set_site(value.dump());  // refused, with the reason: a site is a geometry object
  } else {
    builder.set_metadata(value.dump());
  }
}

void read_structured(const Ruleset& ruleset, std::string_view name, std::string_view raw, const ProjectLimits& limits,
                     FactsBuilder& builder) {
  if (name == "site") {
    builder.set_site(raw);
  } else if (ruleset.data().model.find_geometry(name)) {
    builder.set_geometry(name, raw);
  } else if (name == "project") {
    builder.set_metadata(std::string(raw));
  } else if (name == "units") {
    const auto units = json_input::parse<Json>(raw, {limits.max_bytes, limits.max_depth}, {"`units`", "`units`"});
    if (!units) {
      builder.report_error({units.error().code, "units", units.error().message});
      return;
    }
    read_units(*units, builder);
  } else if (const auto fact = ruleset.data().find_fact_or_label(name); !fact) {
    builder.set_unknown(name);  // reports the unknown name, with a suggestion
  } else if (const model::FactKind kind = ruleset.data().model.facts[*fact].kind;
             (kind == model::FactKind::enum_set && raw.starts_with('[')) ||
             (kind == model::FactKind::amounts && raw.starts_with('{'))) {
    read_flat(ruleset, *fact, name, raw, builder);
  } else {
    const LocalizedText found = raw_type_text(raw);
    builder.report_error({"project.wrong-type", std::string(name),
                          {"expected a single value, found " + found.en, "应为单个值，实为" + found.zh}});
  }
}

}  // namespace zhunru::eval
