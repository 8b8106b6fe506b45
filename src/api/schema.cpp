// JSON Schema (2020-12) of a ruleset's project files, and a blank project.
// Facts are keyed by name; their labels are titles (a project may use either
// as the key, which a schema cannot say without listing each fact twice).
#include "zhunru/schema.hpp"

#include "base/json_writer.hpp"

namespace zhunru {
namespace {

/// Each value of an enumerated fact, by name and by label, as a schema.
void value_schemas(JsonWriter& w, const FactInfo& f) {
  for (std::size_t i = 0; i < f.values.size(); ++i) {
    const std::string& label = f.value_labels[i];
    const std::string& parent = f.value_parents[i];  // x-under: the value this one is a kind of
    for (const std::string& value : {f.values[i], label}) {
      if (value.empty()) continue;
      w.begin_object().member("const", value).member("title", label.empty() ? value : label);
      if (!parent.empty()) w.member("x-under", parent);
      w.end_object();
    }
  }
}

/// The types a fact's value may have, null (unknown) always among them.
void fact_schema(JsonWriter& w, const FactInfo& f) {
  w.begin_object();
  w.member("title", f.label.empty() ? f.name : f.label);
  if (f.type == "bool") {
    w.member("description", "true or false (是/否) · 是或否");
    w.key("type").strings({"boolean", "null"});
  } else if (f.type == "number") {
    w.key("type").strings({"number", "null"});
  } else if (f.type == "quantity") {
    w.member("description", "a number in " + f.unit + ", or text with its unit (\"30万吨/年\") · 以 " + f.unit +
                                " 计的数值，或带单位的文字");
    w.member("x-unit", f.unit);
    w.key("type").strings({"number", "string", "null"});
  } else if (f.type == "one of") {
    w.key("anyOf").begin_array();
    value_schemas(w, f);
    w.begin_object().member("type", "null").end_object();
    w.end_array();
  } else if (f.type == "set of") {
    w.member("description", "a list of its values ([] for none), or one text of them separated by ; or 、 · "
                            "取值的列表（无则为 []），或以 ; 或 、 分隔的文字");
    w.key("type").strings({"array", "string", "null"});
    w.key("items").begin_object().key("anyOf").begin_array();
    value_schemas(w, f);
    w.end_array().end_object();
  } else if (f.type == "amounts") {
    const std::string unit = f.unit.empty() ? "a number" : "a number in " + f.unit + ", or text with its unit";
    const std::string unit_zh = f.unit.empty() ? "数值" : "以 " + f.unit + " 计的数值，或带单位的文字";
    w.member("description", "for each value of " + f.per + " the project has: " + unit + " · 按 " + f.per + " 的各取值分别给出：" + unit_zh);
    if (!f.unit.empty()) w.member("x-unit", f.unit);
    w.member("x-per", f.per);
    w.key("type").strings({"object", "string", "null"});
    w.key("propertyNames").begin_object().key("anyOf").begin_array();
    value_schemas(w, f);
    w.end_array().end_object();
    w.key("additionalProperties").begin_object().key("type").strings({"number", "string"}).end_object();
  } else if (f.type == "industry") {
    w.member("description", "a GB/T 4754-2017 class such as C2614 · 国民经济行业分类代码，如 C2614");
    w.key("type").strings({"string", "null"});
    w.member("pattern", "^[A-T]([0-9]{2}|[0-9]{3}|[0-9]{4})?$");
  } else if (f.type == "date") {
    w.key("type").strings({"string", "null"});
    w.member("format", "date");
  } else {
    w.key("type").strings({"string", "null"});
  }
  w.end_object();
}

void units_schema(JsonWriter& w) {
  const char* const code = "^ZH[0-9]{6}[123][0-9]{4}$";
  w.begin_object().member("title", "所在环境管控单元 · units");
  w.member("type", "array").member("minItems", std::size_t{1}).key("items").begin_object().key("anyOf").begin_array();
  w.begin_object().member("type", "string").member("pattern", code).end_object();
  w.begin_object().member("type", "object").key("properties").begin_object();
  w.key("code").begin_object().member("type", "string").member("pattern", code).end_object();
  w.key("share").begin_object().member("type", "number").member("minimum", 0.0).member("maximum", 1.0).end_object();
  w.end_object().key("required").strings({"code"}).member("additionalProperties", false).end_object();
  w.end_array().end_object().end_object();
}

}  // namespace

std::string project_schema(const Ruleset& ruleset) {
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object();
  w.member("$schema", "https://json-schema.org/draft/2020-12/schema");
  w.member("$id", "urn:zhunru:project:" + ruleset.hash());
  w.member("title", ruleset.title() + " — 项目文件 · project file");
  w.member("description", "Facts by name (or by their Chinese label); a fact left out or null is unknown. "
                          "事实按名称（或中文标签）给出；未给出或为 null 即未知。Ruleset " + ruleset.version() + ", " +
                          ruleset.hash());
  w.member("type", "object");
  w.key("properties").begin_object();
  for (const FactInfo& f : ruleset.facts()) {
    w.key(f.name);
    fact_schema(w, f);
  }
  w.key("units");
  units_schema(w);
  w.key("site").begin_object().member("title", "选址 · site");
  w.member("description", "one GeoJSON geometry or Feature in longitude/latitude (EPSG:4490 or 4326) · "
                          "经纬度（EPSG:4490 或 4326）下的一个 GeoJSON 几何或 Feature");
  w.member("type", "object").key("required").strings({"type"}).end_object();
  for (const GeometryInfo& g : ruleset.geometries()) {
    w.key(g.name).begin_object().member("title", (g.label.empty() ? "" : g.label + " · ") + g.name);
    w.member("description", "a geometry beside the site, as `site` is given · 选址之外的几何，给法同 site");
    w.member("type", "object").key("required").strings({"type"}).end_object();
  }
  w.key("project").begin_object().member("title", "项目说明 · project");
  w.member("description", "free-form (name, applicant, id), echoed in every answer · 自由填写，原样出现在答复中");
  w.end_object();
  w.end_object();
  w.member("additionalProperties", false);
  w.end_object();
  w.end_line().finish();
  return out;
}

std::string project_template(const Ruleset& ruleset) {
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object();
  w.key("project").begin_object().member("name", "").member("id", "");
  w.member("说明", "每项填写已知的值，未知的保留 null；再给出 site（GeoJSON 选址）或 units（单元编码列表）。"
                   "Fill in what is known, leave null what is not; then add `site` (GeoJSON) or `units` (unit codes).");
  w.end_object();
  for (const FactInfo& f : ruleset.facts()) w.key(f.name).null();
  w.end_object();
  w.end_line().finish();
  return out;
}

}  // namespace zhunru
