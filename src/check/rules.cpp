// Pass 4: rules. Subjects become conditions over kinds and enumerated facts,
// scopes become unit classes, unit lists and spatial conditions; every rule
// gets an id (its own, or a stable generated one).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/edit_distance.hpp"
#include "base/side_by_side.hpp"
#include "check/conditions.hpp"
#include "check/passes.hpp"
#include "check/rule_id.hpp"
#include "format/printer.hpp"
#include "model/codes.hpp"

namespace zhunru::check {
namespace {

class RuleChecker {
 public:
  RuleChecker(Context& ctx, const ParsedFile& file)
      : ctx_(ctx), file_(*file.file), conditions_(ctx, *file.file), printer_(*file.file, file.keyword_lang),
        english_(*file.file, Lang::en), chinese_(*file.file, Lang::zh, &ctx.display_zh), keyword_lang_(file.keyword_lang) {}

  /// A rule's texts as the file writes them (and, for an English file, in
  /// Chinese keywords with the schema's labels for names, for applicants):
  /// a function of the AST and the declarations, so made on every core.
  struct Texts {
    model::RuleTexts written;
    std::shared_ptr<const model::RuleTexts> zh;
  };
  [[nodiscard]] Texts texts(const ast::Rule& r) const;

  std::optional<model::Rule> rule(const ast::Rule& r, model::TierId tier, ast::ControlDimension dimension,
                                  Texts texts);

 private:
  std::optional<model::CondId> subject(const ast::Subject& s);
  std::optional<model::CondId> adjective_set(const std::vector<ast::Name>& set);
  bool scope(const std::vector<ast::ScopeTerm>& terms, const model::Tier& tier, model::Rule& rule);
  void region_scope(const ast::UnitListScope& scope, const model::Tier& tier, model::Rule& rule);
  void never_applies(const Span& scope);
  bool metadata(const ast::Metadata& m, model::Rule& rule);
  std::optional<model::CondId> optional_condition(const std::optional<ast::ExprId>& e, bool& ok);

