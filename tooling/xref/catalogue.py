"""The external catalogue: documents the repository cites but does not hold (``standards/catalogue.yaml``).

Each entry is one edition of a document::

    - designation: GB/T 1.1—2020
      title:
        zh: 标准化工作导则　第1部分：标准化文件的结构和起草规则
        en: Directives for standardization — Part 1: Rules for the structure and drafting of standardizing documents
      status: current            # current | withdrawn | replaced
      replaced_by: …             # with status replaced: the designation of the replacement
      url: https://…             # optional, shown as a link (never fetched)

The publication year comes from the designation. Problems (wrong types, unknown
fields, unparsable designations, an entry given twice, ``replaced_by`` chains
that loop or lead nowhere) are reported with ``catalogue.yaml:line``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from ..model.designation import Designation, DesignationError, parse_designation
from ..model.yamlsource import YAMLSourceError, load_lined_yaml

__all__ = ["Catalogue", "CatalogueEntry", "load_catalogue"]

SCHEMA = yaml.safe_load("""
type: array
items:
  type: object
  additionalProperties: false
  required: [designation, title]
  properties:
    designation: {type: string, minLength: 1}
    title:
      oneOf:
        - {type: string, minLength: 1}
        - type: object
          additionalProperties: false
          minProperties: 1
          properties:
            zh: {type: string, minLength: 1}
            en: {type: string, minLength: 1}
    status: {enum: [current, withdrawn, replaced]}
    replaced_by: {type: string, minLength: 1}
    url: {type: string, pattern: "^https?://"}
    note: {type: string}
""")


@dataclass(frozen=True)
class CatalogueEntry:
    """One edition of an external document.

    Attributes: designation (parsed), title (lang → text), status, replaced_by
    (parsed or ``None``), url, line (in the catalogue file).
    """

    designation: Designation
    title: dict
    status: str = "current"
    replaced_by: Designation | None = None
    url: str = ""
    line: int = 0

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("zh") or self.title.get("en") or ""


@dataclass
class Catalogue:
    """The entries of ``catalogue.yaml`` by year-less key, and the problems found reading it."""

    path: str
    entries: dict[str, list[CatalogueEntry]] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def editions(self, designation: Designation) -> list[CatalogueEntry]:
        """Every edition of the document, newest year first."""
        return sorted(self.entries.get(designation.key, []), key=lambda e: e.designation.year or "", reverse=True)

    def find(self, designation: Designation) -> CatalogueEntry | None:
        """The edition a citation means: the dated one, or for an undated citation the latest current one."""
        editions = self.editions(designation)
        if designation.dated:
            return next((e for e in editions if e.designation.year == designation.year), None)
        return next((e for e in editions if e.status == "current"), editions[0] if editions else None)

    @property
    def fingerprint(self) -> str:
        return repr(sorted((k, [(e.designation.format(), e.status, str(e.replaced_by)) for e in v])
                           for k, v in self.entries.items()))


def load_catalogue(path: Path) -> Catalogue:
    """Read and check a catalogue file; a missing file is an empty catalogue.

    Never raises for problems in the file: they are in :attr:`Catalogue.problems`
    as ``(line, message)`` and the valid entries are kept.
    """
    catalogue = Catalogue(str(path))
    if not path.is_file():
        return catalogue
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        catalogue.problems.append((1, f"not valid UTF-8 ({exc.reason})"))
        return catalogue
    try:
        doc = load_lined_yaml(text)
    except YAMLSourceError as exc:
        catalogue.problems.append((exc.line, str(exc)))
        return catalogue
    data = doc.data if doc.data not in ({}, None) else []
    validator = jsonschema.Draft202012Validator(SCHEMA)
    bad_items: set[int] = set()
    for error in validator.iter_errors(data):
        path_ = tuple(error.absolute_path)
        if path_:
            bad_items.add(path_[0])
        where = ".".join(map(str, path_[1:])) or "entry"
        message = error.message if error.validator != "oneOf" else f"{error.instance!r} is not a text or {{zh, en}}"
        catalogue.problems.append((doc.line_of(path_), f"{where}: {message}"))
    if not isinstance(data, list):
        return catalogue
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        if index in bad_items or not isinstance(item, dict):
            continue
        line = doc.line_of((index,))
        try:
            designation = parse_designation(item["designation"])
            replaced_by = parse_designation(item["replaced_by"]) if item.get("replaced_by") else None
        except DesignationError as exc:
            catalogue.problems.append((line, str(exc)))
            continue
        full = designation.format()
        if full in seen:
            catalogue.problems.append((line, f"{full} is listed twice (first on line {seen[full]})"))
            continue
        seen[full] = line
        status = item.get("status", "current")
        if status == "replaced" and replaced_by is None:
            catalogue.problems.append((line, f"{full}: status replaced needs replaced_by"))
        title = item["title"] if isinstance(item["title"], dict) else {"zh" if _has_han(item["title"]) else "en":
                                                                          item["title"]}
        entry = CatalogueEntry(designation, title, status, replaced_by, item.get("url", ""), line)
        catalogue.entries.setdefault(designation.key, []).append(entry)
    _check_chains(catalogue)
    return catalogue


def _has_han(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _check_chains(catalogue: Catalogue) -> None:
    """``replaced_by`` must not loop (A → B → A)."""
    by_full = {e.designation.format(): e for entries in catalogue.entries.values() for e in entries}
    for entry in by_full.values():
        seen = [entry.designation.format()]
        current = entry
        while current is not None and current.replaced_by is not None:
            nxt = current.replaced_by.format()
            if nxt in seen:
                catalogue.problems.append((entry.line, "replaced_by forms a cycle: " + " → ".join([*seen, nxt])))
                break
            seen.append(nxt)
            current = by_full.get(nxt)


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> Catalogue:
    return load_catalogue(Path(path))


def catalogue_for(srcdir: Path) -> Catalogue:
    """The catalogue of a repository's ``standards/`` folder (cached while the file is unchanged)."""
    path = Path(srcdir) / "catalogue.yaml"
    try:
        return _cached(str(path), path.stat().st_mtime)
    except OSError:
        return Catalogue(str(path))
