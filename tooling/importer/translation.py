"""``std import SOURCE --translation OTHER``: the translation of an imported standard becomes its catalog.

The translation (a file or a folder, like the source) is read and structured by
the same pipeline as the master (:mod:`.parse`, :mod:`.structure`, :mod:`.terms`,
:mod:`.ids`), so both sides are the same kind of clauses and MyST blocks. Its
clauses are aligned with the master's before the master is written
(:func:`tooling.translate.align.align_clauses`): aligned term entries get their
equivalent (``:en: component record``) and the metadata its title in the other
language. Then:

1. the translation is written into a temporary repository beside a copy of the
   written master, and Sphinx (the ``gettext`` builder) reads both: each side's
   messages come out exactly as Sphinx extracts them, with the clause they
   belong to and the kind of block they are;
2. the messages of each pair of aligned clauses are aligned block by block
   (:func:`tooling.translate.align.align_units`); a translation is kept only
   when its markup fits the master message (:func:`~tooling.translate.align.adapt_markup`);
3. the repository's own message templates are extracted
   (:func:`tooling.translate.catalogs.templates`): the catalog
   ``standards/<slug>/locales/<other>/LC_MESSAGES/<slug>.po`` holds exactly
   those msgids, filled where the alignment found the counterpart and empty
   elsewhere.

Every renumbered clause, every master clause without counterpart, every
translation clause or block left over and every translation refused for its
markup is reported as ``file:line: message`` with the position on the other side.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..render.files import write_atomic
from ..translate.align import (ClauseAlignment, Unit, adapt_markup, align_units, detect_language, english_check,
                               extract_units, language_check, renumber, set_features)
from .content import RenderContext
from .errors import ImportError_, Messages
from .source import SourceFile, read_source, source_root

__all__ = ["TranslationResult", "build_catalog", "check_source_language", "read_translation", "set_term_equivalents"]

_CONF = '"""Temporary repository of `std import --translation` (deleted after the import)."""\n\n' \
        "from tooling.config import *  # noqa: F403\n\nproject = 'alignment'\n"
_NAMES = {"zh": "Chinese", "en": "English"}
_INDEX = "# Alignment\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n"


@dataclass
class TranslationResult:
    """What the translation import did.

    Attributes:
        catalog: the catalog written (``None`` when the messages could not be extracted).
        language: the catalog's language.
        total: the master's messages (the catalog's msgids).
        translated: messages that got a translation.
        clauses: pairs of aligned clauses (term entries included).
        renumbered: ``(master number, translation number)`` of aligned clauses whose numbers differ.
        master_only: master clauses (IDs) without a counterpart.
        translation_only: translation clauses (IDs in the translation) without a counterpart.
        leftover: translation messages (blocks, table cells) of aligned clauses that found no counterpart.
        refused: aligned translations not used because their markup differs from the master's.
        strings: msgid → msgstr of every translated message.
    """

    catalog: Path | None
    language: str
    total: int = 0
    translated: int = 0
    clauses: int = 0
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    master_only: list[str] = field(default_factory=list)
    translation_only: list[str] = field(default_factory=list)
    leftover: int = 0
    refused: int = 0
    strings: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """Share of the master's messages translated (0.0–1.0)."""
        return self.translated / self.total if self.total else 0.0


def _sample(files: list[SourceFile], limit: int = 200_000) -> str:
    text = "".join(f.text for f in files)
    return text[:limit]


def check_source_language(source: Path, files: list[SourceFile], lang: str) -> None:
    """Check that the source is written in ``lang`` (``--lang``), as the translation is checked (nothing is written).

    Raises:
        ImportError_: when the source is not in ``lang`` (:func:`~tooling.translate.align.language_check`): with
            ``--lang en``, a text mostly in Chinese characters, or in Latin script but not English (German …);
            with ``--lang zh``, a text with (almost) no Chinese characters. The message names the file, what it
            looks like and the ``--lang`` to give. A text too short to tell is not judged.
    """
    sample = _sample(files)
    found = language_check(sample, lang)
    if found is None:
        return
    other = "en" if lang == "zh" else "zh"
    if language_check(sample, other) is None:
        advice = f"if it is in {_NAMES[other]}, give --lang {other}"
    else:
        advice = "a source is imported in Chinese (--lang zh) or English (--lang en)"
    raise ImportError_(f"--lang {lang}: {source} is not written in {_NAMES[lang]}: {found}; {advice}")


