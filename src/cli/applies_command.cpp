// `zhunru applies RULESET --at LON,LAT | --site FILE [--industry CODE]`: the
// units a site touches and the rules that can apply in each.
// `zhunru schema RULESET [--template]`: the project file, as JSON Schema.
#include <charconv>
#include <cmath>
#include <ostream>

#include "base/file_io.hpp"
#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/applies.hpp"
#include "zhunru/schema.hpp"

namespace zhunru::cli {
namespace {

/// "106.55,29.56" → a GeoJSON point.
std::optional<std::string> point_at(const std::string& text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos) return std::nullopt;
  double lon = 0.0;
  double lat = 0.0;
  const char* b = text.data();
  const auto r1 = std::from_chars(b, b + comma, lon);
  const auto r2 = std::from_chars(b + comma + 1, b + text.size(), lat);
  if (r1.ec != std::errc() || r1.ptr != b + comma || r2.ec != std::errc() || r2.ptr != b + text.size() ||
      !std::isfinite(lon) || !std::isfinite(lat)) {
    return std::nullopt;
  }
  return R"({"type": "Point", "coordinates": [)" + text.substr(0, comma) + ", " + text.substr(comma + 1) + "]}";
}

}  // namespace

int run_applies(const AppliesCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru applies: " << message.in(options.lang) << '\n'; };
  AppliesQuery query;
  query.industry = options.industry;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) query.as_of = **as_of;
  if (options.at.empty() == options.site.empty()) {
    say({"give the place with --at LON,LAT or --site FILE (one of them)", "请用 --at 经度,纬度 或 --site 文件 给出位置（二选一）"});
    return kBadInput;
  }
  if (!options.at.empty()) {
    const auto point = point_at(options.at);
    if (!point) {
      say({"--at must be longitude,latitude in degrees, such as 106.55,29.56; found `" + options.at + "`",
           "--at 应为“经度,纬度”（度），如 106.55,29.56；此处为“" + options.at + "”"});
      return kBadInput;
    }
    query.site_geojson = *point;
  } else {
    const auto text = read_file(options.site, ProjectLimits{}.max_bytes);
    if (!text) {
      say(text.error());
      return kBadInput;
    }
    query.site_geojson = *text;
  }
  const LoadedRuleset loaded = load_ruleset(options.ruleset, false, "applies", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  const auto answer = applies(*loaded.ruleset, query);
  if (!answer) {
    for (const ProjectError& e : answer.error()) say({(e.fact.empty() ? "" : e.fact + ": ") + e.message.en,
                                                      (e.fact.empty() ? "" : e.fact + "：") + e.message.zh});
    return kBadInput;
  }
  out << (options.json ? to_json(*answer) : to_text(*answer, options.lang));
  return kSuccess;
}

int run_schema(const SchemaCliOptions& options, std::ostream& out, std::ostream& err) {
  const LoadedRuleset loaded = load_ruleset(options.ruleset, false, "schema", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  out << (options.template_only ? project_template(*loaded.ruleset) : project_schema(*loaded.ruleset));
  return kSuccess;
}

}  // namespace zhunru::cli
