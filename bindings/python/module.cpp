// zhunru._zhunru: the compiled core of the Python package. It speaks in
// plain values — JSON text, tuples of (ok, answer) — and the package
// (zhunru/__init__.py) turns them into Decision objects and exceptions with
// messages in both languages. Long work runs with the GIL released.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>

#include <cstdio>

#include "judge_many.hpp"
#include "zhunru/zhunru.hpp"

namespace py = pybind11;
using Json = nlohmann::ordered_json;

namespace zhunru::python {
namespace {

using RulesetPtr = std::shared_ptr<const Ruleset>;
// pybind11 holds a non-const pointer; no binding ever changes a ruleset.
using Holder = std::shared_ptr<Ruleset>;
py::object wrap(const RulesetPtr& rs) { return py::cast(std::const_pointer_cast<Ruleset>(rs)); }

std::chrono::year_month_day date_of(int y, unsigned m, unsigned d) {
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!date.ok()) throw py::value_error("not a real date");
  return date;
}

Json location_json(const SourceLocation& l) {
  return {{"file", l.file}, {"line", l.line}, {"column", l.column}, {"end_line", l.end_line}, {"end_column", l.end_column}};
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) {
    Json notes = Json::array();
    for (const DiagnosticNote& n : d.notes) {
      notes.push_back({{"location", location_json(n.location)}, {"en", n.message.en}, {"zh", n.message.zh}});
    }
    list.push_back({{"severity", d.severity == Severity::error     ? "error"
                                 : d.severity == Severity::warning ? "warning"
                                                                   : "note"},
                    {"code", d.code},
                    {"location", location_json(d.location)},
                    {"en", d.message.en},
                    {"zh", d.message.zh},
                    {"help_en", d.help.en},
                    {"help_zh", d.help.zh},
                    {"notes", notes}});
  }
  return list.dump();
}

/// (ruleset or None, diagnostics JSON, every diagnostic rendered in en, in zh).
py::tuple compiled_tuple(const CompileResult& result) {
  py::object rs = result.ruleset ? wrap(result.ruleset) : py::none();
  return py::make_tuple(rs, diagnostics_json(result.diagnostics), result.render(Lang::en), result.render(Lang::zh));
}

py::tuple compile_directory_py(const std::string& path, bool strict, bool repair_maps) {
  CompileOptions options;
  options.strict = strict;
  options.repair_maps = repair_maps;
  CompileResult result;
  {
    py::gil_scoped_release unlocked;
    result = compile_directory(path, options);
  }
  return compiled_tuple(result);
}

py::tuple compile_sources_py(const std::vector<std::pair<std::string, std::string>>& sources, bool strict,
                             bool repair_maps) {
  CompileOptions options;
  options.strict = strict;
  options.repair_maps = repair_maps;
  std::vector<SourceText> texts;
  for (const auto& [path, text] : sources) texts.push_back({path, text});
  CompileResult result;
  {
    py::gil_scoped_release unlocked;
    result = compile_sources(texts, options);
  }
  return compiled_tuple(result);
}

/// (ruleset or None, error code, en, zh).
py::tuple loaded_tuple(const Expected<RulesetPtr, SnapshotError>& loaded) {
  if (loaded) return py::make_tuple(wrap(*loaded), "", "", "");
  return py::make_tuple(py::none(), loaded.error().code, loaded.error().message.en, loaded.error().message.zh);
}

py::tuple load_snapshot_py(const std::string& path) {
  std::optional<Expected<RulesetPtr, SnapshotError>> loaded;
  {
    py::gil_scoped_release unlocked;
    loaded.emplace(load_snapshot(path));
  }
  return loaded_tuple(*loaded);
}

py::tuple load_snapshot_bytes_py(const py::bytes& bytes) {
  const std::string data = bytes;
  std::optional<Expected<RulesetPtr, SnapshotError>> loaded;
  {
    py::gil_scoped_release unlocked;
    loaded.emplace(load_snapshot_bytes(data));
  }
  return loaded_tuple(*loaded);
}

