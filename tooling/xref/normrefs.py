"""A normative references list generated from the normative citations of the text.

With ``std_normative_references = "generate"`` in ``conf.py``, write the clause as::

    (normative-references)=
    {.normative-references}
    # 规范性引用文件

    下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。……

    ```{normative-references}
    ```

and the list is made from every normative citation of the standard, each
document once, with its title from the repository or the catalogue, in the
profile's order (GB/T 1.1-2020 8.6.2: national standards by number, then
sector, local, group standards, then ISO, ISO/IEC, IEC, then others; ISO:
ISO, ISO/IEC, IEC by number, then others alphabetically), and written per
GB/T 1.1-2020 10.3.4 (designation, a full-width space, the title, no final
punctuation) or the ISO form ("ISO 7000, Graphical symbols …"). With the
default ``check`` the clause is written by hand and RF003 compares it with the
citations.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..model.designation import Designation, parse_designation
from .citations import format_designation, resolve

__all__ = ["order_key", "setup"]


class normative_references_list(nodes.General, nodes.Element):
    """Placeholder replaced by the generated list."""


class NormativeReferencesDirective(SphinxDirective):
    """``{normative-references}``: the generated list (see the module docstring)."""

    def run(self) -> list[nodes.Node]:
        node = normative_references_list()
        self.set_source_info(node)
        return [node]


def order_key(designation: Designation, profile: str) -> tuple:
    """Sort key of a normative reference per profile (RF005)."""
    prefix = designation.prefix.upper()
    number = [int(p) if p.isdigit() else 0 for p in re.split(r"[.\-]", designation.number) + list(designation.part)]
    if profile == "gb":
        if prefix in ("GB", "GB/T", "GB/Z"):
            rank = 0
        elif re.match(r"^[A-Z]{2}(/[TZ])?$", prefix):
            rank = 1
        elif prefix.startswith("DB"):
            rank = 2
        elif prefix.startswith("T/"):
            rank = 3
        elif prefix == "ISO":
            rank = 4
        elif prefix == "ISO/IEC":
            rank = 5
        elif prefix == "IEC":
            rank = 6
        else:
            rank = 7
        return (rank, prefix if rank in (1, 2, 3, 7) else "", number)
    rank = {"ISO": 0, "ISO/IEC": 1, "IEC": 2}.get(prefix, 3)
    return (rank, prefix if rank == 3 else "", number)


class FillNormativeReferences(SphinxPostTransform):
    """Replace the placeholder with the list of normatively cited documents."""

    default_priority = 8

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(normative_references_list))
        if not placeholders:
            return
        env = self.env
        domain = env.domains["standard"]
        meta = domain.metadata_for(env.docname)
        if meta is None:
            return
        own = meta.designation.key
        chosen: dict[str, str] = {}
        for doc in domain.docs_of(meta.slug):
            for citation in domain.data["citations"].get(doc, []):
                if citation.normative and citation.context == "body" and citation.key != own:
                    # a dated citation anywhere makes the list entry dated (RF004)
                    if citation.key not in chosen or citation.year:
                        chosen[citation.key] = citation.text
        items = []
        for text in chosen.values():
            designation = parse_designation(text)
            result = resolve(env, designation)
            title = ""
            if result.entry is not None:
                title = result.entry.title_in(meta.language)
            elif result.where == "repository":
                other = domain.metadata(result.slug)
                title = other.title_text(meta.language) if other else ""
            items.append((order_key(designation, meta.profile), format_designation(text, meta.language, meta.profile),
                          title))
        lines = []
        for _, designation, title in sorted(items):
            separator = "\u3000" if meta.language == "zh" else ", "
            para = nodes.paragraph("", designation + (separator + title if title else ""),
                                   classes=["normative-reference"])
            lines.append(para)
        for node in placeholders:
            node.replace_self(lines or [nodes.paragraph("", "")])


def setup(app) -> None:
    app.add_node(normative_references_list)
    app.add_directive("normative-references", NormativeReferencesDirective)
    app.add_post_transform(FillNormativeReferences)
