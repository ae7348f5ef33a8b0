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

Metadata that gettext does not see is bilingual in the markup itself: titles
(``title.zh``/``title.en``), term equivalents (``:en:``/``:zh:``).
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ..project import Project
from ..render.files import write_atomic
from .validate import Problem, check_catalog

__all__ = ["CatalogStatus", "catalog_path", "other_language", "status", "templates", "update"]


def other_language(lang: str) -> str:
    """The language a standard drafted in ``lang`` is translated into."""
    return "en" if lang == "zh" else "zh"


def catalog_path(root: Path, slug: str, lang: str) -> Path:
    """``standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``."""
    return root / "standards" / slug / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


@dataclass
class CatalogStatus:
    """How far a translation is: counts of messages of the current master text.

    Attributes: slug, language, translated, fuzzy (stale: the master changed since), missing,
    total (the number of messages), path (the catalog), problems (:class:`~.validate.Problem`,
    with the catalog's lines). The counts are what a build applies: a message whose translation
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
        and ``problems`` (``[{"file", "line", "message", "scope"}]``, file relative to ``root``) when there are any."""
        entry = {"slug": self.slug, "language": self.language, "translated": self.translated, "fuzzy": self.fuzzy,
                 "missing": self.missing}
        if self.problems:
            entry["problems"] = [p.to_json(root) for p in self.problems]
        return entry


def templates(project: Project, slugs: list[str] | None = None) -> dict[str, Catalog]:
    """Extract the message templates of the standards (one per standard): slug → catalog.

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
        if entry["metadata"] is None or (slugs and slug not in slugs):
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


def update(project: Project, slugs: list[str] | None = None) -> list[tuple[Path, str]]:
    """Create or update every standard's catalog from its current text.

    Returns:
        ``(catalog path, what happened)`` per catalog: ``created``, ``updated``, ``unchanged``, or
        ``not updated (line N: problem)`` for a catalog that cannot be read (broken syntax, not UTF-8):
        rewriting it would lose what Babel cannot read, so it is left as it is.
        Nothing is written for a catalog whose content did not change.
    """
    results = []
    for slug, template in templates(project, slugs).items():
        lang = other_language(template.master_language)
        path = catalog_path(project.root, slug, lang)
        if path.is_file():
            check = check_catalog(path)
            fatal = [p for p in check.problems if p.fatal]
            if fatal and not check.empty:  # an empty file is simply filled
                results.append((path, f"not updated (line {fatal[0].line}: {fatal[0].message})"))
                continue
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
        data = buffer.getvalue()
        changed = write_atomic(path, data)
        results.append((path, "created" if created else ("updated" if changed else "unchanged")))
    return results


def status(project: Project, slugs: list[str] | None = None) -> list[CatalogStatus]:
    """Translation status of every standard against its current master text (a fresh extraction).

    Returns:
        One :class:`CatalogStatus` per standard, with the problems of its catalog (none when it
        has no catalog yet).

    Raises:
        tooling.project.ProjectError: when Sphinx cannot run.
    """
    rows = []
    for slug, template in templates(project, slugs).items():
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
        rows.append(CatalogStatus(slug, lang, translated, fuzzy, missing, path, list(problems)))
    return rows
