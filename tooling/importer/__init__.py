"""Import of standards written in plain Markdown into this repository's MyST layout.

``std import SOURCE --designation … --lang zh|en --to standards/<slug>`` reads a
Markdown file, or a folder whose ``.md`` files in name order make one standard,
and writes ``standards/<slug>/index.md`` (metadata and toctree) plus one file per
top-level clause. Modules:

- :mod:`.source`: reading (BOM, CRLF, UTF-8 check) and the source's date;
- :mod:`.parse`: markdown-it-py tokens → headings and content chunks with their lines;
- :mod:`.numbers`: hand-typed heading numbers, conventional titles, note/example labels;
- :mod:`.structure`: the clause tree (numbers decide the hierarchy; front matter, blocks, annexes);
- :mod:`.terms`: term entries from the terms clause;
- :mod:`.ids`: stable IDs (source anchors, or derived from titles; pinyin for Chinese);
- :mod:`.content`: content as MyST (notes, examples, requirement row IDs, images, escaping);
- :mod:`.writer`: the files;
- :mod:`.translation`: ``--translation``: the same standard in the other language, aligned
  with the master (:mod:`tooling.translate.align`), becomes the master's catalog.

Everything that could not be mapped is reported as ``file:line: message`` in
:attr:`ImportReport.messages` and kept in the output; nothing is dropped silently,
and nothing in the source is modified.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model.designation import DesignationError, parse_designation
from ..model.metadata import STAGES, MetadataError, find_stage, parse_metadata, unknown_stage
from ..translate.align import align_clauses
from ..translate.catalogs import other_language
from .content import RenderContext, SourceLine
from .errors import ImportError_, Messages
from .ids import IdRegistry
from .parse import parse_files
from .source import read_source, source_date, source_root
from .structure import Document, build_document
from .terms import read_terms
from .translation import (TranslationResult, build_catalog, check_source_language, read_translation,
                          set_term_equivalents)
from .writer import CATALOGUE_PAGE, assign_ids, clause_file_names, render_clause, render_index

__all__ = ["ImportError_", "ImportReport", "default_stage", "import_standard", "split_title"]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        target: the standard's folder (``standards/<slug>``).
        clauses: clauses and subclauses written (front matter, annexes, bibliography,
            untitled subclauses and placeholders included; term entries not).
        messages: ``file:line: message`` for every decision worth checking and
            everything that could not be mapped.
        terms: term entries written.
        requirements: table rows that got a requirement ID.
        files: the files written into ``target`` (``index.md`` first), relative names.
        numbers: stable ID → the number the source typed, as the build writes it
            (``4.1.2``, ``A``, ``A.1``; a ``V`` prefix dropped), for every numbered
            clause, annex and term entry; the build must compute the same numbers.
        metadata: the front matter written into ``index.md``.
        created: repository files created around the target (``conf.py``, ``standards/index.md``).
        translation: with ``--translation``: the catalog written and what the alignment found
            (:class:`~tooling.importer.translation.TranslationResult`).
    """

    target: Path
    clauses: int = 0
    messages: list[str] = field(default_factory=list)
    terms: int = 0
    requirements: int = 0
    files: list[str] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)
    created: list[Path] = field(default_factory=list)
    translation: TranslationResult | None = None


def default_stage(designation, profile: str):
    """The stage of an import without ``--stage``: the stage written in an ISO designation
    (``ISO/IEC DIS 18974`` → DIS), else the profile's first draft stage (WD, 工作组讨论稿)."""
    if designation.stage:
        stage = find_stage(profile, designation.stage)
        if stage is not None:
            return stage
    return STAGES[profile][0]


def split_title(title: str, lang: str) -> dict[str, str]:
    """Title elements from a title line: split on em dashes (and, in Chinese, full-width spaces).

    ``"Information technology — OpenChain Security Assurance Specification"`` →
    ``{"introductory": "Information technology", "main": "OpenChain Security Assurance Specification"}``;
    one element is the main element; three are introductory, main and complementary;
    more than three keep the middle ones together in the main element.
    """
    pattern = r"\s*(?:——|—|\s[–-]\s|\u3000)\s*" if lang == "zh" else r"\s+(?:—|–|--|-)\s+|—"
    parts = [p.strip() for p in re.split(pattern, title.strip()) if p.strip()]
    if not parts:
        return {}
    if len(parts) == 1:
        return {"main": parts[0]}
    if len(parts) == 2:
        return {"introductory": parts[0], "main": parts[1]}
    sep = "——" if lang == "zh" else " — "
    return {"introductory": parts[0], "main": sep.join(parts[1:-1]), "complementary": parts[-1]}


