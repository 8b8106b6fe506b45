// audit(): every rule in force alone (dead, unsatisfiable), then every pair
// of rules on one tier path (same tier, or an upper and a lower one) whose
// scopes can meet: looser, contradicting, redundant, jointly unsatisfiable.
// Each finding with a satisfying Z3 model becomes a witness project, which
// is evaluated before it is reported: auditor and evaluator must agree.
#include <fmt/format.h>

#include <tbb/parallel_for.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <set>

#include "api/ruleset_data.hpp"
#include "base/dates.hpp"
#include "audit/bounds_check.hpp"
#include "audit/encoder.hpp"
#include "audit/lints.hpp"
#include "audit/place.hpp"
#include "audit/query_watchdog.hpp"
#include "audit/rule_formulas.hpp"
#include "audit/witness.hpp"
#include "zhunru/audit.hpp"

namespace zhunru {
namespace {

using auditing::Encoder;

using auditing::in_force;

bool is_positive(RuleForm f) { return f == RuleForm::allow || f == RuleForm::encourage; }
bool is_requirement(RuleForm f) { return f == RuleForm::require || f == RuleForm::limit; }

class Auditor {
 public:
  /// `live`: the rules in force, each encoded once here (an Auditor has its
  /// own Z3 context: one per share of the work, never shared between threads).
  Auditor(const Ruleset& ruleset, const AuditOptions& options, const std::vector<std::uint32_t>& live,
          auditing::QueryWatchdog& watchdog)
      : rs_(ruleset), m_(ruleset.data().model), options_(options), watchdog_(watchdog), enc_(ctx_, m_, days_since_epoch(options.as_of)), unit_class_(ctx_.int_const("unit-class")),
        place_(ctx_, m_, unit_class_), formulas_(m_.rules.size()), ban_kinds_(m_.rules.size()) {
    for (std::uint32_t i : live) formulas_[i] = auditing::formulas_of(m_, m_.rules[i], enc_, place_, unit_class_);
  }

  void single(std::uint32_t i);
  void pair(std::uint32_t upper, std::uint32_t lower);
  /// The findings, pairs compared and queries undecided so far.
  AuditResult& result() { return result_; }

 private:
  using Formulas = auditing::RuleFormulas;

  /// The kind of project a ban is about, and whether every project is of it.
  struct BanKind {
    std::optional<z3::expr> kind;
    bool every_project = false;
  };
  std::optional<z3::expr> kind_of_ban(const model::Rule& r);
  const BanKind& ban_kind(std::uint32_t i);
  void contradiction(std::uint32_t bi, std::uint32_t pi, const std::vector<z3::expr>& both_stop);
  z3::check_result check(const std::vector<z3::expr>& terms, std::optional<z3::model>* model = nullptr);
  [[nodiscard]] bool restates(std::uint32_t lower, std::uint32_t upper) const;
  LocalizedText conflict(const model::Rule& r);
  void restatement(std::uint32_t upper, std::uint32_t lower);
  void report(AuditKind kind, Severity severity, std::vector<std::uint32_t> rules, LocalizedText message,
              const std::optional<z3::model>& model, auditing::Expect expect);
  AuditRule rule_ref(std::uint32_t i) const;

