"""``std publish``: per-standard edition folders, manifests, atomic swap, reproducible bytes, failures isolated."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main

from .conftest import git, make_repository

pytestmark = pytest.mark.pdf


def _publish(repo: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(repo), "publish", *args], catch_exceptions=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    repo = make_repository(tmp_path_factory.mktemp("publish"), "pdf")
    result = _publish(repo)
    return repo, result


def test_publishes_every_standard(published):
    repo, result = published
    assert result.exit_code == 0, result.output
    out = repo / "build" / "publish"
    gb = out / "gbdoc" / "draft-for-comments-2026-11-20"
    iso = out / "isodoc" / "cd-2026-11-20"
    assert (gb / "gbdoc-zh.pdf").is_file()
    assert (iso / "isodoc-en.pdf").is_file()
    assert (gb / "html" / "gbdoc" / "index.html").is_file()
    assert (gb / "html" / "_static" / "standard.css").is_file()
    assert (gb / "html" / "gbdoc" / "body.html").is_file()
    assert not (gb / "html" / "isodoc").exists(), "an edition folder holds only its own standard"
    assert _broken_links(out) == []
    assert "published gbdoc" in result.output
    assert ("gbdoc: en edition not published: no translation (standards/gbdoc/locales/en/LC_MESSAGES/gbdoc.po does "
            "not exist; std translate update creates it)") in result.output


def test_manifest_lists_every_file_with_its_hash(published):
    repo, _ = published
    edition = repo / "build" / "publish" / "gbdoc" / "draft-for-comments-2026-11-20"
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["designation"] == "GB/T 99999.1—2026"
    assert manifest["source"]["commit"] and manifest["source"]["dirty"] is False
    assert manifest["tools"]["weasyprint"] and manifest["tools"]["sphinx"].startswith("9.0")
    assert manifest["tools"]["fonts"]["Noto Serif CJK SC"]["matched"] == "Noto Serif CJK SC"
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {str(p.relative_to(edition)) for p in edition.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(listed) == on_disk
    for name, entry in listed.items():
        data = (edition / name).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_search_index_holds_only_the_standard(published):
    repo, _ = published
    text = (repo / "build" / "publish" / "gbdoc" / "draft-for-comments-2026-11-20" / "html" / "searchindex.js").read_text()
    data = json.loads(text[text.index("(") + 1: text.rindex(")")])
    assert data["docnames"] and all(d.startswith("gbdoc/") for d in data["docnames"])
    assert "要求" in json.dumps(data, ensure_ascii=False)


def test_index_page_lists_the_published_standards(published):
    repo, _ = published
    index = (repo / "build" / "publish" / "index.html").read_text(encoding="utf-8")
    assert "GB/T 99999.1—2026" in index and "ISO/IEC CD 99999" in index
    assert "gbdoc/draft-for-comments-2026-11-20/gbdoc-zh.pdf" in index


def test_two_publishes_of_one_commit_are_byte_identical(published, tmp_path):
    repo, _ = published
    first = _tree(repo / "build" / "publish")
    result = _publish(repo)
    assert result.exit_code == 0
    assert _tree(repo / "build" / "publish") == first


def test_publishing_uncommitted_changes_warns(published, tmp_path):
    repo, clean = published
    assert "publishing uncommitted" not in clean.stderr
    repo = make_repository(tmp_path, "pdf")
    changed = sorted((repo / "standards" / "gbdoc").glob("*.md"))
    assert len(changed) > 3
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = _publish(repo, "--standard", "gbdoc")
    assert result.exit_code == 0, result.output
    shown = ", ".join(f"standards/gbdoc/{path.name}" for path in changed[:3])
    warning = (f"warning: publishing uncommitted changes ({shown}, … ({len(changed)} in all)): the manifest records "
               'the commit with "dirty": true')
    assert [line for line in result.stderr.splitlines() if "publishing uncommitted" in line] == [warning], result.stderr
    manifest = repo / "build" / "publish" / "gbdoc" / "draft-for-comments-2026-11-20" / "manifest.json"
    assert json.loads(manifest.read_text(encoding="utf-8"))["source"]["dirty"] is True


def test_a_failing_standard_is_skipped_and_its_earlier_publish_kept(tmp_path):
    repo = make_repository(tmp_path, "pdf")
    assert _publish(repo).exit_code == 0
    old = _tree(repo / "build" / "publish" / "isodoc")
    index = repo / "standards" / "isodoc" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("profile: iso", "profile: iso\nunknown_field: 1"),
                     encoding="utf-8")
    gb_body = repo / "standards" / "gbdoc" / "body.md"
    gb_body.write_text(gb_body.read_text(encoding="utf-8").replace("本文件规定了打印版式的测试方法。", "本文件规定了新的测试方法。"),
                       encoding="utf-8")
    result = _publish(repo)
    assert result.exit_code == 1
    assert "isodoc: not published: invalid metadata: standards/isodoc/index.md:" in result.output
    assert "unknown metadata field 'unknown_field'" in result.output
    assert _tree(repo / "build" / "publish" / "isodoc") == old, "the earlier publish is untouched"
    html = (repo / "build" / "publish" / "gbdoc" / "draft-for-comments-2026-11-20" / "html" / "gbdoc" / "body.html")
    assert "新的测试方法" in html.read_text(encoding="utf-8")
    assert not list((repo / "build" / "publish").rglob(".staging-*"))


def test_c13_a_hanging_pdf_does_not_stop_the_others(tmp_path):
    repo = make_repository(tmp_path, "pdf")
    worker = tmp_path / "worker.py"
    worker.write_text(textwrap.dedent("""\
        import subprocess, sys, time
        if "gbdoc" in sys.argv[1]:
            time.sleep(600)
        sys.exit(subprocess.call([sys.executable, "-m", "tooling.render.pdf_worker", *sys.argv[1:]]))
        """))
    conf = repo / "conf.py"
    conf.write_text(conf.read_text() + f"\nstd_pdf_worker = [{sys.executable!r}, {str(worker)!r}]\nstd_pdf_timeout = 15\n")
    result = _publish(repo)
    assert result.exit_code == 1
    assert "gbdoc: not published: PDF failed: rendering took longer than the time limit of 15 s" in result.output
    assert (repo / "build" / "publish" / "isodoc" / "cd-2026-11-20" / "isodoc-en.pdf").is_file()
    assert not (repo / "build" / "publish" / "gbdoc").exists()
    shutil.rmtree(repo / "build")


def test_build_errors_skip_their_standard_once_each_and_the_others_publish(tmp_path):
    """A circular include and a reference to a missing target: that standard is skipped at any stage, each
    error printed once and counted once; the other standards publish."""
    repo = make_repository(tmp_path, "pdf")
    gb = repo / "standards" / "gbdoc"
    (gb / "loop.md").write_text("循环。\n\n```{include} loop.md\n```\n", encoding="utf-8")
    body = gb / "body.md"
    body.write_text(body.read_text(encoding="utf-8").replace(
        "本文件规定了打印版式的测试方法。", "本文件规定了打印版式的测试方法，见[](#no-such-id)。\n\n```{include} loop.md\n```\n"),
        encoding="utf-8")
    result = _publish(repo)
    assert result.exit_code == 1, result.output
    assert "gbdoc: not published: 2 build error(s), first: standards/gbdoc/" in result.output, result.output
    circle = [line for line in result.output.splitlines() if "circular include: loop.md → loop.md" in line]
    missing = [line for line in result.output.splitlines() if "no-such-id" in line and "ERROR" in line]
    assert len(circle) == 1 and len(missing) == 1, result.output  # each printed once, not per build
    assert "target not found" not in result.output
    assert "published isodoc" in result.output
    assert (repo / "build" / "publish" / "isodoc" / "cd-2026-11-20" / "isodoc-en.pdf").is_file()
    assert not (repo / "build" / "publish" / "gbdoc").exists()


def test_bilingual_findings_gate_the_translation_not_the_master(tmp_path):
    """An untranslated new paragraph is the translation threshold's business (BL001 info); a message left in the
    master language (BL001 error) skips the English edition, never the Chinese master."""
    repo = make_repository(tmp_path, "bilingual")
    conf = repo / "conf.py"  # gate on the bilingual rules (the fixture's texts are no complete drafts)
    conf.write_text(conf.read_text() + '\nstd_lint = {"select": ["BL"]}\nstd_lint_fail_on = "error"\n')
    first = _publish(repo)  # the English edition is published first …
    assert "published zhdoc (zh, en)" in first.output, first.output
    std = repo / "standards" / "zhdoc"
    body = std / "body.md"
    text = body.read_text(encoding="utf-8").replace("下列术语和定义适用于本文件。", "下列术语和定义适用于本文件。\n\n新增的一段尚未翻译。")
    body.write_text(text.replace("本文件规定了双语测试的方法。", "本文件规定了双语测试的方法。\n\n另一段照抄了原文。"),
                    encoding="utf-8")
    po = std / "locales" / "en" / "LC_MESSAGES" / "zhdoc.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "新增的一段尚未翻译。"\nmsgstr ""\n\n'
                  'msgid "另一段照抄了原文。"\nmsgstr "另一段照抄了原文。"\n', encoding="utf-8")
    lint = CliRunner().invoke(main, ["--root", str(repo), "lint", "--format", "json", "--fail-on", "never"])
    bl001 = {f["line"]: f["severity"] for f in json.loads(lint.stdout)["findings"] if f["code"] == "BL001"}
    assert sorted(bl001.values()) == ["error", "info"], bl001  # not translated: info; copied: error
    result = _publish(repo)
    assert "published zhdoc (zh)" in result.output, result.output
    assert re.search(r"zhdoc: en edition not published: bilingual lint fails at level error \(std lint\); first: "
                     r"standards/zhdoc/body\.md:\d+: BL001 paragraph: left in the master language", result.output), \
        result.output
    assert (repo / "build" / "publish" / "zhdoc" / "draft-for-comments-2026-11-20" / "zhdoc-zh.pdf").is_file()
    assert not (repo / "build" / "publish" / "zhdoc" / "draft-for-comments-2026-11-20" / "zhdoc-en.pdf").exists()
    # … and its removal from the same edition folder is said
    assert ("zhdoc: en edition removed from draft-for-comments-2026-11-20: it was published there earlier and is not "
            "published this time") in result.output, result.output
    page = (repo / "build" / "publish" / "zhdoc" / "draft-for-comments-2026-11-20" / "html" / "zhdoc" / "body.html")
    assert '<a class="std-language" lang="en" hreflang="en">English</a>' in page.read_text(encoding="utf-8"), \
        "no link to the English edition that was not published"
    assert _broken_links(repo / "build" / "publish") == []


def _broken_links(out: Path) -> list[str]:
    """Every relative href/src of the published HTML whose file does not exist."""
    broken = []
    for page in out.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"#:?]+)[^"]*"', page.read_text(encoding="utf-8")):
            if not (page.parent / url).exists():
                broken.append(f"{page.relative_to(out)} → {url}")
    return broken


def test_published_pages_link_to_published_pages_only(tmp_path):
    """A page links to another standard's published edition (in its own language when there is one); the rules
    page, the general index and unpublished standards lose their links. ``--standard`` keeps the others listed."""
    repo = make_repository(tmp_path, "pdf")
    (repo / "standards" / "rules.md").write_text("# Rules\n\nThe drafting rules.\n", encoding="utf-8")
    catalogue = repo / "standards" / "index.md"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("*/index\n", "*/index\nrules\n"),
                         encoding="utf-8")
    body = repo / "standards" / "gbdoc" / "body.md"
    body.write_text(body.read_text(encoding="utf-8").replace(
        "本文件规定了打印版式的测试方法。", "本文件规定了打印版式的测试方法，版式见{cite-informative}`ISO/IEC 99999#layout`，规则见[起草规则](../rules.md)。"),
        encoding="utf-8")
    git(repo, "commit", "-qam", "cite isodoc")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "rules")
    out = repo / "build" / "publish"
    result = _publish(repo)
    assert result.exit_code == 0, result.output
    assert _broken_links(out) == []
    page = (out / "gbdoc" / "draft-for-comments-2026-11-20" / "html" / "gbdoc" / "body.html").read_text("utf-8")
    assert 'href="../../../../isodoc/cd-2026-11-20/html/isodoc/body.html#layout"' in page
    assert 'href="../../../../isodoc/cd-2026-11-20/html/isodoc/index.html"' in page  # sidebar
    assert "起草规则" in page and "rules.html" not in page and "genindex.html" not in page
    assert "Rules</a></li>" not in page, "the rules page is not in the sidebar of an edition"

    # Only gbdoc this time: isodoc's edition stays, listed as published earlier; isodoc's problems are not shown.
    iso_body = repo / "standards" / "isodoc" / "body.md"
    iso_body.write_text("---\nnumbr: 3\n---\n" + iso_body.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "commit", "-qam", "a warning in isodoc")
    result = _publish(repo, "--standard", "gbdoc")
    assert result.exit_code == 0, result.output
    assert "standards/isodoc/" not in result.output, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "isodoc/cd-2026-11-20/isodoc-en.pdf" in index and "published earlier" in index
    assert "gbdoc/draft-for-comments-2026-11-20/gbdoc-zh.pdf" in index
    assert _broken_links(out) == []

    # isodoc gone from the publish folder: the citation keeps its words, without a link.
    shutil.rmtree(out / "isodoc")
    assert _publish(repo, "--standard", "gbdoc").exit_code == 0
    page = (out / "gbdoc" / "draft-for-comments-2026-11-20" / "html" / "gbdoc" / "body.html").read_text("utf-8")
    assert "isodoc/" not in page
    assert _broken_links(out / "gbdoc") == []  # isozh's edition, published before, still points at isodoc
    assert "isodoc" not in (out / "index.html").read_text(encoding="utf-8")
