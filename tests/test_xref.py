"""Cross-references across standards: every citation form in both languages, resolution findings,
incremental and parallel builds, ``std refs``, inventories, and bad input."""

from __future__ import annotations

import json
import re
import shutil
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.project import Project

from .conftest import make_repository


def _text(repo, page: str) -> str:
    html = (repo / "build" / "html" / f"{page}.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u3000", " ")


def _findings(result, code: str) -> list:
    domain = result.app.env.domains["standard"]
    found = [f for items in domain.data["standard_findings"].values() for f in items if f.code == code]
    return sorted(found, key=lambda f: (f.file, f.line or 0, f.column or 0))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    repo = make_repository(tmp_path_factory.mktemp("xref"), "xref")
    result = Project(repo).sphinx("html", fresh=True)
    return repo, result


def test_citation_forms_in_chinese(built):
    repo, _ = built
    text = _text(repo, "user/body")
    assert "产品应符合GB/T 90001—2024的2.1的规定。" in text
    assert "试验应按GB/T 90001—2024的2.1进行，限值见GB/T 90001—2024的表1和GB/T 90001—2024的表1，" \
           "方法见GB/T 90001—2024的附录A。" in text
    assert "总体要求见GB/T 90001。" in text
    assert "旧版见GB/T 90001—2019的第2章。" in text


def test_whole_clause_of_a_catalogue_document_reads_as_a_clause(built):
    # GB/T 1.1-2020 9.5.4.2/9.5.4.3: 第4章 for a clause, 4.3 for a subclause; ISO: "Clause 4", "4.3"
    repo, _ = built
    assert "修约见GB/T 8170—2008的第4章，比较见GB/T 8170—2008的4.3。" in _text(repo, "user/body")
    english = _text(repo, "user-en/body")
    assert "For rounding, see GB/T 8170:2008, Clause 4 and GB/T 8170:2008, 4.3;" in english
    assert "ISO/IEC 5259-1:2024, Clause 5." in english


def test_citation_forms_in_english_iso_style(built):
    repo, _ = built
    text = _text(repo, "user-en/body")
    assert "Products shall comply with GB/T 90001:2024, 2.1 and GB/T 90001:2024, Table 1." in text
    assert "See also GB/T 90001:2024, Annex A and ISO/IEC 22989:2022." in text


def test_links_to_the_cited_element_and_catalogue_url(built):
    repo, _ = built
    html = (repo / "build" / "html" / "user" / "body.html").read_text(encoding="utf-8")
    assert 'href="../core/body.html#general"' in html
    assert 'href="../core/body.html#limits"' in html
    assert 'href="../core-2019/body.html#old-requirements"' in html  # the dated, superseded edition
    english = (repo / "build" / "html" / "user-en" / "body.html").read_text(encoding="utf-8")
    assert 'href="https://www.iso.org/standard/74296.html"' in english


def test_resolution_findings(built):
    repo, result = built
    codes = {code: [(f.line, f.snippet) for f in _findings(result, code) if f.standard == "user"]
             for code in ("RF003", "RF004", "RF008", "RF009", "RF010", "RF011")}
    assert codes["RF004"] == [(20, "GB/T 20000.1")]  # a part of an undated document
    assert codes["RF008"] == [(26, "GB/T 99999")]
    assert codes["RF009"] == [(26, "GB/T 90001—2024")]  # #no-such-clause
    assert sorted(codes["RF010"]) == [(22, "GB/T 90001—2019"), (24, "GB/T 1.1—2009")]
    assert codes["RF011"] == [(24, "GB/T 1.1—2021")]
    messages = {f.code: f.message for f in _findings(result, "RF010")}
    assert "replaced by GB/T 90001—2024" in messages["RF010"] or "replaced by GB/T 1.1—2020" in messages["RF010"]
    # GB/T 20000.1 is listed and cited normatively (with a requirement): no RF003 for it;
    # GB/T 90001 (undated, 18) is cited normatively and listed (dated): the list covers it
    assert [f for f in _findings(result, "RF003") if f.standard == "user"] == []


def test_parallel_build_is_equivalent(built, tmp_path):
    repo, _ = built
    other = tmp_path / "parallel"
    shutil.copytree(repo, other, ignore=shutil.ignore_patterns("build"))
    Project(other).sphinx("html", fresh=True, jobs=2)
    for page in ("user/body", "user-en/body", "core/index", "index"):
        assert _text(other, page) == _text(repo, page), page