def _check_target(target: Path, force: bool) -> tuple[Path, str]:
    slug = target.name
    if target.parent.name != "standards":
        raise ImportError_(f"--to {target}: the target must be a folder standards/<slug> of a repository")
    if not _SLUG.match(slug):
        raise ImportError_(f"--to {target}: the slug {slug!r} must be ASCII: lower-case letters, digits and hyphens")
    if target.exists() and not target.is_dir():
        raise ImportError_(f"--to {target}: exists and is not a folder")
    if target.exists() and not force:
        raise ImportError_(f"--to {target}: the folder exists already (use --force to replace it)")
    return target.parent.parent, slug


def _date(value, files) -> tuple[str, str]:
    if value is None:
        date, how = source_date(files)
        return date.isoformat(), how
    if isinstance(value, dt.date):
        return value.isoformat(), "given"
    try:
        return dt.date.fromisoformat(str(value)).isoformat(), "given"
    except ValueError:
        raise ImportError_(f"--date: {value!r} is not a date in the form YYYY-MM-DD") from None


def _count(doc: Document) -> tuple[int, int]:
    clauses = terms = 0
    for clause in doc.walk():
        if clause.term is not None:
            terms += 1
        else:
            clauses += 1
    return clauses, terms


def _read_document(files, source: Path, lang: str, messages: Messages):
    """Parse the source files and build the clause tree with its term entries and IDs.

    Returns:
        ``(document, parsed source, ID registry, source anchors → IDs)``.
    """
    parsed = parse_files(files)
    if parsed.header:
        keys = ", ".join(str(k) for k in parsed.header if k != "title")
        if keys:
            messages.add(parsed.header_file, 1, f"YAML header fields not imported: {keys}")
    for path in parsed.skipped_headers:
        messages.add(path, 1, "YAML header not imported (not valid YAML, or not in the first file)")
    doc = build_document(parsed, messages, lang, multi_file=source.is_dir())
    if not doc.clauses:
        raise ImportError_(f"{source}: no headings found; nothing to import")
    read_terms(doc, messages)
    ids = IdRegistry()
    anchors = assign_ids(doc, ids, messages)
    return doc, parsed, ids, anchors


def write_clauses(doc: Document, ctx: RenderContext, folder: Path, lang: str) -> tuple[list[str], dict]:
    """Write one file per top-level clause into ``folder``.

    Returns:
        ``(file names without .md, line maps)``: the line maps give, per written file
        (``05-requirements.md``), written line → ``(source file, source line)``.
    """
    names = clause_file_names(doc)
    line_maps: dict[str, dict[int, tuple]] = {}
    for name, clause in zip(names, doc.clauses):
        lines = render_clause(clause, 1, ctx, lang)
        line_maps[f"{name}.md"] = {number: line.src for number, line in enumerate(lines, 1)
                                   if isinstance(line, SourceLine)}
        (folder / f"{name}.md").write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return names, line_maps


