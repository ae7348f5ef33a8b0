"""The HTML theme of the standards site (``templates/html``) and its page context."""

from __future__ import annotations

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


def setup(app) -> None:
    app.add_html_theme("standard", str(TEMPLATES / "html"))

    app.connect("html-page-context", _page_context)
