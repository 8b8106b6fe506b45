// The words of the domain that every stage shares: unit classes, rule forms,
// control dimensions and tier levels (docs/language.md).
#pragma once

#include <string_view>
#include <vector>

namespace zhunru {

/// 优先保护单元 / 重点管控单元 / 一般管控单元 (class digits 1, 2, 3).
enum class UnitClass { priority, key, general };

enum class RuleForm { ban, require, limit, allow, encourage };

/// 空间布局约束 / 污染物排放管控 / 环境风险防控 / 资源开发效率要求.
enum class ControlDimension { spatial_layout, emission_control, risk_control, resource_efficiency };

/// 全国 / 省级 / 市级 / 区（县） / 单元, from the widest territory down: a
/// deeper tier refines the wider ones that contain it.
enum class TierLevel { nation, province, city, district, unit };

/// Stable English names, as in JSON output: "priority", "ban",
/// "spatial-layout", "city".
std::string_view name_of(UnitClass value);
std::string_view name_of(RuleForm value);
std::string_view name_of(ControlDimension value);
std::string_view name_of(TierLevel value);

/// A keyword of the rules language in its two spellings ("ban", "禁止";
/// docs/language.md, the keyword table), for editors' completion.
struct KeywordSpelling {
  std::string_view en;
  std::string_view zh;
};
std::vector<KeywordSpelling> keywords();

/// Chinese names: 优先保护单元, 禁止, 空间布局约束, 市级.
std::string_view name_zh(UnitClass value);
std::string_view name_zh(RuleForm value);
std::string_view name_zh(ControlDimension value);
std::string_view name_zh(TierLevel value);

}  // namespace zhunru
