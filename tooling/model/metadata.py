"""The metadata of a standard: front matter of ``standards/<slug>/index.md``.

The field names and their documentation live in ``metadata.schema.yaml`` (one
place); this module validates front matter against it, adds the checks a JSON
Schema cannot express, and gives the rest of the tool a typed
:class:`StandardMetadata`. The front matter of a clause file (any other document
of a standard) holds only the page options of :data:`CLAUSE_FRONT_MATTER`
(:func:`clause_front_matter_problems`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .designation import Designation, DesignationError, parse_designation
from .yamlsource import LinedYAML, YAMLSourceError, load_lined_yaml, split_front_matter

__all__ = [
    "CLAUSE_FRONT_MATTER",
    "STAGES",
    "MetadataError",
    "Stage",
    "StandardMetadata",
    "clause_front_matter_problems",
    "load_metadata",
    "parse_metadata",
    "schema",
    "stage_hint",
    "unknown_stage",
]

SCHEMA_PATH = Path(__file__).with_name("metadata.schema.yaml")


@dataclass(frozen=True)
class Stage:
    """A stage of development.

    Attributes:
        profile: ``gb`` or ``iso``.
        code: the canonical name used in metadata (``征求意见稿``, ``DIS``).
        ascii: ASCII name used in folder names (``draft-for-comments``, ``dis``).
        zh: Chinese name; en: English name.
        draft: False only for the published stage.
        patent_call: the cover carries the call for patent information (GB/T 1.1-2020 Annex D.1).
    """

    profile: str
    code: str
    ascii: str
    zh: str
    en: str
    draft: bool = True
    patent_call: bool = False


#: Stages per profile, in order (GB/T 1.1-2020 Annex D, 10.3.1; ISO/IEC Directives Part 1 2.x).
STAGES: dict[str, tuple[Stage, ...]] = {
    "gb": (
        Stage("gb", "工作组讨论稿", "working-draft", "工作组讨论稿", "Working draft"),
        Stage("gb", "征求意见稿", "draft-for-comments", "征求意见稿", "Draft for comments", patent_call=True),
        Stage("gb", "送审稿", "draft-for-review", "送审稿", "Draft for review", patent_call=True),
        Stage("gb", "报批稿", "draft-for-approval", "报批稿", "Draft for approval"),
        Stage("gb", "published", "published", "发布稿", "Published", draft=False),
    ),
    "iso": (
        Stage("iso", "WD", "wd", "工作草案", "Working Draft"),
        Stage("iso", "CD", "cd", "委员会草案", "Committee Draft", patent_call=True),
        Stage("iso", "DIS", "dis", "国际标准草案", "Draft International Standard", patent_call=True),
        Stage("iso", "FDIS", "fdis", "国际标准最终草案", "Final Draft International Standard", patent_call=True),
        Stage("iso", "IS", "published", "国际标准", "International Standard", draft=False),
    ),
}


def find_stage(profile: str, name: str) -> Stage | None:
    """The stage of ``profile`` called ``name`` (code, ASCII name or English name)."""
    key = str(name).strip().lower()
    for stage in STAGES.get(profile, ()):
        if key in (stage.code.lower(), stage.ascii, stage.en.lower(), stage.zh):
            return stage
    if key == "published":
        return STAGES[profile][-1] if profile in STAGES else None
    return None


def stage_hint(profile: str, name: str) -> str:
    """``"; did you mean 征求意见稿?"`` for a stage name close to one of ``profile`` (a typo), else ``""``."""
    names: dict[str, str] = {}
    for stage in STAGES.get(profile, ()):
        for alias in (stage.code, stage.ascii, stage.en, stage.zh):
            names.setdefault(alias.lower(), stage.code)
    close = difflib.get_close_matches(str(name).strip().lower(), list(names), n=1, cutoff=0.6)
    return f"; did you mean {names[close[0]]}?" if close else ""


def unknown_stage(profile: str, name: str) -> str:
    """The message for a stage name that is not a stage of ``profile``, with the closest one when there is one."""
    names = ", ".join(s.code for s in STAGES[profile])
    return f"{name!r} is not a stage of the {profile} profile (one of: {names}){stage_hint(profile, name)}"


class MetadataError(ValueError):
    """Invalid metadata. ``problems`` holds ``(line, message)`` pairs, lines 1-based in the file."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}:{line}: {message}" for line, message in problems))


