"""Master/translation segment pairs: what the bilingual checks (BL rules) compare.

A segment is one translatable message of the master text, exactly as Sphinx's
gettext machinery extracts it (titles, paragraphs, list items, table cells,
captions), with its translation from the standard's catalog, the master's
source line, the translation's catalog line, the clause it belongs to and the
containers it sits in (note, example, term entry, table …).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from docutils import nodes
from sphinx.util.nodes import extract_messages

from ..lint.context import container_roles
from .catalogs import catalog_path

__all__ = ["Segment", "catalog_for", "segment_pairs"]


@dataclass
class Segment:
    """One message of the master and its translation.

    Attributes:
        msgid: the master text (MyST source of the element); msgstr: its translation ("" when missing).
        fuzzy: the translation is stale (the master changed since).
        docname, file, line: where the master text is. po_file, po_line: where the translation is.
        kind: the element (``title``, ``paragraph``, ``caption`` …, the docutils node name).
        section: stable key of the enclosing clause; roles: containers (as lint text units have).
        node: the master's doctree node.
    """

    msgid: str
    msgstr: str
    fuzzy: bool
    docname: str
    file: str
    line: int
    po_file: str
    po_line: int
    kind: str
    section: str | None
    roles: tuple[str, ...]
    node: nodes.Node

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and not self.fuzzy


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: float, lang: str) -> Catalog | None:
    from .validate import load_catalog

    return load_catalog(Path(path), lang, as_written=True)


def catalog_for(root: Path, slug: str, lang: str) -> Catalog | None:
    """The translation catalog of ``slug`` in ``lang`` as its translator wrote it (the BL rules compare
    what it says with the master, even where the build leaves a message untranslated for its markup),
    or ``None`` when there is none or it is unusable (broken PO syntax, not UTF-8: :mod:`.validate`
    reports those)."""
    path = catalog_path(root, slug, lang)
    try:
        return _load(str(path), path.stat().st_mtime, lang)
    except OSError:
        return None


def _section(node: nodes.Node) -> str | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            return parent.get("std_key")
        parent = parent.parent
    return None


def segment_pairs(env, slug: str, lang: str, documents) -> list[Segment]:
    """The master's messages of standard ``slug`` with their ``lang`` translations, in reading order.

    Args:
        env: the Sphinx environment of a master build.
        documents: ``(docname, read-phase doctree)`` of the standard (as the lint's
            ``StandardContext.documents()`` gives them).

    Returns:
        Segments; an empty list when the standard has no catalog in ``lang``.
    """
    root = Path(env.config.std_root)
    catalog = catalog_for(root, slug, lang)
    if catalog is None:
        return []
    po_file = str(catalog_path(root, slug, lang))
    segments = []
    for docname, tree in documents:
        for node, msgid in extract_messages(tree):
            message = catalog.get(msgid)
            line = node.line or 0
            parent = node
            while not line and parent is not None:
                parent = parent.parent
                line = getattr(parent, "line", 0) or 0
            segments.append(Segment(
                msgid=msgid,
                msgstr=(message.string if message is not None and isinstance(message.string, str) else ""),
                fuzzy=bool(message is not None and message.fuzzy),
                docname=docname,
                file=node.source or str(env.doc2path(docname)),
                line=line,
                po_file=po_file,
                po_line=message.lineno if message is not None and message.lineno else 0,
                kind=node.tagname,
                section=_section(node),
                roles=container_roles(node),
                node=node,
            ))
    return segments
