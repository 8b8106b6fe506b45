"""zhunru from Python, step by step (run it: the test suite does).

    PYTHONPATH=build/bindings/python python3 examples/python/walkthrough.py rules/chongqing

Each step prints what a notebook cell would show.
"""
import json
import pathlib
import sys

import zhunru

ruleset_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "rules/chongqing")
projects_dir = ruleset_dir.parent.parent / "examples" / "projects" / "chongqing"

# 1. Compile once (or load a snapshot: zhunru.compile("chongqing.zr")).
rs = zhunru.compile(ruleset_dir)
print("[1]", rs)

# 2. Judge one project file: a dict, JSON text or bytes.
project = json.loads((projects_dir / "cement-changshou.json").read_text(encoding="utf-8"))
d = rs.evaluate(project, as_of="2025-06-01")
print("[2]", d.verdict, d.violated, "missing:", d.missing)
for f in d.findings:
    if f["status"] == "violated":
        print("    ", f["rule"], f["because"]["zh"] if isinstance(f["because"], dict) else f["because"])

# 3. A project that cannot be judged raises ProjectError, with every problem in en and zh.
try:
    rs.evaluate({"industry": "C2614", "colour": "red", "units": ["ZH50011520001"]}, as_of="2025-06-01")
except zhunru.ProjectError as e:
    print("[3]", e.code, "|", e.message("zh"))

# 4. Screen many on every core: answers in input order; bad records are values, not exceptions.
batch = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(projects_dir.glob("*.json"))] + ["{broken"]
answers = rs.screen(batch, as_of="2025-06-01", verdict_only=True)
counts = {}
for a in answers:
    key = a.verdict if isinstance(a, zhunru.Decision) else "error: " + a.code
    counts[key] = counts.get(key, 0) + 1
print("[4]", len(answers), "answers:", dict(sorted(counts.items())))

# 5. What applies at a point (成果查询), for one industry.
here = rs.applies(lon=106.551, lat=29.563, industry="C2614", as_of="2025-06-01")
unit = here["units"][0]
print("[5]", unit["code"], unit["name"], len(unit["rules"]), "rules can apply")

# 6. A GeoDataFrame: geometry = site, columns = facts (any CRS; reprojected to lon/lat).
try:
    import geopandas
    from shapely.geometry import Point
    import zhunru.geo

    parcels = geopandas.GeoDataFrame(
        {"id": ["A", "B", "C"], "industry": ["C2614", "C3011", "C2511"],
         "geometry": [Point(106.55, 29.56), Point(106.8, 29.6), Point(107.1, 29.8)]}, crs="EPSG:4326")
    judged = zhunru.geo.screen(rs, parcels.to_crs(epsg=4545), as_of="2025-06-01")
    print("[6]", judged[["id", "verdict", "units"]].to_dict("records"))
except ImportError:
    print("[6] (GeoPandas not installed)")

# 7. Dask: the same screening, partition by partition on workers (here: local threads).
try:
    import dask.bag
    import zhunru.dask

    bag = dask.bag.from_sequence(batch, npartitions=3)
    verdicts = zhunru.dask.screen(rs, bag, as_of="2025-06-01").pluck("verdict", None).frequencies().compute(scheduler="threads")
    print("[7]", sorted(verdicts, key=lambda kv: str(kv[0])))
except ImportError:
    print("[7] (Dask not installed)")