def read_translation(translation: Path, source: Path, files: list[SourceFile], lang: str) -> list[SourceFile]:
    """Read and check the translation given with ``--translation`` (nothing is written).

    Raises:
        ImportError_: when it does not exist, is a folder without ``.md`` files, is not
            valid UTF-8, is the source itself, is written in the master's language, or is in
            Latin script but not English (:func:`~tooling.translate.align.english_check`: too few
            of the English function words *the, of, and, to, in, a, is, shall, be, for*), e.g. a
            German text given as the English translation of a Chinese master.
    """
    if not translation.exists():
        raise ImportError_(f"--translation: {translation}: no such file or folder")
    if translation.resolve() == source.resolve():
        raise ImportError_(f"--translation: {translation} is the source itself")
    try:
        translated = read_source(translation)
    except ImportError_ as exc:
        raise ImportError_(f"--translation: {exc}") from None
    other = "en" if lang == "zh" else "zh"
    sample = _sample(translated)
    found = detect_language(sample)
    latin = english_check(sample) if found == "en" else None  # Latin script, but not English
    if found == lang and not (lang == "en" and latin):
        master = detect_language(_sample(files))
        said = f"the master is in {lang} (--lang {lang})" if master in (None, lang) else \
            f"--lang says the master is in {lang}"
        raise ImportError_(f"--translation: {translation} is written in {lang}, but {said}: "
                           f"the translation must be in {other}")
    if latin:  # a German, French … text given as the English (or the Chinese) translation
        raise ImportError_(f"--translation: {translation} is not written in {_NAMES[other]}: {latin}; "
                           f"the translation of a master in {lang} must be in {other} ({_NAMES[other]})")
    return translated


def set_term_equivalents(clauses: ClauseAlignment, other: str) -> int:
    """Give each aligned master term entry the translation's term as its equivalent in ``other``.

    A term that is the same in both languages (``CVE``) gets none; admitted terms get their
    equivalents when both entries have as many and they differ. Returns the number of
    entries that got an equivalent.
    """
    count = 0
    for master, translation in clauses.pairs:
        if master.term is None or translation.term is None or not translation.term.preferred:
            continue
        preferred = translation.term.preferred.replace("\n", " ").strip()
        if preferred.casefold() == master.term.preferred.casefold():
            continue  # the same term in both languages (an abbreviation): nothing to add
        master.term.equivalents[other] = preferred
        admitted = [t.replace("\n", " ").strip() for t in translation.term.admitted]
        if master.term.admitted and len(master.term.admitted) == len(admitted) and \
                [t.casefold() for t in admitted] != [t.casefold() for t in master.term.admitted]:
            master.term.admitted_equivalents[other] = admitted
        count += 1
    return count


def _label(clause) -> str:
    if clause.term is not None:
        head = "term entry"
        title = clause.term.preferred
    elif clause.untitled:
        head, title = "subclause", ""
    elif clause.role == "annex":
        head, title = "annex", clause.plain
    else:
        head, title = "clause", clause.plain
    parts = [head]
    if clause.number:
        parts.append(clause.number)
    if title:
        parts.append(repr(title if len(title) <= 40 else title[:37] + "…"))
    return " ".join(parts)


def _snippet(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[:width - 1] + "…")


def _rows(units: list[Unit]):
    """``(what, first unit, text)`` for reporting: the cells of one table row together, other units alone."""
    group: list[Unit] = []
    for unit in [*units, None]:
        if group and (unit is None or unit.kind != "cell" or group[0].kind != "cell" or unit.owner != group[0].owner
                      or unit.source != group[0].source or unit.line != group[0].line):
            if group[0].kind == "cell":
                yield "table row", group[0], " | ".join(u.text for u in group)
            else:
                yield "text", group[0], group[0].text
            group = []
        if unit is not None:
            group.append(unit)


def _where(clause) -> str:
    return f"{clause.file}:{clause.line}"


def _neighbours(doc_walk: list, paired: dict[int, object], clause) -> str:
    """Where ``clause`` would be on the other side: after the counterpart of the closest aligned clause before it."""
    index = next(i for i, c in enumerate(doc_walk) if c is clause)
    for previous in reversed(doc_walk[:index]):
        other = paired.get(id(previous))
        if other is not None:
            return f"after {_label(other)} at {_where(other)}"
    for following in doc_walk[index + 1:]:
        other = paired.get(id(following))
        if other is not None:
            return f"before {_label(other)} at {_where(other)}"
    return "nothing on the other side is aligned"