def _text(value: Any, lang: str | None = None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        if lang and value.get(lang):
            return value[lang]
        return value.get("zh") or value.get("en")
    return str(value)


@dataclass
class StandardMetadata:
    """A standard's metadata after validation.

    Field names follow ``metadata.schema.yaml``; ``raw`` keeps the validated
    front matter and ``lines`` the file line of every field.
    """

    slug: str
    path: str
    designation: Designation
    profile: str
    language: str
    stage: Stage
    title: dict[str, dict[str, str]]
    doctype: str = "standard"
    draft_date: dt.date | None = None
    edition: int | None = None
    ics: list[str] = field(default_factory=list)
    ccs: str | None = None
    record_no: str | None = None
    replaces: list[Designation] = field(default_factory=list)
    adoption: dict[str, Any] | None = None
    issued: dt.date | None = None
    implemented: dt.date | None = None
    status: str = "current"
    replaced_by: Designation | None = None
    sample: bool = False
    master: str | None = None  # the master language when this is the view of a translation
    raw: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict)

    # -- derived values ---------------------------------------------------------------
    @property
    def master_language(self) -> str:
        """The language the standard is drafted in (``language`` is the output language of a translation view)."""
        return self.master or self.language

    @property
    def is_translation(self) -> bool:
        return self.master is not None and self.master != self.language

    def in_language(self, lang: str | None) -> StandardMetadata:
        """The metadata as seen by an edition in ``lang`` (labels, cover, titles follow it); ``self`` for the master."""
        if not lang or lang == self.master_language:
            return self
        return dataclasses.replace(self, language=lang, master=self.master_language)

    @property
    def is_draft(self) -> bool:
        return self.stage.draft

    @property
    def edition_name(self) -> str:
        """ASCII name of this edition's publish folder.

        The year for a published standard (``2020``); the stage and the draft's
        completion date for a draft (``draft-for-comments-2026-11-20``).
        """
        if not self.stage.draft:
            if self.designation.dated:
                return str(self.designation.year)
            if self.issued:
                return str(self.issued.year)
            return "published"
        date = self.draft_date.isoformat() if self.draft_date else "undated"
        return f"{self.stage.ascii}-{date}"

    def display_designation(self) -> str:
        """The designation in the profile's written form."""
        return self.designation.format(self.profile)

    def title_text(self, lang: str, separator: str | None = None) -> str:
        """The full title in ``lang``: elements joined per profile and language.

        Chinese elements are joined by a full-width space (GB/T 1.1-2020 10.3.1),
        English ones by an em dash; a part title is prefixed with "第N部分：" / "Part N:".
        Returns an empty string when there is no title in that language.
        """
        elements = self.title_elements(lang)
        if separator is None:
            separator = "\u3000" if lang == "zh" else " \u2014 "
        return separator.join(elements)

    def title_elements(self, lang: str) -> list[str]:
        """Title elements in order, the part prefix applied to the last one."""
        t = self.title.get(lang) or {}
        elements = [t[k] for k in ("introductory", "main") if t.get(k)]
        comp = t.get("complementary")
        if comp:
            if self.designation.part:
                part = self.designation.part[-1]
                comp = (f"第{part}部分：" if lang == "zh" else f"Part {part}: ") + comp
            elements.append(comp)
        return elements

    def text(self, name: str, lang: str | None = None) -> str | None:
        """A text field (``committee``, ``proposer`` …) in ``lang`` (default: master language)."""
        return _text(self.raw.get(name), lang or self.language)

    def texts(self, name: str, lang: str | None = None) -> list[str]:
        """A list-of-texts field (``issuer``, ``drafters`` …) in ``lang``."""
        value = self.raw.get(name)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        return [t for t in (_text(i, lang or self.language) for i in items) if t]

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable summary (used by the catalogue, manifests and ``std`` JSON output)."""
        return {
            "slug": self.slug,
            "designation": self.display_designation(),
            "profile": self.profile,
            "language": self.language,
            "doctype": self.doctype,
            "stage": self.stage.code,
            "draft": self.is_draft,
            "edition": self.edition_name,
            "title": {lang: self.title_text(lang) for lang in ("zh", "en") if self.title.get(lang)},
            "sample": self.sample,
            "status": self.status,
        }


@functools.cache
def schema() -> dict[str, Any]:
    """The metadata JSON Schema (``metadata.schema.yaml``) as a dict."""
    return yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))


def _schema_problems(doc: LinedYAML) -> list[tuple[int, str]]:
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        where = ".".join(map(str, path)) or "front matter"
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            for name in extra:
                known = ", ".join(sorted(error.schema.get("properties", {})))
                problems.append((doc.line_of(path + (name,)),
                                 f"unknown metadata field {'.'.join(map(str, path + (name,)))!r} (known fields: {known})"))
            continue
        if error.validator == "required":
            problems.append((doc.line_of(path), f"{where}: {error.message}"))
            continue
        if error.validator == "oneOf":
            desc = error.schema.get("description", "")
            message = f"{where}: {error.instance!r} is not valid" + (f" ({desc})" if desc else "")
        elif error.validator == "enum":
            choices = ", ".join(map(str, error.validator_value))
            message = f"{where}: {error.instance!r} is not one of: {choices}"
        elif error.validator == "pattern" and "date" in error.schema.get("description", "").lower():
            message = f"{where}: {error.instance!r} is not a date in the form YYYY-MM-DD"
        else:
            message = f"{where}: {error.message}"
        problems.append((doc.line_of(path), message))
    return problems


def _date(value: str | None, path: tuple, doc: LinedYAML, problems: list) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append((doc.line_of(path), f"{path[0]}: {value!r} is not a calendar date"))
        return None


def parse_metadata(text: str, path: str, slug: str) -> StandardMetadata:
    """Validate the front matter of a standard's ``index.md``.

    Args:
        text: the whole Markdown source of ``index.md``.
        path: its path, used in error messages.
        slug: the standard's folder name.

    Returns:
        The validated :class:`StandardMetadata`.

    Raises:
        MetadataError: listing every problem with its file line (missing front
            matter, malformed YAML, unknown fields, wrong types, unknown stage for
            the profile, unparsable designation, implementation before issue …).
    """
    yaml_text, first_line, _ = split_front_matter(text)
    if yaml_text is None:
        raise MetadataError(path, [(1, "no front matter: index.md must start with '---' and the standard's metadata")])
    try:
        doc = load_lined_yaml(yaml_text, first_line)
    except YAMLSourceError as exc:
        raise MetadataError(path, [(exc.line, str(exc))]) from None
    if not isinstance(doc.data, dict):
        raise MetadataError(path, [(first_line, "front matter must be a mapping of field names to values")])
    data = doc.data
    for key in ("ics", "ccs", "record_no"):  # codes written as bare numbers (ics: 35) are codes, not numbers
        if isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
            data[key] = str(data[key])
    problems = _schema_problems(doc)

    designation = None
    if isinstance(data.get("designation"), str):
        try:
            designation = parse_designation(data["designation"])
        except DesignationError as exc:
            problems.append((doc.line_of(("designation",)), f"designation: {exc}"))
    replaces: list[Designation] = []
    raw_replaces = data.get("replaces")
    for index, value in enumerate(raw_replaces if isinstance(raw_replaces, list) else [raw_replaces] if raw_replaces else []):
        try:
            replaces.append(parse_designation(value))
        except DesignationError as exc:
            problems.append((doc.line_of(("replaces", index) if isinstance(raw_replaces, list) else ("replaces",)),
                             f"replaces: {exc}"))
    for key in ("replaced_by",):
        if isinstance(data.get(key), str):
            try:
                parse_designation(data[key])
            except DesignationError as exc:
                problems.append((doc.line_of((key,)), f"{key}: {exc}"))
    if isinstance(data.get("adoption"), dict) and isinstance(data["adoption"].get("document"), str):
        try:
            parse_designation(data["adoption"]["document"])
        except DesignationError as exc:
            problems.append((doc.line_of(("adoption", "document")), f"adoption.document: {exc}"))

    profile = data.get("profile") if data.get("profile") in STAGES else None
    stage = None
    if profile and isinstance(data.get("stage"), str):
        stage = find_stage(profile, data["stage"])
        if stage is None:
            problems.append((doc.line_of(("stage",)), f"stage: {unknown_stage(profile, data['stage'])}"))
    # A GB designation under the ISO profile (or the reverse) is a slip; IETF and consortium documents
    # ("OWASP ASVS 4.0.3") have no profile of their own and are laid out in either.
    if designation and profile and designation.family not in (profile, "ietf", "other") and not designation.is_placeholder:
        problems.append((doc.line_of(("designation",)),
                         f"designation: {data['designation']!r} is not a {profile.upper()} designation, "
                         f"but the profile is {profile!r}"))

    issued = _date(data.get("issued"), ("issued",), doc, problems)
    implemented = _date(data.get("implemented"), ("implemented",), doc, problems)
    draft_date = _date(data.get("draft_date"), ("draft_date",), doc, problems)
    if issued and implemented and implemented < issued:
        problems.append((doc.line_of(("implemented",)),
                         f"implemented: {implemented} is before the issue date {issued}"))
    if stage and stage.draft and not draft_date:
        problems.append((doc.line_of(("stage",)),
                         f"draft_date: a draft ({stage.code}) needs the completion date of the draft (本稿完成日期)"))
    language = data.get("language")
    title = data.get("title") if isinstance(data.get("title"), dict) else {}
    if language in ("zh", "en") and isinstance(title, dict) and language not in title:
        problems.append((doc.line_of(("title",)), f"title: no title in the master language ({language})"))
    if data.get("status") == "replaced" and not data.get("replaced_by"):
        problems.append((doc.line_of(("status",)), "replaced_by: a replaced edition names the designation that replaces it"))

    if problems or designation is None or stage is None:
        problems.sort()
        raise MetadataError(path, problems or [(first_line, "invalid metadata")])

    ics = data.get("ics") or []
    return StandardMetadata(
        slug=slug,
        path=path,
        designation=designation,
        profile=data["profile"],
        language=data["language"],
        stage=stage,
        title={lang: dict(t) for lang, t in title.items()},
        doctype=data.get("doctype", "standard"),
        draft_date=draft_date,
        edition=data.get("edition"),
        ics=[ics] if isinstance(ics, str) else list(ics),
        ccs=data.get("ccs"),
        record_no=data.get("record_no"),
        replaces=replaces,
        adoption=data.get("adoption"),
        issued=issued,
        implemented=implemented,
        status=data.get("status", "current"),
        replaced_by=parse_designation(data["replaced_by"]) if data.get("replaced_by") else None,
        sample=bool(data.get("sample", False)),
        raw=data,
        lines=doc.lines,
    )


#: The front-matter fields that mean something in a clause file (a document of a standard other than its
#: ``index.md``): Sphinx's file-wide metadata and MyST's options of one file. Nothing of this tool reads
#: the front matter of a clause file; the standard's metadata is read from ``index.md`` only.
CLAUSE_FRONT_MATTER: dict[str, str] = {
    "html_meta": "MyST: the page's <meta> tags (MyST prefers them under myst:)",
    "myst": "MyST: parser options of this file",
    "no-search": "Sphinx: leave the page out of the search index",
    "nocomments": "Sphinx: no comment form on the page (themes that have one)",
    "nosearch": "Sphinx: leave the page out of the search index (older name of no-search)",
    "orphan": "Sphinx: the page need not be in a table of contents",
    "substitutions": "MyST: substitutions of this file (MyST prefers them under myst:)",
    "tocdepth": "Sphinx: depth of the page's own table of contents",
}


def clause_front_matter_problems(text: str, index: str = "index.md") -> list[tuple[int, str]]:
    """What is wrong with the front matter of a clause file: ``(line, message)`` per field, lines of the file.

    A clause file's front matter is read by MyST and Sphinx only, for the fields of
    :data:`CLAUSE_FRONT_MATTER`; any other field would be silently ignored. A field of the
    standard's metadata (``designation``, ``stage`` …) is said to belong in ``index`` (the
    standard's ``index.md`` as shown); any other field is unknown. Malformed YAML and front
    matter that is not a mapping are left to MyST, which reports them.

    Args:
        text: the whole Markdown source of the clause file.
        index: the standard's ``index.md`` as messages name it.
    """
    yaml_text, first_line, _ = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"))
    if yaml_text is None:
        return []
    try:
        doc = load_lined_yaml(yaml_text, first_line)
    except YAMLSourceError:
        return []
    if not isinstance(doc.data, dict):
        return []
    metadata_fields = set(schema().get("properties", {}))
    accepted = ", ".join(sorted(CLAUSE_FRONT_MATTER))
    problems = []
    for key in doc.data:
        name = str(key)
        if name in CLAUSE_FRONT_MATTER:
            continue
        if name in metadata_fields:
            message = (f"front-matter field {name!r} in a clause file: it is metadata of the standard and belongs "
                       f"in {index} (here it is ignored)")
        else:
            message = (f"unknown front-matter field {name!r} in a clause file: the standard's metadata belongs in "
                       f"index.md; a clause file accepts only {accepted}")
        problems.append((doc.line_of((name,)), message))
    return problems


def load_metadata(index_md: Path) -> StandardMetadata:
    """Read and validate ``standards/<slug>/index.md``.

    Raises:
        MetadataError: as :func:`parse_metadata`, and for unreadable or non-UTF-8 files.
    """
    try:
        raw = index_md.read_bytes()
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise MetadataError(str(index_md), [(line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")]) from None
    except OSError as exc:
        raise MetadataError(str(index_md), [(0, f"cannot read: {exc.strerror}")]) from None
    return parse_metadata(text, str(index_md), index_md.parent.name)
