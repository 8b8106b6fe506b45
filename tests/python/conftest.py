# Fixtures of the Python tests, run by ctest (tests/CMakeLists.txt) with
# PYTHONPATH=build/bindings/python, ZHUNRU_ROOT (the source tree),
# ZHUNRU_CLI (build/zhunru) and ZHUNRU_VERSION.
import json
import os
import pathlib
import random

import pytest

import zhunru

ROOT = pathlib.Path(os.environ.get("ZHUNRU_ROOT", pathlib.Path(__file__).resolve().parents[2]))
AS_OF = "2025-06-01"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def chongqing():
    return zhunru.compile(ROOT / "rules" / "chongqing")


@pytest.fixture(scope="session")
def example_projects():
    return sorted((ROOT / "examples" / "projects" / "chongqing").glob("*.json"))


def generated_projects(ruleset, n, seed=7):
    """Projects drawn from the ruleset's own facts: unit codes or point sites, some facts left out,
    and one in twenty malformed (an unknown fact, a wrong type, a unit outside the map)."""
    rng = random.Random(seed)
    facts = ruleset.facts()
    units = [f["properties"]["HJZHGKDYBM"] for f in
             json.loads((ROOT / "rules" / "chongqing" / "maps" / "units.geojson").read_text(encoding="utf-8"))["features"]]
    industries = ["C2614", "C3011", "C2511", "C3130", "D4411", "C1713", "C3360", "E4813"]
    out = []
    for i in range(n):
        p = {"project": {"id": f"P-{i}"}}
        if rng.random() < 0.3:
            p["site"] = {"type": "Point", "coordinates": [106.2 + rng.random() * 0.8, 29.3 + rng.random() * 0.6]}
        else:
            p["units"] = [rng.choice(units)]
        for f in facts:
            if rng.random() < 0.4:
                continue
            if f["type"] == "bool":
                p[f["name"]] = rng.random() < 0.5
            elif f["type"] == "one of":
                p[f["name"]] = rng.choice(f["values"])
            elif f["type"] == "industry":
                p[f["name"]] = rng.choice(industries)
        if i % 20 == 7:
            p["colour"] = "red"
        elif i % 20 == 13:
            p["industry"] = 42
        elif i % 20 == 17:
            p["units"] = ["ZH99999999999"]
            p.pop("site", None)
        out.append(p)
    return out


@pytest.fixture(scope="session")
def projects(chongqing):
    return generated_projects(chongqing, 600)
