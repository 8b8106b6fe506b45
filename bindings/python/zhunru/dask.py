"""Screening at scale on Dask: each worker loads the ruleset once (from its snapshot) and screens its
partitions; answers stay in input order and equal what Ruleset.screen gives on one machine.

    import dask.bag, zhunru, zhunru.dask
    projects = dask.bag.read_text("projects-*.ndjson").map(json.loads)
    answers = zhunru.dask.screen(rs, projects, as_of="2025-06-01")      # a bag of decision dicts
    answers.filter(lambda a: a.get("verdict") == "reject").count().compute()

A dask DataFrame is screened row by row: columns are facts, with `site` (a GeoJSON dict or text),
`lon`/`lat`, `units`, `id` and `name` as in a CSV batch; the answer columns are added. A frame of
GeoDataFrame partitions (dask-geopandas, or dask.dataframe.from_pandas of a GeoDataFrame) is screened
as zhunru.geo screens one: the geometry is the site, reprojected to lon/lat.
"""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any, Iterable, Optional

from . import DateLike, RecordError, Ruleset, _date, _from_snapshot_bytes
from .geo import ANSWER_COLUMNS, answers_of, fact_columns, is_missing, project_of
from .geo import screen as geo_screen

__all__ = ["screen"]

# One ruleset per snapshot per worker process, loaded on first use. The key
# is the snapshot's SHA-256, so two rulesets never share an entry; at most
# _KEEP are kept (the least recently used goes), so a long-lived worker that
# screens many versions does not grow without bound.
_KEEP = 4
_loaded: dict = {}
_loading = threading.Lock()


def _ruleset(key: str, snapshot: bytes) -> Ruleset:
    with _loading:
        rs = _loaded.pop(key, None)
        if rs is None:
            rs = _from_snapshot_bytes(snapshot)
        _loaded[key] = rs  # now the most recent
        while len(_loaded) > _KEEP:
            _loaded.pop(next(iter(_loaded)))
        return rs


def _answer_dict(answer: Any) -> dict:
    return {"errors": answer.errors} if isinstance(answer, RecordError) else answer.to_dict()


def _screen_records(records: Iterable, key: str, snapshot: bytes, as_of: str, verdict_only: bool) -> list:
    rs = _ruleset(key, snapshot)
    return [_answer_dict(a) for a in rs.iscreen(records, as_of=as_of, verdict_only=verdict_only)]


def _row_project(row: dict, facts: list) -> dict:
    """A row of a plain frame as a project: its site from `site` (GeoJSON) or `lon`/`lat`."""
    site = row.get("site")
    if not is_missing(site):
        site = json.loads(site) if isinstance(site, str) else site
    elif not is_missing(row.get("lon")) and not is_missing(row.get("lat")):
        site = {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]}
    else:
        site = None
    return project_of(row, [f for f in facts if f not in ("site", "lon", "lat")], site)


def _screen_frame(part: Any, key: str, snapshot: bytes, as_of: str, verdict_only: bool) -> Any:
    rs = _ruleset(key, snapshot)
    if hasattr(part, "geometry") and hasattr(part, "crs"):  # a GeoDataFrame partition: geometry = site
        return geo_screen(rs, part, as_of=as_of, verdict_only=verdict_only)
    facts = fact_columns(rs, [c for c in part.columns if c not in ("site", "lon", "lat")])
    facts += [c for c in ("site", "lon", "lat") if c in part.columns]
    projects = (_row_project(row, facts) for row in part.to_dict("records"))
    answers = answers_of(rs.iscreen(projects, as_of=as_of, verdict_only=verdict_only))
    out = part.copy()
    for name, values in answers.items():
        out[name] = values
    return out


def screen(ruleset: Ruleset, collection: Any, as_of: DateLike = None, verdict_only: bool = True) -> Any:
    """Screens a dask.bag of projects (dicts or JSON texts) into a bag of answers (decision dicts, or
    {"errors": [...]} for a record that cannot be judged), or a dask DataFrame into the same frame with
    the answer columns. Lazy: nothing runs until .compute(). `as_of` defaults to today, fixed now, so
    every worker judges as of the same day."""
    import dask.bag as db
    import dask.dataframe as dd

    if not isinstance(ruleset, Ruleset):
        raise TypeError(f"zhunru.dask.screen takes a zhunru.Ruleset, not {type(ruleset).__name__}")
    if not isinstance(collection, (db.Bag, dd.DataFrame)):
        raise TypeError(f"zhunru.dask.screen takes a dask.bag.Bag or a dask DataFrame, not {type(collection).__name__}")
    import dask

    day = _date(as_of).isoformat()
    data = ruleset.snapshot()
    key = hashlib.sha256(data).hexdigest()
    # One node of the graph holds the snapshot, so it travels to each worker
    # once, not with every task.
    snapshot = dask.delayed(data, name="zhunru-snapshot-" + key, pure=True)
    if isinstance(collection, db.Bag):
        return collection.map_partitions(_screen_records, key, snapshot, day, verdict_only)
    meta = collection._meta.copy()
    for name in ANSWER_COLUMNS:
        meta[name] = pandas_objects(meta)
    return collection.map_partitions(_screen_frame, key, snapshot, day, verdict_only, meta=meta)


def pandas_objects(frame: Any) -> Any:
    """An empty column of Python objects for `frame` (the answer columns' type in meta)."""
    return frame.index.to_series().astype(object).iloc[:0]
