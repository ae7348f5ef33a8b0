"""Child process that renders one print HTML file to PDF with WeasyPrint.

Run by :class:`tooling.render.pdf.StandardPDFBuilder` under a time limit, so a
crash or a hang costs only one PDF (case C13)::

    python -m tooling.render.pdf_worker DOC.print.html OUT.pdf --root REPO

It refuses every resource that is not a file inside the repository or the
tool's templates (no network, case "hermetic builds"), fails loudly when
WeasyPrint would subset fonts with fontTools instead of HarfBuzz (case C02),
sets PDF page labels to match the printed folios (LAYOUT.md: roman front
matter, arabic body), and writes the PDF atomically. On success it prints
``{"pages": N, "seconds": S}`` on stdout; warnings go to stderr, one per line.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["main", "make_fetcher", "page_label_ranges", "render"]


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
                      front_anchor: str = "std-front", body_anchor: str = "std-body") -> list[tuple[int, str, int]]:
    """PDF page-label ranges: ``(first page index, style, start number)``.

    The cover pages carry no folio (style ``""``, shown by viewers as the page
    index), the front matter from the table of contents is numbered I, II …
    (``/R``), the body from its first page 1, 2 … (``/D``).
    """
    ranges: list[tuple[int, str, int]] = [(0, "", 1)]
    front = anchor_pages.get(front_anchor)
    body = anchor_pages.get(body_anchor)
    if front is not None and (body is None or front < body):
        ranges.append((front, "/R", 1))
    if body is not None:
        ranges.append((body, "/D", 1))
    by_start = {first: (first, style, start) for first, style, start in ranges}  # a later range wins its page
    return [by_start[first] for first in sorted(by_start) if first < page_count]


def _set_page_labels(pdf: bytes, ranges: list[tuple[int, str, int]], page_count: int) -> bytes:
    from pypdf import PdfWriter
    from pypdf.constants import PageLabelStyle
    from pypdf.generic import NameObject

    styles = {"/R": PageLabelStyle.UPPERCASE_ROMAN, "/D": PageLabelStyle.DECIMAL}
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.pdf_header = pdf[: pdf.index(b"\n")]  # keep WeasyPrint's version (tagged PDF needs 1.4+)
    for index, (first, style, start) in enumerate(ranges):
        last = (ranges[index + 1][0] - 1) if index + 1 < len(ranges) else page_count - 1
        if style:
            writer.set_page_label(first, last, style=styles[style], start=start)
        else:
            writer.set_page_label(first, last, prefix="Cover ", start=1)
    # a fixed identifier keeps two renders of the same input byte-identical
    writer._ID = None  # noqa: SLF001 - pypdf regenerates it from the content otherwise
    out = io.BytesIO()
    writer.write(out)
    del NameObject
    return out.getvalue()


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
    anchors = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, index)
    pdf = document.write_pdf(pdf_tags=True, pdf_identifier=b"std-tooling", uncompressed_pdf=False)
    count = len(document.pages)
    pdf = _set_page_labels(pdf, page_label_ranges(anchors, count), count)
    return pdf, count, warnings


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