py::dict fact_dict(const FactInfo& f) {
  py::dict d;
  d["name"] = f.name;
  d["label"] = f.label;
  d["type"] = f.type;
  d["unit"] = f.unit;
  d["values"] = f.values;
  d["value_labels"] = f.value_labels;
  d["value_parents"] = f.value_parents;
  d["per"] = f.per;
  return d;
}

py::dict rule_dict(const RuleInfo& r) {
  py::dict d;
  d["id"] = r.id;
  d["tier"] = std::string(name_of(r.tier));
  d["tier_code"] = r.tier_code;
  d["dimension"] = std::string(name_of(r.dimension));
  d["form"] = std::string(name_of(r.form));
  d["subject"] = r.subject;
  d["scope"] = r.scope;
  d["where"] = r.where;
  d["unless"] = r.unless;
  d["requirement"] = r.requirement;
  d["because"] = r.because;
  d["cites"] = r.cites;
  d["quotes"] = r.quotes;
  d["layers"] = r.layers;
  d["weight"] = r.weight;
  d["source"] = r.source;
  return d;
}

template <class Item, class ToDict>
py::list list_of(const std::vector<Item>& items, ToDict to_dict) {
  py::list out;
  for (const Item& item : items) out.append(to_dict(item));
  return out;
}

py::object date_or_none(const std::optional<std::chrono::year_month_day>& date) {
  if (!date) return py::none();
  char text[40];  // room for any int year
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date->year()),
                static_cast<unsigned>(date->month()), static_cast<unsigned>(date->day()));
  return py::str(text);
}

}  // namespace
}  // namespace zhunru::python

using namespace zhunru;
using namespace zhunru::python;

PYBIND11_MODULE(_zhunru, m) {
  m.doc() = "The compiled core of zhunru; use the zhunru package, not this module.";
  m.def("version", [] { return std::string(ZHUNRU_VERSION); });
  m.def("compile_directory", &compile_directory_py, py::arg("path"), py::arg("strict"), py::arg("repair_maps"));
  m.def("compile_sources", &compile_sources_py, py::arg("sources"), py::arg("strict"), py::arg("repair_maps"));
  m.def("load_snapshot", &load_snapshot_py, py::arg("path"));
  m.def("load_snapshot_bytes", &load_snapshot_bytes_py, py::arg("data"));
  m.def("looks_like_snapshot", [](const std::string& path) { return looks_like_snapshot(path); });

  py::class_<Ruleset, Holder>(m, "Ruleset")
      .def_property_readonly("title", &Ruleset::title)
      .def_property_readonly("version", &Ruleset::version)
      .def_property_readonly("hash", &Ruleset::hash)
      .def_property_readonly("rule_count", &Ruleset::rule_count)
      .def_property_readonly("unit_count", &Ruleset::map_unit_count)
      .def_property_readonly("effective_from", [](const Ruleset& rs) { return date_or_none(rs.effective_from()); })
      .def_property_readonly("effective_until", [](const Ruleset& rs) { return date_or_none(rs.effective_until()); })
      .def("evaluate",
           [](const Ruleset& rs, const std::string& project, int y, unsigned mo, unsigned d, bool verdict_only) {
             const JudgeOptions options{date_of(y, mo, d), verdict_only, 0};
             py::gil_scoped_release unlocked;
             const Judged judged = judge_one(rs, project, options);
             return std::make_tuple(judged.ok, judged.json, judged.summary);
           })
      .def("judge_many",
           [](const Ruleset& rs, const std::vector<std::string>& projects, int y, unsigned mo, unsigned d,
              bool verdict_only, unsigned threads) {
             const JudgeOptions options{date_of(y, mo, d), verdict_only, threads};
             std::vector<Judged> judged;
             {
               py::gil_scoped_release unlocked;
               judged = judge_many(rs, projects, options);
             }
             py::list out;
             for (Judged& j : judged) out.append(py::make_tuple(j.ok, std::move(j.json), std::move(j.summary)));
             return out;
           })
      .def("applies",
           [](const Ruleset& rs, const std::string& site, const std::string& industry, int y, unsigned mo, unsigned d) {
             AppliesQuery query{site, industry, date_of(y, mo, d)};
             py::gil_scoped_release unlocked;
             const auto answer = applies(rs, query);
             if (answer) return std::make_pair(true, to_json(*answer, JsonLayout::compact));
             Json errors = Json::array();
             for (const ProjectError& e : answer.error()) {
               errors.push_back({{"code", e.code}, {"fact", e.fact}, {"en", e.message.en}, {"zh", e.message.zh}});
             }
             return std::make_pair(false, Json{{"errors", errors}}.dump());
           })
      .def("schema", [](const Ruleset& rs) { return project_schema(rs); })
      .def("template", [](const Ruleset& rs) { return project_template(rs); })
      .def("audit",
           [](const Ruleset& rs, int y, unsigned mo, unsigned d, unsigned timeout_ms) {
             AuditOptions options;
             options.as_of = date_of(y, mo, d);
             options.timeout_ms = timeout_ms;
             py::gil_scoped_release unlocked;
             return to_json(audit(rs, options));
           })
      .def("facts", [](const Ruleset& rs) { return list_of(rs.facts(), fact_dict); })
      .def("kinds", [](const Ruleset& rs) {
        return list_of(rs.kinds(), [](const KindInfo& k) { return py::dict(py::arg("name") = k.name, py::arg("label") = k.label); });
      })
      .def("layers", [](const Ruleset& rs) {
        return list_of(rs.layers(), [](const LayerInfo& l) {
          return py::dict(py::arg("name") = l.name, py::arg("label") = l.label, py::arg("path") = l.path,
                          py::arg("features") = l.features, py::arg("of") = l.of, py::arg("where") = l.where,
                          py::arg("by_facts") = l.by_facts);
        });
      })
      .def("geometries", [](const Ruleset& rs) {
        return list_of(rs.geometries(), [](const GeometryInfo& g) {
          return py::dict(py::arg("name") = g.name, py::arg("label") = g.label);
        });
      })
      .def("units_of_measure", [](const Ruleset& rs) {
        return list_of(rs.units_of_measure(), [](const UnitOfMeasureInfo& u) {
          return py::dict(py::arg("name") = u.name, py::arg("label") = u.label, py::arg("definition") = u.definition,
                          py::arg("canonical") = u.canonical, py::arg("canonical_unit") = u.canonical_unit);
        });
      })
      .def("tables", [](const Ruleset& rs) {
        return list_of(rs.tables(), [](const TableInfo& t) {
          const auto date = [](const auto& d) { return d ? py::object(py::str(iso_date(*d))) : py::object(py::none()); };
          return py::dict(py::arg("name") = t.name, py::arg("label") = t.label, py::arg("path") = t.path,
                          py::arg("column") = t.column, py::arg("of") = t.of, py::arg("where") = t.where,
                          py::arg("values") = t.values, py::arg("effective_from") = date(t.effective_from),
                          py::arg("effective_until") = date(t.effective_until),
                          py::arg("number_column") = t.number_column, py::arg("number_unit") = t.number_unit);
        });
      })
      .def("tiers", [](const Ruleset& rs) {
        return list_of(rs.tiers(), [](const TierInfo& t) {
          return py::dict(py::arg("level") = std::string(name_of(t.level)), py::arg("code") = t.code,
                          py::arg("name") = t.name, py::arg("parent") = t.parent,
                          py::arg("parent_level") = t.parent_level ? std::string(name_of(*t.parent_level)) : "",
                          py::arg("rules") = t.rules);
        });
      })
      .def("rules", [](const Ruleset& rs) { return list_of(rs.rules(), rule_dict); })
      .def("rule", [](const Ruleset& rs, const std::string& id) -> py::object {
        const auto r = rs.rule(id);
        return r ? py::object(rule_dict(*r)) : py::none();
      })
      .def("snapshot", [](const Ruleset& rs) {
        std::string bytes;
        {
          py::gil_scoped_release unlocked;
          bytes = snapshot_bytes(rs);
        }
        return py::bytes(bytes);
      })
      .def("save_snapshot", [](const Ruleset& rs, const std::string& path) {
        const auto saved = save_snapshot(rs, path);
        if (saved) return py::make_tuple(true, "", "", "");
        return py::make_tuple(false, saved.error().code, saved.error().message.en, saved.error().message.zh);
      });
}