  Context& ctx_;
  const ast::File& file_;
  ConditionChecker conditions_;
  format::Printer printer_;
  format::Printer english_;
  format::Printer chinese_;
  Lang keyword_lang_;
};

std::optional<model::CondId> RuleChecker::adjective_set(const std::vector<ast::Name>& set) {
  std::vector<model::CondId> any;
  std::map<model::FactId, std::vector<std::uint32_t>> values_by_fact;  // `new or expansion`: one EnumIn
  bool ok = true;
  for (const ast::Name& name : set) {
    const auto it = ctx_.adjectives.find(name.text);
    if (it == ctx_.adjectives.end()) {
      const auto symbol = ctx_.lookup(name.text);
      if (symbol) {
        ctx_.error("check.not-an-adjective", name.span,
                   {q(name.text) + " is a " + what_it_is(*symbol).en +
                        "; a subject is made of kinds and values of enumerated facts",
                    qz(name.text) + " 是" + what_it_is(*symbol).zh +
                        "；主语只能由类别和枚举事实的取值组成"},
                   {"put conditions on facts after `where`", "对事实的条件应写在“当”之后"});
      } else {
        std::vector<std::string> words;
        for (const auto& [w, list] : ctx_.adjectives) words.push_back(w);
        std::sort(words.begin(), words.end());
        const std::vector<std::string_view> views(words.begin(), words.end());
        const auto best = closest_near_miss(name.text, views);
        ctx_.error("check.unknown-adjective", name.span,
                   {q(name.text) + " is neither a kind nor a value of an enumerated fact",
                    qz(name.text) + " 既不是类别，也不是枚举事实的取值"},
                   best ? LocalizedText{"did you mean " + q(words[*best]) + "?", "是否应为" + qz(words[*best]) + "？"}
                        : LocalizedText{});
      }
      ok = false;
      continue;
    }
    if (it->second.size() > 1) {
      std::string en, zh;
      for (const Adjective& a : it->second) {
        if (!en.empty()) en += ", ", zh += "、";
        if (a.kind) {
          en += "kind " + q(ctx_.model.kinds[*a.kind].name);
          zh += "类别" + qz(ctx_.model.kinds[*a.kind].name);
        } else {
          en += "a value of " + q(ctx_.model.facts[*a.fact].name);
          zh += qz(ctx_.model.facts[*a.fact].name) + "的取值";
        }
      }
      ctx_.error("check.ambiguous-adjective", name.span,
                 {q(name.text) + " names more than one thing: " + en, qz(name.text) + " 指代不唯一：" + zh},
                 {"rename one of them, or write the condition after `where`", "请重命名其一，或将条件写在“当”之后"});
      ok = false;
      continue;
    }
    const Adjective& a = it->second.front();
    if (a.kind) {
      any.push_back(ctx_.add(model::IsKind{*a.kind}));
    } else {
      auto& values = values_by_fact[*a.fact];
      if (std::find(values.begin(), values.end(), a.value) == values.end()) values.push_back(a.value);
    }
  }
  if (!ok) return std::nullopt;
  for (auto& [fact, values] : values_by_fact) {
    any.push_back(ctx_.values_test(fact, std::move(values)));  // `coal projects`: a set fact has coal among its values
  }
  if (any.size() == 1) return any.front();
  return ctx_.add(model::Any{std::move(any)});
}

std::optional<model::CondId> RuleChecker::subject(const ast::Subject& s) {
  std::vector<model::CondId> all;
  bool ok = true;
  for (const auto& set : s.adjective_sets) {
    const auto c = adjective_set(set);
    ok = ok && c.has_value();
    if (c) all.push_back(*c);
  }
  if (!ok) return std::nullopt;
  if (all.empty()) return ctx_.add(model::BoolConst{true});
  if (all.size() == 1) return all.front();
  return ctx_.add(model::All{std::move(all)});
}

bool RuleChecker::scope(const std::vector<ast::ScopeTerm>& terms, const model::Tier& tier, model::Rule& rule) {
  bool ok = true;
  for (const ast::ScopeTerm& term : terms) {
    if (const auto* c = std::get_if<ast::ClassScope>(&term)) {
      std::vector<model::UnitClass> classes = c->classes;
      if (rule.classes) {  // `in priority units and in key units`: both must hold
        std::erase_if(classes, [&](model::UnitClass k) {
          return std::find(rule.classes->begin(), rule.classes->end(), k) == rule.classes->end();
        });
      }
      rule.classes = std::move(classes);
      if (rule.classes->empty()) never_applies(c->span);
    } else if (const auto* u = std::get_if<ast::UnitListScope>(&term)) {
      if (u->level != model::TierLevel::unit || u->negated) {
        region_scope(*u, tier, rule);
        continue;
      }
      // A second `in units [...]` intersects with the first: looked up in a
      // hash set, so two lists of 100,000 codes cost a moment, not minutes.
      std::optional<std::unordered_set<std::string_view>> earlier;
      if (rule.units) earlier.emplace(rule.units->begin(), rule.units->end());
      const std::string prefix = model::territory_prefix(tier);
      std::vector<std::string> codes;
      for (const ast::Code& code : u->units) {
        const auto unit = model::parse_unit_code(code.text);
        if (!unit) continue;  // reported by the parser
        if (!unit->code.starts_with(prefix) && !unit->district.starts_with(prefix)) {
          ctx_.warning("check.unit-outside-tier", code.span,
                       {"unit " + code.text + " lies outside " + tier.code + "; this rule can never apply there",
                        "单元 " + code.text + " 不在 " + tier.code + " 范围内，本条规则对其永不适用"});
        }
        if (!earlier || earlier->count(code.text) > 0) codes.push_back(code.text);
      }
      rule.units = std::move(codes);
      if (rule.units->empty()) never_applies(u->span);
    } else {
      const auto cond = conditions_.spatial(std::get<ast::Spatial>(term));
      ok = ok && cond.has_value();
      if (cond) rule.spatial.push_back(*cond);
    }
  }
  return ok;
}

void RuleChecker::never_applies(const Span& scope) {
  ctx_.warning("check.empty-scope", scope,
               {"no unit lies in all of these scopes at once; the rule can never apply",
                "没有单元同时满足这些范围，本条规则永不适用"});
}

// `in districts [...]`, `not in cities [...]`, `not in units [...]`. A
// region that shares no territory with the rule's tier is reported: listed,
// the rule never applies; excluded, the exclusion changes nothing.
void RuleChecker::region_scope(const ast::UnitListScope& scope, const model::Tier& tier, model::Rule& rule) {
  model::RegionScope region{scope.level, scope.negated, {}};
  const std::string tier_prefix = model::territory_prefix(tier);
  std::size_t outside = 0;
  std::unordered_set<std::string_view> seen;  // each code once, in the order written
  for (const ast::Code& code : scope.units) {
    const std::string prefix = scope.level == model::TierLevel::unit
                                   ? model::parse_unit_code(code.text).value_or(model::UnitCode{}).district
                                   : model::territory_prefix(scope.level, code.text);
    if (!prefix.starts_with(tier_prefix) && !tier_prefix.starts_with(prefix)) {
      ++outside;
      const std::string what(name_of(scope.level));
      ctx_.warning("check.region-outside-tier", code.span,
                   {what + " " + code.text + " lies outside " + std::string(name_of(tier.level)) + " " + tier.code +
                        (scope.negated ? "; excluding it changes nothing" : "; this rule can never apply there"),
                    std::string(name_zh(scope.level)) + " " + code.text + " 不在" + std::string(name_zh(tier.level)) +
                        " " + tier.code + " 范围内" + (scope.negated ? "，排除它不起作用" : "，本条规则对其永不适用")});
    }
    if (seen.insert(code.text).second) region.codes.push_back(code.text);
  }
  if (!scope.negated && outside == scope.units.size()) never_applies(scope.span);
  rule.regions.push_back(std::move(region));
}

bool RuleChecker::metadata(const ast::Metadata& m, model::Rule& rule) {
  bool ok = true;
  if (m.because) rule.because = m.because->value;
  for (const ast::StringLit& cite : m.cites) rule.cites.push_back(cite.value);
  for (const ast::StringLit& quote : m.quotes) rule.quotes.push_back(quote.value);
  if (m.weight) {
    if (!(m.weight->value > 0.0) || !(m.weight->value <= 1e6)) {
      ctx_.error("check.weight", m.weight->span,
                 {"a weight is a positive number up to 1000000; found " + m.weight->text,
                  "权重应为不超过 1000000 的正数；此处为 " + m.weight->text});
      ok = false;
    }
    rule.weight = m.weight->value;
  }
  if (m.effective) {  // (a period running backwards is refused by the parser)
    rule.effective_from = m.effective->from.date;
    if (m.effective->until) rule.effective_until = m.effective->until->date;
  }
  return ok;
}

std::optional<model::CondId> RuleChecker::optional_condition(const std::optional<ast::ExprId>& e, bool& ok) {
  if (!e) return std::nullopt;
  const auto c = conditions_.condition(*e);
  ok = ok && c.has_value() && ctx_.shallow_enough(*c, file_.expr(*e).span);
  return c;
}

model::RuleTexts texts_of(const ast::Rule& r, const format::Printer& printer) {
  std::string requirement;
  if (r.requirement) requirement = printer.expr(*r.requirement);
  if (r.limit) {
    requirement = printer.name(r.limit->fact) + (r.limit->at_least ? " >= " : " <= ") +
                  format::Printer::quantity(r.limit->bound.quantity);
  }
  return model::RuleTexts({printer.subject(r.subject), printer.scope(r.scope), r.where ? printer.expr(*r.where) : "",
                           r.unless ? printer.expr(*r.unless) : "", requirement});
}

RuleChecker::Texts RuleChecker::texts(const ast::Rule& r) const {
  Texts t{texts_of(r, printer_), nullptr};
  if (keyword_lang_ == Lang::en) t.zh = std::make_shared<const model::RuleTexts>(texts_of(r, chinese_));
  return t;
}

std::optional<model::Rule> RuleChecker::rule(const ast::Rule& r, model::TierId tier, ast::ControlDimension dimension,
                                             Texts texts) {
  model::Rule rule;
  rule.form = r.form;
  rule.dimension = dimension;
  rule.tier = tier;
  rule.source = ctx_.rule_source(r.span);
  bool ok = true;
  rule.subject = subject(r.subject);
  ok = ok && rule.subject.has_value() && ctx_.shallow_enough(*rule.subject, r.subject.span);
  ok = scope(r.scope, ctx_.model.tiers[tier], rule) && ok;
  rule.where = optional_condition(r.where, ok);
  rule.unless = optional_condition(r.unless, ok);
  rule.requirement = optional_condition(r.requirement, ok);
  if (r.limit) {
    rule.requirement = conditions_.limit(*r.limit);
    ok = ok && rule.requirement.has_value();
  }
  ok = metadata(r.metadata, rule) && ok;
  rule.texts = std::move(texts.written);
  rule.texts_zh = std::move(texts.zh);
  if (r.id) {
    rule.id = r.id->text;
  } else {
    rule.id = generated_rule_id(ctx_.model.tiers[tier], dimension, english_, r);
    rule.generated_id = true;
    if (ctx_.options.strict) {
      ctx_.error("check.missing-id", r.form_span,
                 {"strict checking: this rule has no id", "严格检查：此规则没有编号"},
                 {"write an id before the rule, e.g. `CQ-01: " + printer_.form(r.form) + " …`",
                  "请在规则前写编号，如“CQ-01: " + printer_.form(r.form) + " …”"});
    }
  }
  if (!ok) return std::nullopt;
  return rule;
}

}  // namespace

std::vector<Restatement> check_rules(Context& ctx, const std::vector<ParsedFile>& files,
                                     const std::vector<std::vector<model::TierId>>& block_tiers) {
  std::vector<Restatement> restatements;
  // The rules vector in one allocation: regrowing a million rules would hold
  // the old and the new array at once.
  ctx.model.rules.reserve(ctx.model.rules.size() + ctx.options.rules_expected);
  std::unordered_map<std::string, Span> ids;  // hashed: a million ids sharing long prefixes sort slowly
  ids.reserve(ctx.options.rules_expected);
  for (std::size_t fi = 0; fi < files.size(); ++fi) {
    // The file's whole AST, when the caller keeps only the headers of tier blocks.
    const std::shared_ptr<const ast::File> whole = ctx.options.whole_file ? ctx.options.whole_file(fi) : nullptr;
    const ParsedFile file{files[fi].source, whole ? whole.get() : files[fi].file, files[fi].keyword_lang, {}};
    RuleChecker checker(ctx, file);
    struct Placed {
      const ast::Rule* rule;
      model::TierId tier;
      ast::ControlDimension dimension;
    };
    std::vector<Placed> placed;
    std::size_t block = 0;
    for (const ast::Item& item : file.file->items) {
      const auto* tier = std::get_if<ast::TierBlock>(&item);
      if (!tier) continue;
      const model::TierId tier_id = block_tiers[fi][block++];
      for (const ast::Section& section : tier->sections) {
        for (const ast::Rule& r : section.rules) placed.push_back({&r, tier_id, section.dimension});
      }
    }
    std::vector<RuleChecker::Texts> texts(placed.size());
    for_each_index(placed.size(), [&](std::size_t k) { texts[k] = checker.texts(*placed[k].rule); });
    for (std::size_t k = 0; k < placed.size(); ++k) {
      const ast::Rule& r = *placed[k].rule;
      if (r.id) {
        const auto [it, inserted] = ids.emplace(r.id->text, r.id->span);
        if (!inserted) {
          Diagnostic& d = ctx.error("check.duplicate-id", r.id->span,
                                    {"rule id " + q(r.id->text) + " is used twice", "规则编号" + qz(r.id->text) + "重复"},
                                    {"rule ids are unique in the ruleset", "规则编号在整个清单中必须唯一"});
          ctx.note(d, it->second, {"first used here", "首次使用于此"});
        }
      }
      auto rule = checker.rule(r, placed[k].tier, placed[k].dimension, std::move(texts[k]));
      if (!rule) continue;
      if (r.metadata.restates) {
        restatements.push_back({static_cast<std::uint32_t>(ctx.model.rules.size()), *r.metadata.restates});
      }
      ctx.model.rules.push_back(std::move(*rule));
    }
  }
  disambiguate_generated_ids(ctx.model.rules);
  return restatements;
}

}  // namespace zhunru::check
