// Deterministic synthetic rulesets, for the parse benchmark and the
// large-input tests. The text uses every rule form, scopes, quantities with
// Chinese multipliers and units, and Chinese metadata, in the proportions of
// a real access list.
#pragma once

#include <cstddef>
#include <string>

namespace zhunru::testing {

/// A ruleset of `rules` rules in tiers of `rules_per_tier`, in English or
/// Chinese keywords.
inline std::string generate_ruleset(std::size_t rules, bool chinese = false, std::size_t rules_per_tier = 50) {
  const auto kw = [chinese](const char* en, const char* zh) { return std::string(chinese ? zh : en); };
  std::string out;
  out += kw("ruleset", "清单") + " \"合成测试清单\" " + kw("version", "版本") + " \"1.0\" " + kw("effective", "生效") +
         " 2024-03-19;\n";
  out += kw("fact", "事实") + " industry : " + kw("industry", "行业") + " \"国民经济行业类别\";\n";
  out += kw("fact", "事实") + " nature : " + kw("one of", "枚举") +
         " { new \"新建\", rebuild \"改建\", expansion \"扩建\" } \"建设性质\";\n";
  out += kw("fact", "事实") + " capacity : " + kw("quantity", "数量") + " t/a \"设计产能\";\n";
  out += kw("fact", "事实") + " voc-emission : " + kw("quantity", "数量") + " t/a \"VOCs排放量\";\n";
  out += kw("fact", "事实") + " low-voc : " + kw("bool", "布尔") + " \"使用低VOCs原辅材料\";\n";
  out += kw("kind", "类别") + " two-high \"两高项目\" = industry " + kw("in", "属于") + " [C25, C26, C30, C31, C32, D44];\n";
  out += kw("layer", "图层") + " shoreline \"长江岸线\" " + kw("from", "来自") + " \"maps/yangtze.geojson\";\n\n";
  const char* dimensions_en[] = {"spatial-layout", "emission-control", "risk-control", "resource-efficiency"};
  const char* dimensions_zh[] = {"空间布局约束", "污染物排放管控", "环境风险防控", "资源开发效率要求"};
  for (std::size_t r = 0; r < rules; ++r) {
    const std::size_t tier = r / rules_per_tier;
    if (r % rules_per_tier == 0) {
      if (r > 0) out += "  }\n}\n\n";
      out += kw("district", "区县") + " " + std::to_string(500101 + tier % 98) + " \"区县" + std::to_string(tier) +
             "\" {\n  " + (chinese ? dimensions_zh[tier % 4] : dimensions_en[tier % 4]) + " {\n";
    }
    const std::string id = "    R-" + std::to_string(r) + ": ";
    switch (r % 4) {
      case 0:
        out += id + kw("ban", "禁止") + " new " + kw("or", "或") + " expansion two-high " + kw("projects", "项目") + " " +
               (chinese ? "距 shoreline 1 km 范围内" : "within 1 km of shoreline") + "\n      " + kw("because", "理由") +
               " \"优先保护单元依法禁止大规模、高强度的工业和城镇建设\"\n      " + kw("cite", "依据") +
               " \"关于加强生态环境分区管控的实施方案（四）\";\n";
        break;
      case 1:
        out += id + kw("limit", "限制") + " voc-emission " + kw("to", "不超过") + " " + std::to_string(5 + r % 20) +
               " t/a " + kw("for", "对于") + " new " + kw("projects", "项目") + " " +
               (chinese ? "在 重点管控单元" : "in key units") + ";\n";
        break;
      case 2:
        out += id + kw("require", "应当") + " new " + kw("projects", "项目") + " " + kw("to have", "满足") +
               " low-voc " + kw("and", "且") + " capacity <= 30万 t/a\n      " + kw("where", "当") + " industry " +
               kw("in", "属于") + " [C26, C2614] " + kw("or", "或") + " " + kw("is", "是") + " two-high;\n";
        break;
      default:
        out += id + kw("encourage", "鼓励") + " " + kw("projects", "项目") + " " + kw("where", "当") +
               " capacity < 10 t/a " + kw("weight", "权重") + " 2;\n";
        break;
    }
  }
  if (rules > 0) out += "  }\n}\n";
  return out;
}

}  // namespace zhunru::testing