def test_cited_by_in_html_and_cli(built):
    repo, _ = built
    index = _text(repo, "core/index")
    assert "被引用" in index and "GB/T XXXXX—XXXX" in index and "ISO/IEC CD XXXXX" in index
    result = CliRunner().invoke(main, ["--root", str(repo), "refs", "--cited-by", "GB/T 90001#limits",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["citations"]
    assert {(r["standard"], r["clause"], r["normative"]) for r in rows} >= {("user", "2", True),
                                                                             ("user-en", "1", True)}
    assert all(set(r) == {"standard", "clause", "file", "line", "target", "normative"} for r in rows)
    graph = CliRunner().invoke(main, ["--root", str(repo), "refs", "--graph", "--format", "dot"])
    assert '"GB/T XXXXX" -> "GB/T 90001"' in graph.output
    assert all(row["file"].startswith("standards/") for row in rows)  # relative to the repository root


def test_graph_names_documents_by_their_designations(built):
    """Not the internal keys ``ISO/IEC 5259.1``, ``TS ISO/IEC 4213``: designations, which --cited-by takes."""
    repo, _ = built

    def refs(*args):
        return CliRunner().invoke(main, ["--root", str(repo), "refs", *args])

    text = refs("--graph").output
    assert "ISO/IEC XXXXX → ISO/IEC 5259-1 (1 citation(s), informative)" in text, text
    assert "→ ISO/IEC TS 4213 (" in text and "5259.1" not in text and "TS ISO/IEC" not in text
    dot = refs("--graph", "--format", "dot").output
    assert '"ISO/IEC TS 4213" [label="ISO/IEC TS 4213:2022", shape=ellipse];' in dot
    assert '-> "ISO/IEC 5259-1"' in dot and "TS ISO/IEC" not in dot
    data = json.loads(refs("--graph", "--format", "json").output)
    node = next(n for n in data["nodes"] if n["id"] == "ISO/IEC 5259-1")
    assert node == {"id": "ISO/IEC 5259-1", "designation": "ISO/IEC 5259-1:2024", "kind": "catalogue"}
    own = next(n for n in data["nodes"] if n["kind"] == "repository" and n["slug"] == "user")
    assert own["designation"] == "GB/T XXXXX—XXXX" and own["id"] == "GB/T XXXXX"
    assert {n["id"] for n in data["nodes"]} >= {e["to"] for e in data["edges"]} | {e["from"] for e in data["edges"]}
    for edge in data["edges"]:  # every printed designation can be fed back to --cited-by
        result = refs("--cited-by", edge["to"], "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["citations"], edge


def test_inventory_export_lists_standards_and_elements(built):
    repo, _ = built
    data = (repo / "build" / "html" / "objects.inv").read_bytes()
    body = zlib.decompress(data.split(b"\n", 4)[4]).decode("utf-8")
    assert re.search(r"^GB/T 90001 standard:document 1 core/index\.html", body, flags=re.M), body[:500]
    assert re.search(r"^GB/T 90001#limits standard:table 1 core/body\.html#limits 1$", body, flags=re.M)


def _repository_with_the_inventory_of(repo, tmp_path):
    """Another repository whose conf.py reads ``repo``'s objects.inv as the inventory ``xref``."""
    other = make_repository(tmp_path, "numbering")
    (other / "inventories").mkdir()
    shutil.copy(repo / "build" / "html" / "objects.inv", other / "inventories" / "xref-objects.inv")
    conf = other / "conf.py"
    conf.write_text(conf.read_text() + '\nstd_inventories = {"xref": {"base": "https://std.example.org/xref/", '
                                       '"file": "inventories/xref-objects.inv"}}\n')
    return other


def test_inventory_import_resolves_citations_into_another_repository(built, tmp_path):
    other = _repository_with_the_inventory_of(built[0], tmp_path)
    clauses = other / "standards" / "alpha" / "clauses.md"
    clauses.write_text(clauses.read_text(encoding="utf-8") + "\n限值见{cite}`GB/T 90001—2024#limits`。\n",
                       encoding="utf-8")
    Project(other).sphinx("html", fresh=True)
    html = (other / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert 'href="https://std.example.org/xref/core/body.html#limits"' in html
    assert "GB/T 90001—2024的表1" in re.sub(r"\s", " ", re.sub(r"<[^>]+>", "", html))


def test_incremental_rebuild_after_renaming_and_deleting_a_cited_clause(built, tmp_path):
    repo, _ = built
    work = tmp_path / "work"
    shutil.copytree(repo, work, ignore=shutil.ignore_patterns("build"))
    project = Project(work)
    project.sphinx("html", fresh=True)
    body = work / "standards" / "core" / "body.md"
    text = body.read_text(encoding="utf-8")
    # a new subclause before the cited one: 5.1 becomes 5.2 in the citing standard without touching it
    body.write_text(text.replace("(general)=", "(first)=\n## 首先\n\n首先的内容。\n\n(general)="), encoding="utf-8")
    project.sphinx("html")
    assert "试验应按GB/T 90001—2024的2.2进行" in _text(work, "user/body")
    # the cited clause deleted: the next incremental build reports it
    body.write_text(body.read_text(encoding="utf-8").replace("(general)=\n## 通用要求", "## 通用要求"),
                    encoding="utf-8")
    result = project.sphinx("html")
    assert any("RF009" in w and "#general" in w for w in result.warnings), result.warnings


def test_malformed_designation_in_a_citation(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    clauses = repo / "standards" / "alpha" / "clauses.md"
    clauses.write_text(clauses.read_text(encoding="utf-8") + "\n见{cite}`Standard 12`。\n", encoding="utf-8")
    result = Project(repo).sphinx("html", fresh=True)
    assert any(re.search(r"alpha/clauses\.md:\d+: ERROR: citation: not a designation: 'Standard 12'", w)
               for w in result.warnings), result.warnings


@pytest.mark.parametrize(("catalogue", "message", "line"), [
    ("- designation: GB/T 1.1—2020\n  title: 42\n", "is not a text or {zh, en}", 2),
    ("- designation: GB/T 1.1—2020\n  title: 标题\n  status: gone\n", "'gone' is not one of", 3),
    ("- designation: GB/T 1.1—2020\n  title: 标题\n- designation: Standard 12\n  title: x\n", "not a designation", 3),
    ("- designation: GB/T 1—2020\n  title: a\n  status: replaced\n  replaced_by: GB/T 2—2020\n"
     "- designation: GB/T 2—2020\n  title: b\n  status: replaced\n  replaced_by: GB/T 1—2020\n",
     "replaced_by forms a cycle", 1),
    ("- designation: GB/T 1.1—2020\n  title: [\n", "malformed YAML", 3),
])
def test_catalogue_problems_name_the_line(tmp_path, catalogue, message, line):
    repo = make_repository(tmp_path, "numbering")
    (repo / "standards" / "catalogue.yaml").write_text(catalogue, encoding="utf-8")
    result = Project(repo).sphinx("html", fresh=True)
    assert any(f"catalogue.yaml:{line}: ERROR: catalogue:" in w and message in w for w in result.warnings), \
        result.warnings


def test_inventory_of_this_repository_is_a_cycle(built, tmp_path):
    repo, _ = built
    work = tmp_path / "self"
    shutil.copytree(repo, work, ignore=shutil.ignore_patterns("build"))
    (work / "inv").mkdir()
    shutil.copy(repo / "build" / "html" / "objects.inv", work / "inv" / "self.inv")
    conf = work / "conf.py"
    conf.write_text(conf.read_text() + '\nstd_inventories = {"self": {"base": "https://x/", "file": "inv/self.inv"},'
                                       ' "gone": {"base": "https://y/", "file": "inv/missing.inv"}}\n')
    result = Project(work).sphinx("html", fresh=True)
    assert any("std_inventories['self'] describes this repository's own standard(s)" in w for w in result.warnings)
    assert any("std_inventories['gone']: cannot read" in w for w in result.warnings)


def test_cited_by_an_id_finds_the_citations_by_number(built):
    """``GB/T 90001—2019, 第2章`` cites the clause whose ID is ``old-requirements``: --cited-by by ID finds it."""
    repo, _ = built
    for query in ("GB/T 90001—2019#old-requirements", "GB/T 90001#old-requirements"):
        result = CliRunner().invoke(main, ["--root", str(repo), "refs", "--cited-by", query, "--format", "json"])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["citations"]
        assert [(r["standard"], r["line"], r["target"]) for r in rows] == [("user", 22, "GB/T 90001—2019, 第2章")]
    text = CliRunner().invoke(main, ["--root", str(repo), "refs", "--cited-by", "GB/T 90001—2024#annex-method"])
    assert text.exit_code == 0 and "cites GB/T 90001—2024, 附录A (normative)" in text.stdout, text.output
    assert "cites GB/T 90001—2024#annex-method (informative)" in text.stdout, text.output


def test_cited_by_an_unknown_id_is_an_error(built):
    repo, _ = built
    for fmt in ("text", "json"):
        result = CliRunner().invoke(main, ["--root", str(repo), "refs", "--cited-by", "GB/T 90001—2024#nonexistent",
                                           "--format", fmt])
        assert result.exit_code == 1, result.output
        assert "no element 'nonexistent' in GB/T 90001—2024" in result.stderr
        assert "no citation" not in result.output
        if fmt == "json":
            assert json.loads(result.stdout) == {"citations": []}
        else:
            assert result.stdout == ""
    # an ID of an earlier edition only: no error for the year-less designation
    result = CliRunner().invoke(main, ["--root", str(repo), "refs", "--cited-by", "GB/T 90001#old-requirements"])
    assert result.exit_code == 0, result.output


def test_empty_and_self_citations_are_reported(built, tmp_path):
    """``{cite}`` followed by two backticks is left as text by MyST: reported as std.citation, like
    ``{cite}` ``; a citation of the standard's own missing ID is RF009."""
    repo, _ = built
    work = tmp_path / "empty"
    shutil.copytree(repo, work, ignore=shutil.ignore_patterns("build"))
    body = work / "standards" / "user" / "body.md"
    lines = body.read_text(encoding="utf-8").splitlines()
    body.write_text("\n".join([*lines, "", "空引用{cite}``。", "", "空格{cite}` `，代码``` {cite}`` ```不算。", "",
                               "见{cite}`GB/T XXXXX—XXXX#no-such-own-id`。", ""]), encoding="utf-8")
    first = len(lines) + 2
    result = Project(work).sphinx("html", fresh=True)
    empty = [w for w in result.warnings if "citation is empty" in w]
    assert len(empty) == 2, result.warnings
    assert any(f"user/body.md:{first}: ERROR: citation is empty" in w and w.endswith("[std.citation]")
               for w in empty), empty
    assert any(f"user/body.md:{first + 2}: ERROR: citation is empty" in w for w in empty), empty
    assert [(f.line, f.snippet) for f in _findings(result, "RF009") if f.standard == "user"][-1] == \
        (first + 4, "GB/T XXXXX—XXXX")


def test_an_inventory_checks_the_ids_of_a_document_the_catalogue_also_lists(built, tmp_path):
    other = _repository_with_the_inventory_of(built[0], tmp_path)
    (other / "standards" / "catalogue.yaml").write_text(
        "- designation: GB/T 90001—2024\n  title: {zh: 被引用的标准}\n", encoding="utf-8")
    clauses = other / "standards" / "alpha" / "clauses.md"
    text = clauses.read_text(encoding="utf-8")
    clauses.write_text(text + "\n限值见{cite}`GB/T 90001—2024#limits`，另见{cite}`GB/T 90001—2024#no-such-id`。\n",
                       encoding="utf-8")
    result = Project(other).sphinx("html", fresh=True)
    html = (other / "build" / "html" / "alpha" / "clauses.html").read_text(encoding="utf-8")
    assert 'href="https://std.example.org/xref/core/body.html#limits"' in html
    assert "GB/T 90001—2024的表1" in re.sub(r"\s", " ", re.sub(r"<[^>]+>", "", html))
    found = [f for f in _findings(result, "RF009") if f.standard == "alpha"]
    assert [(f.line, f.message) for f in found] == [(len(text.splitlines()) + 2, "GB/T 90001—2024 has no #no-such-id")]


def test_the_metadata_example_of_the_authoring_guide_is_complete(tmp_path):
    """Copying docs/authoring.md's metadata gives no metadata finding (ST022, std.metadata)."""
    guide = (Path(__file__).parent.parent / "docs" / "authoring.md").read_text(encoding="utf-8")
    front = re.search(r"## The metadata.*?```yaml\n(---\n.*?---\n)```", guide, re.S).group(1)
    repo = make_repository(tmp_path, "numbering")
    index = repo / "standards" / "alpha" / "index.md"
    index.write_text(front + index.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(repo), "lint", str(repo / "standards" / "alpha"),
                                       "--format", "json"])
    assert result.stdout, result.output
    codes = {(f["code"], f["message"]) for f in json.loads(result.stdout)["findings"]
             if f["code"] in ("ST022", "std.metadata")}
    assert codes == set(), codes
