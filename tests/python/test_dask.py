# zhunru.dask: screening on Dask, locally and on a distributed cluster of worker processes.
import json

import pytest

dask = pytest.importorskip("dask")
import dask.bag
import dask.dataframe
import pandas

import zhunru
import zhunru.dask
from conftest import AS_OF


def expected_dicts(ruleset, projects):
    return [{"errors": a.errors} if isinstance(a, zhunru.RecordError) else a.to_dict()
            for a in ruleset.screen(projects, as_of=AS_OF, verdict_only=True)]


def test_bag_answers_in_order_equal_to_one_machine(chongqing, projects):
    bag = dask.bag.from_sequence(projects[:300], npartitions=7)
    got = zhunru.dask.screen(chongqing, bag, as_of=AS_OF).compute(scheduler="threads")
    assert got == expected_dicts(chongqing, projects[:300])


def test_bag_of_json_lines(chongqing, projects):
    lines = [json.dumps(p, ensure_ascii=False) for p in projects[:50]] + ["{not json"]
    got = zhunru.dask.screen(chongqing, dask.bag.from_sequence(lines, npartitions=3), as_of=AS_OF).compute(
        scheduler="sync")
    assert len(got) == 51
    assert got[-1]["errors"][0]["code"] == "input.not-json"
    assert got[:50] == expected_dicts(chongqing, projects[:50])


def test_dataframe_with_lon_lat(chongqing):
    frame = pandas.DataFrame({"id": [f"D-{i}" for i in range(30)],
                              "industry": ["C2614", "C3011", "C2511"] * 10,
                              "lon": [106.3 + i * 0.02 for i in range(30)],
                              "lat": [29.4 + i * 0.01 for i in range(30)]})
    judged = zhunru.dask.screen(chongqing, dask.dataframe.from_pandas(frame, npartitions=4), as_of=AS_OF)
    out = judged.compute(scheduler="sync")
    assert list(out["id"]) == list(frame["id"])
    for (_, row), (_, answer) in zip(frame.iterrows(), out.iterrows()):
        project = {"industry": row["industry"], "site": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                   "project": {"id": row["id"]}}
        try:
            d = chongqing.evaluate(project, as_of=AS_OF, verdict_only=True)
            assert (answer["verdict"], answer["violated"], answer["units"]) == (d.verdict, d.violated, d.units)
        except zhunru.ProjectError as e:
            assert answer["error"] == e.message()


def test_distributed_cluster_of_processes(chongqing, projects):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        bag = dask.bag.from_sequence(projects, npartitions=8)
        got = client.compute(zhunru.dask.screen(chongqing, bag, as_of=AS_OF)).result(timeout=300)
    assert got == expected_dicts(chongqing, projects)


def test_only_dask_collections():
    with pytest.raises(TypeError):
        zhunru.dask.screen(None, [1, 2, 3])
    with pytest.raises(TypeError):
        zhunru.dask.screen(zhunru.compile_sources({"a.rules": "fact x : bool;\n"}), [1, 2, 3])


def test_frame_of_geodataframe_partitions(chongqing):
    geopandas = pytest.importorskip("geopandas")
    from test_geo import parcels
    import zhunru.geo

    frame = parcels(24).to_crs(epsg=4545)
    judged = zhunru.dask.screen(chongqing, dask.dataframe.from_pandas(frame, npartitions=3), as_of=AS_OF)
    got = judged.compute(scheduler="sync")
    expected = zhunru.geo.screen(chongqing, frame, as_of=AS_OF)
    assert list(got["verdict"]) == list(expected["verdict"])
    assert list(got["units"]) == list(expected["units"])
    assert list(got["error"]) == list(expected["error"])


def test_a_worker_keeps_few_rulesets(chongqing):
    from zhunru import dask as zd
    sources = [zhunru.compile_sources({"a.rules": f'ruleset "v{i}";\nfact x : bool;\n'}) for i in range(zd._KEEP + 2)]
    for rs in sources:
        data = rs.snapshot()
        zd._ruleset(rs.hash + "-test", data)
    assert len(zd._loaded) <= zd._KEEP
    assert sources[-1].hash + "-test" in zd._loaded and sources[0].hash + "-test" not in zd._loaded
