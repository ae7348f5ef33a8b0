"""Browser check of the bilingual editions: the language switch and the parallel view, in headless Chromium.

The sample GB standard (``standards/gb-t-xxxxx``, Chinese master, English translation) is published
as ``std publish`` does it, into a temporary copy of the repository; the publish folder is served by
a local ``http.server`` on 127.0.0.1, and Debian's ``chromium`` is driven through ``chromedriver``
(both installed by ``make test``, see ``scripts/setup.sh --test``; selenium never downloads a driver).

The checks read the real layout (``getBoundingClientRect`` of the rendered elements), click the links
a reader clicks, and watch the browser's console and network log: no JavaScript error, no request
that leaves 127.0.0.1 (Chromium also cannot resolve any other host name).

``STD_SKIP_BROWSER=1`` skips these tests; otherwise a missing browser is a failure that says to run
``make test``. ``STD_BROWSER_PUBLISH=DIR`` checks an existing publish folder (e.g. ``build/publish``
after ``make publish``) instead of publishing the sample into a temporary repository.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from tooling.cli import main

from .conftest import REPO, git

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # reported by the _browser_required fixture with what to do
    webdriver = None

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SLUG = "gb-t-xxxxx"  # the sample GB standard: Chinese master, English translation
PAGES = sorted(p.stem for p in (REPO / "standards" / SLUG).glob("*.md"))
CATALOG = REPO / "standards" / SLUG / "locales" / "en" / "LC_MESSAGES" / f"{SLUG}.po"
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# URLs the browser resolves itself (its own start page's chrome:// resources, inline data): not network requests
BROWSER_SCHEMES = {"about", "blob", "chrome", "chrome-extension", "chrome-untrusted", "data", "devtools"}


# -- the browser ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def _browser_required() -> None:
    """Skip with STD_SKIP_BROWSER=1; fail, saying what to do, when the browser or selenium is missing."""
    if os.environ.get("STD_SKIP_BROWSER") == "1":
        pytest.skip("browser checks skipped: STD_SKIP_BROWSER=1")
    missing = [f"{path} (Debian package {package})" for path, package in
               ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")) if not path.is_file()]
    if webdriver is None:
        missing.append("the Python package selenium (requirements.lock)")
    if missing:
        pytest.fail(f"the browser check needs {', '.join(missing)}: run `make test`, which installs them "
                    "(scripts/setup.sh --test; as root, or it says what to install); "
                    "or set STD_SKIP_BROWSER=1 to skip the browser checks", pytrace=False)


class Browser:
    """Headless Chromium, and what it logged: console errors and every URL it requested."""

    def __init__(self, profile: Path) -> None:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for argument in (
            "--headless=new", "--window-size=1280,900", "--disable-gpu", "--disable-dev-shm-usage",
            f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-sync",
            # nothing leaves the machine: no proxy, no host name but 127.0.0.1 resolves, no background traffic
            "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
            "--disable-domain-reliability", "--disable-features=Translate,OptimizationHints,MediaRouter",
        ):
            options.add_argument(argument)
        if os.geteuid() == 0:
            options.add_argument("--no-sandbox")  # Chromium's sandbox refuses to run as root
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        # an explicit driver: selenium does not run Selenium Manager, which would download one; selenium
        # talks to chromedriver on 127.0.0.1 directly, never through a proxy of the environment
        with pytest.MonkeyPatch.context() as env:
            for name in ("no_proxy", "NO_PROXY"):
                env.setenv(name, ",".join(filter(None, ("127.0.0.1,localhost", os.environ.get(name)))))
            self.driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
        self.driver.set_page_load_timeout(30)
        self.driver.get("about:blank")
        self.console: list[dict] = []
        self.requests: list[str] = []

    def drain(self) -> None:
        """Move the browser's logs into ``console`` (errors) and ``requests`` (URLs)."""
        self.console += [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            elif message["method"] == "Network.webSocketCreated":
                self.requests.append(message["params"]["url"])

    def reset(self) -> None:
        self.drain()
        self.console, self.requests = [], []

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.wait_loaded()

    def wait_loaded(self) -> None:
        WebDriverWait(self.driver, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def click_and_wait(self, element, url_part: str) -> None:
        """Click like a reader (the element must be visible and not covered) and wait for the new page."""
        element.click()
        WebDriverWait(self.driver, 20).until(lambda d: url_part in d.current_url)
        self.wait_loaded()

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def assert_clean(self) -> None:
        """No JavaScript console error and no request beyond 127.0.0.1 since the last reset.

        The browser's own request for ``/favicon.ico`` at the server root (the pages declare no icon)
        is not an error of the pages.
        """
        self.drain()
        errors = [e["message"] for e in self.console
                  if not re.match(r"http://127\.0\.0\.1:\d+/favicon\.ico ", e["message"])]
        assert errors == [], "JavaScript console errors:\n" + "\n".join(errors)
        outside = [url for url in self.requests
                   if urlsplit(url).scheme not in BROWSER_SCHEMES and urlsplit(url).hostname != "127.0.0.1"]
        assert outside == [], f"requests leaving localhost: {outside}"
        assert any(urlsplit(url).hostname == "127.0.0.1" for url in self.requests), \
            "the network log recorded no request at all: the check would not see one leaving localhost"


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    browser = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.driver.quit()


@pytest.fixture
def browser(chromium) -> Browser:
    chromium.reset()
    return chromium


# -- the published site, served on 127.0.0.1 -------------------------------------------------------------

@pytest.fixture(scope="module")
def publish_dir(tmp_path_factory) -> Path:
    """The publish folder: the sample standards of this repository published as ``make publish`` does it."""
    if os.environ.get("STD_BROWSER_PUBLISH"):
        return Path(os.environ["STD_BROWSER_PUBLISH"]).resolve()
    repo = tmp_path_factory.mktemp("browser") / "repo"
    repo.mkdir()
    shutil.copy2(REPO / "conf.py", repo / "conf.py")
    shutil.copytree(REPO / "standards", repo / "standards")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample standards")
    result = CliRunner().invoke(main, ["--root", str(repo), "publish", "--standard", SLUG], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"published {SLUG} (zh, en)" in result.output, result.output
    return repo / "build" / "publish"


@pytest.fixture(scope="module")
def server(publish_dir):
    """``http.server`` on 127.0.0.1 (a free port) serving the publish folder; yields its base URL."""
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args) -> None:  # quiet: the browser's own log reports failed loads
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(publish_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def edition(publish_dir, server) -> str:
    """The URL of the sample GB standard's edition folder (``<slug>/<edition>/``)."""
    folders = [p for p in (publish_dir / SLUG).glob("*/manifest.json") if not p.parent.name.startswith(".")]
    assert folders, f"no edition of {SLUG} in {publish_dir}"
    folder = max(folders, key=lambda p: p.stat().st_mtime).parent  # the latest publish
    for part in (f"html/{SLUG}/index.html", f"html-en/{SLUG}/index.html", f"parallel-en/{SLUG}.html"):
        assert (folder / part).is_file(), f"the edition has no {part}: its English editions were not published"
    return f"{server}/{SLUG}/{folder.name}"


@pytest.fixture(scope="module")
def catalog() -> dict[str, str]:
    with CATALOG.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and m.string}


# -- what a page shows -------------------------------------------------------------------------------------

PAGE_FACTS = """
const main = document.querySelector('main.std-page');
const heading = main.querySelector('h1');
let title = '';
if (heading) {
  const copy = heading.cloneNode(true);
  copy.querySelectorAll('.std-number, .std-obligation, .headerlink').forEach(e => e.remove());
  title = copy.textContent.replace(/[\\s\\u3000]+/g, ' ').trim();
}
const number = heading && heading.querySelector('.std-number');
return {
  lang: document.documentElement.lang,
  sections: Array.from(main.querySelectorAll('section[id]'), s => s.id),
  number: number ? number.textContent.trim() : '',
  title: title,
  headings: Array.from(main.querySelectorAll('.body h1, .body h2, .body h3, .body h4, .body h5, .body h6'),
                       h => h.textContent),
  text: main.innerText,
  brokenImages: Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
};
"""


def _switch(browser: Browser, label: str):
    """The language switch in the page header: the link a reader sees labelled ``label``, visible."""
    header = browser.driver.find_element(By.CSS_SELECTOR, "header.std-header")
    links = [a for a in header.find_elements(By.CSS_SELECTOR, "a.std-language")
             if a.get_attribute("textContent").strip() == label]
    shown = [a.get_attribute("textContent") for a in header.find_elements(By.TAG_NAME, "a")]
    assert len(links) == 1, f"{browser.driver.current_url}: no single language switch labelled {label!r} " \
                            f"in the header: {shown}"
    link = links[0]
    rect = browser.js("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", link)
    assert link.is_displayed() and rect[0] > 0 and rect[1] > 0, f"the switch {label!r} is not visible"
    return link


def _clause_number(title: str) -> str:
    """``7.2`` of "7.2 测试环境", ``A`` of "附录A（规范性）…" and of "Annex A (normative) …"."""
    match = re.match(r"\s*(?:附录\s*|Annex\s+)?([A-Z](?:\.\d+)*|\d+(?:\.\d+)*)(?![\w.])", title)
    return match.group(1) if match else ""


def _ideograph_share(text: str) -> float:
    ideographs = len(IDEOGRAPH.findall(text))
    letters = ideographs + len(re.findall(r"[A-Za-z]", text))
    return ideographs / letters if letters else 0.0


@pytest.mark.parametrize("page", PAGES)
def test_language_switch_leads_to_the_same_page_in_english_and_back(browser, edition, catalog, page):
    zh_url = f"{edition}/html/{SLUG}/{page}.html"
    en_url = f"{edition}/html-en/{SLUG}/{page}.html"
    browser.open(zh_url)
    zh = browser.js(PAGE_FACTS)
    assert zh["lang"] == "zh-CN"
    assert zh["brokenImages"] == []

    browser.click_and_wait(_switch(browser, "English"), "/html-en/")
    assert browser.driver.current_url == en_url
    en = browser.js(PAGE_FACTS)
    assert en["lang"] == "en", "the English edition's page must say <html lang=\"en\">"
    assert en["sections"] == zh["sections"], "the switch must lead to the same clauses"
    if zh["number"].isdigit() or not zh["number"]:
        assert en["number"] == zh["number"]
    else:  # 附录A ↔ Annex A
        assert en["number"][-1] == zh["number"][-1] and en["number"].startswith("Annex")
    if zh["title"] in catalog:  # the heading is the translation of the master's heading
        assert en["title"] == catalog[zh["title"]]
    assert not [h for h in en["headings"] if IDEOGRAPH.search(h)], "Chinese headings in the English edition"
    assert _ideograph_share(en["text"]) < 0.05, "the English page shows mostly Chinese text"
    assert en["brokenImages"] == []

    browser.click_and_wait(_switch(browser, "中文"), "/html/")
    assert browser.driver.current_url == zh_url
    back = browser.js(PAGE_FACTS)
    assert back["lang"] == "zh-CN" and back["sections"] == zh["sections"] and back["title"] == zh["title"]
    browser.assert_clean()


def test_the_header_opens_the_parallel_edition(browser, edition):
    browser.open(f"{edition}/html/{SLUG}/scope.html")
    browser.click_and_wait(_switch(browser, "中英对照 · Parallel"), "/parallel-en/")
    assert browser.driver.current_url == f"{edition}/parallel-en/{SLUG}.html"
    assert browser.js("return document.querySelectorAll('table.parallel-body tr').length") > 50
    browser.assert_clean()


# -- the parallel edition ----------------------------------------------------------------------------------

ROWS = """
const box = e => { const r = e.getBoundingClientRect();
                   return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY,
                           width: r.width, height: r.height}; };
return Array.from(document.querySelectorAll('table.parallel-body > tbody > tr'), (row, index) => {
  const [master, translation] = row.querySelectorAll(':scope > td');
  const first = cell => { const e = cell.firstElementChild; return e ? box(e).top : box(cell).top; };
  // the widest right edge of what a cell holds: beyond the cell's edge, it would spill into the other column
  const reach = cell => Math.max(box(cell).left, ...Array.from(cell.querySelectorAll('*'), e => box(e).right));
  return {index: index, kind: row.className,
          master: box(master), translation: box(translation),
          masterLang: master.lang, translationLang: translation.lang,
          masterFirst: first(master), translationFirst: first(translation),
          masterReach: reach(master), translationReach: reach(translation),
          masterText: master.innerText.trim(), translationText: translation.innerText.trim(),
          masterEmpty: !master.innerText.trim() && !master.querySelector('img, svg, math'),
          translationEmpty: !translation.innerText.trim() && !translation.querySelector('img, svg, math')};
});
"""


def test_parallel_rows_put_chinese_left_and_english_right_side_by_side(browser, edition, catalog):
    browser.open(f"{edition}/parallel-en/{SLUG}.html")
    assert browser.js("return document.documentElement.lang") == "zh-CN"
    rows = browser.js(ROWS)
    assert len(rows) > 100
    width = browser.js("return document.querySelector('table.parallel-body').getBoundingClientRect().width")
    problems = []
    for row in rows:
        m, t = row["master"], row["translation"]
        where = f"row {row['index']} ({row['masterText'][:30]!r} | {row['translationText'][:30]!r})"
        if (row["masterLang"], row["translationLang"]) != ("zh-CN", "en"):
            problems.append(f"{where}: cells in {row['masterLang']}/{row['translationLang']}, not zh-CN/en")
        if not m["right"] <= t["left"] + 1:
            problems.append(f"{where}: the Chinese cell is not left of the English one ({m} / {t})")
        if abs(m["top"] - t["top"]) > 2 or abs(m["bottom"] - t["bottom"]) > 2:
            problems.append(f"{where}: the cells do not share the row (tops {m['top']:.0f}/{t['top']:.0f})")
        if abs(row["masterFirst"] - row["translationFirst"]) > 4:
            problems.append(f"{where}: the texts start {row['masterFirst']:.0f}/{row['translationFirst']:.0f}")
        if min(m["width"], t["width"]) < 0.4 * width or min(m["height"], t["height"]) <= 0:
            problems.append(f"{where}: a cell is squeezed ({m['width']:.0f}/{t['width']:.0f} of {width:.0f} px)")
        if row["masterReach"] > m["right"] + 1 or row["translationReach"] > t["right"] + 1:
            problems.append(f"{where}: content spills out of its cell")
        if row["masterEmpty"] != row["translationEmpty"]:  # both empty: the anchor row of an untitled subclause
            problems.append(f"{where}: one side is empty")
        if row["kind"].startswith("row-title"):
            number = _clause_number(row["masterText"])
            if number != _clause_number(row["translationText"]):
                problems.append(f"{where}: the clause numbers differ")
            elif number[:1].isdigit():  # "6.2 准确率" | "6.2 Accuracy": the catalog's translation
                zh_title = row["masterText"].split(None, 1)[-1]
                en_title = row["translationText"].split(None, 1)[-1]
                if zh_title in catalog and catalog[zh_title] != en_title:
                    problems.append(f"{where}: {en_title!r} is not the translation of {zh_title!r}")
    assert problems == [], "\n".join(problems)
    assert browser.js("return document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    browser.assert_clean()


LINKS = """
return Array.from(document.querySelectorAll('a[href^="#"]'), a => {
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  const target = id ? document.getElementById(id) : document.body;
  return {href: a.getAttribute('href'), cls: a.className, text: a.textContent.trim(),
          column: a.closest('td') ? a.closest('td').className : '', target: !!target,
          distance: target ? target.getBoundingClientRect().top - a.getBoundingClientRect().top : 0};
});
"""

TARGET = """
const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
if (!target) return null;
const r = target.getBoundingClientRect();
const row = target.closest('tr');
return {top: r.top, bottom: r.bottom, height: innerHeight, scrollY: scrollY,
        column: target.closest('td') ? target.closest('td').className : '',
        isTitle: target.classList.contains('par-title'),
        row: row ? Array.from(row.querySelectorAll(':scope > td'), td => td.innerText.trim()) : []};
"""


def _wait_for_scroll_to_settle(browser: Browser, timeout: float = 5.0) -> None:
    """Until the page stops scrolling (an instant jump, or the end of a smooth scroll)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        position = browser.js("return scrollY")
        if position == last:
            return
        last = position
        time.sleep(0.1)


def test_parallel_links_lead_to_their_clause_and_scroll_it_into_view(browser, edition):
    browser.open(f"{edition}/parallel-en/{SLUG}.html")
    links = browser.js(LINKS)
    assert len(links) > 50
    ids = browser.js("return Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert sorted({i for i in ids if ids.count(i) > 1}) == [], "duplicate ids: links cannot tell them apart"
    dead = [link for link in links if not link["target"]]
    assert dead == [], f"links to no element: {dead}"

    # a link into a clause far down the page, in each column
    height = browser.js("return innerHeight")
    clauses = [link for link in links if "clause" in link["cls"].split() and link["distance"] > 2 * height]
    chosen = [next(link for link in clauses if link["column"] == column) for column in ("master", "translation")]
    for link in chosen:
        browser.js("window.scrollTo(0, 0)")
        element = browser.driver.find_element(By.CSS_SELECTOR, f'td.{link["column"]} a[href="{link["href"]}"]')
        browser.js("arguments[0].scrollIntoView({block: 'center'})", element)
        start = browser.js("return scrollY")
        element.click()
        WebDriverWait(browser.driver, 10).until(lambda d: d.execute_script("return location.hash") == link["href"])
        _wait_for_scroll_to_settle(browser)
        target = browser.js(TARGET)
        assert target is not None, f"{link['href']}: no element to scroll to"
        assert target["scrollY"] != start, f"{link['text']!r}: the view did not move to {link['href']}"
        assert -2 <= target["top"] < target["height"] - 10, f"{link['text']!r}: {link['href']} is not in view: {target}"
        assert target["isTitle"] and target["column"] == "translation", target
        zh_title, en_title = target["row"]  # the target's row holds the clause in both languages
        number = _clause_number(zh_title)
        assert number and number == _clause_number(en_title) and IDEOGRAPH.search(zh_title), target["row"]
        assert re.search(rf"(?<![0-9A-Za-z.]){re.escape(number)}(?![0-9A-Za-z.])", link["text"]), \
            f"{link['text']!r} leads to {zh_title!r}"
    browser.assert_clean()


FOOTNOTES = """
return Array.from(document.querySelectorAll('table.parallel-body > tbody > tr'))
  .filter(row => row.querySelector('.footnote'))
  .map(row => Array.from(row.querySelectorAll(':scope > td'), td => Array.from(td.querySelectorAll('.footnote'), f => {
    const call = getComputedStyle(f, '::before').content + getComputedStyle(f, '::after').content;
    const style = getComputedStyle(f);
    return {text: f.innerText.trim(), label: f.dataset.label || '', shown: f.getBoundingClientRect().width > 0,
            inline: style.display === 'inline' && style.float === 'none' && style.position === 'static',
            call: call};
  })));
"""


def test_parallel_footnotes_are_in_both_columns_beside_their_call(browser, edition):
    browser.open(f"{edition}/parallel-en/{SLUG}.html")
    rows = browser.js(FOOTNOTES)
    assert rows, "the sample's footnote (7.4, monotonic clock) is not in the parallel view"
    for master, translation in rows:
        assert len(master) == len(translation) >= 1, (master, translation)
        for zh, en in zip(master, translation):
            assert zh["shown"] and en["shown"] and zh["label"] == en["label"] != ""
            assert IDEOGRAPH.search(zh["text"]) and not IDEOGRAPH.search(en["text"]), (zh["text"], en["text"])
    browser.assert_clean()


def test_parallel_footnotes_are_set_apart_on_screen(browser, edition):
    browser.open(f"{edition}/parallel-en/{SLUG}.html")
    notes = [note for row in browser.js(FOOTNOTES) for cell in row for note in cell]
    assert notes
    # set apart: out of the line (a block, a float, positioned) or introduced by its label ("1)")
    running_on = [note["text"] for note in notes
                  if note["inline"] and note["label"] not in note["call"] and "attr(" not in note["call"]]
    assert running_on == [], "footnotes read as part of their sentence"


def test_parallel_figures_load_in_both_columns(browser, edition):
    browser.open(f"{edition}/parallel-en/{SLUG}.html")
    images = browser.js("return Array.from(document.images, i => [i.closest('td').className, "
                        "i.complete && i.naturalWidth > 0, i.getAttribute('src')])")
    assert {column for column, _, _ in images} == {"master", "translation"}
    assert [image for image in images if not image[1]] == [], "images that do not load"
    browser.assert_clean()
