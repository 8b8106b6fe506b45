"""zhunru (准入): executable ecological-environment access lists (生态环境准入清单).

    import zhunru
    rs = zhunru.compile("rules/chongqing")          # a directory, or a snapshot FILE.zr
    d = rs.evaluate({"industry": "C2614", "units": ["ZH50011520001"]}, as_of="2025-06-01")
    d.verdict, d.violated, d.missing                 # "reject", ["CQ-SL-01"], [...]
    for answer in rs.screen(projects, threads=2):    # in input order; errors are values
        ...

A compiled Ruleset is immutable: any number of threads may use it at once, and
evaluate/screen/applies/audit release the GIL while they work. Every answer is
the JSON of the matching `zhunru` command (docs/decision-json.md), as dicts.
Errors carry their messages in English and Chinese (docs/python.md).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from . import _zhunru

__all__ = [
    "__version__", "Error", "CompileError", "SnapshotError", "ProjectError", "Ruleset", "Decision", "RecordError",
    "compile", "compile_sources", "load_snapshot", "audit",
]

__version__: str = _zhunru.version()

Project = Union[Mapping[str, Any], str, bytes]
DateLike = Union[_dt.date, str, None]


class Error(Exception):
    """A zhunru error: `code` is stable (docs/errors.md); `message_en` and `message_zh` say why."""

    def __init__(self, code: str, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_en = message_en
        self.message_zh = message_zh

    def message(self, lang: str = "en") -> str:
        """The message in "en" or "zh"."""
        return self.message_zh if lang == "zh" else self.message_en


class CompileError(Error):
    """The ruleset has errors. `diagnostics`: every one, as dicts (severity, code, location, en, zh, …)."""

    def __init__(self, diagnostics: list, message_en: str, message_zh: str) -> None:
        errors = [d for d in diagnostics if d["severity"] == "error"]
        super().__init__(errors[0]["code"] if errors else "internal", message_en, message_zh)
        self.diagnostics = diagnostics


class SnapshotError(Error):
    """A snapshot that is not one, is another version's, or is damaged."""


class ProjectError(Error):
    """A project that cannot be judged. `errors`: every problem (code, fact, en, zh)."""

    def __init__(self, errors: list) -> None:
        first = errors[0] if errors else {"code": "internal", "en": "", "zh": ""}
        super().__init__(first["code"], "\n".join(_where(e) + e["en"] for e in errors),
                         "\n".join(_where(e) + e["zh"] for e in errors))
        self.errors = errors


def _where(error: Mapping[str, str]) -> str:
    return error["fact"] + ": " if error.get("fact") else ""


class Decision:
    """A judged project: the decision JSON of `zhunru eval --format json`, with its main members as attributes.
    The verdict's members are read at once; the findings (the bulk of a full decision) only when asked."""

    __slots__ = ("_summary", "_text", "_data")

    def __init__(self, text: str, summary: str = "") -> None:
        self._text = text
        self._summary = _json.loads(summary or text)
        self._data = None

    verdict = property(lambda self: self._summary["verdict"],
                       doc='"admit", "conditional", "reject" or "incomplete".')
    best = property(lambda self: self._summary["best"], doc="The verdict if every missing fact turned out best.")
    worst = property(lambda self: self._summary["worst"], doc="The verdict if every missing fact turned out worst.")
    missing = property(lambda self: list(self._summary["missing"]),
                       doc="Facts that left some ban or requirement undecided.")
    needed = property(lambda self: list(self._summary.get("needed", [])),
                      doc="Of `missing`, the facts that can change the verdict (none when it is settled).")
    violated = property(lambda self: list(self._summary["violated"]), doc="Ids of the rules the project violates.")

    @property
    def units(self) -> list:
        """Codes of the units the project lies in."""
        return [u["code"] if isinstance(u, dict) else u for u in self._summary["units"]]

    @property
    def findings(self) -> list:
        """Rule by rule: status, cites, because, trace (empty for verdict-only answers)."""
        return list(self._full().get("findings", []))

    def _full(self) -> dict:
        if self._data is None:
            self._data = _json.loads(self._text)
        return self._data

    def to_dict(self) -> dict:
        """The whole decision (docs/decision-json.md)."""
        return _json.loads(self._text)

    def to_json(self, compact: bool = False) -> str:
        """The decision as JSON text: indented by two spaces, or on one line (`compact`)."""
        return _json.dumps(self._full(), ensure_ascii=False, separators=(",", ":") if compact else None,
                           indent=None if compact else 2)

    def __repr__(self) -> str:
        return f"Decision(verdict={self.verdict!r}, violated={self.violated!r}, missing={self.missing!r})"


