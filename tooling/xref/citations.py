"""Citations of other documents: collected while reading, resolved and rendered while writing.

A citation (``{cite}`GB/T 20000.1—2014, 5.2```, ``{cite}`ISO/IEC XXXXX#test-data-set```,
a term entry's ``:source:``) is recorded per document with its line, the
clause it sits in and whether it is normative. It resolves, in this order:

1. against the standards of the repository: an undated citation means the
   current edition (``standards/<slug>/``), a dated one the edition with that
   year (a superseded edition may be kept as ``standards/<slug>-<year>/`` with
   ``status: replaced``); an ID or a number (``5.2``, ``表2``, ``Table A.1``,
   ``Annex A``) must exist in that edition;
2. against ``standards/catalogue.yaml`` (title, status, replacement);
3. against inventories of other repositories (``std_inventories`` in ``conf.py``).

Rendering follows the citing text (GB/T 1.1-2020 9.5.4; ISO/IEC Directives
Part 2, 10): ``GB/T 20000.1—2014的5.2`` in Chinese, ``GB/T 20000.1:2014, 5.2``
in ISO-style English; a whole clause reads ``GB/T 8170—2008的第4章`` /
``GB/T 8170:2008, Clause 4``. Problems are lint findings (RF003, RF004, RF008–RF011),
reported by :mod:`tooling.xref.rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..directives import nodes as stdnodes
from ..model.designation import Designation, DesignationError, parse_designation
from ..model.domain import standard_of
from ..model.labels import ref_text
from .catalogue import CatalogueEntry, catalogue_for

__all__ = ["Citation", "CollectCitations", "RenderCitations", "Resolution", "resolve"]


@dataclass
class Citation:
    """A citation as found in a document.

    Attributes:
        docname, line: where it is. text: as written.
        key: the cited document's year-less key (``GB/T 20000.1``); year: its dating or ``None``.
        target_id: a stable ID in the cited document; location: a number as written (``5.2``, ``表2``).
        normative: ``True``/``False`` when stated with ``{cite-normative}``/``{cite-informative}``,
            else inferred: in the normative references list, or in a provision of the body.
        context: ``normative-references``, ``bibliography``, ``term-source``, ``informative``
            (note, example, footnote, foreword, introduction, informative annex) or ``body``.
        clause: key of the enclosing clause (for "cited by" listings).
        node_id: the anchor of the citation in its page.
    """

    docname: str
    line: int
    text: str
    key: str
    year: str | None
    target_id: str
    location: str
    normative: bool
    stated: bool
    context: str
    clause: str | None
    node_id: str = ""

    @property
    def specific(self) -> bool:
        """True when the citation points into a part of the document (an ID or a location)."""
        return bool(self.target_id or self.location)


@dataclass
class Resolution:
    """What a citation resolved to.

    Attributes:
        where: ``repository``, ``catalogue``, ``inventory`` or ``unknown``.
        slug/docname/node_id/number/kind/role: the cited standard (and element) in the repository.
        label: the stable ID of the cited element (also when it was cited by number).
        entry: the catalogue entry. uri: an external address (catalogue URL or inventory).
        status: ``current``, ``replaced`` or ``withdrawn``; replaced_by: the replacement's designation.
        missing: the ID or location that does not exist in the cited edition.
        unknown_edition: a dated citation of an edition nobody knows.
    """

    where: str
    slug: str | None = None
    docname: str | None = None
    node_id: str = ""
    number: str = ""
    kind: str = ""
    role: str | None = None
    label: str = ""
    title: str = ""
    entry: CatalogueEntry | None = None
    uri: str = ""
    status: str = "current"
    replaced_by: str = ""
    missing: str = ""
    unknown_edition: bool = False


_LOCATION = [
    (re.compile(r"^(?:第\s*)?(\d+(?:\.\d+)*)\s*(?:章|条)?$"), "clause"),
    (re.compile(r"^(?:Clause|Subclause)\s+(\d+(?:\.\d+)*)$", re.I), "clause"),
    (re.compile(r"^(?:附录|Annex)\s*([A-Z](?:\.\d+)*)$", re.I), "clause"),
    (re.compile(r"^([A-Z]\.\d+(?:\.\d+)*)$"), "clause"),
    (re.compile(r"^(?:表|Table)\s*([A-Z]?\.?\d+)$", re.I), "table"),
    (re.compile(r"^(?:图|Figure)\s*([A-Z]?\.?\d+)$", re.I), "figure"),
    (re.compile(r"^(?:公式|Formula)\s*[（(]\s*([A-Z]?\.?\d+)\s*[)）]$", re.I), "formula"),
]


def parse_location(location: str) -> tuple[str, str] | None:
    """``"5.2"`` → ``("clause", "5.2")``; ``"表A.1"`` → ``("table", "A.1")``; unknown forms → ``None``."""
    text = location.strip()
    for pattern, kind in _LOCATION:
        m = pattern.match(text)
        if m:
            return kind, m.group(1)
    return None


def _context(node: nodes.Node) -> tuple[str, str | None]:
    """The citation's context and the stable key of its innermost clause."""
    context, clause = "body", None
    parent = node.parent
    while parent is not None:
        if isinstance(parent, stdnodes.term_source):
            context = "term-source"
        elif isinstance(parent, (nodes.note, stdnodes.example, nodes.footnote)) and context == "body":
            context = "informative"
        elif isinstance(parent, nodes.section):
            clause = clause or parent.get("std_key")
            role = stdnodes.section_role(parent)
            if role in ("normative-references", "bibliography"):
                context = role
            elif role in ("foreword", "introduction") and context == "body":
                context = "informative"
            elif role == "annex" and stdnodes.annex_obligation(parent) == "informative" and context == "body":
                context = "informative"
        parent = parent.parent
    return context, clause


