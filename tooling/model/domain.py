"""The standards model in the Sphinx environment.

The ``standard`` domain keeps, per project:

- ``standards``: slug → metadata (or the metadata errors) and the index docname;
- ``outline``: docname → the numbered elements found in that document;
- ``numbers``: element key → :class:`~tooling.model.outline.Numbered`, computed
  for all standards after reading (``env-get-updated``), so an incremental build
  re-writes exactly the documents whose numbers changed.

Per-document data follows the gather / ``clear_doc`` / merge pattern of
Sphinx's collectors, so parallel and incremental builds stay correct.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .labels import annex_heading
from .metadata import MetadataError, StandardMetadata, clause_front_matter_problems, load_metadata
from .outline import Numbered, OutlineItem, collect_outline, number_outline

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

__all__ = ["StandardDomain", "standard_of", "setup"]


def standard_of(env: BuildEnvironment, docname: str) -> str | None:
    """The slug of the standard that ``docname`` belongs to, or ``None``.

    A document belongs to standard ``slug`` when it lies under ``slug/`` and
    ``slug/index`` exists.
    """
    if "/" not in docname:
        return None
    slug = docname.split("/", 1)[0]
    return slug if f"{slug}/index" in env.found_docs else None


class StandardDomain(Domain):
    """Standards, their metadata, outlines and numbers."""

    name = "standard"
    label = "Standards"
    data_version = 1
    initial_data: dict[str, Any] = {
        "standards": {},  # slug -> {"docname", "metadata": StandardMetadata | None, "errors": [(line, msg)]}
        "outline": {},  # docname -> list[OutlineItem]
        "numbers": {},  # key -> Numbered (derived; recomputed after every read)
        "footnotes": {},  # docname -> number of text footnotes
        "order": {},  # slug -> [docname, ...] reading order (derived)
        "footnote_offsets": {},  # docname -> footnotes in the standard's earlier documents (derived)
        "citations": {},  # docname -> citations of other documents (tooling.xref.citations.Citation)
        "findings": {},  # docname -> lint findings of the document rules
        "standard_findings": {},  # slug -> lint findings of the standard rules (derived)
        "problems": {},  # docname -> build problems logged while reading it (tooling.model.problems)
        "build_problems": [],  # build problems found outside reading (derived, every build)
        "labels": {},  # docname -> IDs it defines: (slug:id, file, line)
        "references": {},  # docname -> its references to IDs: (target, file, line)
    }

    # -- accessors ------------------------------------------------------------------
    @property
    def standards(self) -> dict[str, dict[str, Any]]:
        return self.data["standards"]

    @property
    def outline(self) -> dict[str, list[OutlineItem]]:
        return self.data["outline"]

    @property
    def numbers(self) -> dict[str, Numbered]:
        return self.data["numbers"]

    def metadata(self, slug: str | None) -> StandardMetadata | None:
        """The validated metadata of ``slug`` as the current output sees it, or ``None``.

        In a build of a translation (``std_output_language``), the metadata of a
        standard drafted in another language is a view in the output language
        (:meth:`StandardMetadata.in_language`): labels, covers and titles follow it.
        """
        entry = self.standards.get(slug or "")
        if not entry or entry["metadata"] is None:
            return None
        return entry["metadata"].in_language(self.env.config.std_output_language)

    def metadata_for(self, docname: str) -> StandardMetadata | None:
        """The metadata of the standard ``docname`` belongs to."""
        return self.metadata(standard_of(self.env, docname))

    def docs_of(self, slug: str) -> list[str]:
        """The documents of ``slug`` in reading order (its index's toctree, depth first)."""
        return self.data["order"].get(slug, [])

    def numbered(self, slug: str) -> list[Numbered]:
        """All numbered elements of ``slug`` in document order."""
        docs = self.docs_of(slug)
        order = {doc: i for i, doc in enumerate(docs)}
        items = [n for n in self.numbers.values() if n.docname in order]
        return items  # dict preserves insertion order, which is document order

    # -- gather / clear / merge ---------------------------------------------------------
    def note_standard(self, slug: str, docname: str, metadata: StandardMetadata | None,
                      errors: list[tuple[int, str]]) -> None:
        self.standards[slug] = {"docname": docname, "metadata": metadata, "errors": errors}

    def note_outline(self, docname: str, items: list[OutlineItem]) -> None:
        self.outline[docname] = items

    def note_citations(self, docname: str, citations: list) -> None:
        self.data["citations"][docname] = citations

    def note_findings(self, docname: str, findings: list) -> None:
        self.data["findings"][docname] = findings

    def note_footnotes(self, docname: str, count: int) -> None:
        self.data["footnotes"][docname] = count

    def note_ids(self, docname: str, labels: list, references: list) -> None:
        """The IDs ``docname`` defines and the IDs it refers to (checked after reading, :mod:`.problems`)."""
        self.data["labels"][docname] = labels
        self.data["references"][docname] = references

    def clear_doc(self, docname: str) -> None:
        self.outline.pop(docname, None)
        for key in ("footnotes", "findings", "citations", "problems", "labels", "references"):
            self.data[key].pop(docname, None)
        for slug, entry in list(self.standards.items()):
            if entry["docname"] == docname:
                del self.standards[slug]

    def merge_domaindata(self, docnames: set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["outline"]:
                self.outline[docname] = otherdata["outline"][docname]
            if docname in otherdata["footnotes"]:
                self.data["footnotes"][docname] = otherdata["footnotes"][docname]
            for key in ("findings", "citations", "labels", "references"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        for slug, entry in otherdata["standards"].items():
            if entry["docname"] in docnames:
                self.standards[slug] = entry

    object_types = {kind: ObjType(kind, kind) for kind in ("document", "clause", "term", "table", "figure",
                                                             "formula")}

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):  # noqa: D102
        return []

    def get_objects(self):
        """Standards and their numbered elements, for objects.inv (see :mod:`tooling.xref.inventory`)."""
        from ..xref.inventory import export_objects

        yield from export_objects(self)

    # -- derived data -------------------------------------------------------------------
    def renumber(self) -> set[str]:
        """Recompute every standard's numbers.

        Returns:
            The documents whose numbers changed (they must be written again),
            plus every document of a standard with a change (they may refer to
            the changed elements), plus the catalogue root.
        """
        env = self.env
        old = self.numbers
        new: dict[str, Numbered] = {}
        order: dict[str, list[str]] = {}
        for slug in sorted(self.standards):
            index = f"{slug}/index"
            docs = _toctree_order(env, index)
            order[slug] = docs
            new.update(number_outline([(doc, self.outline.get(doc, [])) for doc in docs]))
        changed_docs = {n.docname for k, n in new.items() if old.get(k) != n}
        changed_docs |= {n.docname for k, n in old.items() if k not in new}
        offsets: dict[str, int] = {}
        for docs in order.values():
            running = 0
            for doc in docs:
                offsets[doc] = running
                running += self.data["footnotes"].get(doc, 0)
        if offsets != self.data["footnote_offsets"]:
            changed_docs |= {d for d in offsets if offsets[d] != self.data["footnote_offsets"].get(d)}
        self.data["footnote_offsets"] = offsets
        self.data["numbers"] = new
        self.data["order"] = order
        fingerprints = {slug: metadata_fingerprint(entry["metadata"], entry["errors"])
                        for slug, entry in self.standards.items()}
        old_fingerprints = self.data.get("fingerprints", {})
        self.data["fingerprints"] = fingerprints
        affected: set[str] = set()
        changed_standards = set()
        for slug, docs in order.items():
            if changed_docs & set(docs) or fingerprints.get(slug) != old_fingerprints.get(slug):
                affected.update(docs)
                changed_standards.add(slug)
        # documents of other standards that cite a changed standard show its numbers: write them again
        changed_keys = {self.standards[s]["metadata"].designation.key for s in changed_standards
                        if s in self.standards and self.standards[s]["metadata"] is not None}
        changed_keys |= set(self.data.get("designation_keys", {}).get(s, "") for s in changed_standards)
        self.data["designation_keys"] = {s: e["metadata"].designation.key for s, e in self.standards.items()
                                         if e["metadata"] is not None}
        for docname, citations in self.data["citations"].items():
            if any(c.key in changed_keys for c in citations):
                affected.add(docname)
        if affected or fingerprints != old_fingerprints:
            affected.add(env.config.root_doc)
        return affected & env.found_docs


def metadata_fingerprint(metadata: StandardMetadata | None, errors: list[tuple[int, str]]) -> str:
    """What a standard's metadata (or its errors) is, as one comparable string."""
    return repr(metadata.to_json()) if metadata is not None else repr(errors)


def _metadata_changed(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                      removed: set[str]) -> list[str]:
    """``env-get-outdated``: when a standard's metadata changed, every document of the standard is read again.

    Every document is read in the light of its standard's metadata (its language,
    profile, stage: the lint, the citations, the labels), so a changed ``index.md``
    whose metadata differs from the kept one — or an ``index.md`` added or removed —
    makes the kept data of the other documents stale.

    Returns:
        The documents of those standards.
    """
    domain: StandardDomain = env.domains["standard"]
    stale: set[str] = set()
    for docname in sorted(added | changed | removed):
        slug, _, name = docname.partition("/")
        if name != "index":
            continue
        if docname in changed and slug in domain.standards:
            entry = domain.standards[slug]
            try:
                metadata, errors = load_metadata(Path(env.doc2path(docname))), []
            except MetadataError as exc:
                metadata, errors = None, exc.problems
            if metadata_fingerprint(metadata, errors) == metadata_fingerprint(entry["metadata"], entry["errors"]):
                continue
        stale.add(slug)
    return sorted(doc for doc in env.found_docs if doc.split("/", 1)[0] in stale)


def _check_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: the front matter of a clause file (a document of a standard other than its
    ``index.md``) holds only what MyST and Sphinx read there; every other field is a warning
    ``std.front-matter`` at its line (:func:`~tooling.model.metadata.clause_front_matter_problems`).
    """
    env = app.env
    slug = standard_of(env, docname)
    if slug is None or docname == f"{slug}/index" or not source[0].lstrip("\ufeff").startswith("---"):
        return
    index = Path(env.doc2path(f"{slug}/index"))
    root = Path(app.config.std_root or app.confdir)
    try:
        shown = index.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        shown = str(index)
    for line, message in clause_front_matter_problems(source[0], shown):
        logger.warning("%s", message, location=(docname, line), type="std", subtype="front-matter")


def _toctree_order(env: BuildEnvironment, root: str) -> list[str]:
    """``root`` and every document its toctrees include, depth first, each once."""
    seen: list[str] = []

    def visit(doc: str) -> None:
        if doc in seen:
            return
        seen.append(doc)
        for child in env.toctree_includes.get(doc, []):
            visit(child)

    visit(root)
    return seen


class CollectStandard(SphinxTransform):
    """Read the standard's metadata (in its index), namespace its stable IDs and collect its outline.

    Runs just before Sphinx's domains collect labels, so a stable ID ``scope``
    of standard ``gb-t-1`` is registered as ``gb-t-1:scope``: every standard
    may use the same IDs without clashing.
    """

    default_priority = 845  # SphinxDomains (850) - 5

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.current_document.docname
        domain: StandardDomain = env.domains["standard"]
        slug = standard_of(env, docname)
        if slug and docname == f"{slug}/index":
            self._read_metadata(domain, slug, docname)
        if slug:
            self._namespace_labels(slug)
        domain.note_outline(docname, collect_outline(self.document, docname, slug))
        domain.note_footnotes(docname, sum(1 for _ in self.document.findall(nodes.footnote)))

    def _read_metadata(self, domain: StandardDomain, slug: str, docname: str) -> None:
        path = Path(self.env.doc2path(docname))
        try:
            metadata = load_metadata(path)
            domain.note_standard(slug, docname, metadata, [])
        except MetadataError as exc:
            for line, message in exc.problems:
                logger.error("invalid metadata: %s", message, location=(docname, line),
                             type="std", subtype="metadata")
            domain.note_standard(slug, docname, None, exc.problems)

    def _namespace_labels(self, slug: str) -> None:
        document = self.document
        renames: dict[str, str] = {}
        for name, explicit in list(document.nametypes.items()):
            if not explicit or ":" in name:
                continue
            renames[name] = f"{slug}:{name}"
        if not renames:
            return
        for old, new in renames.items():
            document.nametypes[new] = document.nametypes.pop(old)
            document.nameids[new] = document.nameids.pop(old)
        for node in document.findall(nodes.Element):
            # an ID used twice in the document is in ``dupnames`` of both elements (docutils): rename it
            # there too, so the duplicate stays an ID of the standard (std.duplicate-id reports it)
            for attribute in ("names", "dupnames"):
                names = node.get(attribute)
                if names and any(name in renames for name in names):
                    node[attribute] = [renames.get(name, name) for name in names]


def _renumber(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: StandardDomain = env.domains["standard"]
    affected = domain.renumber()
    _number_tocs(env, domain)
    _title_indexes(env, domain)
    return sorted(affected)


def _title_indexes(env: BuildEnvironment, domain: StandardDomain) -> None:
    """A standard's index page is titled by its designation and title (it has no heading of its own)."""
    from sphinx import addnodes

    for slug, entry in domain.standards.items():
        docname = entry["docname"]
        meta = domain.metadata(slug)
        text = (f"{meta.display_designation()} {meta.title_text(meta.language)}" if meta else slug)
        env.titles[docname] = nodes.title(text, text)
        env.longtitles[docname] = nodes.title(text, text)
        toc = env.tocs.get(docname)
        if toc is None or any(isinstance(n, nodes.list_item) for n in toc.children):
            continue
        ref = nodes.reference("", "", nodes.Text(text), internal=True, refuri=docname, anchorname="")
        item = nodes.list_item("", addnodes.compact_paragraph("", "", ref))
        if toc.children:
            item += nodes.bullet_list("", *toc.children)
        env.tocs[docname] = nodes.bullet_list("", item)


def _number_tocs(env: BuildEnvironment, domain: StandardDomain) -> None:
    """Give the table-of-contents entries (env.tocs) their clause numbers, as Sphinx does for ``:numbered:``."""
    by_anchor: dict[tuple[str, str], str] = {}
    untitled: set[tuple[str, str]] = set()
    for numbered in domain.numbers.values():
        if numbered.kind != "clause":
            continue
        anchor = (numbered.docname, "#" + numbered.node_id)
        if not numbered.title:
            untitled.add(anchor)
        if numbered.role == "annex":
            meta = domain.metadata_for(numbered.docname)  # the output language's view
            lang = meta.language if meta else "en"
            by_anchor[anchor] = annex_heading(lang, numbered.number, numbered.obligation)
        elif numbered.number:
            by_anchor[anchor] = numbered.number
    for docname, toc in env.tocs.items():
        # untitled subclauses have no entry in a table of contents
        for ref in list(toc.findall(nodes.reference)):
            key = (docname, ref.get("anchorname") or "#")
            if key in untitled:
                item = ref.parent.parent
                if isinstance(item, nodes.list_item) and item.parent is not None:
                    item.parent.remove(item)
        first = True
        for ref in toc.findall(nodes.reference):
            anchor = ref.get("anchorname", "")
            key = (docname, anchor if anchor else "#" + _first_section_id(env, docname))
            number = by_anchor.get(key)
            if number is None and first:
                number = by_anchor.get((docname, anchor))
            first = False
            if number:
                ref["secnumber"] = [number]
            elif "secnumber" in ref:
                del ref["secnumber"]


def _first_section_id(env: BuildEnvironment, docname: str) -> str:
    for item in env.domains["standard"].outline.get(docname, []):
        if item.kind == "clause":
            return item.node_id
    return ""


def setup(app: Sphinx) -> None:
    app.add_config_value("std_output_language", "", "env", types=(str,))
    app.add_domain(StandardDomain)
    app.add_transform(CollectStandard)
    app.connect("source-read", _check_front_matter)
    app.connect("env-get-outdated", _metadata_changed)
    app.connect("env-get-updated", _renumber, priority=600)
