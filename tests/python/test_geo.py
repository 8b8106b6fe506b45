# zhunru.geo: a GeoDataFrame screened row by row, in any CRS.
import math
import random

import pytest

geopandas = pytest.importorskip("geopandas")
shapely_geometry = pytest.importorskip("shapely.geometry")

import zhunru
import zhunru.geo
from conftest import AS_OF


def parcels(n=40, seed=3):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        lon, lat = 106.3 + rng.random() * 0.6, 29.35 + rng.random() * 0.4
        geometry = shapely_geometry.Point(lon, lat) if i % 3 else shapely_geometry.box(lon, lat, lon + 0.004, lat + 0.003)
        rows.append({"id": f"G-{i}", "industry": rng.choice(["C2614", "C3011", "C2511", None]),
                     "nature": rng.choice(["new", "expansion", math.nan]), "geometry": geometry})
    return geopandas.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_each_row_judged_as_evaluate_judges_it(chongqing):
    frame = parcels()
    judged = zhunru.geo.screen(chongqing, frame, as_of=AS_OF)
    assert list(judged.index) == list(frame.index)
    assert set(zhunru.geo.ANSWER_COLUMNS) <= set(judged.columns)
    assert judged.geometry.equals(frame.geometry)
    for (_, row), (_, answer) in zip(frame.iterrows(), judged.iterrows()):
        project = {"site": row.geometry.__geo_interface__, "project": {"id": row["id"]}}
        if row["industry"] is not None:
            project["industry"] = row["industry"]
        if isinstance(row["nature"], str):
            project["nature"] = row["nature"]
        try:
            d = chongqing.evaluate(project, as_of=AS_OF, verdict_only=True)
        except zhunru.ProjectError as e:
            assert answer["verdict"] is None and answer["error"] == e.message()
            continue
        assert (answer["verdict"], answer["best"], answer["worst"]) == (d.verdict, d.best, d.worst)
        assert answer["violated"] == d.violated and answer["missing"] == d.missing and answer["units"] == d.units
    assert judged["verdict"].notna().sum() >= len(frame) // 2


def test_another_crs_is_reprojected_to_lon_lat(chongqing):
    frame = parcels(20)
    projected = frame.to_crs(epsg=4545)  # CGCS2000 / 3-degree Gauss-Kruger CM 108E, in metres
    a = zhunru.geo.screen(chongqing, frame, as_of=AS_OF)
    b = zhunru.geo.screen(chongqing, projected, as_of=AS_OF)
    assert list(a["verdict"]) == list(b["verdict"])
    assert list(a["units"]) == list(b["units"])
    assert b.crs.to_epsg() == 4545  # the answer keeps the caller's frame and CRS


def test_a_column_that_is_no_fact_is_refused_before_any_row(chongqing):
    frame = parcels(5)
    frame["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        zhunru.geo.screen(chongqing, frame, as_of=AS_OF)
    judged = zhunru.geo.screen(chongqing, frame, as_of=AS_OF, columns=["industry", "nature"])
    assert len(judged) == 5


def test_chinese_labels_as_columns(chongqing):
    label = next(f["label"] for f in chongqing.facts() if f["name"] == "industry")
    frame = parcels(6).rename(columns={"industry": label})
    a = zhunru.geo.screen(chongqing, frame, as_of=AS_OF)
    b = zhunru.geo.screen(chongqing, parcels(6), as_of=AS_OF)
    assert list(a["verdict"]) == list(b["verdict"])