#: Sentences that make the cited document part of this one without a verbal form (the terms lead-ins
#: of GB/T 1.1-2020 8.7.2 and ISO/IEC Directives Part 2 16.5.3, "… apply to this document").
_APPLIES = re.compile(r"适用于本文件|terms and definitions given in .* apply|\bapplies to this document", re.I)


def _sentence_is_provision(node: nodes.Node, lang: str) -> bool:
    from ..lint.classifier import classify

    paragraph = node.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    if paragraph is None:
        return False
    text = paragraph.astext()
    return bool(_APPLIES.search(text)) or any(f.kind != "possibility" for f in classify(text, lang))


#: A citation role with nothing between its backticks: MyST reads no role there and leaves the text as written.
_EMPTY_ROLE = re.compile(r"\{cite(?:-normative|-informative)?\}(?:``)+(?!`)")
_NOT_MARKUP = (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw, nodes.comment,
               nodes.system_message, nodes.problematic)


def _report_empty_roles(document: nodes.document, docname: str) -> None:
    """Report each ``{cite}`` followed by two backticks (an empty citation) as ``std.citation`` at its line."""
    from sphinx.util import logging

    from ..directives.elements import CiteRole

    logger = logging.getLogger(__name__)
    for text in list(document.findall(nodes.Text)):
        if "{cite" not in text:
            continue
        parent = text.parent
        if parent is None or any(isinstance(a, _NOT_MARKUP) for a in [parent, *stdnodes.ancestors(parent)]):
            continue
        block = next((a for a in [parent, *stdnodes.ancestors(parent)] if getattr(a, "line", None)), None)
        before = 0  # line breaks of the block's text before this node
        if block is not None:
            for other in block.findall(nodes.Text):
                if other is text:
                    break
                before += str(other).count("\n")
        source = (block.source if block is not None else None) or document.get("source") or ""
        for m in _EMPTY_ROLE.finditer(str(text)):
            line = (block.line if block is not None else 0) + before + str(text).count("\n", 0, m.start())
            location = f"{source}:{line}" if source and line else (docname, line or None)
            logger.error(CiteRole.EMPTY, type="std", subtype="citation", location=location)


class CollectCitations(SphinxTransform):
    """Record every citation of the document being read (after the model collected it); report the
    empty citations MyST leaves as text."""

    default_priority = 846

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.current_document.docname
        _report_empty_roles(self.document, docname)
        domain = env.domains["standard"]
        slug = standard_of(env, docname)
        from ..lint.engine import metadata_for

        meta = metadata_for(env, docname)
        lang = meta.language if meta else "en"
        found: list[Citation] = []
        for node in self.document.findall(stdnodes.std_cite):
            if not node["ids"]:
                self.document.set_id(node)
            try:
                designation = parse_designation(node["designation"])
            except DesignationError:
                continue  # reported by the lint (RF008) from the raw text below
            context, clause = _context(node)
            stated = node.get("normative")
            if stated is None:
                normative = context == "normative-references" or (
                    context == "body" and _sentence_is_provision(node, lang))
            else:
                normative = bool(stated)
            found.append(Citation(docname, node.line or 0, node["designation"], designation.key, designation.year,
                                  node.get("target_id", ""), node.get("location", ""), normative,
                                  stated is not None, context, clause, node["ids"][0]))
        for entry in self.document.findall(stdnodes.term_entry):
            source = entry.get("source", "")
            if not source:
                continue
            text, _, location = source.replace("，", ",").partition(",")
            try:
                designation = parse_designation(text.strip())
            except DesignationError:
                continue
            found.append(Citation(docname, entry.line or 0, text.strip(), designation.key, designation.year, "",
                                  location.strip(), False, False, "term-source", entry.get("std_key"),
                                  entry["ids"][0] if entry["ids"] else ""))
        domain.note_citations(docname, found)
        del slug


def repository_editions(domain, key: str) -> list[tuple[str, Any]]:
    """``(slug, metadata)`` of every standard in the repository whose designation has ``key``."""
    return [(slug, entry["metadata"]) for slug, entry in sorted(domain.standards.items())
            if entry["metadata"] is not None and entry["metadata"].designation.key == key]


