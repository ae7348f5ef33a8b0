"""The HTML site of the sample standards: page titles and the previous/next links of each standard."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from tooling.project import Project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(REPO / "standards", root / "standards", ignore=shutil.ignore_patterns("locales"))
    shutil.copy(REPO / "conf.py", root / "conf.py")
    result = Project(root).sphinx("html", fresh=True)
    assert result.app is not None
    return root / "build" / "html", result.app


def _title(page: Path) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)[1])


def _pager(page: Path) -> dict[str, str]:
    text = page.read_text(encoding="utf-8")
    nav = re.search(r'<nav class="std-pager">(.*?)</nav>', text, re.S)
    links = dict(re.findall(r'<a class="(prev|next)" href="([^"]+)"', nav[1])) if nav else {}
    links.update({f"link-{rel}": href for rel, href in re.findall(r'<link rel="(prev|next)"[^>]*href="([^"]+)"', text)})
    return links


def test_page_titles_name_the_clause_and_the_standard(site):
    out, _ = site
    assert _title(out / "gb-t-xxxxx" / "metrics.html") == "6\u3000评价指标 \u2014 GB/T XXXXX\u2014XXXX"
    assert _title(out / "gb-t-xxxxx" / "annex-a.html") == "附录A\u3000测试数据集的准备 \u2014 GB/T XXXXX\u2014XXXX"
    assert _title(out / "gb-t-xxxxx" / "foreword.html") == "前言 \u2014 GB/T XXXXX\u2014XXXX"
    assert _title(out / "iso-iec-xxxxx" / "scope.html") == "1 Scope \u2014 ISO/IEC CD XXXXX"
    assert _title(out / "iso-iec-xxxxx" / "annex-a.html").startswith("Annex A ")
    assert _title(out / "iso-iec-xxxxx" / "index.html").startswith("ISO/IEC CD XXXXX Artificial intelligence")
    assert _title(out / "index.html").endswith("\u2014 Standards repository 标准文件库")
    for page in out.rglob("*.html"):
        assert "documentation" not in _title(page), page


def test_previous_and_next_stay_within_one_standard(site):
    out, app = site
    domain = app.env.domains["standard"]
    for slug in ("gb-t-xxxxx", "iso-iec-xxxxx"):
        docs = domain.docs_of(slug)
        assert docs[0] == f"{slug}/index" and len(docs) > 3
        first, last = _pager(out / f"{docs[0]}.html"), _pager(out / f"{docs[-1]}.html")
        assert "prev" not in first and "link-prev" not in first, first  # not the previous standard's bibliography
        assert "next" not in last and "link-next" not in last, last  # not the next standard's cover
        for doc in docs:
            for rel, href in _pager(out / f"{doc}.html").items():
                target = (out / doc).parent / href.split("#")[0]
                assert target.resolve().is_relative_to((out / slug).resolve()), (doc, rel, href)
    assert _pager(out / "gb-t-xxxxx" / "foreword.html")["prev"] == "index.html"


def test_sphinx_labels_follow_the_page_language(site):
    """Permalink titles and the search box are in Chinese on a Chinese standard's pages, in English on English ones."""
    out, _ = site
    zh = (out / "gb-t-xxxxx" / "scope.html").read_text(encoding="utf-8")
    en = (out / "iso-iec-xxxxx" / "scope.html").read_text(encoding="utf-8")
    assert 'title="链接到此标题"' in zh and "Link to this" not in zh
    assert 'id="searchlabel">搜索<' in zh and "Quick search" not in zh
    assert 'title="Link to this heading"' in en and 'id="searchlabel">Search<' in en


def test_table_permalinks_use_the_stable_id(site):
    out, _ = site
    page = (out / "gb-t-xxxxx" / "metrics.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="headerlink" href="#([^"]+)" title="链接到此表"', page)
    assert "metrics-table" in links and not [i for i in links if re.fullmatch(r"id\d+", i)], links
