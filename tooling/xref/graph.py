"""Who cites what: "cited by" queries and the citation graph of the repository."""

from __future__ import annotations

from ..model.designation import Designation, DesignationError, parse_designation
from .citations import Citation, repository_editions, resolve

__all__ = ["UnknownElement", "cited_by", "citation_graph", "to_dot"]


def _clause_number(domain, citation: Citation) -> str:
    numbered = domain.numbers.get(citation.clause or "")
    if numbered is None:
        return ""
    return numbered.number or numbered.title


class UnknownElement(LookupError):
    """``std refs --cited-by DESIGNATION#ID`` names an ID the cited standard does not have."""


def cited_by(env, designation: str, target_id: str = "") -> list[dict]:
    """Every citation of ``designation`` (and of its element ``target_id`` when given) in the repository.

    Args:
        designation: any edition's designation; citations of every edition match (``GB/T 1.1``
            matches ``GB/T 1.1—2020``), unless a year is given, which must then match.
        target_id: a stable ID: only citations of that element, by ID or by number (a citation
            by number, ``GB/T 1.1—2020, 第5章``, is resolved to the ID of what it cites).

    Returns:
        ``[{"standard", "clause", "file", "line", "target", "normative"}]`` sorted by standard, file, line.

    Raises:
        tooling.model.designation.DesignationError: for a malformed designation.
        UnknownElement: when the document is one whose contents are known (a standard of the repository,
            a document of an inventory) and it has no element ``target_id``.
    """
    wanted = parse_designation(designation)
    domain = env.domains["standard"]
    if target_id:
        _check_element(env, wanted, target_id)
    rows = []
    for docname, citations in domain.data["citations"].items():
        for citation in citations:
            if citation.key != wanted.key or (wanted.dated and citation.year and citation.year != wanted.year):
                continue
            if target_id and citation.target_id != target_id and _cited_label(env, citation) != target_id:
                continue
            slug = docname.split("/", 1)[0]
            target = citation.text + (f"#{citation.target_id}" if citation.target_id else "") + (
                f", {citation.location}" if citation.location else "")
            rows.append({"standard": slug, "clause": _clause_number(domain, citation),
                         "file": str(env.doc2path(docname)), "line": citation.line, "target": target,
                         "normative": citation.normative})
    return sorted(rows, key=lambda r: (r["standard"], r["file"], r["line"]))


def _check_element(env, wanted: Designation, target_id: str) -> None:
    """Raise :class:`UnknownElement` when the cited document's contents are known and lack ``target_id``
    (for a year-less designation: no edition in the repository has it)."""
    domain = env.domains["standard"]
    result = resolve(env, wanted, target_id)
    if not result.missing or result.where not in ("repository", "inventory"):
        return
    shown = wanted.format()
    if result.where == "repository":
        editions = [slug for slug, _ in repository_editions(domain, wanted.key)] if not wanted.dated else []
        if any(f"{slug}:{target_id}" in domain.numbers for slug in editions):
            return
        meta = domain.metadata(result.slug)
        if meta is not None and (wanted.dated or len(editions) == 1):
            shown = meta.display_designation()
    raise UnknownElement(f"no element '{target_id}' in {shown}")


def _cited_label(env, citation: Citation) -> str:
    """The stable ID of the element a citation by number (``5.2``, ``第5章``, ``表2``) points at, or ``""``."""
    if citation.target_id or not citation.location:
        return ""
    try:
        designation = parse_designation(citation.text)
    except DesignationError:
        return ""
    return resolve(env, designation, "", citation.location).label


def citation_graph(env) -> dict:
    """``{"nodes": [{"id", "designation", "kind"}], "edges": [{"from", "to", "count", "normative"}]}``.

    Nodes are the repository's standards (``kind`` ``repository``, with their ``slug``) and the
    documents they cite (``catalogue``, ``inventory`` or ``unknown``); an edge counts the citations
    from one to the other. A node's ``id`` (and an edge's ``from``/``to``) is the document's year-less
    designation in its written form (``ISO/IEC TS 4213``, ``ISO/IEC 5259-1``, ``GB/T 8170``), which
    ``std refs --cited-by`` accepts; ``designation`` is the repository standard's own designation,
    or the cited edition when every citation names the same one (else the year-less form).
    """
    domain = env.domains["standard"]
    nodes: dict[str, dict] = {}
    ids: dict[str, str] = {}  # designation key -> node id
    for slug, entry in domain.standards.items():
        meta = entry["metadata"]
        if meta is not None:
            ids[meta.designation.key] = meta.designation.display_key
            nodes[meta.designation.key] = {"id": meta.designation.display_key,
                                           "designation": meta.display_designation(),
                                           "kind": "repository", "slug": slug}
    cited_as: dict[str, set[str]] = {}
    edges: dict[tuple[str, str], dict] = {}
    for docname, citations in domain.data["citations"].items():
        slug = docname.split("/", 1)[0]
        entry = domain.standards.get(slug)
        if entry is None or entry["metadata"] is None:
            continue
        source = entry["metadata"].designation.key
        for citation in citations:
            if citation.key == source:
                continue
            if citation.key not in nodes:
                designation = parse_designation(citation.text)
                kind = resolve(env, designation).where
                ids[citation.key] = designation.display_key
                nodes[citation.key] = {"id": designation.display_key, "designation": "", "kind": kind}
            if nodes[citation.key]["kind"] != "repository":
                cited_as.setdefault(citation.key, set()).add(parse_designation(citation.text).format())
            edge = edges.setdefault((source, citation.key), {"from": ids[source], "to": ids[citation.key],
                                                             "count": 0, "normative": False})
            edge["count"] += 1
            edge["normative"] = edge["normative"] or citation.normative
    for key, forms in cited_as.items():
        nodes[key]["designation"] = next(iter(forms)) if len(forms) == 1 else nodes[key]["id"]
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]),
            "edges": sorted(edges.values(), key=lambda e: (e["from"], e["to"]))}


def to_dot(graph: dict) -> str:
    """The citation graph in Graphviz DOT (normative citations drawn solid, informative ones dashed)."""
    shapes = {"repository": "box", "catalogue": "ellipse", "inventory": "ellipse", "unknown": "octagon"}
    lines = ["digraph citations {", "  rankdir=LR;", '  node [fontname="Noto Sans CJK SC"];']
    for node in graph["nodes"]:
        lines.append(f'  "{node["id"]}" [label="{node["designation"]}", shape={shapes.get(node["kind"], "ellipse")}];')
    for edge in graph["edges"]:
        style = "solid" if edge["normative"] else "dashed"
        lines.append(f'  "{edge["from"]}" -> "{edge["to"]}" [label="{edge["count"]}", style={style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"
