// The checked model: a ruleset with every name resolved, every condition
// typed and unit-checked, and every tier linked to its parent.
//
// The checker builds it from ASTs; the compiler lowers it to the IR the
// evaluator runs, and the auditor reasons over it. Nothing here refers to
// source text except through locations kept for messages.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ast/ast.hpp"
#include "zhunru/diagnostic.hpp"
#include "zhunru/quantity.hpp"

namespace zhunru::model {

using FactId = std::uint32_t;
using KindId = std::uint32_t;
using LayerId = std::uint32_t;
using TableId = std::uint32_t;
using CondId = std::uint32_t;
using NumId = std::uint32_t;
using TierId = std::uint32_t;

using ast::CompareOp;
using ast::ControlDimension;
using ast::RuleForm;
using ast::SpatialOp;
using ast::TierLevel;
using ast::UnitClass;

// enum_set: several values of an enumeration at once (`set of {…}`);
// amounts: a number or quantity for each value of a set fact (`quantity t/a per products`).
enum class FactKind { boolean, number, quantity, enumeration, industry, text, date, enum_set, amounts };

/// Catalogues have hundreds of classes; a bound all the same, for the
/// checker's tables and the evaluator's sets of values.
inline constexpr std::size_t kMaxEnumValues = 10000;

/// The as-of date lies in [from, until], in days since 1970: which of a
/// kind's definitions is in effect (`kind two-high effective 2021-05-30 = …`),
/// or when a value of a dated enumeration is.
struct AsOfIn {
  std::int32_t from_day = 0;
  std::int32_t until_day = 0;
  friend bool operator==(const AsOfIn&, const AsOfIn&) = default;
};

struct EnumValue {
  std::string name;
  std::string label;  // "" when none was given
  std::optional<std::uint32_t> parent;  // the value this one is a kind of (declared before it)
  // A dated enumeration's value (`enumeration E effective D = {…}`): the
  // periods of the versions that have it. Empty: always.
  std::vector<AsOfIn> in_force;
  [[nodiscard]] bool in_force_on(std::int32_t day) const {
    if (in_force.empty()) return true;
    for (const AsOfIn& p : in_force) {
      if (day >= p.from_day && day <= p.until_day) return true;
    }
    return false;
  }
};

struct Fact {
  std::string name;
  std::string label;
  FactKind kind = FactKind::boolean;
  Unit unit;                       // quantity, amounts: the declared unit (numbers in project files are in it)
  std::vector<EnumValue> values;   // enumeration, enum_set
  SourceLocation source;
  std::optional<FactId> per;       // amounts: the set fact whose values each have an amount

  /// The value named or labelled `text` ("new" or "新建").
  [[nodiscard]] std::optional<std::uint32_t> find_value(std::string_view text) const;
  /// `values` and every value under them (a rule about `new` is about
  /// `relocation` too), sorted, each once.
  [[nodiscard]] std::vector<std::uint32_t> with_values_under(std::vector<std::uint32_t> values) const;
};

/// `unit 重量箱 "weight box" = 50 kg;`: a unit of measure the ruleset
/// declares. Rules, tables and project files may write quantities in it.
struct UnitOfMeasure {
  UnitDefinition definition;  // its symbol (the name), and one of it in its dimension's canonical unit
  std::string label;
  std::string written;        // what it was declared as, e.g. "50 kg" or "1 a / 300"
  SourceLocation source;
};

struct Kind {
  std::string name;
  std::string label;
  CondId condition = 0;
  SourceLocation source;
};

/// A value a map feature's property is compared with.
using PropertyValue = std::variant<double, std::string, bool>;

/// `layer X = L where …`: a test of a map feature's properties.
struct FeatureFilter {
  enum class Kind : std::uint8_t { test, all, any, negate };
  Kind kind = Kind::test;
  std::string property;                  // test: the property's name in the map
  ast::CompareOp op = ast::CompareOp::eq;
  std::vector<PropertyValue> values;     // test: one value, or those of `in [..]` (any of them)
  std::vector<FeatureFilter> operands;   // all, any, negate
  // test: compared with this fact of the project instead of `values` (`where
  // function = cargo`): the layer is picked anew for each project.
  std::optional<std::uint32_t> fact;

