// Generated rulesets and projects over eval_helpers' kSchema (fixed seeds
// in the tests that use them, so a failure reproduces).
#pragma once

#include <random>
#include <string>
#include <vector>

namespace zhunru::testing {

template <class T, std::size_t N>
const T& pick(std::mt19937& rng, const T (&items)[N]) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

inline bool chance(std::mt19937& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }

/// `kind s0` … `kind s60`, each testing the next twice — `(is s{i+1} and
/// capacity > i t/a) or (is s{i+1} and capacity < i t/a)` — and s60 the
/// chemical industry: a walk that does not share kinds visits s60 2^60 times.
/// With capacity = 3 t/a, s3 is false and so is s0.
inline std::string kinds_each_testing_the_next_twice() {
  std::string kinds;
  for (int i = 0; i < 60; ++i) {
    const std::string next = "is s" + std::to_string(i + 1), n = std::to_string(i);
    kinds += "kind s" + n + " = (" + next + " and capacity > " + n + " t/a) or (" + next + " and capacity < " + n + " t/a);\n";
  }
  return kinds + "kind s60 = industry in [C26];\n";
}

inline std::string condition(std::mt19937& rng) {
  static const char* const atoms[] = {"capacity > 20 t/a", "capacity <= 50 t/a", "low-voc", "not low-voc", "grade = A",
                                      "grade in {C, D}", "industry in [C26]", "voc <= 3 t/a", "is chemical",
                                      "nature != new", "industry = C3011"};
  std::string c = pick(rng, atoms);
  if (chance(rng, 0.4)) c += std::string(chance(rng, 0.5) ? " and " : " or ") + pick(rng, atoms);
  return c;
}

inline std::string rule(std::mt19937& rng, int n) {
  static const char* const subjects[] = {"projects", "new projects", "chemical projects",
                                         "new or expansion two-high projects", "industrial projects"};
  static const char* const scopes[] = {"", " in priority units", " in key or general units"};
  static const char* const dims[] = {"spatial-layout", "emission-control", "risk-control", "resource-efficiency"};
  const std::string id = "R" + std::to_string(n);
  std::string body;
  switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
    case 0:
      body = std::string("ban ") + pick(rng, subjects) + pick(rng, scopes);
      if (chance(rng, 0.6)) body += " where " + condition(rng);
      if (chance(rng, 0.2)) body += " unless " + condition(rng);
      break;
    case 1: body = std::string("require ") + pick(rng, subjects) + pick(rng, scopes) + " to have " + condition(rng); break;
    case 2:
      body = "limit voc to " + std::to_string(1 + n % 7) + " t/a for " + pick(rng, subjects) + pick(rng, scopes);
      break;
    default: body = std::string("allow ") + pick(rng, subjects) + " where " + condition(rng); break;
  }
  if (chance(rng, 0.3)) body += " weight " + std::to_string(1 + n % 3);
  return std::string(pick(rng, dims)) + " { " + id + ": " + body + "; }";
}

/// Rules spread over the city, a district and a unit; one line per rule so they can be shuffled.
inline std::vector<std::string> rules(std::mt19937& rng, int count) {
  static const char* const tiers[] = {"city 500000", "district 500103", "unit ZH50010320001", "district 500112"};
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(std::string(pick(rng, tiers)) + " { " + rule(rng, i) + " }");
  return out;
}

inline std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

inline std::string project(std::mt19937& rng) {
  static const char* const industries[] = {"\"C2614\"", "\"C3011\"", "\"D4411\"", "\"C26\"", "\"A0111\""};
  static const char* const natures[] = {"\"new\"", "\"扩建\"", "\"rebuild\""};
  static const char* const grades[] = {"\"A\"", "\"B\"", "\"C\"", "\"D\""};
  static const char* const capacities[] = {"10", "\"30 t/a\"", "\"60000 kg/a\"", "100"};
  static const char* const vocs[] = {"1", "\"2.5 t/a\"", "5", "\"9000 kg/a\""};
  static const char* const units[] = {"\"ZH50010320001\"", "\"ZH50010310002\"", "\"ZH50011230003\""};
  std::string out = "{";
  auto member = [&](const char* name, const std::string& value) {
    if (chance(rng, 0.7)) out += std::string("\"") + name + "\": " + value + ", ";
  };
  member("industry", pick(rng, industries));
  member("nature", pick(rng, natures));
  member("capacity", pick(rng, capacities));
  member("grade", pick(rng, grades));
  member("low-voc", chance(rng, 0.5) ? "true" : "false");
  member("voc", pick(rng, vocs));
  out += "\"units\": [" + std::string(pick(rng, units));
  if (chance(rng, 0.4)) out += ", \"ZH50010330004\"";
  return out + "]}";
}

}  // namespace zhunru::testing
