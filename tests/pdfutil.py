"""Reading PDFs back: text per page (pdftotext), word positions, fonts (pdffonts), labels and outline (pypdf)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in layout mode."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[: len(PdfReader(str(pdf)).pages)]


@dataclass
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def page_words(pdf: Path) -> tuple[float, list[list[Word]]]:
    """Words with their boxes (points, origin top left) per page, and the page width."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    width = 0.0
    for page in re.findall(r"<page width=\"([\d.]+)\" height=\"[\d.]+\">(.*?)</page>", html, flags=re.S):
        width = float(page[0])
        words = [Word(unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                            page[1])]
        pages.append(words)
    return width, pages


def fonts(pdf: Path) -> list[dict]:
    """``pdffonts`` rows: name, type, emb (bool), sub (bool)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        rows.append({"name": parts[0], "emb": emb == "yes", "sub": sub == "yes", "uni": uni == "yes"})
    return rows


def page_labels(pdf: Path) -> list[str]:
    return list(PdfReader(str(pdf)).page_labels)


def outline_titles(pdf: Path) -> list[str]:
    reader = PdfReader(str(pdf))
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles
