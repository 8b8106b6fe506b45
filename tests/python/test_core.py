# The zhunru package: compile, evaluate, screen, applies, schema, audit, snapshots, errors.
import concurrent.futures
import datetime
import json
import os
import pickle
import subprocess

import pytest

import zhunru
from conftest import AS_OF, ROOT


def test_version():
    assert zhunru.__version__ == os.environ.get("ZHUNRU_VERSION", zhunru.__version__)
    assert zhunru.__version__.count(".") == 2


def test_ruleset_properties(chongqing):
    assert chongqing.title == "重庆市生态环境准入清单"
    assert chongqing.rule_count == 26
    assert chongqing.unit_count == 114
    assert chongqing.hash.startswith("sha256:")
    assert "rules=26" in repr(chongqing)


@pytest.mark.skipif("ZHUNRU_CLI" not in os.environ, reason="needs the zhunru command")
def test_evaluate_equals_the_command(chongqing, example_projects):
    assert len(example_projects) == 13
    for path in example_projects:
        cli = subprocess.run([os.environ["ZHUNRU_CLI"], "eval", str(ROOT / "rules" / "chongqing"), "--project",
                              str(path), "--as-of", AS_OF, "--format", "json"], capture_output=True, check=False)
        d = chongqing.evaluate(json.loads(path.read_text(encoding="utf-8")), as_of=AS_OF)
        assert d.to_dict() == json.loads(cli.stdout), path.name
        assert d.verdict == json.loads(cli.stdout)["verdict"]


def test_project_as_dict_text_or_bytes(chongqing, example_projects):
    text = example_projects[0].read_text(encoding="utf-8")
    a = chongqing.evaluate(json.loads(text), as_of=AS_OF)
    b = chongqing.evaluate(text, as_of=datetime.date(2025, 6, 1))
    c = chongqing.evaluate(text.encode("utf-8"), as_of=AS_OF)
    assert a.to_dict() == b.to_dict() == c.to_dict()
    assert json.loads(a.to_json()) == a.to_dict() == json.loads(a.to_json(compact=True))


def test_verdict_only(chongqing, example_projects):
    project = json.loads(example_projects[1].read_text(encoding="utf-8"))
    full = chongqing.evaluate(project, as_of=AS_OF)
    lean = chongqing.evaluate(project, as_of=AS_OF, verdict_only=True)
    assert (lean.verdict, lean.best, lean.worst, lean.missing, lean.violated, lean.units) == \
           (full.verdict, full.best, full.worst, full.missing, full.violated, full.units)
    assert lean.findings == []


def test_project_errors_are_exceptions_in_both_languages(chongqing):
    with pytest.raises(zhunru.ProjectError) as bad_json:
        chongqing.evaluate('{"industry": ', as_of=AS_OF)
    assert bad_json.value.code == "input.not-json"
    with pytest.raises(zhunru.ProjectError) as unknown:
        chongqing.evaluate({"colour": "red", "units": ["ZH50011520001"]}, as_of=AS_OF)
    assert unknown.value.code == "project.unknown-fact"
    assert "colour" in unknown.value.message("en") and "colour" in unknown.value.message("zh")
    assert unknown.value.message("en") != unknown.value.message("zh")
    assert unknown.value.errors[0]["fact"] == "colour"
    assert isinstance(unknown.value, zhunru.Error)
    with pytest.raises(zhunru.ProjectError) as not_utf8:
        chongqing.evaluate(b'{"industry": "\xff"}', as_of=AS_OF)
    assert not_utf8.value.code == "input.encoding"


def test_bad_arguments(chongqing):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        chongqing.evaluate({}, as_of="2025-02-30")
    with pytest.raises(ValueError):
        chongqing.evaluate({}, as_of="20250601")
    with pytest.raises(TypeError):
        chongqing.evaluate([1, 2], as_of=AS_OF)
    with pytest.raises(TypeError):
        chongqing.evaluate({}, as_of=20250601)