  /// Whether some test names a fact (the layer is picked per project).
  [[nodiscard]] bool names_facts() const;
};

struct Layer {
  std::string name;
  std::string label;
  std::string path;      // as written, relative to the declaring file; empty for an intersection
  bool repair = false;   // `repair`: make invalid features valid
  SourceLocation source;
  std::vector<LayerId> of;  // `layer X = A and B`: where A and B meet (declared before or after X); `= A where`: A
  // `= A where …`: the test, applied when the maps load (a snapshot keeps the
  // features that passed, and the test only as text), and as `fmt` prints it.
  std::optional<FeatureFilter> filter;
  std::string filter_text;
};

/// `units from "PATH" [repair];`
/// `geometry outfall "排污口";`: a geometry the project gives beside its site
/// (a member of the project file), tested whole against layers.
/// `table hazardous "危险化学品目录" from "tables/hc.csv" column "CAS号";`: a
/// reference table the ruleset ships, or `= T where …`, the rows of another
/// whose cells pass a test. A rule's `FACT in hazardous` is checked into a
/// test of the column's values, kept in the condition (so the IR, the
/// auditor and a snapshot need nothing more); the table is kept to be
/// described and cited.
struct Table {
  std::string name;
  std::string label;
  std::string path;              // as written, relative to the declaring file; empty for a filtered table
  std::string column;            // the column rules look values up in
  std::optional<TableId> of;     // `= T where …`: the table filtered
  std::string filter_text;       // the test, as `fmt` prints it
  std::optional<std::chrono::year_month_day> effective_from;
  std::optional<std::chrono::year_month_day> effective_until;  // inclusive
  std::uint32_t values = 0;      // distinct values in the column (after the test)
  SourceLocation source;
  // A table of numbers (`column "产品" quantity "标杆水平" kgce/t`): the column
  // of each key's number and its unit as written ("" for plain numbers).
  // Rules' lookups are compiled into conditions on the key's rows.
  std::string number_column;
  std::string number_unit;
};

struct Geometry {
  std::string name;
  std::string label;
  SourceLocation source;
};

struct UnitsMapDecl {
  std::string path;
  bool repair = false;
  SourceLocation source;
};

// ---- numeric expressions: quantities in canonical units, dates as days -----

enum class ArithOp { add, sub, mul, div };

struct NumConst { double value; };
struct NumFact { FactId fact; };  // a number, quantity (canonical), date (days) or bool (0/1) fact
struct NumArith { ArithOp op; NumId lhs; NumId rhs; };
struct NumNeg { NumId operand; };
/// An amounts fact's number for one value of its set fact (canonical units;
/// unknown when the project gives none for it).
struct NumItem { FactId fact; std::uint32_t value; };
using NumNode = std::variant<NumConst, NumFact, NumArith, NumNeg, NumItem>;

// ---- conditions ---------------------------------------------------------------

struct BoolConst { bool value; };
struct BoolFact { FactId fact; };
struct Compare { CompareOp op; NumId lhs; NumId rhs; };
/// The fact's value is one of `values` (indices into Fact::values).
struct EnumIn { FactId fact; std::vector<std::uint32_t> values; };
/// Some item of the set fact is one of `values` (`any fuels in [coal]`; `all`
/// and `no` are checked into negations of this).
struct EnumHas { FactId fact; std::vector<std::uint32_t> values; };
/// The industry code starts with one of `codes` (`exact`: equals one of them).
struct IndustryIn { FactId fact; std::vector<std::string> codes; bool exact = false; };
struct TextIn { FactId fact; std::vector<std::string> values; };
struct Not { CondId operand; };
struct All { std::vector<CondId> operands; };
struct Any { std::vector<CondId> operands; };
struct IsKind { KindId kind; };
/// SiteSpatial::geometry of the site itself.
inline constexpr std::uint32_t kSite = 0;

/// What `overlapping L by at least Q` measures: nothing (any overlap of the
/// interiors), a share of the site's part, or an area.
enum class OverlapMeasure : std::uint8_t { any, share, area };
/// `site inside L`, `outside L`, `within D of L`, `overlapping L [by at least
/// Q]`, `not overlapping L`: needs the project's site.
struct SiteSpatial {
  SpatialOp op;
  LayerId layer;
  double amount = 0.0;  // within: metres; overlaps by a share: (0, 1]; by an area: m²
  OverlapMeasure by = OverlapMeasure::any;
  std::uint32_t geometry = kSite;  // the site, or Model::geometries[geometry - 1] (`outfall within …`)
  friend bool operator==(const SiteSpatial&, const SiteSpatial&) = default;
};

/// `outside L` is `inside L` negated, `not overlapping L` is `overlapping L`
/// negated: the test to compute (of the same geometry) and whether to negate it.
std::pair<SiteSpatial, bool> positive_form(const SiteSpatial& s);

using CondNode = std::variant<BoolConst, BoolFact, Compare, EnumIn, IndustryIn, TextIn, Not, All, Any, IsKind,
                              SiteSpatial, AsOfIn, EnumHas>;

// ---- tiers and rules ------------------------------------------------------------

struct Tier {
  TierLevel level = TierLevel::city;
  std::string code;                 // 510000, 500000, 500103, ZH50010320001; empty for the nation
  std::string name;
  std::optional<TierId> parent;     // the tier it refines
  SourceLocation source;            // its first block
};

/// The source text of a rule's parts, in the file's own keywords, for traces.
/// Kept in one string (48 bytes and one allocation a rule, not five
/// strings' 160 and up to five: a national list has a million rules).
class RuleTexts {
 public:
  enum Part : std::uint8_t { subject, scope, where, unless, requirement };
  static constexpr std::size_t kParts = 5;

  RuleTexts() = default;
  explicit RuleTexts(const std::array<std::string_view, kParts>& parts);

