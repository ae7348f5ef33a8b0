"""Links of a published edition's HTML pages.

A standard's pages are built in one site with every other standard of the
repository (``build/html/<slug>/…``), so their links reach the site's other
pages: the sidebar's list of standards, the drafting-rules page, Sphinx's
general index, citations of clauses of other standards and the "cited by"
list. A published edition (``build/publish/<slug>/<edition>/``) holds only its
own standard's pages (``html/``, ``html-<lang>/``, ``parallel-<lang>/``), so
:func:`relink_page` rewrites every relative link of a page:

- a target the edition holds stays as it is (also the language switch, which
  leaves one site for another of the same edition);
- a page of another standard that is published (in this run or an earlier
  one) is linked to that standard's published edition, in the page's language
  when that edition has it (else in its master language);
- any other target (the rules page, the general index, a standard that is not
  published, an edition language that is not published) loses its link: a
  sidebar entry or ``<link>`` element is left out, a link in the text keeps its
  words without ``href``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

__all__ = ["relink_page"]

#: Locates a link's target, given as a path relative to the edition folder (e.g.
#: ``html/other/scope.html``): ``"keep"`` when the edition holds it, a path relative
#: to the publish folder when another published edition does, ``None`` otherwise.
Locator = Callable[[PurePosixPath], "str | None"]

_LINKS = re.compile(
    r'(?P<toc><li class="toctree-l\d+"><a class="reference internal" href="(?P<toc_href>[^"]*)">[^<]*</a></li>\n?)'
    r'|(?P<link><link\b[^>]*?\bhref="(?P<link_href>[^"]*)"[^>]*>\n?)'
    r'|<a\b(?P<before>[^>]*?)\shref="(?P<href>[^"]*)"(?P<after>[^>]*)>')

def relink_page(html: str, page: PurePosixPath, page_in_publish: PurePosixPath, locate: Locator) -> str:
    """Rewrite the relative links of one built HTML page for its published edition.

    Args:
        html: the page as Sphinx wrote it.
        page: the page's path relative to the edition folder (``html/slug/scope.html``).
        page_in_publish: the page's path relative to the publish folder
            (``slug/<edition>/html/slug/scope.html``).
        locate: where a target is published (see :data:`Locator`).

    Returns:
        The page with each relative ``href`` kept, pointed at another published
        edition, or dropped (module documentation).
    """

    def target_of(url: str) -> str | None:
        """The URL in the published page, or None when its target is not published."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
            return url  # another site, a fragment of this page, an absolute path
        target = PurePosixPath(os.path.normpath(str(page.parent / unquote(parts.path))))
        where = None if str(target).startswith("..") else locate(target)
        if where == "keep" or where is None:
            return url if where else None
        new = os.path.relpath(where, str(page_in_publish.parent)).replace(os.sep, "/")
        return new + (f"#{parts.fragment}" if parts.fragment else "")

    def relink(match: re.Match) -> str:
        whole = match.group("toc") or match.group("link")
        if whole:  # a sidebar entry or <link> element: left out when its target is not published
            href = match.group("toc_href") if match.group("toc") else match.group("link_href")
            new = target_of(href)
            return "" if new is None else whole.replace(f'href="{href}"', f'href="{new}"', 1)
        new = target_of(match.group("href"))  # a link in the text keeps its words
        before, after = match.group("before"), match.group("after")
        return f"<a{before}{after}>" if new is None else f'<a{before} href="{new}"{after}>'

    return _LINKS.sub(relink, html)