def test_screen_keeps_order_and_count_and_equals_evaluate(chongqing, projects):
    answers = chongqing.screen(projects, threads=2, as_of=AS_OF, chunk=97)  # chunks of 97 cross every boundary
    assert len(answers) == len(projects)
    errors = 0
    for project, answer in zip(projects, answers):
        try:
            expected = chongqing.evaluate(project, as_of=AS_OF)
        except zhunru.ProjectError as e:
            errors += 1
            assert isinstance(answer, zhunru.RecordError)
            assert answer.code == e.code and answer.errors == e.errors
            continue
        assert isinstance(answer, zhunru.Decision)
        assert answer.to_dict() == expected.to_dict()
    assert errors >= len(projects) // 20 * 3  # the planted bad records, and no more than planted ones failing alone
    verdicts = {a.verdict for a in answers if isinstance(a, zhunru.Decision)}
    assert {"admit", "reject", "incomplete"} <= verdicts


def test_screen_takes_any_iterable_and_isolates_what_is_not_json(chongqing):
    def generate():
        yield {"industry": "C2614", "units": ["ZH50011520001"]}
        yield {"industry": {1, 2}}  # a set is not JSON: this record's error only
        yield '{"industry": "C3011", "units": ["ZH50011520001"]}'
    answers = chongqing.screen(generate(), as_of=AS_OF, verdict_only=True)
    assert [type(a).__name__ for a in answers] == ["Decision", "RecordError", "Decision"]
    assert answers[1].code == "input.not-json"
    assert chongqing.screen([], as_of=AS_OF) == []


def test_one_ruleset_from_many_python_threads(chongqing, projects):
    expected = [getattr(a, "verdict", None) for a in chongqing.screen(projects[:200], as_of=AS_OF, threads=1)]
    def run(_):
        return [getattr(a, "verdict", None) for a in chongqing.screen(projects[:200], as_of=AS_OF, threads=1)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for got in pool.map(run, range(8)):
            assert got == expected


def test_applies(chongqing):
    by_point = chongqing.applies(lon=106.551, lat=29.563, industry="C2614", as_of=AS_OF)
    by_site = chongqing.applies(site={"type": "Point", "coordinates": [106.551, 29.563]}, industry="C2614",
                                as_of=AS_OF)
    assert by_point == by_site
    assert by_point["industry"] == "C2614"
    assert by_point["units"][0]["code"].startswith("ZH5001")
    with pytest.raises(zhunru.ProjectError):
        chongqing.applies(lon=0.0, lat=0.0)
    with pytest.raises(ValueError):
        chongqing.applies(lon=106.5)


def test_schema_template_and_introspection(chongqing):
    schema = chongqing.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "industry" in schema["properties"]
    assert isinstance(chongqing.template(), dict)
    names = {f["name"] for f in chongqing.facts()}
    assert {"industry", "nature"} <= names
    assert len(chongqing.rules()) == 26
    first = chongqing.rules()[0]
    assert chongqing.rule(first["id"]) == first
    assert chongqing.rule("no-such-rule") is None
    # the national texts in the nation's block; no unit-level rules in this list
    assert {t["level"] for t in chongqing.tiers()} == {"nation", "city", "district"}
    city = next(t for t in chongqing.tiers() if t["level"] == "city")
    assert (city["parent"], city["parent_level"]) == ("", "nation")
    assert all("name" in k for k in chongqing.kinds())
    assert all(l["features"] > 0 for l in chongqing.layers())


def test_snapshots_and_pickling(chongqing, tmp_path, example_projects):
    path = tmp_path / "cq.zr"
    chongqing.save_snapshot(path)
    loaded = zhunru.compile(path)  # a snapshot file is recognised
    assert loaded.hash == chongqing.hash
    copy = pickle.loads(pickle.dumps(chongqing))
    assert copy.hash == chongqing.hash
    project = json.loads(example_projects[2].read_text(encoding="utf-8"))
    assert copy.evaluate(project, as_of=AS_OF).to_dict() == chongqing.evaluate(project, as_of=AS_OF).to_dict()
    damaged = tmp_path / "damaged.zr"
    damaged.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(zhunru.SnapshotError) as e:
        zhunru.load_snapshot(damaged)
    assert e.value.code == "snapshot.damaged"


def test_compile_errors_carry_every_diagnostic():
    with pytest.raises(zhunru.CompileError) as e:
        zhunru.compile_sources({"a.rules": "fact x : bool\nfact y : colour;\n"})
    assert e.value.code.startswith("syntax.")
    assert e.value.diagnostics[0]["location"]["file"] == "a.rules"
    assert e.value.diagnostics[0]["location"]["line"] == 1
    assert "a.rules:1:" in str(e.value)
    assert "错误" in e.value.message("zh")
    with pytest.raises(zhunru.CompileError) as missing:
        zhunru.compile(ROOT / "no-such-directory")
    assert missing.value.code == "io.read"


def test_audit(chongqing):
    report = zhunru.audit(chongqing, as_of=AS_OF)
    assert "findings" in report
    with pytest.raises(ValueError):
        zhunru.audit(chongqing, timeout_ms=0)


@pytest.mark.skipif("ZHUNRU_CLI" not in os.environ, reason="needs the zhunru command")
def test_python_judges_as_the_command_does_over_generated_projects(chongqing, projects, tmp_path):
    """Property: for every generated project (sites, unit codes, facts left out, planted errors), the
    package's answer is `zhunru screen`'s for that record: the same decision, or the same error."""
    batch = tmp_path / "batch.ndjson"
    batch.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in projects), encoding="utf-8")
    cli = subprocess.run([os.environ["ZHUNRU_CLI"], "screen", str(ROOT / "rules" / "chongqing"), "--input",
                          str(batch), "--as-of", AS_OF], capture_output=True, check=False)
    lines = cli.stdout.decode("utf-8").splitlines()
    answers = chongqing.screen(projects, as_of=AS_OF, threads=2)
    assert len(lines) == len(answers) == len(projects)
    for line, answer in zip(lines, answers):
        record = json.loads(line)
        if "error" in record:
            assert isinstance(answer, zhunru.RecordError)
            assert record["error"]["code"] == answer.code
            assert record["error"]["message"]["en"].endswith(answer.errors[0]["en"])
        else:
            for key in ("record", "id", "line"):
                record.pop(key)
            assert answer.to_dict() == record


