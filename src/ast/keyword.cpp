#include "ast/keyword.hpp"

#include <array>

namespace zhunru::ast {
namespace {

constexpr std::array<Spelling, static_cast<std::size_t>(Keyword::count_)> kSpellings{{
    {"ruleset", "清单"},
    {"version", "版本"},
    {"effective", "生效"},
    {"until", "至"},
    {"fact", "事实"},
    {"kind", "类别"},
    {"layer", "图层"},
    {"units", "单元图"},   // `units from`
    {"units", "单元"},     // `in units [...]`
    {"unit", "单元"},
    {"unit", "计量单位"},  // `unit 重量箱 = 50 kg;`: a unit of measure
    {"from", "来自"},
    {"repair", "修复"},
    {"one of", "枚举"},
    {"set of", "多选"},
    {"per", "按"},
    {"enumeration", "枚举类型"},
    {"geometry", "几何"},
    {"table", "名录"},
    {"column", "列"},
    {"bool", "布尔"},
    {"number", "数值"},
    {"quantity", "数量"},
    {"industry", "行业"},
    {"text", "文本"},
    {"date", "日期"},
    {"nation", "全国"},
    {"province", "省级"},
    {"city", "市级"},
    {"district", "区县"},
    {"spatial-layout", "空间布局约束"},
    {"emission-control", "污染物排放管控"},
    {"risk-control", "环境风险防控"},
    {"resource-efficiency", "资源开发效率要求"},
    {"ban", "禁止"},
    {"require", "应当"},
    {"to have", "满足"},
    {"limit", "限制"},
    {"to", "不超过"},
    {"to at least", "不低于"},
    {"for", "对于"},
    {"allow", "允许"},
    {"encourage", "鼓励"},
    {"projects", "项目"},
    {"in", "在"},
    {"in", "属于"},
    {"not in", "不在"},
    {"districts", "区县"},   // `in districts [...]`
    {"cities", "市级"},
    {"provinces", "省级"},
    {"priority", "优先保护单元"},
    {"key", "重点管控单元"},
    {"general", "一般管控单元"},
    {"inside", "内"},
    {"outside", "外"},
    {"within", "距"},
    {"of", "范围内"},
    {"overlapping", "占用"},          // a scope
    {"overlaps", "占用"},             // a condition: `site overlaps L`
    {"not overlapping", "不占用"},
    {"by at least", "不低于"},
    {"where", "当"},
    {"unless", "除非"},
    {"and", "且"},
    {"or", "或"},
    {"not", "非"},
    {"is", "是"},
    {"any", "任一"},
    {"all", "全部"},
    {"no", "无一"},
    {"site", "选址"},
    {"true", "真"},
    {"false", "假"},
    {"because", "理由"},
    {"cite", "依据"},
    {"quote", "原文"},
    {"weight", "权重"},
    {"restates", "重申"},
}};

}  // namespace

Spelling spelling(Keyword keyword) { return kSpellings[static_cast<std::size_t>(keyword)]; }

std::string_view spell(Keyword keyword, Lang lang) {
  const Spelling s = spelling(keyword);
  return lang == Lang::zh ? s.zh : s.en;
}

}  // namespace zhunru::ast
