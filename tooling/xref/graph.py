"""Who cites what: "cited by" queries and the citation graph of the repository."""

from __future__ import annotations

from ..model.designation import parse_designation
from .citations import Citation, resolve

__all__ = ["cited_by", "citation_graph", "to_dot"]


def _clause_number(domain, citation: Citation) -> str:
    numbered = domain.numbers.get(citation.clause or "")
    if numbered is None:
        return ""
    return numbered.number or numbered.title


def cited_by(env, designation: str, target_id: str = "") -> list[dict]:
    """Every citation of ``designation`` (and of its element ``target_id`` when given) in the repository.

    Args:
        designation: any edition's designation; citations of every edition match (``GB/T 1.1``
            matches ``GB/T 1.1—2020``), unless a year is given, which must then match.
        target_id: a stable ID: only citations of that element (by ID, or by the number it has now).

    Returns:
        ``[{"standard", "clause", "file", "line", "target", "normative"}]`` sorted by standard, file, line.

    Raises:
        tooling.model.designation.DesignationError: for a malformed designation.
    """
    wanted = parse_designation(designation)
    domain = env.domains["standard"]
    number = ""
    if target_id:
        result = resolve(env, wanted, target_id)
        number = result.number
    rows = []
    for docname, citations in domain.data["citations"].items():
        for citation in citations:
            if citation.key != wanted.key or (wanted.dated and citation.year and citation.year != wanted.year):
                continue
            if target_id and citation.target_id != target_id and not (number and citation.location.endswith(number)):
                continue
            slug = docname.split("/", 1)[0]
            target = citation.text + (f"#{citation.target_id}" if citation.target_id else "") + (
                f", {citation.location}" if citation.location else "")
            rows.append({"standard": slug, "clause": _clause_number(domain, citation),
                         "file": str(env.doc2path(docname)), "line": citation.line, "target": target,
                         "normative": citation.normative})
    return sorted(rows, key=lambda r: (r["standard"], r["file"], r["line"]))


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
