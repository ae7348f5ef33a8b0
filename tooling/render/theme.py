"""The HTML theme of the standards site (``templates/html``) and its page context."""

from __future__ import annotations

import re
from pathlib import Path

from .. import TEMPLATES

__all__ = ["setup"]


def _page_context(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give templates the page's standard: ``std`` (metadata as JSON-like dict) and ``std_lang``."""
    domain = app.env.domains["standard"]
    meta = domain.metadata_for(pagename)
    context["std"] = meta.to_json() if meta else None
    context["std_meta"] = meta
    context["std_lang"] = (meta.language if meta else "en")
    context["std_html_lang"] = "zh-CN" if context["std_lang"] == "zh" else "en"
    context["std_is_index"] = bool(meta and pagename == f"{meta.slug}/index")
    context["std_index_uri"] = app.builder.get_relative_uri(pagename, f"{meta.slug}/index") if meta else None
    context["std_cited_by"] = _cited_by(app, pagename, meta) if context["std_is_index"] else []
    context["std_languages"] = _language_switch(app, pagename, meta)
    context["std_page_title"] = _page_title(app, context, doctree, meta)
    _pager_within_standard(app, pagename, context, meta)


def _page_title(app, context: dict, doctree, meta) -> str:
    """The ``<title>``: ``<number> <clause title> — <designation>`` on a standard's page (``6　评价指标 —
    GB/T XXXXX—XXXX``, ``Annex A Test data — ISO/IEC CD XXXXX``), the designation and title on its first
    page, ``<title> — <project>`` elsewhere; never Sphinx's "… documentation"."""
    from markupsafe import Markup

    title = re.sub(r"[ \t\r\n]+", " ", Markup(context.get("title") or "").striptags()).strip()
    if meta is None:
        return f"{title} \u2014 {app.config.project}" if title else app.config.project
    designation = meta.display_designation()
    if context["std_is_index"]:
        return title if designation in title else f"{designation} {title}".strip()
    number = _page_number(app, doctree, context["std_lang"])
    if number and title:
        title = number + ("\u3000" if context["std_lang"] == "zh" else " ") + title
    return f"{title or number} \u2014 {designation}"


def _page_number(app, doctree, lang: str) -> str:
    """The number of the page's first clause as its heading shows it (``6``, ``附录A``, ``Annex A``), or ``""``."""
    from docutils import nodes

    from ..model.labels import label

    section = next(doctree.findall(nodes.section), None) if doctree is not None else None
    numbered = app.env.domains["standard"].numbers.get(section.get("std_key") or "") if section else None
    if numbered is None or not numbered.number:
        return ""
    return label(lang, "annex", numbered.number) if numbered.role == "annex" else numbered.number


def _pager_within_standard(app, pagename: str, context: dict, meta) -> None:
    """Previous/next links of a standard's page stay within that standard: its first page has no
    "previous" (not the catalogue, not the previous standard's bibliography), its last no "next"."""
    if meta is None:
        return
    relations = getattr(app.builder, "relations", None) or {}
    _, previous, following = (list(relations.get(pagename) or ()) + [None, None, None])[:3]

    def outside(docname: str | None) -> bool:
        return not (docname and docname.startswith(meta.slug + "/"))

    dropped = set()
    if outside(previous):
        context["prev"] = None
        dropped.add(previous)
    if outside(following):
        context["next"] = None
        dropped.add(following)
    context["rellinks"] = [link for link in context.get("rellinks", ())
                           if not (link[0] in dropped and link[2] in ("P", "N"))]


LANGUAGE_LABELS = {"zh": "中文", "en": "English"}


def _language_switch(app, pagename: str, meta) -> list[dict]:
    """Links to this page in the standard's other languages.

    The master edition lives in ``build/html`` and an edition in another language in
    ``build/html-<lang>`` (also in a publish folder), so the link climbs out of the site
    and into the other one. A language is offered when the standard has a catalog for it.
    """
    if meta is None or not pagename.startswith(meta.slug + "/"):
        return []
    from ..translate.catalogs import catalog_path

    current = meta.language
    root = Path(app.config.std_root)
    configured = app.config.std_language_links
    if configured is not None:  # a publish says which editions exist
        translations = list(configured.get(meta.slug, []))
    else:
        translations = [lang for lang in ("zh", "en") if lang != meta.master_language and
                        catalog_path(root, meta.slug, lang).is_file()]
    up = "../" * (pagename.count("/") + 1)
    links = []
    for lang in [meta.master_language, *translations]:
        if lang == current:
            continue
        site = "html" if lang == meta.master_language else f"html-{lang}"
        links.append({"lang": lang, "html_lang": "zh-CN" if lang == "zh" else "en", "label": LANGUAGE_LABELS[lang],
                      "uri": f"{up}{site}/{pagename}.html"})
    for lang in translations:
        if configured is not None or (root / "build" / f"parallel-{lang}" / f"{meta.slug}.html").is_file():
            label = "中英对照" if {meta.master_language, lang} == {"zh", "en"} else "Parallel"
            links.append({"lang": lang, "html_lang": "zh-CN" if meta.master_language == "zh" else "en",
                          "label": f"{label} · Parallel" if label != "Parallel" else label,
                          "uri": f"{up}parallel-{lang}/{meta.slug}.html"})
    return links


def _cited_by(app, pagename: str, meta) -> list[dict]:
    """The standards of the repository that cite ``meta``'s standard, with the clauses that do."""
    domain = app.env.domains["standard"]
    key = meta.designation.key
    by_standard: dict[str, dict] = {}
    for docname, citations in sorted(domain.data["citations"].items()):
        slug = docname.split("/", 1)[0]
        if slug == meta.slug:
            continue
        for citation in citations:
            if citation.key != key:
                continue
            other = domain.metadata(slug)
            row = by_standard.setdefault(slug, {
                "designation": other.display_designation() if other else slug,
                "uri": app.builder.get_relative_uri(pagename, f"{slug}/index"), "places": []})
            numbered = domain.numbers.get(citation.clause or "")
            where = (numbered.number or numbered.title) if numbered else ""
            place = next((p for p in row["places"] if p["where"] == where), None)
            if place is None:  # one entry per citing clause
                row["places"].append({"where": where, "normative": citation.normative,
                                      "uri": app.builder.get_relative_uri(pagename, docname) + "#" + citation.node_id})
            else:
                place["normative"] = place["normative"] or citation.normative
    return [by_standard[s] for s in sorted(by_standard)]


def _site_title(app, config) -> None:
    """The site's title is the project's name, not Sphinx's default "<project> <release> documentation"
    (a repository's ``conf.py`` may still set ``html_title``)."""
    if "html_title" not in getattr(config, "_raw_config", {"html_title": None}):
        config.html_title = config.project


def setup(app) -> None:
    # slug → languages of its published translations; None: every translation with a catalog (preview)
    app.add_config_value("std_language_links", None, "html", types=(dict, type(None)))
    app.add_html_theme("standard", str(TEMPLATES / "html"))

    app.connect("config-inited", _site_title)
    app.connect("html-page-context", _page_context)
