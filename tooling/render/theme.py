"""The HTML theme of the standards site (``templates/html``) and its page context."""

from __future__ import annotations

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


def setup(app) -> None:
    # slug → languages of its published translations; None: every translation with a catalog (preview)
    app.add_config_value("std_language_links", None, "html", types=(dict, type(None)))
    app.add_html_theme("standard", str(TEMPLATES / "html"))

    app.connect("html-page-context", _page_context)
