"""Writing the imported standard in our MyST layout.

``standards/<slug>/index.md`` holds the metadata (front matter) and the toctree;
each top-level clause is one file named ``NN-<id>.md`` (``NN`` its position, so
the files sort in reading order; the toctree is what orders them for the build).
Every clause starts with its stable ID target line and, when it has a role, its
class line::

    (scope)=
    {.scope}
    # Scope

Term entries, untitled subclauses and titled blocks are colon-fence directives
(``{term}``, ``{clause}``, ``{block}``); a container's fence is longer than the
fences inside it.
"""

from __future__ import annotations

import re

import yaml

from .content import RenderContext, escape_myst, render_items, source_line
from .errors import Messages
from .ids import IdRegistry, normalise_anchor
from .structure import Clause, Document

__all__ = ["CATALOGUE_PAGE", "assign_ids", "clause_file_names", "render_clause", "render_index"]

#: The repository's catalogue page (``standards/index.md``), written when a repository is created.
CATALOGUE_PAGE = """# Standards 标准

The standards of this repository, with their stage. Each links to its HTML pages;
`make publish` writes the official HTML and PDF of each into `build/publish/`.

本文件库中的标准及其所处阶段。

```{std-catalogue}
```

```{toctree}
:hidden:
:glob:

*/index
```
"""


def _first_words(clause: Clause, count: int = 6) -> str:
    for item in clause.body:
        inline = getattr(item, "inline", "")
        if inline:
            text = re.sub(r"[*_`\[\]()]", " ", inline)
            words = text.split()
            if any(ord(c) > 0x2e7f for c in text):
                return text.strip()[:12]
            return " ".join(words[:count])
    return ""


def assign_ids(doc: Document, ids: IdRegistry, messages: Messages) -> dict[str, str]:
    """Give every clause, term entry and untitled subclause its stable ID.

    The source's own anchors are kept first (normalised to ``[a-z0-9-]``, reported
    when that changed them); the others are derived from the title (term: the
    preferred term; untitled subclause: its first words; placeholder:
    ``missing-heading``), never from the number, and made unique.

    Returns:
        The source anchors mapped to the IDs they became.
    """
    anchors: dict[str, str] = {}
    for clause in doc.walk():
        if clause.anchor:
            wanted = normalise_anchor(clause.anchor)
            clause.id = ids.claim(wanted) if wanted else ids.derive(clause.plain)
            if clause.id != clause.anchor:
                messages.add(clause.file, clause.line,
                             f"anchor {{#{clause.anchor}}} written as ID {clause.id!r}")
            anchors[clause.anchor] = clause.id
    for clause in doc.walk():
        if clause.id:
            continue
        if clause.term is not None:
            clause.id = ids.derive(clause.term.preferred, "term")
        elif clause.placeholder:
            clause.id = ids.claim("missing-heading")
        elif clause.plain:
            clause.id = ids.derive(clause.plain)
        else:
            clause.id = ids.derive(_first_words(clause), "subclause")
    return anchors


def clause_file_names(doc: Document) -> list[str]:
    """File names (without ``.md``) of the top-level clauses: ``01-scope``, ``02-terms-and-definitions`` …"""
    width = max(2, len(str(len(doc.clauses))))
    return [f"{index:0{width}d}-{clause.id}" for index, clause in enumerate(doc.clauses, 1)]


def _class_line(clause: Clause) -> str | None:
    if clause.role == "annex":
        return f"{{.annex .{clause.obligation or 'informative'}}}"
    if clause.role:
        return f"{{.{clause.role}}}"
    return None


def _directive_child(clause: Clause) -> bool:
    """Written as a directive (term entry or untitled subclause) rather than a heading."""
    return clause.term is not None or (not clause.title and not clause.children and not clause.placeholder)


def render_clause(clause: Clause, depth: int, ctx: RenderContext, lang: str,
                  may_be_directive: bool = True) -> list[str]:
    """The MyST lines of ``clause`` and its subclauses at heading depth ``depth`` (1 = ``#``)."""
    if may_be_directive and _directive_child(clause) and depth > 1:
        return _render_directive_child(clause, ctx)
    lines = [f"({clause.id})="]
    cls = _class_line(clause)
    if cls:
        lines.append(cls)
    title = clause.title
    if clause.term is not None:  # a term entry that cannot be a directive here
        title = clause.term.preferred
    if not title:
        title = "（原文无标题）" if lang == "zh" else "(untitled in the source)"
        if clause.children:
            ctx.messages.add(clause.file, clause.line,
                             f"clause {clause.number} has no title but subclauses (an untitled clause cannot have "
                             "titled subclauses); a placeholder title was written")
        elif not clause.placeholder:
            ctx.messages.add(clause.file, clause.line,
                             f"untitled subclause {clause.number} follows a titled subclause (only untitled ones "
                             "may precede it); a placeholder title was written")
    level = depth
    if depth > 6:
        ctx.messages.add(clause.file, clause.line,
                         f"clause {clause.number or repr(clause.plain)} is nested deeper than six levels; "
                         "written at level 6")
        level = 6
    lines.append(source_line("#" * level + " " + escape_myst(title.replace("\n", " ")), clause.file, clause.line))
    body, _ = render_items(clause.term.body + clause.term.after if clause.term else clause.body, ctx, clause.prefix)
    if body:
        lines.append("")
        lines.extend(body)
    directive_allowed = True
    for child in clause.children:
        lines.append("")
        as_directive = directive_allowed and _directive_child(child)
        if not as_directive and _directive_child(child) and child.term is not None:
            ctx.messages.add(child.file, child.line,
                             f"term entry {child.term.preferred!r} follows a titled subclause; written as a subclause")
        lines.extend(render_clause(child, depth + 1, ctx, lang, may_be_directive=as_directive))
        if not as_directive:
            directive_allowed = False
    return lines


def _render_directive_child(clause: Clause, ctx: RenderContext) -> list[str]:
    if clause.term is not None:
        term = clause.term
        options = []
        if term.admitted:
            options.append(":admitted: " + "; ".join(term.admitted))
        if term.deprecated:
            options.append(":deprecated: " + "; ".join(term.deprecated))
        if term.source:
            options.append(":source: " + term.source)
        if term.modified is not None:
            options.append(":modified:" + (" " + term.modified if term.modified else ""))
        for lang, text in sorted(term.equivalents.items()):
            options.append(f":{lang}: {text}")
        for lang, terms in sorted(term.admitted_equivalents.items()):
            if terms:
                options.append(f":admitted-{lang}: " + "; ".join(terms))
        inner, depth = render_items(term.body, ctx, clause.prefix)
        fence = ":" * (3 + depth)
        head = source_line(f"{fence}{{term}} {term.preferred}", clause.file, clause.line)
        lines = [f"({clause.id})=", head, *options, "", *inner, fence]
        after, _ = render_items(term.after, ctx, clause.prefix)
        if after:
            lines += ["", *after]
        return lines
    inner, depth = render_items(clause.body, ctx, clause.prefix)
    fence = ":" * (3 + depth)
    return [source_line(f"{fence}{{clause}}", clause.file, clause.line), f":name: {clause.id}", "", *inner, fence]


def render_index(metadata: dict, files: list[str], comment: str) -> str:
    """``index.md``: front matter (``metadata``, after a YAML comment line) and the toctree of ``files``."""
    front = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    lines = ["---", f"# {comment}", front.rstrip("\n"), "---", "", "```{toctree}", *files, "```", ""]
    return "\n".join(lines)