def resolve(env, designation: Designation, target_id: str = "", location: str = "") -> Resolution:
    """Resolve a citation of ``designation`` (optionally of an element) — see the module docstring."""
    domain = env.domains["standard"]
    editions = repository_editions(domain, designation.key)
    chosen = None
    if designation.dated:
        chosen = next(((s, m) for s, m in editions if m.designation.year == designation.year), None)
    else:
        chosen = next(((s, m) for s, m in editions if m.status == "current"), editions[0] if editions else None)
    if chosen is not None:
        slug, meta = chosen
        meta = domain.metadata(slug) or meta
        result = Resolution("repository", slug, f"{slug}/index", title=meta.title_text(meta.language),
                            status=meta.status,
                            replaced_by=meta.replaced_by.format() if meta.replaced_by else "")
        if target_id:
            numbered = domain.numbers.get(f"{slug}:{target_id}")
            if numbered is None:
                result.missing = f"#{target_id}"
            else:
                _fill(result, numbered)
        elif location:
            parsed = parse_location(location)
            numbered = None
            if parsed:
                kind, number = parsed
                numbered = next((n for n in domain.numbered(slug) if n.number == number and
                                 (n.kind == kind or (kind == "clause" and n.kind == "term"))), None)
            if numbered is None:
                result.missing = location
            else:
                _fill(result, numbered)
        return result
    from .inventory import lookup

    catalogue = catalogue_for(env.srcdir)
    entry = catalogue.find(designation)
    external = lookup(env, designation, target_id, same_edition=entry is not None)
    if entry is not None:
        result = Resolution("catalogue", entry=entry, title=entry.title_in("zh"), uri=entry.url, status=entry.status,
                            replaced_by=entry.replaced_by.format() if entry.replaced_by else "")
        if external is not None and target_id:
            # the catalogue gives title and status; an inventory that holds the document knows its elements
            result.missing, result.number, result.kind, result.label = (external.missing, external.number,
                                                                        external.kind, external.label)
            result.uri = external.uri if not external.missing else result.uri or external.uri
        return result
    if external is not None:
        return external
    if designation.dated and (editions or catalogue.editions(designation)):
        return Resolution("unknown", unknown_edition=True)
    return Resolution("unknown")


def _fill(result: Resolution, numbered) -> None:
    result.docname, result.node_id = numbered.docname, numbered.node_id
    result.number, result.kind, result.role = numbered.number, numbered.kind, numbered.role
    result.label = numbered.label or ""


def location_text(location: str, lang: str) -> str:
    """A location written by hand, in the citing text's form (GB/T 1.1-2020 9.5.4.2, 9.5.4.3;
    ISO/IEC Directives Part 2, 10): a whole clause ``4`` → ``第4章`` / ``Clause 4``, a subclause
    ``4.2`` stays ``4.2``, ``Annex A`` → ``附录A``, ``表2`` → ``Table 2``; other forms are kept."""
    parsed = parse_location(location)
    if parsed is None:
        return location
    kind, number = parsed
    role = "annex" if kind == "clause" and re.fullmatch(r"[A-Z]", number) else None
    return ref_text(lang, kind, number, role) or location


def format_designation(text: str, lang: str, profile: str) -> str:
    """A designation as written by hand, in the citing text's form (unparsable text is kept)."""
    try:
        return parse_designation(text).format("gb" if lang == "zh" or profile == "gb" else "iso")
    except DesignationError:
        return text


def format_citation(designation: str, location: str, lang: str, profile: str) -> str:
    """How a citation reads: ``GB/T 20000.1—2014的5.2`` / ``GB/T 20000.1:2014, 5.2``."""
    text = format_designation(designation, lang, profile)
    if location:
        text += f"的{location}" if lang == "zh" else f", {location}"
    return text


class RenderCitations(SphinxPostTransform):
    """Write each citation per profile and language, linked to what it cites when that can be linked."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        env = self.env
        meta = env.domains["standard"].metadata_for(self.document.get("std_docname") or env.docname)
        lang, profile = (meta.language, meta.profile) if meta else ("en", "iso")
        for cite in list(self.document.findall(stdnodes.std_cite)):
            if cite.get("std_rendered"):
                continue
            cite["std_rendered"] = True
            try:
                designation = parse_designation(cite["designation"])
            except DesignationError:
                cite.clear()
                cite += nodes.Text(cite["designation"])
                continue
            result = resolve(env, designation, cite.get("target_id", ""), cite.get("location", ""))
            location = cite.get("location", "")
            if result.number:
                location = ref_text(lang, result.kind, result.number, result.role) or location
            elif location:  # not resolved to an element (a catalogue document): the written location
                location = location_text(location, lang)
            text = format_citation(cite["designation"], location, lang, profile)
            uri = ""
            if result.where == "repository":
                try:
                    uri = env._app.builder.get_relative_uri(env.docname, result.docname)
                except Exception:  # noqa: BLE001 - builders without pages
                    uri = ""
                uri += f"#{result.node_id}" if result.node_id else ""
            elif result.uri:
                uri = result.uri
            cite.clear()
            if uri:
                cite += nodes.reference("", text, internal=result.where == "repository", refuri=uri,
                                        reftitle=result.title)
            else:
                cite += nodes.Text(text)


def setup(app) -> None:
    app.add_transform(CollectCitations)
    app.add_post_transform(RenderCitations)