class RecordError:
    """A record of a batch that could not be judged: a value in `Ruleset.screen`'s answers, not an exception."""

    __slots__ = ("errors",)
    verdict = None

    def __init__(self, errors: list) -> None:
        self.errors = errors

    @property
    def code(self) -> str:
        return self.errors[0]["code"] if self.errors else "internal"

    def message(self, lang: str = "en") -> str:
        return "\n".join(_where(e) + e["zh" if lang == "zh" else "en"] for e in self.errors)

    def to_exception(self) -> ProjectError:
        return ProjectError(self.errors)

    def __repr__(self) -> str:
        return f"RecordError(code={self.code!r}, message={self.message()!r})"


def _date(as_of: DateLike) -> _dt.date:
    if as_of is None:
        return _dt.datetime.now(_dt.timezone.utc).date()
    if isinstance(as_of, _dt.datetime):
        return as_of.date()
    if isinstance(as_of, _dt.date):
        return as_of
    if isinstance(as_of, str):
        try:
            if len(as_of) != 10:
                raise ValueError(as_of)
            return _dt.date.fromisoformat(as_of)
        except ValueError:
            raise ValueError(f"as_of must be a date YYYY-MM-DD, not {as_of!r} (as_of 须为日期 YYYY-MM-DD)") from None
    raise TypeError(f"as_of must be a datetime.date or a 'YYYY-MM-DD' string, not {type(as_of).__name__}")


def _ymd(as_of: DateLike) -> tuple:
    d = _date(as_of)
    return d.year, d.month, d.day


def _project_text(project: Project) -> Union[str, bytes]:
    if isinstance(project, (str, bytes)):
        return project  # bytes that are not UTF-8 reach the reader as they are, which says so
    if isinstance(project, bytearray):
        return bytes(project)
    if isinstance(project, Mapping):
        try:
            return _json.dumps(project, ensure_ascii=False, allow_nan=False, default=_json_default)
        except RecursionError:  # Python's own limit, long before the reader's (input.too-deep)
            raise ValueError("the project is nested too deeply to be JSON") from None
    raise TypeError(f"a project is a dict, or JSON text; not {type(project).__name__}")


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if hasattr(value, "__geo_interface__"):  # a shapely geometry as a site
        return value.__geo_interface__
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} cannot be a fact's value")


def _answer(ok: bool, text: str, summary: str = "") -> Union[Decision, RecordError]:
    return Decision(text, summary) if ok else RecordError(_json.loads(text)["errors"])