def _report_clauses(clauses: ClauseAlignment, master, translation, messages: Messages) -> None:
    master_walk = list(master.walk())
    translation_walk = list(translation.walk())
    to_translation = {id(m): t for m, t in clauses.pairs}
    to_master = {id(t): m for m, t in clauses.pairs}
    for m, t in clauses.renumbered:
        messages.add(m.file, m.line, f"{_label(m)} is {t.number} in the translation ({_where(t)}); "
                                     "aligned by its content and position")
    for m in clauses.master_only:
        if m.placeholder:
            continue
        messages.add(m.file, m.line, f"{_label(m)} has no counterpart in the translation "
                                     f"({_neighbours(master_walk, to_translation, m)}); its text stays untranslated")
    for t in clauses.translation_only:
        if t.placeholder:
            continue
        messages.add(t.file, t.line, f"translation {_label(t)} has no counterpart in the master "
                                     f"({_neighbours(translation_walk, to_master, t)}); its text is not in the catalog")


def _render_translation(doc, parsed, ids, anchors, translation: Path, folder: Path, lang: str,
                        metadata: dict, messages: Messages) -> dict:
    from . import write_clauses
    from .writer import render_index

    folder.mkdir(parents=True)
    ctx = RenderContext(messages, ids, source_root(translation), folder, anchors, parsed.kramdown)
    names, line_maps = write_clauses(doc, ctx, folder, lang)
    meta = dict(metadata, language=lang)
    meta["title"] = {lang: metadata["title"].get(lang) or {"main": doc.title or translation.stem}}
    (folder / "index.md").write_text(render_index(meta, names, "translation, for the alignment"), encoding="utf-8")
    return line_maps


def _doctrees(env, slug: str) -> list[tuple[str, object]]:
    docs = env.domains["standard"].docs_of(slug)
    return [(docname.rsplit("/", 1)[-1] + ".md", env.get_doctree(docname)) for docname in docs
            if not docname.endswith("/index")]


def _extract(target: Path, master, master_lines: dict, tr_doc, write_translation) -> tuple[list[Unit], list[Unit]]:
    """Sphinx reads the written master and the translation in a temporary repository: their messages."""
    from ..project import Project

    temp = Path(tempfile.mkdtemp(prefix=".std-import-translation-"))
    try:
        (temp / "conf.py").write_text(_CONF, encoding="utf-8")
        standards = temp / "standards"
        standards.mkdir()
        (standards / "index.md").write_text(_INDEX, encoding="utf-8")
        shutil.copytree(target, standards / "master", ignore=shutil.ignore_patterns("locales"))
        tr_lines = write_translation(standards / "translation")
        result = Project(temp).sphinx(
            "gettext", temp / "build" / "gettext", doctreedir=temp / "build" / "doctrees", fresh=True,
            overrides={"gettext_compact": True, "gettext_location": True, "gettext_uuid": False,
                       "std_lint": {"select": ["-"]}})
        env = result.app.env
        master_ids = {c.id for c in master.walk() if c.id}
        tr_ids = {c.id for c in tr_doc.walk() if c.id}
        master_units = extract_units(_doctrees(env, "master"), master_ids, master_lines)
        tr_units = extract_units(_doctrees(env, "translation"), tr_ids, tr_lines)
        for unit in tr_units:  # the written translation is temporary: only its source lines mean something
            unit.file = "(translation)"
        return master_units, tr_units
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _write_catalog(path: Path, template: Catalog, lang: str, slug: str, strings: dict[str, str]) -> tuple[int, int]:
    catalog = Catalog(locale=lang, project=slug, fuzzy=False)
    catalog.creation_date = template.creation_date
    catalog.update(template, update_header_comment=False)
    total = translated = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        value = strings.get(message.id)
        if value:
            message.string = value
            translated += 1
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False, omit_header=False)
    write_atomic(path, buffer.getvalue())
    return total, translated


