"""Translation catalogs per standard, through Sphinx's gettext machinery (sphinx-intl style).

A standard drafted in Chinese is translated into English and one drafted in
English into Chinese; the catalog of standard ``slug`` in language ``lang`` is
``standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``, a plain PO file any
translation tool can edit. ``std translate update`` extracts the messages of
every standard (Sphinx's ``gettext`` builder, one template per standard) and
merges them into its catalogs with Babel: new messages are added, messages
whose master text changed become fuzzy (stale) with their previous text kept
for the translator, messages no longer in the master become obsolete.
``std translate status`` counts translated, fuzzy and missing messages, and lists
the problems of each catalog (:mod:`.validate`: broken PO syntax, a file that is not
UTF-8, translations that drop the master's markup) with the catalog's line.
``std lint`` reports the same problems as findings (:func:`catalog_findings`, code
``std.po``), which gate the translated edition only.

A standard whose ``index.md`` has invalid metadata (broken YAML, a missing field) has no
master language, hence no catalog: :func:`templates` leaves it out and, given a list,
adds an :class:`InvalidMetadata` to it (the problem ``std lint`` reports as ``std.metadata``,
with its line), which ``std translate status`` and ``std translate update`` report.

A PO file anywhere else under ``standards/<slug>/locales/`` is used by nothing — a
language the tool does not translate into (``fr``), the master's own language, a
region (``en_GB``), another file name — and is reported as misplaced
(:func:`misplaced_catalogs`) by ``std translate status``, ``std translate update``,
``std lint`` and a translated build, with the path the catalog must have.

Metadata that gettext does not see is bilingual in the markup itself: titles
(``title.zh``/``title.en``), term equivalents (``:en:``/``:zh:``).
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ..project import Project
from ..render.files import write_atomic
from .validate import Problem, check_catalog

__all__ = ["CatalogStatus", "InvalidMetadata", "Misplaced", "catalog_findings", "catalog_path", "misplaced_catalogs", "other_language",
           "status", "templates", "update"]

#: The languages a standard is drafted and translated in, by their English names.
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}
#: The lint code of a catalog's problems (the Sphinx warnings of a translated build have the same type).
CATALOG_CODE = "std.po"


def other_language(lang: str) -> str:
    """The language a standard drafted in ``lang`` is translated into."""
    return "en" if lang == "zh" else "zh"


def catalog_path(root: Path, slug: str, lang: str) -> Path:
    """``standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``."""
    return root / "standards" / slug / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


@dataclass(frozen=True)
class Misplaced:
    """A PO file under ``standards/<slug>/locales/`` that nothing uses (it is not the standard's catalog).

    Attributes:
        path: the file; expected: where the standard's catalog is (:func:`catalog_path`);
        message: what is wrong with the place and what to do, in English (it names ``expected``).
    """

    path: Path
    expected: Path
    message: str

    def location(self, root: Path | None = None) -> str:
        """The file, relative to ``root`` when it is under it."""
        return _shown(self.path, root)

    def to_json(self, root: Path | None = None) -> dict:
        """``{"file", "expected", "message"}`` (paths relative to ``root``)."""
        return {"file": self.location(root), "expected": _shown(self.expected, root), "message": self.message}


@dataclass(frozen=True)
class InvalidMetadata:
    """A metadata problem of a standard's ``index.md``, which keeps the standard out of translation.

    Attributes:
        slug: the standard; path: its ``index.md``; line: the line of the problem (1-based, ``None``
        when unknown); message: ``invalid metadata: …``, the message ``std lint`` gives (``std.metadata``).
    """

    slug: str
    path: Path
    line: int | None
    message: str

    def location(self, root: Path | None = None) -> str:
        """``file:line`` (``file`` without a line), the file relative to ``root`` when it is under it."""
        shown = _shown(self.path, root)
        return f"{shown}:{self.line}" if self.line else shown

    def to_json(self, root: Path | None = None) -> dict:
        """``{"slug", "file", "line", "message"}`` (file relative to ``root``)."""
        return {"slug": self.slug, "file": _shown(self.path, root), "line": self.line, "message": self.message}


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def misplaced_catalogs(root: Path, slug: str, master: str) -> list[Misplaced]:
    """The PO files of ``standards/<slug>/locales/`` other than the standard's catalog, which nothing reads.

    ``master``: the language the standard is drafted in. The catalog of a standard drafted in
    ``master`` is :func:`catalog_path` ``(root, slug, other_language(master))``; every other ``.po``
    file there — a language the tool does not translate into (``fr``), the master's own language,
    a region or script (``en_GB``, ``zh_Hans``), another name or folder — is reported, with that path.
    """
    locales = root / "standards" / slug / "locales"
    target = other_language(master)
    expected = catalog_path(root, slug, target)
    if not locales.is_dir():
        return []
    shown = _shown(expected, root)
    found = []
    for path in sorted(locales.rglob("*.po")):
        if path == expected or not path.is_file():
            continue
        parts = path.relative_to(locales).parts
        locale = parts[0] if len(parts) > 1 else ""
        base = re.split(r"[_@.-]", locale, maxsplit=1)[0].lower()
        action = "move it there"
        if not locale:
            why = "it is not in a language folder"
        elif base == master:
            why = (f"{locale} is the master's own language (the standard is drafted in {LANGUAGE_NAMES[master]}: it is "
                   f"translated into {LANGUAGE_NAMES[target]})")
            action = "a translation into " + LANGUAGE_NAMES[target] + " belongs there"
        elif base != target:
            why = (f"{locale} is not a language the tool translates into (a standard drafted in "
                   f"{LANGUAGE_NAMES[master]} is translated into {LANGUAGE_NAMES[target]} only)")
            action = "a translation into " + LANGUAGE_NAMES[target] + " belongs there"
        elif locale != target:
            why = f"the folder is {locale}, but catalogs are per language ({target}), not per region or script"
        elif len(parts) != 3 or parts[1] != "LC_MESSAGES":
            why = f"it is not in {target}/LC_MESSAGES/"
        else:
            why = f"it is named {path.name}, but the catalog of {slug} is named {slug}.po (one catalog per standard)"
        if action == "move it there" and expected.is_file():
            action = "merge its translations into that file"
        found.append(Misplaced(path, expected, f"catalog in the wrong place, not used: {why}; the catalog of {slug} "
                                               f"is {shown} ({action})"))
    return found


def catalog_findings(root: Path, standards: dict) -> list:
    """The problems of every standard's catalog as lint findings (:class:`tooling.lint.context.Finding`).

    ``standards``: slug → the standard's (master) metadata, ``None`` when it is invalid (skipped).
    Each problem of :func:`~.validate.check_catalog` is an error at the catalog's line, with the
    message the translated build and ``std translate status`` give; each misplaced PO file
    (:func:`misplaced_catalogs`) a warning about the whole file. Code ``std.po``: they gate the
    translated edition, never the master (:func:`tooling.lint.report.gates_translation`).
    """
    from ..lint.context import Finding
    from ..model.problems import problem_message_zh

    findings = []
    for slug, meta in sorted(standards.items()):
        if meta is None or meta.is_translation or meta.language not in LANGUAGE_NAMES:
            continue
        path = catalog_path(root, slug, other_language(meta.language))
        docname = f"{slug}/index"
        if path.is_file():
            for problem in check_catalog(path).problems:
                findings.append(Finding(CATALOG_CODE, "error", problem.message, problem_message_zh(CATALOG_CODE),
                                        str(path), problem.line, None, docname, slug, problem.msgid or problem.message))
        for stray in misplaced_catalogs(root, slug, meta.language):
            findings.append(Finding(CATALOG_CODE, "warning", stray.message, problem_message_zh(CATALOG_CODE),
                                    str(stray.path), None, None, docname, slug, stray.message))
    return findings


@dataclass
class CatalogStatus:
    """How far a translation is: counts of messages of the current master text.

    Attributes: slug, language, translated, fuzzy (stale: the master changed since), missing,
    total (the number of messages), path (the catalog), problems (:class:`~.validate.Problem`,
    with the catalog's lines), misplaced (:class:`Misplaced`: PO files of the standard that nothing
    reads, which do not count and are no problem of the catalog). The counts are what a build applies: a message whose translation
    has a problem counts as missing, and every message of a catalog that cannot be used at all
    (broken syntax, not UTF-8) does.
    """

    slug: str
    language: str
    translated: int
    fuzzy: int
    missing: int
    path: Path
    problems: list[Problem] = field(default_factory=list)
    misplaced: list[Misplaced] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    @property
    def ratio(self) -> float:
        """Share of messages translated and not fuzzy (0.0–1.0; 1.0 for an empty text)."""
        return self.translated / self.total if self.total else 1.0

    @property
    def usable(self) -> bool:
        """Whether a build can use the catalog at all (no problem of the whole file)."""
        return not any(p.fatal for p in self.problems)

    def to_json(self, root: Path | None = None) -> dict:
        """The ``std translate status --format json`` entry: ``slug, language, translated, fuzzy, missing``,
        ``problems`` (``[{"file", "line", "message", "scope"}]``, file relative to ``root``) when there are any,
        and ``misplaced`` (``[{"file", "expected", "message"}]``) when there are PO files in the wrong place."""
        entry = {"slug": self.slug, "language": self.language, "translated": self.translated, "fuzzy": self.fuzzy,
                 "missing": self.missing}
        if self.problems:
            entry["problems"] = [p.to_json(root) for p in self.problems]
        if self.misplaced:
            entry["misplaced"] = [m.to_json(root) for m in self.misplaced]
        return entry


def templates(project: Project, slugs: list[str] | None = None,
              invalid: list[InvalidMetadata] | None = None) -> dict[str, Catalog]:
    """Extract the message templates of the standards (one per standard): slug → catalog.

    A standard whose metadata is invalid has no template (its language is unknown); when
    ``invalid`` is given, its problems are appended to it (:class:`InvalidMetadata`, in the
    order of the slugs), so that a caller never leaves the standard out silently.

    Raises:
        tooling.project.ProjectError: when Sphinx cannot run.
    """
    out = project.build_dir / "gettext"
    shutil.rmtree(out, ignore_errors=True)
    # the bilingual lint rules (BL) read the catalogs, which may be broken: extraction needs no lint
    result = project.sphinx("gettext", out, doctreedir=project.build_dir / "doctrees-gettext",
                            overrides={"gettext_compact": True, "gettext_location": True, "gettext_uuid": False,
                                       "std_lint": {"ignore": ["BL"]}})
    domain = result.app.env.domains["standard"]
    found = {}
    for slug, entry in sorted(domain.standards.items()):
        if slugs and slug not in slugs:
            continue
        if entry["metadata"] is None:
            if invalid is not None:
                index = Path(result.app.env.doc2path(entry["docname"]))
                problems = entry.get("errors") or [(None, "the metadata could not be read")]
                invalid += [InvalidMetadata(slug, index, line, f"invalid metadata: {message}")
                            for line, message in problems]
            continue
        pot = out / f"{slug}.pot"
        if pot.is_file():
            with pot.open("rb") as handle:
                found[slug] = read_po(handle)
        else:
            found[slug] = Catalog()
        found[slug].master_language = entry["metadata"].language
    return found


def _read(path: Path, lang: str) -> Catalog | None:
    """Read a catalog, keeping the previous msgids of fuzzy messages (``#| msgid``), which Babel's reader drops.

    The file must have passed :func:`~.validate.check_catalog` (Babel reads a broken file leniently, guessing).
    """
    if not path.is_file():
        return None
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is no PO syntax
    catalog = read_po(io.BytesIO(data), locale=lang)
    for message in catalog:
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]  # "#|" is not a comment
    for msgid, previous in _previous_ids(data.decode("utf-8")).items():
        message = catalog.get(msgid)
        if message is not None and message.fuzzy and not message.previous_id:
            message.previous_id = [previous]
    return catalog


def _previous_ids(text: str) -> dict[str, str]:
    """msgid → previous msgid, from the ``#| msgid`` comments of a PO file."""
    from babel.messages.pofile import unescape

    found: dict[str, str] = {}
    previous: list[str] | None = None
    current: list[str] | None = None
    for line in text.splitlines() + [""]:
        if line.startswith("#| msgid "):
            previous = [unescape(line[len("#| msgid "):])]
        elif line.startswith('#| "') and previous is not None:
            previous.append(unescape(line[3:]))
        elif line.startswith("msgid ") and previous is not None:
            current = [unescape(line[len("msgid "):])]
        elif line.startswith('"') and current is not None:
            current.append(unescape(line))
        elif current is not None:
            found["".join(current)] = "".join(previous or [])
            previous = current = None
    return found


def update(project: Project, slugs: list[str] | None = None,
           invalid: list[InvalidMetadata] | None = None) -> list[tuple[Path, str]]:
    """Create or update every standard's catalog from its current text.

    A standard with invalid metadata is left alone; its problems go to ``invalid`` when it is
    given (see :func:`templates`).

    Returns:
        ``(catalog path, what happened)`` per catalog: ``created``, ``updated``, ``unchanged``, or
        ``not updated (line N: problem)`` for a catalog that cannot be read (broken syntax, not UTF-8):
        rewriting it would lose what Babel cannot read, so it is left as it is (the others are
        updated all the same). A catalog created while the standard has PO files in the wrong place
        (:func:`misplaced_catalogs`, e.g. ``locales/en_GB/``) says so: ``created (empty: … is not
        used …)``; each such file comes after its standard's catalog as ``(its path, "catalog in the
        wrong place, not used: …")`` and is left as it is. Nothing is written for a catalog whose content did not change.
    """
    results = []
    for slug, template in templates(project, slugs, invalid).items():
        strays = misplaced_catalogs(project.root, slug, template.master_language)
        results.append(_update_one(project.root, slug, template, strays))
        results += [(stray.path, stray.message) for stray in strays]
    return results


def _update_one(root: Path, slug: str, template: Catalog, strays: list[Misplaced]) -> tuple[Path, str]:
    """Create or update the catalog of ``slug`` from its ``template`` (see :func:`update`): ``(path, what happened)``."""
    lang = other_language(template.master_language)
    path = catalog_path(root, slug, lang)
    if path.is_file():
        check = check_catalog(path)
        fatal = [p for p in check.problems if p.fatal]
        if fatal and not check.empty:  # an empty file is simply filled
            return path, f"not updated (line {fatal[0].line}: {fatal[0].message})"
    catalog = _read(path, lang)
    created = catalog is None
    if created:
        catalog = Catalog(locale=lang, project=slug, fuzzy=False)
        catalog.creation_date = template.creation_date
    template.creation_date = catalog.creation_date  # the catalog's own dates change only when it does
    previous = {m.id: m.previous_id for m in catalog if m.fuzzy and m.previous_id}
    catalog.update(template, update_header_comment=False)
    for message in catalog:  # a message still fuzzy keeps the text it was translated from
        if message.fuzzy and not message.previous_id and message.id in previous:
            message.previous_id = previous[message.id]
        message.flags.discard("python-format")  # "30 % of" is prose, not a format string
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False, omit_header=False)
    changed = write_atomic(path, buffer.getvalue())
    what = "created" if created else ("updated" if changed else "unchanged")
    if created and strays:  # never silently beside a translation in the wrong place
        names = ", ".join(stray.location(root) for stray in strays)
        what += (f" (empty: {names} {'is' if len(strays) == 1 else 'are'} in the wrong place and not used; move "
                 "the translations into this catalog)")
    return path, what


def status(project: Project, slugs: list[str] | None = None,
           invalid: list[InvalidMetadata] | None = None) -> list[CatalogStatus]:
    """Translation status of every standard against its current master text (a fresh extraction).

    A standard with invalid metadata has no row; its problems go to ``invalid`` when it is
    given (see :func:`templates`).

    Returns:
        One :class:`CatalogStatus` per standard, with the problems of its catalog (none when it
        has no catalog yet).

    Raises:
        tooling.project.ProjectError: when Sphinx cannot run.
    """
    rows = []
    for slug, template in templates(project, slugs, invalid).items():
        lang = other_language(template.master_language)
        path = catalog_path(project.root, slug, lang)
        check = check_catalog(path) if path.is_file() else None
        problems = check.problems if check is not None else []
        usable = check is not None and check.usable
        catalog = (_read(path, lang) if usable else None) or Catalog(locale=lang)
        rejected = check.rejected if check is not None else set()
        translated = fuzzy = missing = 0
        for message in template:
            if not message.id:
                continue
            found = catalog.get(message.id, message.context)
            if found is None or not found.string or (message.context, message.id) in rejected:
                missing += 1
            elif found.fuzzy:
                fuzzy += 1
            else:
                translated += 1
        rows.append(CatalogStatus(slug, lang, translated, fuzzy, missing, path, list(problems),
                                  misplaced_catalogs(project.root, slug, template.master_language)))
    return rows