  [[nodiscard]] std::string_view operator[](Part part) const {
    const std::uint32_t begin = part == subject ? 0 : ends_[part - 1];
    const std::uint32_t end = part == requirement ? static_cast<std::uint32_t>(all_.size()) : ends_[part];
    return std::string_view(all_).substr(begin, end - begin);
  }

 private:
  std::string all_;                        // the parts, one after another
  std::array<std::uint32_t, kParts - 1> ends_{};  // where each part but the last ends in all_
};

/// Where a rule is written: its file by number (Model::files, since a file
/// holds thousands of rules), then as SourceLocation has it.
struct RuleSource {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;
};

/// A scope by region: `in districts [500103, 500105]`, `not in cities
/// [500100]`, `not in units [ZH…]` (`in units [...]` without `not` is
/// Rule::units). A unit is in it when the list names the unit, its
/// district, or a city or province its district lies in.
struct RegionScope {
  TierLevel level = TierLevel::district;   // what the codes name
  bool negated = false;
  std::vector<std::string> codes;
  friend bool operator==(const RegionScope&, const RegionScope&) = default;

  /// Whether the unit coded `unit_code`, in district `district`, is in the scope.
  [[nodiscard]] bool holds(std::string_view unit_code, std::string_view district) const;
};

struct Rule {
  std::string id;
  bool generated_id = false;
  RuleForm form = RuleForm::ban;
  ControlDimension dimension = ControlDimension::spatial_layout;
  TierId tier = 0;
  std::optional<CondId> subject;            // none: every project
  std::optional<std::vector<UnitClass>> classes;    // scope `in ... units`; none: any class
  std::optional<std::vector<std::string>> units;    // scope `in units [...]`; none: any unit
  // (present but empty: `in priority units and in key units` — no unit at all)
  std::vector<RegionScope> regions;         // scope terms by region, all of which must hold
  std::optional<std::uint32_t> restates;    // `restates ID`: the upper tier's rule (index) this one repeats
  std::vector<CondId> spatial;              // scope terms on layers (SiteSpatial)
  std::optional<CondId> where;
  std::optional<CondId> unless;
  std::optional<CondId> requirement;        // require/limit: what must hold
  double weight = 1.0;
  std::string because;
  std::vector<std::string> cites;
  std::vector<std::string> quotes;   // the cited clauses' own words
  std::optional<std::chrono::year_month_day> effective_from;
  std::optional<std::chrono::year_month_day> effective_until;  // inclusive
  RuleSource source;
  RuleTexts texts;
  // The parts in Chinese keywords (as `fmt --lang zh` prints them), for
  // answers in Chinese; null when the file writes Chinese keywords already
  // (then `texts` are those), so a list in Chinese pays 16 bytes a rule.
  std::shared_ptr<const RuleTexts> texts_zh;

  [[nodiscard]] const RuleTexts& texts_in(Lang lang) const { return lang == Lang::zh && texts_zh ? *texts_zh : texts; }
};

struct Model {
  std::string title;
  std::string version;
  std::optional<std::chrono::year_month_day> effective_from;
  std::optional<std::chrono::year_month_day> effective_until;
  std::vector<Fact> facts;
  std::vector<Kind> kinds;
  std::vector<Layer> layers;
  std::vector<Geometry> geometries;
  std::vector<Table> tables;
  std::optional<UnitsMapDecl> units_map;
  std::vector<Tier> tiers;
  std::vector<Rule> rules;
  std::vector<CondNode> conds;
  std::vector<NumNode> nums;
  std::vector<std::string> files;  // the files rules are written in (RuleSource::file)
  std::vector<UnitOfMeasure> units_of_measure;
  UnitSet unit_set;                // the built-in units and units_of_measure, for reading quantities

  /// Where `rule` is written, in full, and as "file:line".
  [[nodiscard]] SourceLocation location(const Rule& rule) const;
  [[nodiscard]] std::string file_line(const Rule& rule) const;
  [[nodiscard]] const CondNode& cond(CondId id) const { return conds[id]; }
  [[nodiscard]] const NumNode& num(NumId id) const { return nums[id]; }
  [[nodiscard]] std::optional<FactId> find_fact(std::string_view name) const;
  /// The geometry named `name` (`geometry outfall;`), if one is.
  [[nodiscard]] std::optional<std::uint32_t> find_geometry(std::string_view name) const;
  /// The layers `rule`'s spatial scope names (`within 1 km of yangtze`), each once, in scope order.
  [[nodiscard]] std::vector<LayerId> scope_layers(const Rule& rule) const;
};

/// Where a tier's territory begins: the nation "" (everywhere); province
/// 510000 → "51"; city 500000 → "50", 320100 → "3201"; a district its six
/// digits; a unit its whole code.
std::string territory_prefix(const Tier& tier);
/// The same for a code of a region list: `in cities [320100]` → "3201".
std::string territory_prefix(TierLevel level, const std::string& code);

}  // namespace zhunru::model
