// Project files (docs/project-files.md): a JSON object of facts by name, plus
// the reserved members `units`, `site` and `project`. JSON is parsed by
// nlohmann-json; every member is either used or refused, never ignored.
#include <nlohmann/json.hpp>

#include <set>

#include "api/ruleset_data.hpp"
#include "eval/project_data.hpp"
#include "zhunru/project.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;  // keeps the `project` member's order when echoed

std::string type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "true/false";
    case Json::value_t::null: return "null";
    default: return "a number";
  }
}

/// Parses `text`, refusing duplicate member names (a JSON parser would
/// otherwise keep the last one silently).
Expected<Json, ProjectError> parse_json(std::string_view text) {
  std::vector<std::set<std::string>> keys;  // per open object
  std::string duplicate;
  std::string member;  // the top-level member being read
  bool nested = false;
  std::string duplicate_in;  // the top-level member holding the duplicate
  const Json::parser_callback_t callback = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == Json::parse_event_t::key) {
      const std::string key = parsed.get<std::string>();
      if (depth == 1) member = key;
      if (!keys.empty() && !keys.back().insert(key).second && duplicate.empty()) {
        duplicate = key;
        nested = depth > 1;
        duplicate_in = member;
      }
    }
    return true;
  };
  Json j = Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Parse again with exceptions only to learn where it failed.
    try {
      [[maybe_unused]] const Json again = Json::parse(text.begin(), text.end());
    } catch (const Json::exception& e) {
      return Expected<Json, ProjectError>::failure(
          {"", {std::string("not valid JSON: ") + e.what(), std::string("不是有效的 JSON：") + e.what()}});
    }
    return Expected<Json, ProjectError>::failure({"", {"not valid JSON", "不是有效的 JSON"}});
  }
  if (!duplicate.empty() && nested) {
    return Expected<Json, ProjectError>::failure(
        {duplicate_in, {"`" + duplicate + "` is given twice in the same object", "同一对象中“" + duplicate + "”重复给出"}});
  }
  if (!duplicate.empty()) {
    return Expected<Json, ProjectError>::failure(
        {duplicate, {"`" + duplicate + "` is given twice", "“" + duplicate + "”重复给出"}});
  }
  return j;
}

void read_units(const Json& units, FactsBuilder& builder, std::vector<ProjectError>& errors) {
  if (!units.is_array() || units.empty()) {
    const std::string found = units.is_array() ? "an empty list" : type_name(units);
    errors.push_back({"units", {"expected a non-empty list of unit codes, found " + found,
                                "应为非空的单元编码列表，实为" + (units.is_array() ? std::string("空列表") : type_name(units))}});
    return;
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Json& u = units[i];
    const std::string where = "units[" + std::to_string(i) + "]";
    if (u.is_string()) {
      builder.add_unit(u.get<std::string>());
      continue;
    }
    if (u.is_object() && u.contains("code") && u["code"].is_string()) {
      std::optional<double> share;
      bool ok = true;
      for (const auto& [key, value] : u.items()) {
        if (key == "code") continue;
        if (key == "share" && value.is_number()) {
          share = value.get<double>();
        } else if (key == "share") {
          errors.push_back({where, {"`share` must be a number between 0 and 1, found " + type_name(value),
                                    "`share` 应为 0 到 1 之间的数，实为" + type_name(value)}});
          ok = false;
        } else {
          errors.push_back({where, {"unexpected member `" + key + "` (a unit is {\"code\": …, \"share\": 0–1})",
                                    "多余的成员“" + key + "”（单元写作 {\"code\": …, \"share\": 0–1}）"}});
          ok = false;
        }
      }
      if (ok) builder.add_unit(u["code"].get<std::string>(), share);
      continue;
    }
    errors.push_back({where, {"expected a unit code or {\"code\": …, \"share\": …}, found " + type_name(u),
                              "应为单元编码或 {\"code\": …, \"share\": …}，实为" + type_name(u)}});
  }
}

}  // namespace

ProjectResult load_project_json(const Ruleset& ruleset, std::string_view json_text) {
  auto parsed = parse_json(json_text);
  if (!parsed) return ProjectResult::failure({parsed.error()});
  const Json& root = *parsed;
  if (!root.is_object()) {
    return ProjectResult::failure({{"", {"a project file is a JSON object of facts, found " + type_name(root),
                                         "项目文件应为由事实组成的 JSON 对象，实为" + type_name(root)}}});
  }
  FactsBuilder builder(ruleset);
  std::vector<ProjectError> errors;
  std::string metadata;
  for (const auto& [key, value] : root.items()) {
    if (key == "units") {
      read_units(value, builder, errors);
    } else if (key == "site") {
      builder.set_site(value.dump());
    } else if (key == "project") {
      metadata = value.dump();  // free-form description, echoed in the decision
    } else if (value.is_null()) {
      builder.set_unknown(key);
    } else if (value.is_boolean()) {
      builder.set_bool(key, value.get<bool>());
    } else if (value.is_number()) {
      builder.set_number(key, value.get<double>());
    } else if (value.is_string()) {
      builder.set_text(key, value.get<std::string>());
    } else {
      if (!ruleset.data().model.find_fact(key)) {
        builder.set_unknown(key);  // reports the unknown name, with a suggestion
        continue;
      }
      errors.push_back({key, {"expected a single value, found " + type_name(value), "应为单个值，实为" + type_name(value)}});
    }
  }
  builder.set_metadata(std::move(metadata));
  auto built = std::move(builder).build();
  if (!built) errors.insert(errors.begin(), built.error().begin(), built.error().end());
  if (!errors.empty()) return ProjectResult::failure(std::move(errors));
  return built;
}

}  // namespace zhunru
