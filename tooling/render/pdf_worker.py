"""Child process that renders one print HTML file to PDF with WeasyPrint.

Run by :class:`tooling.render.pdf.StandardPDFBuilder` under a time limit, so a
crash or a hang costs only one PDF (case C13)::

    python -m tooling.render.pdf_worker DOC.print.html OUT.pdf --root REPO

It refuses every resource that is not a file inside the repository or the
tool's templates (no network, case "hermetic builds"), fails loudly when
WeasyPrint would subset fonts with fontTools instead of HarfBuzz (case C02),
sets PDF page labels to match the printed folios (LAYOUT.md: roman front
matter, arabic body, no folio on the covers) through WeasyPrint's ``finisher``
hook while the PDF is written, and writes the PDF atomically. On success it prints
``{"pages": N, "seconds": S}`` on stdout; warnings go to stderr, one per line.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["main", "make_fetcher", "page_label_ranges", "page_labels_finisher", "render"]


def _allowed_roots(root: Path) -> list[Path]:
    from .. import TEMPLATES

    return [root.resolve(), TEMPLATES.resolve()]


def make_fetcher(root: Path):
    """A WeasyPrint URL fetcher confined to files of the repository and the tool's templates."""
    from weasyprint.urls import URLFetcher

    roots = _allowed_roots(root)

    class RepositoryFetcher(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: D102
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme != "file":
                raise ValueError(f"refused {url!r}: builds do not fetch from the network")
            path = Path(unquote(parsed.path)).resolve()
            if not any(path == r or r in path.parents for r in roots):
                raise ValueError(f"refused {url!r}: outside the repository")
            return super().fetch(url, headers)

    return RepositoryFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def page_label_ranges(anchor_pages: dict[str, int], page_count: int,
                      front_anchor: str = "std-front", body_anchor: str = "std-body",
                      back_anchor: str = "std-back") -> list[tuple[int, str, int, str]]:
    """PDF page-label ranges: ``(first page index, style, start number, prefix)``.

    In: the page index of each anchor (``id``) of the rendered document and the
    page count. Out: the ranges in page order, at most one per first page (a later
    range wins its page), none starting past the last page.

    After LAYOUT.md (GB/T 1.1-2020 10.1): the cover carries no folio (no style,
    prefix ``"Cover "``), the front matter from the table of contents is numbered
    I, II … (style ``"/R"``), the body from its first page 1, 2 … (``"/D"``); the
    back cover (Figure E.4, designation only) prints no folio either, so it gets
    the cover's kind of label, ``"Back cover"``, instead of the next body number.
    A blank page before the back cover stays in the body's numbering, as printed
    pages count.
    """
    ranges: list[tuple[int, str, int, str]] = [(0, "", 1, "Cover ")]
    front = anchor_pages.get(front_anchor)
    body = anchor_pages.get(body_anchor)
    back = anchor_pages.get(back_anchor)
    if front is not None and (body is None or front < body):
        ranges.append((front, "/R", 1, ""))
    if body is not None:
        ranges.append((body, "/D", 1, ""))
    if back is not None and back > max(front or 0, body or 0):
        ranges.append((back, "", 1, "Back cover"))
    by_start = {r[0]: r for r in ranges}  # a later range wins its page
    return [by_start[first] for first in sorted(by_start) if first < page_count]


def page_labels_finisher(ranges: list[tuple[int, str, int, str]] | None = None):
    """A WeasyPrint ``write_pdf(finisher=...)`` that adds ``/PageLabels`` to the PDF catalog.

    In: the label ranges of :func:`page_label_ranges`, or ``None`` to compute them
    from the document's ``std-front`` / ``std-body`` / ``std-back`` anchors. Out: a
    callable ``(document, pdf)`` that sets ``pdf.catalog["PageLabels"]`` on the
    pydyf PDF before WeasyPrint writes it, so the file keeps WeasyPrint's
    compressed object streams, tags and bookmarks and is written once (no
    re-read and rewrite with pypdf). Labels as in LAYOUT.md (10.1): what the
    viewer shows is the printed folio.
    """
    import pydyf

    def finisher(document, pdf) -> None:
        wanted = ranges
        if wanted is None:
            anchors: dict[str, int] = {}
            for index, page in enumerate(document.pages):
                for anchor in page.anchors:
                    anchors.setdefault(anchor, index)
            wanted = page_label_ranges(anchors, len(document.pages))
        nums = pydyf.Array()
        for first, style, start, prefix in wanted:
            label = pydyf.Dictionary()
            if style:
                label["S"] = style
            if prefix:
                label["P"] = pydyf.String(prefix)
            label["St"] = start
            nums.extend([first, label])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})

    return finisher


def render(html_path: Path, root: Path) -> tuple[bytes, int, list[str]]:
    """Render ``html_path`` and return ``(pdf_bytes, page_count, warnings)``.

    Raises:
        RuntimeError: when fonts would be subset with fontTools (HarfBuzz's
            subsetter missing: install ``libharfbuzz-subset0``).
    """
    import weasyprint
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if not harfbuzz_subset or not harfbuzz.hb_version_atleast(4, 1, 0):
        raise RuntimeError("WeasyPrint would subset fonts with fontTools (slow, case C02): "
                           "install the Debian package libharfbuzz-subset0 (make setup does)")
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            warnings.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).addHandler(handler)
    logging.getLogger("weasyprint").setLevel(logging.WARNING)

    document = weasyprint.HTML(filename=str(html_path), url_fetcher=make_fetcher(root),
                               base_url=str(html_path.parent) + "/").render()
    # page labels go in before the PDF is written: one write, WeasyPrint's compression kept
    pdf = document.write_pdf(pdf_tags=True, pdf_identifier=b"std-tooling", uncompressed_pdf=False,
                             finisher=page_labels_finisher())
    return pdf, len(document.pages), warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--root", type=Path, required=True)
    args = parser.parse_args(argv)
    start = time.monotonic()
    try:
        pdf, pages, warnings = render(args.html, args.root)
    except Exception as exc:  # noqa: BLE001 - reported to the parent in one line
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    from .files import write_atomic

    write_atomic(args.out, pdf)
    for warning in dict.fromkeys(warnings):
        print(warning.replace("\n", " "), file=sys.stderr)
    print(json.dumps({"pages": pages, "seconds": round(time.monotonic() - start, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
