"""Screening a GeoDataFrame: each row a project, its geometry the site, its columns the facts.

    import geopandas, zhunru, zhunru.geo
    parcels = geopandas.read_file("parcels.gpkg")            # any CRS: reprojected to lon/lat
    judged = zhunru.geo.screen(rs, parcels, as_of="2025-06-01")
    judged[judged.verdict == "reject"].plot()
"""

from __future__ import annotations

import math
from typing import Any, Iterator, Optional, Sequence

from . import DateLike, RecordError, Ruleset

__all__ = ["screen", "ANSWER_COLUMNS"]

#: Columns screen() adds: the verdict, best and worst cases, violated rules,
#: missing facts, units, and the error of a row that could not be judged.
ANSWER_COLUMNS = ("verdict", "best", "worst", "violated", "missing", "needed", "units", "error")

# Columns that describe the project rather than state a fact (as in a CSV batch).
_RESERVED = ("units", "id", "name")


def fact_columns(ruleset: Ruleset, columns: Sequence[str]) -> list:
    """The columns that are facts; a column that is neither a fact (by name or Chinese label) nor
    units/id/name is refused before any row is judged, as `zhunru screen` refuses such a CSV column."""
    known = set()
    for fact in ruleset.facts():
        known.add(fact["name"])
        if fact["label"]:
            known.add(fact["label"])
    unknown = [c for c in columns if c not in known and c not in _RESERVED]
    if unknown:
        raise ValueError(f"columns that are neither facts of this ruleset nor units/id/name: {unknown}; "
                         f"drop them or pass columns=[...] (这些列既不是清单的事实，也不是 units/id/name)")
    return [c for c in columns if c not in _RESERVED]


def is_missing(value: Any) -> bool:
    """An empty cell: None or NaN (an unknown fact)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def project_of(row: dict, facts: Sequence[str], site: Any) -> dict:
    """One row as a project file: facts that are set, the site (a geometry or a GeoJSON dict; None for
    none), units, and id/name as metadata."""
    project = {name: row[name] for name in facts if not is_missing(row[name])}
    if site is not None and not getattr(site, "is_empty", False):
        project["site"] = getattr(site, "__geo_interface__", site)
    units = row.get("units")
    if not is_missing(units):
        project["units"] = [u for u in (units.split(";") if isinstance(units, str) else list(units)) if u]
    meta = {k: row[k] for k in ("id", "name") if k in row and not is_missing(row[k])}
    if meta:
        project["project"] = {k: v.item() if hasattr(v, "item") else v for k, v in meta.items()}
    return project


def answers_of(answers: Iterator) -> dict:
    """Answer columns from screened answers, row by row."""
    out = {c: [] for c in ANSWER_COLUMNS}
    for a in answers:
        err = isinstance(a, RecordError)
        out["verdict"].append(None if err else a.verdict)
        out["best"].append(None if err else a.best)
        out["worst"].append(None if err else a.worst)
        out["violated"].append(None if err else a.violated)
        out["missing"].append(None if err else a.missing)
        out["needed"].append(None if err else a.needed)
        out["units"].append(None if err else a.units)
        out["error"].append(a.message() if err else None)
    return out


def screen(ruleset: Ruleset, frame: Any, as_of: DateLike = None, columns: Optional[Sequence[str]] = None,
           threads: int = 0, verdict_only: bool = True) -> Any:
    """A copy of `frame` (a GeoDataFrame) with the ANSWER_COLUMNS added, row for row. The geometry is
    the site, reprojected to lon/lat when the frame's CRS is another; a frame without a CRS is taken
    as lon/lat. `columns`: the fact columns (default: every column but the geometry)."""
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        located = frame.to_crs(epsg=4326)
    else:
        located = frame
    geometry_name = frame.geometry.name
    chosen = [c for c in frame.columns if c != geometry_name] if columns is None else list(columns)
    facts = fact_columns(ruleset, chosen)
    records = located[chosen].to_dict("records")
    sites = located.geometry
    projects = (project_of(row, facts, site) for row, site in zip(records, sites))
    answers = answers_of(ruleset.iscreen(projects, threads=threads, as_of=as_of, verdict_only=verdict_only))
    out = frame.copy()
    for name, values in answers.items():
        out[name] = values
    return out