def build_catalog(*, root: Path, slug: str, target: Path, lang: str, master, master_lines: dict, translation: Path,
                  translation_doc, translation_parsed, translation_ids, translation_anchors,
                  translation_messages: Messages, clauses: ClauseAlignment, messages: Messages,
                  metadata: dict) -> TranslationResult:
    """Align the translation with the written master and write the master's catalog in the other language.

    Args:
        root, slug, target: the repository, the standard, its folder (already written).
        lang: the master's language.
        master, master_lines: the master's document and the line maps of its written files.
        translation: the translation's path; translation_*: its document, parsed source, IDs,
            anchors and (discarded) import messages.
        clauses: the clause alignment (made before the master was written).
        messages: the import's messages (what the alignment finds is added).
        metadata: the master's metadata (the translation's temporary index reuses it).
    """
    from ..project import Project, ProjectError
    from ..translate.catalogs import catalog_path, other_language, templates

    other = other_language(lang)
    path = catalog_path(root, slug, other)
    result = TranslationResult(path, other, clauses=len(clauses.pairs),
                               renumbered=[(m.number, t.number) for m, t in clauses.renumbered],
                               master_only=[m.id for m in clauses.master_only if not m.placeholder],
                               translation_only=[t.id for t in clauses.translation_only if not t.placeholder])
    _report_clauses(clauses, master, translation_doc, messages)

    def write_translation(folder: Path) -> dict:
        return _render_translation(translation_doc, translation_parsed, translation_ids, translation_anchors,
                                   translation, folder, other, metadata, translation_messages)

    try:
        master_units, tr_units = _extract(target, master, master_lines, translation_doc, write_translation)
    except ProjectError as exc:
        messages.add(target / "index.md", None, f"the translation could not be aligned: {exc}")
        result.catalog = None
        return result

    number_map = clauses.number_map()
    master_numbers = {c.id: c.number for c in master.walk()}
    tr_numbers = {c.id: number_map.get(c.number, c.number) for c in translation_doc.walk()}
    set_features(master_units, lang, master_numbers)
    set_features(tr_units, other, tr_numbers, number_map)
    by_owner_m: dict[str | None, list[Unit]] = {}
    by_owner_t: dict[str | None, list[Unit]] = {}
    for unit in master_units:
        by_owner_m.setdefault(unit.owner, []).append(unit)
    for unit in tr_units:
        by_owner_t.setdefault(unit.owner, []).append(unit)
    id_map = clauses.id_map()
    renumbering = clauses.renumbering()
    votes: dict[str, Counter] = {}
    first_seen: dict[str, dict[str, int]] = {}
    pairs: list[tuple[str | None, str | None, object, object]] = [(None, None, None, None)]
    pairs += [(m.id, t.id, m, t) for m, t in clauses.pairs]
    refused: list[tuple[Unit, Unit, str]] = []
    for m_id, t_id, m_clause, t_clause in pairs:
        m_units = by_owner_m.get(m_id, [])
        t_units = by_owner_t.get(t_id, [])
        aligned = align_units(m_units, t_units, clauses.ratio)
        used = set()
        for mu, tu in aligned:
            used.add(id(tu))
            value, why = adapt_markup(mu.msgid, renumber(tu.msgid, renumbering), id_map)
            if value is None:
                refused.append((mu, tu, why))
                continue
            votes.setdefault(mu.msgid, Counter())[value] += 1
            first_seen.setdefault(mu.msgid, {}).setdefault(value, mu.index)
        if m_clause is None:
            continue
        left = [tu for tu in t_units if id(tu) not in used]
        result.leftover += len(left)
        for what, unit, text in _rows(left):
            messages.add(*(unit.source or (translation, None)),
                         f"translation {what} {_snippet(text)} of {_label(t_clause)} has no counterpart in "
                         f"the master's {_label(m_clause)} ({_where(m_clause)}); it is not in the catalog")
    strings = {}
    for msgid, counter in votes.items():
        order = first_seen[msgid]
        strings[msgid] = max(counter, key=lambda v: (counter[v], -order[v]))
    # what stays untranslated in aligned clauses, and refused translations, is reported once per message
    for mu, tu, why in refused:
        if mu.msgid in strings:
            continue
        result.refused += 1
        where = f"{tu.source[0]}:{tu.source[1]}" if tu.source else str(translation)
        messages.add(*(mu.source or (target, None)),
                     f"the translation of {_snippet(mu.text)} ({where}) is not used: its markup differs from "
                     f"the master's ({why})")
    to_translation = {m.id: t for m, t in clauses.pairs}
    master_clauses = {c.id: c for c in master.walk()}
    untranslated = [mu for mu in master_units if mu.msgid not in strings and mu.owner in to_translation]
    for what, unit, text in _rows(untranslated):
        m_clause, t_clause = master_clauses[unit.owner], to_translation[unit.owner]
        messages.add(*(unit.source or (target, None)),
                     f"{what} {_snippet(text)} of {_label(m_clause)} has no counterpart in the translation's "
                     f"{_label(t_clause)} ({_where(t_clause)}); it stays untranslated")

    try:
        template = templates(Project(root), [slug]).get(slug)
    except ProjectError as exc:
        messages.add(target / "index.md", None, f"no catalog written: the messages could not be extracted: {exc}")
        result.catalog = None
        return result
    if template is None:
        messages.add(target / "index.md", None, "no catalog written: Sphinx found no valid metadata for the standard")
        result.catalog = None
        return result
    result.total, result.translated = _write_catalog(path, template, other, slug, strings)
    result.strings = {k: v for k, v in strings.items() if k in template}
    messages.add(path, None, f"catalog written from {translation}: {result.translated} of {result.total} messages "
                             f"translated; {result.clauses} clauses and term entries aligned, {len(result.renumbered)} of them "
                             "renumbered, "
                             f"{len(result.master_only)} without counterpart in the translation, "
                             f"{len(result.translation_only)} translation clauses and {result.leftover} translation "
                             "messages left over")
    return result
