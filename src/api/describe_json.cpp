// The ruleset's introspection as one JSON document, for the service and
// for programs that want it without linking a JSON library of their own.
#include <optional>

#include "base/dates.hpp"
#include "base/json_writer.hpp"
#include "eval/rule_info_json.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {
namespace {

void write_date(JsonWriter& w, std::string_view name, const std::optional<std::chrono::year_month_day>& date) {
  w.key(name);
  if (date) {
    w.value(iso_date(*date));
  } else {
    w.null();
  }
}

void write_facts(JsonWriter& w, const std::vector<FactInfo>& facts) {
  w.key("facts").begin_array();
  for (const FactInfo& f : facts) {
    w.begin_object().member("name", f.name).member("label", f.label).member("type", f.type).member("unit", f.unit);
    w.key("values").strings(f.values);
    w.key("value_labels").strings(f.value_labels);
    w.key("value_parents").strings(f.value_parents);
    if (!f.per.empty()) w.member("per", f.per);  // amounts: the set fact whose values `values` are
    w.end_object();
  }
  w.end_array();
}

void write_names(JsonWriter& w, const Ruleset& rs) {
  w.key("kinds").begin_array();
  for (const KindInfo& k : rs.kinds()) w.begin_object().member("name", k.name).member("label", k.label).end_object();
  w.end_array();
  w.key("layers").begin_array();
  for (const LayerInfo& l : rs.layers()) {
    w.begin_object().member("name", l.name).member("label", l.label).member("path", l.path);
    w.member("features", l.features);
    if (!l.of.empty()) {  // an intersection: where these layers meet
      w.key("of").begin_array();
      for (const std::string& o : l.of) w.value(o);
      w.end_array();
    }
    if (!l.where.empty()) w.member("where", l.where);
    if (!l.by_facts.empty()) {  // picked per project, by these facts
      w.key("by_facts").begin_array();
      for (const std::string& f : l.by_facts) w.value(f);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  if (const auto geometries = rs.geometries(); !geometries.empty()) {  // beside the site (`geometry outfall;`)
    w.key("geometries").begin_array();
    for (const GeometryInfo& g : geometries) w.begin_object().member("name", g.name).member("label", g.label).end_object();
    w.end_array();
  }
  if (const auto tables = rs.tables(); !tables.empty()) {  // reference tables (`table … from "….csv"`)
    w.key("tables").begin_array();
    for (const TableInfo& t : tables) {
      w.begin_object().member("name", t.name).member("label", t.label);
      if (t.of.empty()) {
        w.member("path", t.path);
      } else {
        w.member("of", t.of).member("where", t.where);
      }
      w.member("column", t.column).member("values", static_cast<std::uint64_t>(t.values));
      if (!t.number_column.empty()) w.member("number_column", t.number_column).member("number_unit", t.number_unit);
      write_date(w, "effective_from", t.effective_from);
      write_date(w, "effective_until", t.effective_until);
      w.end_object();
    }
    w.end_array();
  }
  if (const auto units = rs.units_of_measure(); !units.empty()) {  // `unit 重量箱 = 50 kg;`
    w.key("units_of_measure").begin_array();
    for (const UnitOfMeasureInfo& u : units) {
      w.begin_object().member("name", u.name).member("label", u.label).member("definition", u.definition);
      w.member("canonical", u.canonical).member("canonical_unit", u.canonical_unit).end_object();
    }
    w.end_array();
  }
  w.key("tiers").begin_array();
  for (const TierInfo& t : rs.tiers()) {
    w.begin_object().member("level", name_of(t.level)).member("code", t.code).member("name", t.name);
    w.member("parent", t.parent).member("parent_level", t.parent_level ? name_of(*t.parent_level) : "");
    w.member("rules", t.rules).end_object();
  }
  w.end_array();
}

}  // namespace

std::string describe_json(const Ruleset& rs, bool with_rules) {
  std::string out;
  JsonWriter w(out, 0);
  w.begin_object().member("title", rs.title()).member("version", rs.version()).member("hash", rs.hash());
  write_date(w, "effective_from", rs.effective_from());
  write_date(w, "effective_until", rs.effective_until());
  w.member("rules", rs.rule_count()).member("units", rs.map_unit_count());
  write_facts(w, rs.facts());
  write_names(w, rs);
  if (with_rules) {
    w.key("rule_list").begin_array();
    for (const RuleInfo& r : rs.rules()) {
      w.begin_object();
      write_rule_members(w, r);
      w.member("weight", r.weight).end_object();
    }
    w.end_array();
  }
  w.end_object().end_line().finish();
  return out;
}

}  // namespace zhunru