class Ruleset:
    """A compiled ruleset. Immutable; safe to share between threads; picklable (as its snapshot)."""

    __slots__ = ("_core",)

    def __init__(self, core: "_zhunru.Ruleset") -> None:
        self._core = core

    title = property(lambda self: self._core.title)
    version = property(lambda self: self._core.version)
    hash = property(lambda self: self._core.hash, doc='"sha256:…" over every rule file and map.')
    rule_count = property(lambda self: self._core.rule_count)
    unit_count = property(lambda self: self._core.unit_count, doc="Units of the unit map (0 without one).")
    effective_from = property(lambda self: self._core.effective_from)
    effective_until = property(lambda self: self._core.effective_until)

    def evaluate(self, project: Project, as_of: DateLike = None, verdict_only: bool = False) -> Decision:
        """Judges one project file (a dict or JSON text). Raises ProjectError when it cannot be judged."""
        answer = _answer(*self._core.evaluate(_project_text(project), *_ymd(as_of), verdict_only))
        if isinstance(answer, RecordError):
            raise answer.to_exception()
        return answer

    def screen(self, projects: Iterable[Project], threads: int = 0, as_of: DateLike = None,
               verdict_only: bool = False, chunk: int = 4096) -> list:
        """Judges every project on `threads` cores (0: all), answers in input order: a Decision, or a
        RecordError for a record that cannot be judged. Reads `projects` `chunk` at a time."""
        return list(self.iscreen(projects, threads=threads, as_of=as_of, verdict_only=verdict_only, chunk=chunk))

    def iscreen(self, projects: Iterable[Project], threads: int = 0, as_of: DateLike = None,
                verdict_only: bool = False, chunk: int = 4096) -> Iterator[Union[Decision, RecordError]]:
        """Like screen(), as a generator: memory stays bounded by `chunk` whatever the input's length."""
        if threads < 0 or chunk < 1:
            raise ValueError("threads must be ≥ 0 and chunk ≥ 1")
        ymd = _ymd(as_of)
        batch: list = []
        refused: dict = {}  # position in the batch → why it could not be made JSON
        for project in projects:
            try:
                batch.append(_project_text(project))
            except (TypeError, ValueError) as e:  # this record's problem, not the batch's
                refused[len(batch)] = str(e)
                batch.append("")
            if len(batch) == chunk:
                yield from self._judge(batch, refused, ymd, verdict_only, threads)
                batch, refused = [], {}
        if batch:
            yield from self._judge(batch, refused, ymd, verdict_only, threads)

    def _judge(self, batch: list, refused: dict, ymd: tuple, verdict_only: bool, threads: int) -> Iterator:
        for i, (ok, answer, summary) in enumerate(self._core.judge_many(batch, *ymd, verdict_only, threads)):
            if i in refused:
                why = refused[i]
                yield RecordError([{"code": "input.not-json", "fact": "", "en": "not JSON: " + why,
                                    "zh": "无法转为 JSON：" + why}])
            else:
                yield _answer(ok, answer, summary)

    def applies(self, lon: Optional[float] = None, lat: Optional[float] = None, site: Any = None,
                industry: Optional[str] = None, as_of: DateLike = None) -> dict:
        """What applies at a point (lon, lat) or a site (GeoJSON dict or text, or a shapely geometry):
        the units touched and every rule of their tiers that can apply (`zhunru applies --format json`)."""
        if site is not None:
            if lon is not None or lat is not None:
                raise ValueError("give a site, or lon and lat, not both")
            site_text = _project_text(getattr(site, "__geo_interface__", site))  # text, bytes or a dict, as projects
        elif lon is not None and lat is not None:
            site_text = _json.dumps({"type": "Point", "coordinates": [float(lon), float(lat)]})
        else:
            raise ValueError("applies needs a site, or both lon and lat")
        ok, text = self._core.applies(site_text, industry or "", *_ymd(as_of))
        if not ok:
            raise ProjectError(_json.loads(text)["errors"])
        return _json.loads(text)

    def schema(self) -> dict:
        """The JSON Schema (2020-12) of this ruleset's project files."""
        return _json.loads(self._core.schema())

    def template(self) -> dict:
        """A blank project file to fill in."""
        return _json.loads(self._core.template())

    def facts(self) -> list:
        return self._core.facts()

    def kinds(self) -> list:
        return self._core.kinds()

    def layers(self) -> list:
        return self._core.layers()

    def geometries(self) -> list:
        """The geometries a project gives beside its site (`geometry outfall;`)."""
        return self._core.geometries()

    def units_of_measure(self) -> list:
        """The units the ruleset declares (`unit 重量箱 = 50 kg;`), each with its definition."""
        return self._core.units_of_measure()

    def tables(self) -> list:
        """The reference tables rules look facts up in (`table … from "….csv" column "…"`)."""
        return self._core.tables()

    def tiers(self) -> list:
        return self._core.tiers()

    def rules(self) -> list:
        return self._core.rules()

    def rule(self, rule_id: str) -> Optional[dict]:
        return self._core.rule(rule_id)

    def snapshot(self) -> bytes:
        """The compiled snapshot's bytes (what `zhunru compile -o` writes)."""
        return self._core.snapshot()

    def save_snapshot(self, path: Union[str, _os.PathLike]) -> None:
        ok, code, en, zh = self._core.save_snapshot(_os.fspath(path))
        if not ok:
            raise SnapshotError(code, en, zh)

    def __reduce__(self):
        return (_from_snapshot_bytes, (self.snapshot(),))

    def __repr__(self) -> str:
        return f"Ruleset({self.title!r}, version={self.version!r}, rules={self.rule_count}, hash={self.hash!r})"


def _from_snapshot_bytes(data: bytes) -> Ruleset:
    core, code, en, zh = _zhunru.load_snapshot_bytes(data)
    if core is None:
        raise SnapshotError(code, en, zh)
    return Ruleset(core)


def _compiled(result: tuple) -> Ruleset:
    core, diagnostics, en, zh = result
    if core is None:
        raise CompileError(_json.loads(diagnostics), en, zh)
    return Ruleset(core)


def compile(path: Union[str, _os.PathLike], strict: bool = False, repair_maps: bool = False) -> Ruleset:
    """Compiles a ruleset directory (or one .rules file), or loads a snapshot FILE.zr.
    Raises CompileError (every diagnostic, en and zh) or SnapshotError."""
    path = _os.fspath(path)
    if _os.path.isfile(path) and _zhunru.looks_like_snapshot(path):
        return load_snapshot(path)
    return _compiled(_zhunru.compile_directory(path, strict, repair_maps))


def compile_sources(sources: Mapping[str, str], strict: bool = False, repair_maps: bool = False) -> Ruleset:
    """Compiles sources held in memory ({path: text}); maps come only from among them."""
    return _compiled(_zhunru.compile_sources(list(sources.items()), strict, repair_maps))


def load_snapshot(path: Union[str, _os.PathLike]) -> Ruleset:
    """Loads a snapshot written by `zhunru compile RULESET -o FILE.zr` (or Ruleset.save_snapshot)."""
    core, code, en, zh = _zhunru.load_snapshot(_os.fspath(path))
    if core is None:
        raise SnapshotError(code, en, zh)
    return Ruleset(core)


def audit(ruleset: Ruleset, as_of: DateLike = None, timeout_ms: int = 5000) -> dict:
    """Audits the ruleset with Z3 (`zhunru audit --format json`): dead, looser, contradicting rules, with witnesses."""
    if not 1 <= timeout_ms <= 3_600_000:
        raise ValueError("timeout_ms must be in 1–3600000")
    return _json.loads(ruleset._core.audit(*_ymd(as_of), timeout_ms))
