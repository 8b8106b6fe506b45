// `applies`: a project with only a site (and perhaps an industry) is judged
// with every other fact unknown; the rules whose applicability is not false
// are exactly those that can apply there. No second evaluator to keep in step.
#include "zhunru/applies.hpp"

#include <fmt/format.h>

#include "base/json_writer.hpp"
#include "eval/rule_info_json.hpp"

namespace zhunru {
namespace {

using Result = Expected<Applicability, std::vector<ProjectError>>;

/// The ruleset's industry fact (the first declared), for `--industry`.
std::optional<std::string> industry_fact(const Ruleset& ruleset) {
  for (const FactInfo& f : ruleset.facts()) {
    if (f.type == "industry") return f.name;
  }
  return std::nullopt;
}

void write_rule(JsonWriter& w, const ApplicableRule& a) {
  w.begin_object();
  write_rule_members(w, a.rule, a.certain);
  w.end_object();
}

}  // namespace

Result applies(const Ruleset& ruleset, const AppliesQuery& query) {
  FactsBuilder builder(ruleset);
  builder.set_site(query.site_geojson);
  if (!query.industry.empty()) {
    const auto fact = industry_fact(ruleset);
    if (!fact) {
      return Result::failure({{"project.unknown-fact", "industry",
                               {"this ruleset declares no industry fact", "本清单未声明行业类别事实"}}});
    }
    builder.set_text(*fact, query.industry);
  }
  ProjectResult project = std::move(builder).build();
  if (!project) return Result::failure(project.error());
  const auto decision = evaluate(ruleset, *project, {query.as_of, true});
  if (!decision) return Result::failure({{decision.error().code, "", decision.error().message}});
  Applicability out;
  out.industry = query.industry;
  out.notes = decision->notes;
  out.ruleset_title = ruleset.title();
  out.ruleset_version = ruleset.version();
  out.ruleset_hash = ruleset.hash();
  for (const UnitDecision& u : decision->units) {
    UnitRequirements unit{u.code, u.name, u.unit_class, u.district, u.share, {}};
    for (const Finding& f : decision->findings) {
      if (f.unit != u.code) continue;
      if (auto info = ruleset.rule(f.rule)) unit.rules.push_back({std::move(*info), f.applies.value_or(false)});
    }
    out.units.push_back(std::move(unit));
  }
  return out;
}

std::string to_json(const Applicability& a, JsonLayout layout) {
  std::string out;
  JsonWriter w(out, layout == JsonLayout::compact ? 0 : 2);
  w.begin_object().key("industry");
  if (a.industry.empty()) {
    w.null();
  } else {
    w.value(a.industry);
  }
  w.key("units").begin_array();
  for (const UnitRequirements& u : a.units) {
    w.begin_object().member("code", u.code).member("name", u.name).member("class", name_of(u.unit_class));
    w.member("district", u.district).key("share");
    if (u.share) {
      w.value(*u.share);
    } else {
      w.null();
    }
    w.key("rules").begin_array();
    for (const ApplicableRule& r : u.rules) write_rule(w, r);
    w.end_array().end_object();
  }
  w.end_array();
  w.key("notes").begin_array();
  for (const LocalizedText& n : a.notes) w.begin_object().member("en", n.en).member("zh", n.zh).end_object();
  w.end_array();
  w.key("ruleset").begin_object().member("title", a.ruleset_title).member("version", a.ruleset_version);
  w.member("hash", a.ruleset_hash).end_object();
  w.end_object();
  w.end_line().finish();
  return out;
}

std::string to_text(const Applicability& a, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const UnitRequirements& u : a.units) {
    const std::string share = u.share ? fmt::format("{:.1f}%", *u.share * 100) : (zh ? "未知" : "unknown");
    out += zh ? fmt::format("{} {}（{}，区县 {}，占选址 {}）\n", u.code, u.name, name_zh(u.unit_class), u.district, share)
              : fmt::format("{} {} ({}, district {}, {} of the site)\n", u.code, u.name, name_of(u.unit_class),
                            u.district, share);
    for (const ApplicableRule& ar : u.rules) {
      const RuleInfo& r = ar.rule;
      const std::string_view form = zh ? name_zh(r.form) : name_of(r.form);
      const std::string_view tier = zh ? name_zh(r.tier) : name_of(r.tier);
      std::string text = r.subject.empty() ? (zh ? "所有项目" : "every project") : r.subject;
      const std::pair<const std::string*, std::pair<const char*, const char*>> parts[] = {
          {&r.scope, {"scope", "范围"}}, {&r.where, {"where", "条件"}},
          {&r.unless, {"unless", "除外"}}, {&r.requirement, {"requirement", "要求"}}};
      for (const auto& [part, label] : parts) {
        if (!part->empty()) text += zh ? fmt::format("；{}：{}", label.second, *part) : fmt::format("; {}: {}", label.first, *part);
      }
      const std::string place = r.tier_code.empty() ? std::string(tier) : fmt::format("{} {}", tier, r.tier_code);
      out += fmt::format("  [{}] {} {} {}: {}{}\n", place, r.id, zh ? name_zh(r.dimension) : name_of(r.dimension),
                         form, text, ar.certain ? "" : (zh ? "（视项目情况）" : " (depends on the project)"));
      if (!r.because.empty()) out += fmt::format("      {}{}\n", zh ? "理由：" : "because: ", r.because);
      for (const std::string& c : r.cites) out += fmt::format("      {}{}\n", zh ? "依据：" : "cite: ", c);
    }
  }
  for (const LocalizedText& n : a.notes) out += (zh ? "注：" : "note: ") + n.in(lang) + "\n";
  return out;
}

}  // namespace zhunru