def test_hostile_records_do_not_break_a_batch(chongqing):
    deep = {}
    node = deep
    for _ in range(100_000):
        node["a"] = {}
        node = node["a"]
    deep_text = "[" * 100_000 + "]" * 100_000
    answers = chongqing.screen([deep, {"industry": float("nan")}, deep_text, b"\xff\xfe", "{}" + " " * 10],
                               as_of=AS_OF)
    assert len(answers) == 5
    assert [type(a).__name__ for a in answers[:4]] == ["RecordError"] * 4
    assert answers[0].code == "input.not-json" and "nested too deeply" in answers[0].message()
    assert answers[2].code in ("input.too-deep", "project.not-object")
    assert answers[3].code == "input.encoding"
    with pytest.raises(ValueError, match="nested too deeply"):
        chongqing.evaluate(deep, as_of=AS_OF)


def test_applies_takes_sites_as_projects_take_them(chongqing):
    by_point = chongqing.applies(lon=106.551, lat=29.563, as_of=AS_OF)
    text = '{"type": "Point", "coordinates": [106.551, 29.563]}'
    assert chongqing.applies(site=text, as_of=AS_OF) == by_point
    assert chongqing.applies(site=text.encode(), as_of=AS_OF) == by_point
    shapely_geometry = pytest.importorskip("shapely.geometry")
    assert chongqing.applies(site=shapely_geometry.Point(106.551, 29.563), as_of=AS_OF) == by_point
    deep = {}
    node = deep
    for _ in range(100_000):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(ValueError, match="nested too deeply"):
        chongqing.applies(site=deep)