def import_standard(source: Path, *, designation: str, lang: str, profile: str | None, translation: Path | None,
                    stage: str | None, target: Path, force: bool = False,
                    date: str | dt.date | None = None) -> ImportReport:
    """Import a standard written in plain Markdown into ``target`` (``standards/<slug>``).

    Args:
        source: a Markdown file, or a folder whose ``.md`` files in name order make one standard.
        designation: e.g. ``"ISO/IEC DIS 18974"`` or ``"GB/T XXXXX—XXXX"``.
        lang: the source's language, ``zh`` or ``en`` (the standard's master language).
        profile: ``gb`` or ``iso``; ``None`` takes it from the designation (ISO/IEC and
            IETF → ``iso``, GB and other Chinese designations → ``gb``).
        translation: the same standard in the other language (a file or a folder, like
            ``source``), or ``None``. It is imported through the same pipeline into a
            temporary repository, aligned with the master clause by clause and block by block
            (:mod:`tooling.translate.align`), and becomes the catalog
            ``standards/<slug>/locales/<other>/LC_MESSAGES/<slug>.po``: its messages are those
            Sphinx extracts from the imported master, filled where the alignment found the
            counterpart. Term entries get their equivalents (``:en:``) and the metadata the
            title in the other language. Renumbered clauses, clauses without counterpart and
            text left over are reported.
        stage: the stage; ``None`` takes the stage written in the designation (``DIS``),
            else the profile's first draft stage (``WD`` / ``工作组讨论稿``).
        target: ``standards/<slug>`` of a repository; ``conf.py`` and ``standards/index.md``
            are created when the repository has none.
        force: replace ``target`` when it exists.
        date: the draft date (``YYYY-MM-DD``); ``None`` takes the date of the last git
            commit of the source files when they are in a git work tree, else their newest
            modification date (UTC), so repeated imports of the same source agree.

    Returns:
        An :class:`ImportReport`.

    Raises:
        ImportError_: for a missing or unreadable source or translation, a file that is not
            valid UTF-8 (``file:line: not valid UTF-8``), a source that is not in ``lang``
            (:func:`~.translation.check_source_language`), a translation in the master's language,
            an unknown designation, profile, stage or date, a target that is not
            ``standards/<slug>``, or an existing target without ``force``. Nothing is written then.
    """
    source = Path(source)
    target = Path(target)
    if lang not in ("zh", "en"):
        raise ImportError_(f"--lang: {lang!r} is not zh or en")
    try:
        parsed_designation = parse_designation(designation)
    except DesignationError as exc:
        raise ImportError_(f"--designation: {exc}") from None
    profile = profile or ("gb" if parsed_designation.family == "gb" else "iso")
    if profile not in STAGES:
        raise ImportError_(f"--profile: {profile!r} is not one of: {', '.join(STAGES)}")
    if stage:
        stage_obj = find_stage(profile, stage)
        if stage_obj is None:
            raise ImportError_(f"--stage: {unknown_stage(profile, stage)}")
    else:
        stage_obj = default_stage(parsed_designation, profile)
    root, slug = _check_target(target, force)
    files = read_source(source)
    check_source_language(source, files, lang)
    draft_date, date_how = _date(date, files)
    other = other_language(lang)
    translation_files = None
    if translation is not None:
        translation = Path(translation)
        translation_files = read_translation(translation, source, files, lang)

    messages = Messages()
    doc, parsed, ids, anchors = _read_document(files, source, lang, messages)
    tr = None
    if translation_files is not None:
        tr_messages = Messages()
        try:
            tr_doc, tr_parsed, tr_ids, tr_anchors = _read_document(translation_files, translation, other, tr_messages)
        except ImportError_ as exc:
            raise ImportError_(f"--translation: {exc}") from None
        clause_alignment = align_clauses(doc, tr_doc, lang, other)
        set_term_equivalents(clause_alignment, other)
        tr = (translation_files, tr_doc, tr_parsed, tr_ids, tr_anchors, tr_messages, clause_alignment)

    title = doc.title
    if not title:
        title = files[0].path.stem
        messages.add(files[0].path, 1, f"no title found in the source; the title is {title!r} (the file name)")
    elements = split_title(title, lang)
    metadata = {
        "designation": parsed_designation.format(),
        "profile": profile,
        "language": lang,
        "stage": stage_obj.code,
        "draft_date": draft_date,
        "title": {lang: elements},
    }
    if tr is not None and tr[1].title:
        metadata["title"][other] = split_title(tr[1].title, other)
    if not stage_obj.draft:
        del metadata["draft_date"]
    report = ImportReport(target=target, metadata=metadata)

    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}.import-", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # a folder like any other (mkdtemp makes it private)
    try:
        ctx = RenderContext(messages, ids, source_root(source), staging, anchors, parsed.kramdown)
        names, line_maps = write_clauses(doc, ctx, staging, lang)
        comment = (f"imported with `std import` from {source.as_posix()}; draft_date: {date_how}"
                   if date is None else f"imported with `std import` from {source.as_posix()}")
        index = render_index(metadata, names, comment)
        try:
            parse_metadata(index, str(target / "index.md"), slug)
        except MetadataError as exc:
            raise ImportError_(str(exc)) from None
        (staging / "index.md").write_text(index, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    if not (root / "conf.py").exists():
        project = f"Standards repository ({parsed_designation.format()})".replace('"', "'")
        (root / "conf.py").write_text(
            '"""Sphinx configuration of this standards repository (created by `std import`)."""\n\n'
            "from tooling.config import *  # noqa: F403\n\n"
            f'project = "{project}"\n', encoding="utf-8")
        report.created.append(root / "conf.py")
    if not (root / "standards" / "index.md").exists():
        (root / "standards" / "index.md").write_text(CATALOGUE_PAGE, encoding="utf-8")
        report.created.append(root / "standards" / "index.md")

    order = [f.path for f in files]
    if tr is not None:
        tr_files, tr_doc, tr_parsed, tr_ids, tr_anchors, tr_messages, clause_alignment = tr
        order += [f.path for f in tr_files]
        report.translation = build_catalog(
            root=root, slug=slug, target=target, lang=lang, master=doc, master_lines=line_maps,
            translation=translation, translation_doc=tr_doc, translation_parsed=tr_parsed, translation_ids=tr_ids,
            translation_anchors=tr_anchors, translation_messages=tr_messages, clauses=clause_alignment,
            messages=messages, metadata=metadata)
    report.clauses, report.terms = _count(doc)
    report.requirements = ctx.row_ids
    report.files = ["index.md", *(f"{name}.md" for name in names), *sorted(ctx.copied.values())]
    report.numbers = {c.id: c.number for c in doc.walk() if c.parts and c.parts != (0,)}
    report.messages = messages.in_source_order(order)
    return report