  const Ruleset& rs_;
  const model::Model& m_;
  const AuditOptions& options_;
  auditing::QueryWatchdog& watchdog_;  // the time limit of each query, shared by every share's context
  z3::context ctx_;
  Encoder enc_;
  z3::expr unit_class_;
  auditing::PlaceEncoder place_;
  std::vector<std::optional<Formulas>> formulas_;
  std::vector<std::optional<BanKind>> ban_kinds_;  // by rule, asked once per share
  std::optional<z3::solver> solver_;   // background asserted once; each query pushed and popped
  std::optional<auditing::BoundsCheck> bounds_;  // queries of bounds alone, answered without the solver
  AuditResult result_;
};

AuditRule Auditor::rule_ref(std::uint32_t i) const {
  const model::Rule& r = m_.rules[i];
  return {r.id, m_.file_line(r)};
}

// The kind of project a ban is about: the adjective sets of its subject and
// the `and`-ed parts of its `where` that read a fact other than an
// enumeration — `chemical` in `ban new or expansion chemical projects`, or in
// `ban new projects where is chemical`; not `new or expansion`, not
// `catalogue = eliminated`. nullopt when nothing names a kind.
std::optional<z3::expr> Auditor::kind_of_ban(const model::Rule& r) {
  std::vector<model::CondId> parts;
  const auto add_conjuncts = [&](model::CondId c) {
    if (const auto* all = std::get_if<model::All>(&m_.cond(c))) {
      parts.insert(parts.end(), all->operands.begin(), all->operands.end());
    } else {
      parts.push_back(c);
    }
  };
  if (r.subject) add_conjuncts(*r.subject);
  if (r.where) add_conjuncts(*r.where);
  std::optional<z3::expr> kind;
  for (model::CondId part : parts) {
    const auto read = auditing::facts_in(m_, part);
    const bool names_kind = std::any_of(read.begin(), read.end(), [&](model::FactId f) {
      return m_.facts[f].kind != model::FactKind::enumeration;
    });
    if (!names_kind) continue;
    kind = kind ? *kind && enc_.cond(part) : enc_.cond(part);
  }
  return kind;
}

const Auditor::BanKind& Auditor::ban_kind(std::uint32_t i) {
  if (!ban_kinds_[i]) {
    BanKind k{kind_of_ban(m_.rules[i])};
    k.every_project = k.kind && check({!*k.kind}) == z3::unsat;
    ban_kinds_[i] = std::move(k);
  }
  return *ban_kinds_[i];
}

z3::check_result Auditor::check(const std::vector<z3::expr>& terms, std::optional<z3::model>* model) {
  if (!solver_) {  // every rule is encoded by now: the background covers all variables
    solver_.emplace(ctx_);
    z3::params p(ctx_);
    p.set("ctrl_c", false);  // Z3 would install a SIGINT handler around every query: a tenth of the time on small ones
    solver_->set(p);
    const z3::expr_vector bg = enc_.background();
    std::vector<z3::expr> background;
    for (unsigned k = 0; k < bg.size(); ++k) background.push_back(bg[k]);
    background.push_back(unit_class_ >= 0 && unit_class_ <= 2);
    if (place_.needed()) background.push_back(place_.background());
    for (const z3::expr& e : background) solver_->add(e);
    bounds_.emplace(background);
  }
  if (!model && bounds_->certainly_satisfiable(terms)) return z3::sat;  // no model wanted: bounds alone tell
  solver_->push();
  for (const z3::expr& t : terms) solver_->add(t);
  const z3::check_result r = watchdog_.check(ctx_, *solver_);
  if (r == z3::unknown) ++result_.undecided;
  if (r == z3::sat && model) *model = solver_->get_model();
  solver_->pop();
  return r;
}

void Auditor::report(AuditKind kind, Severity severity, std::vector<std::uint32_t> rules, LocalizedText message,
                     const std::optional<z3::model>& model, auditing::Expect expect) {
  AuditFinding f;
  f.kind = kind;
  f.severity = severity;
  for (std::uint32_t i : rules) f.rules.push_back(rule_ref(i));
  f.message = std::move(message);
  if (model) {
    auditing::WitnessBuilder builder(rs_, options_.as_of);
    auto witness = builder.build(enc_, *model, rules, static_cast<UnitClass>(model->eval(unit_class_, true).get_numeral_int()),
                                 expect);
    if (witness) {
      f.witness = std::move(witness).value();
    } else {
      f.witness_note = witness.error();
    }
  }
  result_.findings.push_back(std::move(f));
}

// Which parts of a dead rule conflict: the one part that can never hold, or
// the two that cannot hold together, quoted as the rule writes them.
LocalizedText Auditor::conflict(const model::Rule& r) {
  struct Part {
    LocalizedText name;
    model::RuleTexts::Part text;
    z3::expr holds;
  };
  std::vector<Part> parts;
  if (r.subject) parts.push_back({{"subject", "主语"}, model::RuleTexts::subject, enc_.cond(*r.subject)});
  z3::expr scope = place_.of(r);
  for (model::CondId s : r.spatial) scope = scope && enc_.cond(s);
  if (!r.texts[model::RuleTexts::scope].empty()) parts.push_back({{"scope", "范围"}, model::RuleTexts::scope, scope});
  if (r.where) parts.push_back({{"`where`", "“当”条件"}, model::RuleTexts::where, enc_.cond(*r.where)});
  const auto quoted = [&](const Part& p) {
    const std::string text(r.texts[p.text]);
    return LocalizedText{"its " + p.name.en + " `" + text + "`", "其" + p.name.zh + "“" + text + "”"};
  };
  for (const Part& p : parts) {
    if (check({p.holds}) == z3::unsat) {
      const LocalizedText q = quoted(p);
      return {": " + q.en + " can never hold", "：" + q.zh + "永远不成立"};
    }
  }
  for (std::size_t a = 0; a < parts.size(); ++a) {
    for (std::size_t b = a + 1; b < parts.size(); ++b) {
      if (check({parts[a].holds, parts[b].holds}) != z3::unsat) continue;
      const LocalizedText x = quoted(parts[a]);
      const LocalizedText y = quoted(parts[b]);
      return {": " + x.en + " and " + y.en + " cannot hold together", "：" + x.zh + "与" + y.zh + "不能同时成立"};
    }
  }
  return {": no project satisfies its subject, scope and `where` together", "：没有项目能同时满足其主语、范围和“当”条件"};
}

void Auditor::single(std::uint32_t i) {
  const model::Rule& r = m_.rules[i];
  const Formulas& f = *formulas_[i];
  const std::string id = r.id;
  if (check({f.applies}) == z3::unsat) {
    const bool no_class = auditing::possible_classes(m_, r).empty();
    const LocalizedText why = no_class ? LocalizedText{": no unit of its tier has the class its scope names",
                                                       "：其层级内没有其范围所指类别的单元"}
                                       : conflict(r);
    report(AuditKind::dead_rule, Severity::error, {i},
           {"rule " + id + " can never apply" + why.en, "规则 " + id + " 永远不会适用" + why.zh},
           std::nullopt, auditing::Expect::nothing);
    return;
  }
  if (r.form == RuleForm::ban && r.unless && check({f.applies, !f.exempt}) == z3::unsat) {
    report(AuditKind::dead_rule, Severity::warning, {i},
           {"ban " + id + " can never be violated: its `unless` holds for every project it applies to",
            "禁止性规则 " + id + " 永远不会被违反：凡适用的项目都满足其“除非”条件"},
           std::nullopt, auditing::Expect::nothing);
    return;
  }
  if (r.unless && check({f.applies, f.exempt}) == z3::unsat) {
    report(AuditKind::dead_exception, Severity::warning, {i},
           {"the `unless` of rule " + id + " holds for no project the rule applies to: it exempts nothing (as written, "
                "the rule applies without exception)",
            "规则 " + id + " 的“除非”条件对其适用的任何项目都不成立：不豁免任何项目（该规则实际上没有例外）"},
           std::nullopt, auditing::Expect::nothing);
  }
  std::optional<z3::model> witness;
  if (is_requirement(r.form) && check({f.applies, !f.exempt, f.complies}) == z3::unsat &&
      check({f.applies, !f.exempt}, &witness) == z3::sat) {
    report(AuditKind::unsatisfiable_requirements, Severity::error, {i},
           {"requirement " + id + " can never be met by a project it applies to: it works as a ban",
            "要求 " + id + " 对其适用的任何项目都无法满足，实际等同于禁止"},
           witness, auditing::Expect::first_violated);
  }
}

// Whether `lower` restates `upper`, directly or through rules that restate.
bool Auditor::restates(std::uint32_t lower, std::uint32_t upper) const {
  for (std::optional<std::uint32_t> r = m_.rules[lower].restates; r; r = m_.rules[*r].restates) {
    if (*r == upper) return true;
  }
  return false;
}

// A rule and the clause it restates are one clause: nothing is redundant
// between them, but each project one stops and the other lets through is a
// finding — a restatement looser than its clause weakens it (严禁降低要求).
void Auditor::restatement(std::uint32_t ui, std::uint32_t li) {
  const model::Rule& u = m_.rules[ui];
  const model::Rule& l = m_.rules[li];
  if (u.form != RuleForm::ban && !is_requirement(u.form)) return;  // allow/encourage stop nothing
  const z3::expr su = formulas_[ui]->stops(u.form);
  const z3::expr sl = formulas_[li]->stops(l.form);
  const z3::expr here = place_.tier_of(l);  // a restatement speaks for its own tier only
  ++result_.pairs;
  std::optional<z3::model> w;
  if (check({here, su, !sl}, &w) == z3::sat) {
    report(AuditKind::restatement_looser, Severity::error, {ui, li},
           {l.id + " restates " + u.id + " but lets through a project " + u.id + " stops (严禁降低要求、弱化管控)",
            l.id + " 重申 " + u.id + "，却放行了 " + u.id + " 所禁止或不满足其要求的项目（严禁降低要求、弱化管控）"},
           w, auditing::Expect::first_violated_second_not);
  }
  if (check({here, sl, !su}, &w) == z3::sat) {
    report(AuditKind::restatement_stricter, Severity::warning, {li, ui},
           {l.id + " restates " + u.id + " but stops a project " + u.id + " lets through: it says more than the clause",
            l.id + " 重申 " + u.id + "，却限制了 " + u.id + " 并不限制的项目：超出了原条款"},
           w, auditing::Expect::first_violated_second_not);
  }
}

// A positive-list entry `pi` of this or a lower tier that ban `bi` forbids.
// `both_stop`: the query "the ban stops a project the entry lets in", which
// the caller found satisfiable.
void Auditor::contradiction(std::uint32_t bi, std::uint32_t pi, const std::vector<z3::expr>& both_stop) {
  const model::Rule& b = m_.rules[bi];
  const model::Rule& p = m_.rules[pi];
  const Formulas& fb = *formulas_[bi];
  const Formulas& fp = *formulas_[pi];
  // A partial overlap is worth a finding only when the ban is about what
  // the entry allows: every project the entry names is of the kind the ban
  // names (kind_of_ban), and the ban narrows that kind by nature, place or
  // condition. A ban on all projects `where catalogue = …` overlaps every
  // entry and is about none. An entry reaching beyond the ban's kind cannot
  // be wholly banned either (the ban's projects are all of its kind), so that
  // query, when it holds, ends the pair at once.
  const BanKind& kind = ban_kind(bi);
  std::optional<z3::check_result> beyond;
  if (kind.kind && !kind.every_project) {
    beyond = check({fp.applies, !fp.exempt, !*kind.kind});
    if (*beyond == z3::sat) return;
  }
  const bool wholly = check({fp.applies, !fp.exempt, !(fb.applies && !fb.exempt)}) == z3::unsat;
  if (!wholly && (!kind.kind || kind.every_project || *beyond != z3::unsat)) return;
  std::optional<z3::model> both;
  check(both_stop, &both);
  report(AuditKind::contradiction, wholly ? Severity::error : Severity::warning, {bi, pi},
         {std::string(wholly ? "everything " : "part of what ") + p.id + " allows or encourages is banned by " + b.id +
              " (deny-overrides: the ban wins)",
          p.id + " 允许或鼓励的项目" + (wholly ? "全部" : "中有一部分") + "被 " + b.id + " 禁止（禁止优先）"},
         both, auditing::Expect::first_violated_second_satisfied);
}

void Auditor::pair(std::uint32_t ui, std::uint32_t li) {
  const model::Rule& u = m_.rules[ui];
  const model::Rule& l = m_.rules[li];
  const Formulas& fu = *formulas_[ui];
  const Formulas& fl = *formulas_[li];
  if (restates(li, ui)) return restatement(ui, li);
  // Only some pairs of forms can make a finding; the others need no solving.
  const bool requirements = is_requirement(u.form) && is_requirement(l.form);
  const bool bans = u.form == RuleForm::ban && l.form == RuleForm::ban;
  const bool ban_and_entry = (u.form == RuleForm::ban && is_positive(l.form)) ||
                             (l.form == RuleForm::ban && is_positive(u.form) && u.tier == l.tier);
  if (!requirements && !bans && !ban_and_entry) return;
  // The first question about a pair has both rules apply, so when it holds
  // the pair meets, and "do they ever meet?" needs no query of its own (two
  // thirds of the queries of a large list were that question).
  std::vector<z3::expr> first{fu.applies, fl.applies};
  if (requirements) {  // some project where both apply meets both (or is exempt)
    first.push_back(fu.complies || fu.exempt);
    first.push_back(fl.complies || fl.exempt);
  } else if (ban_and_entry) {  // the ban stops a project the entry lets in
    first = u.form == RuleForm::ban ? std::vector<z3::expr>{fu.applies, !fu.exempt, fl.applies, !fl.exempt}
                                    : std::vector<z3::expr>{fl.applies, !fl.exempt, fu.applies, !fu.exempt};
  }
  const z3::check_result answer = check(first);
  if (answer != z3::sat && (bans || check({fu.applies, fl.applies}) != z3::sat)) return;  // never meet
  ++result_.pairs;
  const bool lower_tier = u.tier != l.tier;
  std::optional<z3::model> w;

  // A lower requirement on the same facts that lets through what the upper one stops.
  bool looser = false;
  if (lower_tier && requirements) {
    const auto a = auditing::facts_in(m_, *u.requirement);
    const auto b = auditing::facts_in(m_, *l.requirement);
    const bool shared = std::any_of(b.begin(), b.end(), [&](model::FactId x) { return a.count(x) > 0; });
    if (shared && check({fu.applies, fl.applies, !fu.exempt, fl.complies, !fu.complies}, &w) == z3::sat) {
      report(AuditKind::looser_than_upper, Severity::warning, {ui, li},
             {"rule " + l.id + " is looser than " + u.id + " of the upper tier: where both apply, a project can meet " +
                  l.id + " and still fail " + u.id + " (严禁降低要求、弱化管控)",
              "规则 " + l.id + " 比上级的 " + u.id + " 宽松：两者同时适用时，项目可满足 " + l.id + " 却不满足 " + u.id +
                  "（严禁降低要求、弱化管控）"},
             w, auditing::Expect::first_violated_second_satisfied);
      looser = true;
    }
  }
  // Two requirements that no project can meet together where both apply.
  if (requirements && answer == z3::unsat && check({fu.applies, fl.applies, !fu.exempt, !fl.exempt}, &w) == z3::sat) {
    report(AuditKind::unsatisfiable_requirements, Severity::error, {ui, li},
           {"requirements " + u.id + " and " + l.id + " cannot both be met where both apply: together they ban those projects",
            "要求 " + u.id + " 与 " + l.id + " 同时适用时无法同时满足，实际构成禁止"},
           w, auditing::Expect::one_violated);
  }
  if (ban_and_entry && answer == z3::sat) {
    if (u.form == RuleForm::ban) {
      contradiction(ui, li, first);
    } else {
      contradiction(li, ui, first);
    }
  }
  // A ban whose every violation is also a violation of a broader ban.
  const auto redundant = [&](std::uint32_t broad, std::uint32_t narrow, const Formulas& fb, const Formulas& fn) {
    if (m_.rules[broad].form != RuleForm::ban || m_.rules[narrow].form != RuleForm::ban) return;
    std::optional<z3::model> both;
    if (check({fn.applies, !fn.exempt, !(fb.applies && !fb.exempt)}) != z3::unsat) return;
    if (check({fn.applies, !fn.exempt}, &both) != z3::sat) return;
    report(AuditKind::redundant, Severity::warning, {broad, narrow},
           {"ban " + m_.rules[narrow].id + " adds nothing: every project it bans is banned by " + m_.rules[broad].id,
            "禁止性规则 " + m_.rules[narrow].id + " 没有增加约束：它禁止的项目均已被 " + m_.rules[broad].id + " 禁止"},
           both, auditing::Expect::both_violated);
  };
  redundant(ui, li, fu, fl);
  if (!lower_tier) redundant(li, ui, fl, fu);
  // A requirement that adds nothing: wherever it applies the broader one
  // applies too, and meeting the broader one meets it.
  const auto redundant_requirement = [&](std::uint32_t broad, std::uint32_t narrow, const Formulas& fb,
                                         const Formulas& fn) {
    if (!is_requirement(m_.rules[broad].form) || !is_requirement(m_.rules[narrow].form)) return;
    if (check({fn.applies, !fb.applies}) != z3::unsat) return;
    if (check({fn.applies, !fn.exempt, fb.complies || fb.exempt, !fn.complies}) != z3::unsat) return;
    std::optional<z3::model> both;
    if (check({fn.applies, !fn.exempt, !fn.complies, !fb.complies, !fb.exempt}, &both) != z3::sat) return;
    report(AuditKind::redundant, Severity::warning, {broad, narrow},
           {"requirement " + m_.rules[narrow].id + " adds nothing: wherever it applies, " + m_.rules[broad].id +
                " applies too, and meeting " + m_.rules[broad].id + " meets it",
            "要求 " + m_.rules[narrow].id + " 没有增加约束：凡其适用之处 " + m_.rules[broad].id + " 均适用，且满足 " +
                m_.rules[broad].id + " 即满足它"},
           both, auditing::Expect::both_violated);
  };
  if (requirements && !looser) {  // a looser rule is implied too; saying so again adds nothing
    redundant_requirement(ui, li, fu, fl);
    if (!lower_tier) redundant_requirement(li, ui, fl, fu);
  }
}

// Shares of the work, each with its own Auditor and Z3 context, taken by
// whichever thread is free. Their number is fixed, not the number of cores:
// a Z3 model depends on the queries its context answered before, so each
// share asks the same queries in the same order on any machine, and the
// witnesses come out the same.
constexpr std::uint32_t kShares = 8;

/// Calls `work(share)` for each share, on at most `threads` threads (0: every core).
template <class Work>
void on_shares(unsigned threads, Work&& work) {
  const auto all = [&] { tbb::parallel_for(std::uint32_t{0}, kShares, [&](std::uint32_t j) { work(j); }); };
  const int cores = tbb::info::default_concurrency();
  if (threads == 0 || static_cast<int>(threads) >= cores) return all();  // more threads than cores buy nothing
  tbb::task_arena(static_cast<int>(threads)).execute(all);
}

AuditResult run_audit(const Ruleset& rs, const AuditOptions& options) {
  const model::Model& m = rs.data().model;
  AuditResult result;
  result.ruleset_title = rs.title();
  result.ruleset_version = rs.version();
  result.ruleset_hash = rs.hash();
  result.as_of = options.as_of;
  std::vector<std::uint32_t> live;
  for (std::uint32_t i = 0; i < m.rules.size(); ++i) {
    if (in_force(m.rules[i], options.as_of)) live.push_back(i);
  }
  result.rules = live.size();
  auditing::QueryWatchdog watchdog(options.timeout_ms);
  std::vector<std::unique_ptr<Auditor>> shares(kShares);
  // Rules already reported alone (dead, or a requirement nothing meets) are
  // left out of the pairs: every pair would only repeat them.
  std::vector<char> dead(m.rules.size(), 0);  // written by one share per rule
  on_shares(options.threads, [&](std::uint32_t j) {
    shares[j] = std::make_unique<Auditor>(rs, options, live, watchdog);
    for (std::size_t k = j; k < live.size(); k += kShares) {
      const std::size_t before = shares[j]->result().findings.size();
      shares[j]->single(live[k]);
      if (shares[j]->result().findings.size() > before) dead[live[k]] = 1;
    }
  });
  // Pairs: each rule against the rules of its own tier and the tiers above
  // it, skipping pairs whose subjects name industries that cannot meet
  // (the rule index's reading of subject and `where`) before any solving.
  std::vector<std::vector<std::uint32_t>> by_tier(m.tiers.size());
  for (std::uint32_t i : live) {
    if (!dead[i]) by_tier[m.rules[i].tier].push_back(i);
  }
  std::vector<ir::IndustryCodes> industries(m.rules.size());
  if (const auto fact = rs.data().index.industry_fact()) {
    std::vector<std::optional<ir::IndustryCodes>> cache(m.kinds.size());
    for (std::uint32_t i : live) industries[i] = ir::rule_industries(m, m.rules[i], *fact, cache);
  }
  const auto may_meet = [&](std::uint32_t a, std::uint32_t b) {
    const auto& x = industries[a];
    const auto& y = industries[b];
    if (!x || !y) return true;
    for (const std::string& p : *x) {
      for (const std::string& q : *y) {
        if (p.starts_with(q) || q.starts_with(p)) return true;
      }
    }
    return false;
  };
  on_shares(options.threads, [&](std::uint32_t j) {
    for (std::size_t k = j; k < live.size(); k += kShares) {
      const std::uint32_t b = live[k];
      if (dead[b]) continue;
      for (std::optional<model::TierId> t = m.rules[b].tier; t; t = m.tiers[*t].parent) {
        for (std::uint32_t a : by_tier[*t]) {
          if (a == b || (*t == m.rules[b].tier && a > b) || !may_meet(a, b)) continue;  // same tier: each pair once
          shares[j]->pair(a, b);
        }
      }
    }
  });
  for (const auto& share : shares) {
    AuditResult& part = share->result();
    std::move(part.findings.begin(), part.findings.end(), std::back_inserter(result.findings));
    result.pairs += part.pairs;
    result.undecided += part.undecided;
  }
  auditing::map_findings(rs, result.findings);
  auditing::plausibility_lints(m, live, result.findings);
  // A stable order, whatever share found what: by kind, then by the rules'
  // ids, then by message (two findings of one kind on the same rules).
  std::sort(result.findings.begin(), result.findings.end(), [](const AuditFinding& x, const AuditFinding& y) {
    auto ids = [](const AuditFinding& f) {
      std::vector<std::string> out;
      for (const AuditRule& r : f.rules) out.push_back(r.id);
      return out;
    };
    if (x.kind != y.kind) return x.kind < y.kind;
    if (const auto a = ids(x), b = ids(y); a != b) return a < b;
    return x.message.en < y.message.en;
  });
  return result;
}

}  // namespace

AuditResult audit(const Ruleset& ruleset, const AuditOptions& options) { return run_audit(ruleset, options); }

}  // namespace zhunru
