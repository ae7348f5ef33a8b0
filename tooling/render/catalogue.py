"""Generated lists: the catalogue of standards (home page) and a standard's index of terms."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from pypinyin import lazy_pinyin
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..directives import nodes as stdnodes
from ..model.labels import label

__all__ = ["FillGenerated", "setup"]


def _cell(*children: nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    para = nodes.paragraph()
    para.extend(children)
    entry += para
    return entry


def sort_key(term: str, lang: str) -> tuple:
    """Sort key for an index of terms: Chinese by pinyin (GB/T 1.1-2020 8.14), others case-folded."""
    if lang == "zh":
        return (" ".join(lazy_pinyin(term)).lower(), term)
    return (term.casefold(), term)


class FillGenerated(SphinxPostTransform):
    """Replace ``std-catalogue`` and ``std-index`` placeholders with their content."""

    default_priority = 7

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(stdnodes.std_catalogue)):
            node.replace_self(self._catalogue())
        for node in list(self.document.findall(stdnodes.std_index)):
            node.replace_self(self._index())
        for node in list(self.document.findall(stdnodes.std_rules)):
            node.replace_self(self._rules())

    def _uri(self, docname: str, anchor: str = "") -> str:
        try:
            uri = self.env._app.builder.get_relative_uri(self.env.docname, docname)
        except Exception:  # noqa: BLE001 - builders without pages
            uri = ""
        return uri + (f"#{anchor}" if anchor else "")

    def _catalogue(self) -> nodes.Node:
        domain = self.env.domains["standard"]
        table = nodes.table(classes=["std-catalogue"])
        group = nodes.tgroup(cols=5)
        table += group
        for width in (20, 30, 30, 10, 10):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        cited_by: dict[str, set[str]] = {}
        for docname, citations in domain.data.get("citations", {}).items():
            for citation in citations:
                cited_by.setdefault(citation.key, set()).add(docname.split("/", 1)[0])
        for text in ("Designation 标准编号", "标题", "Title", "Stage 阶段", "Cited by 被引用"):
            row += _cell(nodes.Text(text))
        head += row
        group += head
        body = nodes.tbody()
        for slug in sorted(domain.standards):
            entry = domain.standards[slug]
            meta = entry["metadata"]
            row = nodes.row()
            if meta is None:
                row += _cell(nodes.Text(slug))
                row += _cell(nodes.emphasis("", "invalid metadata: see the build warnings"))
                row += _cell(nodes.Text(""))
                row += _cell(nodes.Text(""))
                row += _cell(nodes.Text(""))
            else:
                ref = nodes.reference("", meta.display_designation(), internal=True,
                                      refuri=self._uri(entry["docname"]))
                row += _cell(ref)
                row += _cell(nodes.Text(meta.title_text("zh")))
                row += _cell(nodes.Text(meta.title_text("en")))
                stage = meta.stage.zh if meta.language == "zh" and meta.profile == "gb" else meta.stage.code
                row += _cell(nodes.Text(stage + (" (sample)" if meta.sample else "")))
                citers = []
                for other in sorted(cited_by.get(meta.designation.key, set()) - {slug}):
                    other_meta = domain.metadata(other)
                    if other_meta is not None:
                        citers.append(nodes.reference("", other_meta.display_designation(), internal=True,
                                                      refuri=self._uri(f"{other}/index")))
                        citers.append(nodes.Text(" "))
                row += _cell(*citers[:-1])
            body += row
        group += body
        return table

    def _rules(self) -> list[nodes.Node]:
        """One section per rule family, one entry per rule, from the same objects ``std rule`` prints."""
        from ..lint.registry import FAMILIES, all_rules

        rules = all_rules()
        result: list[nodes.Node] = []
        for prefix, family in FAMILIES.items():
            members = [r for r in rules if r.code.startswith(prefix)]
            if not members:
                continue
            section = nodes.section(ids=[f"rules-{prefix.lower()}"], classes=["std-rule-family"])
            section += nodes.title("", f"{prefix} — {family}")
            for rule in members:
                entry = nodes.container(ids=[rule.code.lower()], classes=["std-rule"])
                entry += nodes.rubric("", f"{rule.code}  {rule.title}")
                sev = rule.severity + "".join(f", {k}: {v}" for k, v in sorted(rule.severity_by.items()))
                entry += nodes.paragraph("", f"Source: {rule.source}. Severity: {sev}. Profiles: "
                                             f"{', '.join(rule.profiles)}. Languages: {', '.join(rule.languages)}.")
                text = rule.documentation().split("\n\n", 2)[-1]
                entry += nodes.literal_block(text, text, language="text")
                section += entry
            result.append(section)
        return result

    def _index(self) -> nodes.Node:
        domain = self.env.domains["standard"]
        meta = domain.metadata_for(self.env.docname)
        lang = meta.language if meta else "en"
        terms = [n for n in domain.numbered(meta.slug) if n.kind == "term"] if meta else []
        items = nodes.bullet_list(classes=["std-index"])
        for numbered in sorted(terms, key=lambda n: sort_key(n.title, lang)):
            item = nodes.list_item()
            para = nodes.paragraph()
            para += nodes.Text(numbered.title + ("\u3000" if lang == "zh" else ", "))
            para += nodes.reference("", numbered.number, internal=True,
                                    refuri=self._uri(numbered.docname, numbered.node_id))
            item += para
            items += item
        if not terms:
            items += nodes.list_item("", nodes.paragraph("", label(lang, "index")))
        return items


def setup(app) -> None:
    app.add_post_transform(FillGenerated)