def test_layers_built_from_layers_say_what_from(tmp_path):
    # examples/overlap with a farmland layer cut to the plots of one plot's
    # name, and an intersection of the two: `of` and `where` as declared.
    import shutil
    shutil.copytree(ROOT / "examples" / "overlap", tmp_path / "overlap")
    schema = tmp_path / "overlap" / "schema.rules"
    schema.write_text(schema.read_text(encoding="utf-8")
                      + 'layer plot-a = farmland where name = "地块甲（示例）";\n'
                      + "layer plot-a-farmland = plot-a and farmland;\n", encoding="utf-8")
    rs = zhunru.compile(tmp_path / "overlap")
    layers = {l["name"]: l for l in rs.layers()}
    assert layers["farmland"]["of"] == [] and layers["farmland"]["where"] == ""
    assert layers["plot-a"]["of"] == ["farmland"]
    assert layers["plot-a"]["where"] == 'name = "地块甲（示例）"'
    assert layers["plot-a"]["features"] == 1
    assert layers["plot-a-farmland"]["of"] == ["plot-a", "farmland"]
    assert layers["plot-a-farmland"]["features"] == 1


def test_layer_picked_per_project_names_its_facts():
    # examples/wetland-park: the zones whose plan does not admit the project's
    # use are picked anew for each project, by the fact `use`.
    rs = zhunru.compile(ROOT / "examples" / "wetland-park")
    layers = {l["name"]: l for l in rs.layers()}
    assert layers["wetland-unfitting"]["by_facts"] == ["use"]
    assert layers["wetland-unfitting"]["where"] == "not (uses = use)"
    assert layers["wetland-parks"]["by_facts"] == []
    inside = rs.evaluate({"use": "recreation", "site": {"type": "Point", "coordinates": [106.62, 29.72]}})
    assert inside.verdict == "reject"
    fitting = rs.evaluate({"use": "生态旅游", "site": {"type": "Point", "coordinates": [106.64, 29.72]}})
    assert fitting.verdict == "admit"


def test_geometries_beside_the_site():
    # examples/outfall: the plant outside the reserve, its outfall in it.
    rs = zhunru.compile(ROOT / "examples" / "outfall")
    assert rs.geometries() == [{"name": "outfall", "label": "排污口位置"}]
    plant = {"type": "Polygon", "coordinates": [[[106.62, 29.705], [106.63, 29.705], [106.63, 29.712],
                                                 [106.62, 29.712], [106.62, 29.705]]]}
    project = {"new-outfall": True, "site": plant}
    assert rs.evaluate(dict(project, outfall={"type": "Point", "coordinates": [106.625, 29.73]})).verdict == "reject"
    assert rs.evaluate(dict(project, outfall={"type": "Point", "coordinates": [106.625, 29.72]})).verdict == "admit"
    missing = rs.evaluate(project)
    assert missing.verdict == "incomplete" and "outfall" in missing.to_dict()["missing"]


def test_units_of_measure():
    # A unit the ruleset declares: rules, facts and project values may be written in it.
    rs = zhunru.compile_sources({
        "u.rules": 'ruleset "u";\nunit 重量箱 "weight box" = 50 kg;\nfact e : quantity kgce/重量箱;\n'
                   'city 500000 { resource-efficiency { R: limit e to 12 kgce/重量箱 for projects; } }\n'})
    [unit] = rs.units_of_measure()
    assert unit == {"name": "重量箱", "label": "weight box", "definition": "50 kg",
                    "canonical": pytest.approx(0.05), "canonical_unit": "t"}
    assert rs.evaluate({"units": ["ZH50011220001"], "e": "230 kgce/t"}, as_of=AS_OF).verdict == "admit"
    assert rs.evaluate({"units": ["ZH50011220001"], "e": "12.5 kgce/重量箱"}, as_of=AS_OF).verdict != "admit"


def test_reference_tables():
    # examples/registries: the PFOS rows of the 2023 list of key new pollutants, looked up by CAS number.
    rs = zhunru.compile(ROOT / "examples" / "registries")
    [table] = rs.tables()
    assert table["name"] == "pfos-class"
    assert table["column"] == "CAS号"
    assert table["values"] == 8
    assert table["effective_from"] == "2023-03-01" and table["effective_until"] is None
    units = ["ZH50011220001"]
    assert rs.evaluate({"units": units, "product-cas": "1763-23-1"}, as_of="2025-06-01").verdict == "reject"
    assert rs.evaluate({"units": units, "product-cas": "151-21-3"}, as_of="2025-06-01").verdict == "admit"
