// What a snapshot's program and rule index must satisfy before evaluation
// runs them (compile/verify_program, RuleIndex::damaged): every program
// lowering makes passes, and a forged one — an id out of range, an operand
// that refers forward, a kind that reaches itself, a chain too deep to walk,
// a rule out of place — is named, never run.
#include <doctest/doctest.h>

#include <string>

#include "api/ruleset_data.hpp"
#include "compile/verify_program.hpp"
#include "support/eval_helpers.hpp"

namespace zhunru {
namespace {

ir::ProgramShape shape_of(const Ruleset::Data& d) {
  return {d.model.facts.size(), d.model.kinds.size(), d.model.layers.size(), d.model.geometries.size(),
          d.model.rules.size()};
}

/// The damage found, or "" for none.
std::string damage(const ir::Program& p, const std::vector<ir::Rule>& rules, const ir::ProgramShape& shape) {
  return ir::damaged(p, rules, shape).value_or("");
}

/// The first node of `p` whose op is `op`.
ir::NodeId first(const ir::Program& p, ir::Op op) {
  for (ir::NodeId i = 0; i < p.nodes.size(); ++i) {
    if (p.nodes[i].op == op) return i;
  }
  FAIL("no such node");
  return 0;
}

}  // namespace

TEST_CASE("program verification: what lowering makes of the bundled lists passes") {
  for (const auto& rs : {testing::chongqing_rules()}) {
    const Ruleset::Data& d = rs->data();
    CHECK(damage(d.program, d.rules, shape_of(d)).empty());
    CHECK_FALSE(ir::RuleIndex::damaged(d.index.buckets(), d.model.tiers.size(), d.model.rules.size()));
  }
}

TEST_CASE("program verification: a forged program is named, with what is wrong") {
  const auto rs = testing::chongqing_rules();
  const Ruleset::Data& d = rs->data();
  const ir::ProgramShape shape = shape_of(d);
  const auto forged = [&](auto change) {
    ir::Program p = d.program;
    std::vector<ir::Rule> rules = d.rules;
    change(p, rules);
    return damage(p, rules, shape);
  };
  CHECK(forged([](ir::Program& p, auto&) { p.nodes[first(p, ir::Op::enum_in)].a = 100000; }).find("names what it cannot") !=
        std::string::npos);
  CHECK(forged([](ir::Program& p, auto&) {
          p.nodes[first(p, ir::Op::industry_in)].b = static_cast<std::uint32_t>(p.string_sets.size());
        }).find("names what it cannot") != std::string::npos);
  // An operand that refers to itself: an evaluation that would never end.
  CHECK(forged([](ir::Program& p, auto&) {
          const ir::NodeId n = first(p, ir::Op::negate);
          p.nodes[n].a = n;
        }).find("names what it cannot") != std::string::npos);
  CHECK(forged([](ir::Program& p, auto&) {
          const ir::NodeId n = first(p, ir::Op::any);
          p.nodes[n].b = static_cast<std::uint32_t>(p.children.size());  // children beyond the list
        }).find("names what it cannot") != std::string::npos);
  CHECK(forged([](ir::Program& p, auto&) { p.nodes[first(p, ir::Op::spatial)].a = 1000; }).find("names what it cannot") !=
        std::string::npos);
  CHECK(forged([](ir::Program& p, auto&) { p.nums.push_back({ir::NumOp::add, 0, static_cast<std::uint32_t>(p.nums.size()), 0}); })
            .find("number of the program") != std::string::npos);
  CHECK(forged([](ir::Program& p, auto&) { p.kinds.push_back(0); }).find("not made from this model") != std::string::npos);
  CHECK(forged([](auto&, std::vector<ir::Rule>& r) { r.pop_back(); }).find("not made from this model") != std::string::npos);
  CHECK(forged([](auto&, std::vector<ir::Rule>& r) { r[3].where = 1u << 30; }).find("condition that does not exist") !=
        std::string::npos);
  CHECK(forged([](ir::Program& p, std::vector<ir::Rule>& r) {
          r[0].spatial_at = static_cast<std::uint32_t>(p.scope_tests.size());
          r[0].spatial_count = 1;
        }).find("scope lies beyond") != std::string::npos);
  CHECK(forged([](auto&, std::vector<ir::Rule>& r) {
          r[1].units_at = 0xFFFFFFF0u;  // at + count overflows 32 bits: still beyond
          r[1].units_count = 0x20;
        }).find("scope lies beyond") != std::string::npos);
}

TEST_CASE("program verification: kinds that reach themselves, and chains too deep to walk, are refused") {
  ir::Program p;
  p.slot_count = 1;
  p.nodes.push_back({ir::Op::bool_fact, 0, 0, 0, 0});  // 0: x
  p.nodes.push_back({ir::Op::is_kind, 0, 0, 0, 0});    // 1: is k0
  p.kinds = {0};
  const ir::ProgramShape shape{1, 1, 0, 0, 0};
  CHECK(damage(p, {}, shape).empty());
  p.kinds = {1};  // k0 is `is k0`
  CHECK(damage(p, {}, shape).find("reaches itself") != std::string::npos);
  // A kind may test a kind whose condition comes later in the program.
  p.nodes.push_back({ir::Op::negate, 0, 0, 0, 0});  // 2: not x
  p.kinds = {2, 1};
  p.nodes[1].a = 0;
  CHECK(damage(p, {}, {1, 2, 0, 0, 0}).empty());
  // Every link refers back, yet walking 100,000 of them recursively would exhaust the stack.
  ir::Program deep;
  deep.slot_count = 1;
  deep.nodes.push_back({ir::Op::bool_fact, 0, 0, 0, 0});
  for (ir::NodeId i = 1; i < 100000; ++i) deep.nodes.push_back({ir::Op::negate, 0, i - 1, 0, 0});
  CHECK(damage(deep, {}, {1, 0, 0, 0, 0}).find("deeper than the checker allows") != std::string::npos);
}

TEST_CASE("program verification: a chain that doubles its walk with every link is refused, however shallow") {
  // all(x, x) on all(x, x) …: 40 links are 2^40 visits (the evaluator keeps
  // only kinds' values), within any depth limit.
  ir::Program p;
  p.slot_count = 1;
  p.nodes.push_back({ir::Op::bool_fact, 0, 0, 0, 0});
  for (ir::NodeId i = 1; i <= 40; ++i) {
    p.children.push_back(i - 1);
    p.children.push_back(i - 1);
    p.nodes.push_back({ir::Op::all, 0, static_cast<std::uint32_t>(p.children.size() - 2), 2, 0});
  }
  CHECK(damage(p, {}, {1, 0, 0, 0, 0}).find("walked through more than") != std::string::npos);
  // The same in numbers under one comparison.
  ir::Program sums;
  sums.slot_count = 1;
  sums.nums.push_back({ir::NumOp::fact, 0, 0, 0.0});
  for (ir::NumId i = 1; i <= 40; ++i) sums.nums.push_back({ir::NumOp::add, i - 1, i - 1, 0.0});
  sums.nodes.push_back({ir::Op::compare, 0, 40, 0, 0});
  CHECK(damage(sums, {}, {1, 0, 0, 0, 0}).find("walked through more than") != std::string::npos);
  // 19 links (2^19 visits) are within the bound.
  p.nodes.resize(20);
  p.children.resize(38);
  CHECK(damage(p, {}, {1, 0, 0, 0, 0}).empty());
}

TEST_CASE("rule index verification: buckets that do not match the tiers, or name what does not exist, are refused") {
  const auto rs = testing::chongqing_rules();
  const Ruleset::Data& d = rs->data();
  const std::size_t tiers = d.model.tiers.size();
  const std::size_t rules = d.model.rules.size();
  const auto forged = [&](auto change) {
    ir::RuleIndex::Buckets b = d.index.buckets();
    change(b);
    return ir::RuleIndex::damaged(b, tiers, rules).value_or("");
  };
  CHECK(forged([](auto& b) { b.all_at.pop_back(); }).find("do not match the tiers") != std::string::npos);
  CHECK(forged([](auto& b) { std::swap(b.any_at[1], b.any_at[b.any_at.size() - 2]); }).find("do not match") !=
        std::string::npos);
  CHECK(forged([&](auto& b) { b.all[0] = static_cast<std::uint32_t>(rules); }).find("does not exist") != std::string::npos);
  REQUIRE_FALSE(d.index.buckets().filed.empty());
  CHECK(forged([](auto& b) { b.filed[0].code = static_cast<std::uint32_t>(b.codes.size()); }).find("does not exist") !=
        std::string::npos);
  CHECK(forged([](auto& b) { std::swap(b.codes.front(), b.codes.back()); }).find("out of order") != std::string::npos);
  CHECK(ir::RuleIndex::damaged(d.index.buckets(), tiers + 1, rules).has_value());
}

TEST_CASE("snapshot names: rules kept in a stored order only when it is every rule, sorted by id") {
  const auto rs = testing::chongqing_rules();
  Ruleset::Data d;
  d.model = rs->data().model;
  std::vector<std::uint32_t> order = rs->data().rule_order();
  REQUIRE(order.size() == d.model.rules.size());
  CHECK(d.index_names(order));
  CHECK(d.rules_by_id.size() == order.size());
  std::vector<std::uint32_t> swapped = order;
  std::swap(swapped[0], swapped[1]);
  CHECK_FALSE(d.index_names(swapped));
  std::vector<std::uint32_t> twice = order;
  twice[1] = twice[0];  // a rule listed twice, another left out
  CHECK_FALSE(d.index_names(twice));
  std::vector<std::uint32_t> beyond = order;
  beyond.back() = static_cast<std::uint32_t>(order.size());
  CHECK_FALSE(d.index_names(beyond));
  order.pop_back();
  CHECK_FALSE(d.index_names(order));
}

}  // namespace zhunru
