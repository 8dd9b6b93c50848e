"""Links, sharing and addresses in the built site: the link check, site_url, meta tags,
sitemap, the README's public address contract, redirects and the copy-link markup."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros import directory_address
from macros.guidebook.inline import plain_text
from macros.guidebook.pages import page_source
from macros.guidebook.urls import public_url
from tests.linkcheck import SiteChecker
from tests.support import (
    RENAMED_FROM,
    RENAMED_TO,
    ROOT,
    SUBPATH_URL,
    build,
    checklist_pages,
    copy_project,
    expected_site_url,
    page_path,
    word,
)


@pytest.fixture(params=["normal", pytest.param("sub-path", marks=pytest.mark.build)])
def any_build(request):
    """(site folder, its base address): the normal build and the one under a sub-path."""
    if request.param == "normal":
        return request.getfixturevalue("site"), expected_site_url()
    return request.getfixturevalue("subpath_site"), SUBPATH_URL


class _Head(HTMLParser):
    """<title>, <meta> and <link rel> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], []).append(attrs.get("href", ""))
        elif tag == "title":
            self._in_title = True

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False


def head(file: Path) -> _Head:
    parser = _Head()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def site_pages(guidebook) -> dict[str, str]:
    """Public path (relative to the base address) -> source file, for every page: the Markdown files
    under docs/ and the checklist pages made from data/."""
    prose = {directory_address(p.relative_to(ROOT / "docs").as_posix()): p.relative_to(ROOT / "docs").as_posix()
             for p in sorted((ROOT / "docs").rglob("*.md"))}
    return prose | {c.address: page_source(c) for c in guidebook.checklists}


def front_matter(src: str) -> dict:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def site_config() -> Any:
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))


# ---- link check ---------------------------------------------------------------------------------

def test_every_internal_link_asset_and_anchor_resolves(any_build, guidebook):
    site, base = any_build
    checker = SiteChecker(site, base)
    assert checker.problems() == []
    assert len(checker.pages()) >= len(site_pages(guidebook)) and checker.reference_count() > 100


def test_the_link_check_finds_broken_links_and_anchors(tmp_path):
    """The checker itself can fail: a missing page, a missing anchor, an asset outside the sub-path."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#top">ok</a> <a href="a/#nope">bad anchor</a> <a href="b/">no page</a>'
        '<link rel="stylesheet" href="/style.css"> <a href="https://elsewhere.org/x">external</a>'
        '<a href="#here" id="here">self</a>', encoding="utf-8")
    (tmp_path / "style.css").write_text("body { background: url(missing.png) }", encoding="utf-8")
    problems = SiteChecker(tmp_path, "https://example.org/sub/").problems()
    assert len(problems) == 4, problems
    assert any("'a/#nope'" in p and "no element with id 'nope'" in p for p in problems)
    assert any("'b/'" in p and "no such file" in p for p in problems)
    assert any("'/style.css'" in p and "outside the site" in p for p in problems)
    assert any("'missing.png'" in p for p in problems)


# ---- site_url -----------------------------------------------------------------------------------

def test_site_url_has_no_default_address(monkeypatch):
    """Without SITE_URL, mkdocs.yml names no address (the build then stops: tests/test_site_url.py)."""
    monkeypatch.delenv("SITE_URL", raising=False)
    assert not site_config()["site_url"]


def test_site_url_comes_from_the_environment(subpath_site):
    home = head(subpath_site / "index.html")
    assert home.links["canonical"] == [SUBPATH_URL]
    about = head(subpath_site / "about" / "index.html")
    assert about.links["canonical"] == [SUBPATH_URL + "about/"]


# ---- meta tags and sitemap ----------------------------------------------------------------------

def test_every_page_has_a_description_canonical_link_and_sharing_meta(any_build, guidebook):
    site, base = any_build
    config = site_config()
    by_id = {c.id: c for c in guidebook.checklists}
    shown = {path.parent.relative_to(site).as_posix(): ident for ident, path in checklist_pages(site).items()}
    for path, src in site_pages(guidebook).items():
        file = site / path / "index.html"
        meta = head(file)
        where = f"{path or 'home'} ({src})"
        url = base + path
        assert meta.links.get("canonical") == [url], where
        assert meta.meta.get("og:url") == [url] and meta.meta.get("twitter:url") == [url], where
        # Title: the browser tab's, but the site's name alone on the home page.
        title = config["site_name"] if path == "" else " ".join(meta.title.split())
        assert meta.meta.get("og:title") == [title] and meta.meta.get("twitter:title") == [title], where
        # Description: the checklist's summary, else the page's front matter, else the site's.
        checklist_id = shown.get(path.rstrip("/") or ".")
        if checklist_id:
            expected = plain_text(by_id[checklist_id].summary)
        else:
            expected = " ".join((front_matter(src).get("description") or config["site_description"]).split())
        for key in ("description", "og:description", "twitter:description"):
            assert meta.meta.get(key) == [expected], f"{where}: {key}"
        # A large card with the page's picture (tests/test_cards.py checks the picture).
        assert meta.meta.get("og:type") == ["website"] and meta.meta.get("twitter:card") == ["summary_large_image"], where
        assert meta.meta.get("og:image", [""])[0].startswith(base + "assets/images/cards/"), where
        assert meta.meta.get("og:site_name") == [config["site_name"]], where


@pytest.mark.build
def test_a_description_with_quotes_and_markup_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text('---\ndescription: Say "hi" & <b>bye</b>\n---\n' + about.read_text(encoding="utf-8"),
                     encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    meta = head(tmp_path / "site" / "about" / "index.html")
    for key in ("description", "og:description", "twitter:description"):
        assert meta.meta[key] == ['Say "hi" & <b>bye</b>'], key


def test_sitemap_lists_every_page_at_its_public_address(any_build, guidebook):
    site, base = any_build
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text.strip() for loc in tree.getroot().findall("s:url/s:loc", ns)]
    assert sorted(listed) == sorted(base + path for path in site_pages(guidebook))
    assert len(listed) == len(set(listed))


# ---- the public address contract -----------------------------------------------------------------

def readme_contract() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Public addresses.*?(?=^##)", readme, re.S | re.M)  # up to the next heading
    assert match, "README.md has no '## Public addresses' section"
    return match.group(0)


def test_every_checklist_is_at_the_address_its_file_gives(site, guidebook):
    assert {c.id: page_path(site, c.id) for c in guidebook.checklists} == {c.id: c.address for c in guidebook.checklists}


def test_every_published_address_still_leads_somewhere(site):
    """Addresses once published never disappear: each is still a page, or a redirect to one."""
    published = (ROOT / "tests" / "fixtures" / "published-addresses.txt").read_text(encoding="utf-8").split()
    assert published, "the list of published addresses is empty"
    for path in published:
        assert (site / path / "index.html").is_file(), f"{path} was published and no longer exists"


def test_readme_contract_examples_exist(site):
    contract = readme_contract()
    for path in re.findall(r"`([a-z0-9/-]*/)`", contract):
        assert (site / path / "index.html").is_file(), f"README names {path}, which the site does not have"
    examples = re.findall(r"`([a-z0-9/-]+/)#([a-z0-9-]+)`", contract)
    assert examples, "the contract shows how an item's address is made"
    for path, anchor in examples:
        assert f'id="{anchor}"' in (site / path / "index.html").read_text(encoding="utf-8"), f"{path}#{anchor}"


def test_link_page_gives_every_public_address_and_a_snippet(site, guidebook):
    base = expected_site_url()
    page = (site / "link-to-this-guidebook" / "index.html").read_text(encoding="utf-8")
    for checklist in guidebook.checklists:
        url = base + page_path(site, checklist.id)
        assert f'<a class="gb-addresses__url" href="{url}">{url}</a>' in page, checklist.id
        assert f'data-gb-copy-url="{url}"' in page
    first = guidebook.checklists[0]
    example = public_url(base, page_path(site, first.id), first.items[0].id)
    assert example in page
    snippet = re.search(r'<code id="gb-link-snippet">(.*?)</code>', page, re.S)
    assert snippet, "no snippet"
    code = html.unescape(snippet.group(1))
    assert code.startswith(f'<a href="{base}">{guidebook.title}</a>'), code
    assert guidebook.publisher in code


# ---- copy-link controls (markup; behaviour in tests/browser/test_copy_links.py) -------------------

def test_every_checklist_and_item_has_a_copy_link_button(site, guidebook):
    pages = checklist_pages(site)
    for checklist in guidebook.checklists:
        page = pages[checklist.id].read_text(encoding="utf-8")
        buttons = re.findall(r'<button type="button" class="gb-copy[^"]*"[^>]*>.*?</button>', page, re.S)
        anchors = [re.search(r'data-gb-copy-link="([^"]*)"', b).group(1) for b in buttons]
        assert anchors == [item.id for item in checklist.items] + [""], "items first, then the whole checklist"
        for b in buttons:
            assert " data-gb-js>" in b, "shown only when the script runs"
            assert "gb-noprint" in b, "marked as not printing"
        assert 'class="gb-copy__label">Copy link to this checklist<' in buttons[-1]
        for number, (item, b) in enumerate(zip(checklist.items, buttons[:-1], strict=True), start=1):
            name = word("checklist.copy_item_link", number=number, text=plain_text(item.text))
            title = re.search(r' title="([^"]*)"', b).group(1)
            assert html.unescape(title) == name, item.id
            assert b.endswith("data-gb-js></button>"), f"{item.id}: an item's button is empty (named by its title)"
            assert 'tabindex="-1"' in b, "item links do not double the Tab order"
        for item in checklist.items:
            li = re.search(rf'<li class="gb-item" id="{re.escape(item.id)}">(.*?)</li>', page, re.S).group(1)
            assert f'data-gb-copy-link="{item.id}"' in li


# ---- redirects ------------------------------------------------------------------------------------

def test_a_renamed_page_keeps_its_old_address(renamed_site, guidebook):
    old = RENAMED_FROM.rstrip("/")
    new = RENAMED_TO.rstrip("/")
    redirect = (renamed_site / old / "index.html").read_text(encoding="utf-8")
    target = "../" + new.split("/")[-1] + "/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in redirect
    assert f'location.href="{target}"+(anchor?"#"+anchor:"")' in redirect, "keeps the #item of the old address"
    assert checklist_pages(renamed_site)["police-within-24-hours"] == renamed_site / new / "index.html"
    assert SiteChecker(renamed_site, expected_site_url()).problems() == []


@pytest.mark.build
def test_a_redirect_to_a_missing_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "redirect_maps: {}", "redirect_maps:\n        old/page.md: no/such/page.md"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no/such/page.md" in result.stdout + result.stderr


def test_mkdocs_yml_declares_its_redirects():
    """The redirects plugin is on, and every redirect names an existing page (today: none renamed yet)."""
    config = site_config()
    plugin = config["plugins"]["redirects"]
    for old, new in plugin.config["redirect_maps"].items():
        assert not (ROOT / "docs" / old).exists(), f"{old} still exists"
        assert (ROOT / "docs" / new.split("#")[0]).is_file(), f"{new} does not exist"


# ---- deployment -----------------------------------------------------------------------------------

def test_github_pages_workflow_builds_with_the_pages_address():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    used = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert used == ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                    "actions/deploy-pages"]
    pages_id = next(step["id"] for step in steps if step.get("uses", "").startswith("actions/configure-pages"))
    build_step = next(step for step in steps if step.get("run") == "make build")
    assert build_step["env"]["SITE_URL"].startswith(f"${{{{ steps.{pages_id}.outputs.base_url }}}}")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def readme_test_command() -> str:
    """The command the README gives to run every test (the line of the sh block after 'run every test')."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"run every test[^`]*?:\s*```sh\n([^\n]+)\n```", readme)
    assert block, "the README names its test command"
    return block.group(1).strip()


def test_github_pages_workflow_deploys_only_what_passed_the_tests():
    """The job that builds runs the README's test command first; the deploy job needs that job, so a red
    test stops the upload and the deploy."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    command = readme_test_command()
    assert command == "make test"
    jobs = workflow["jobs"]
    builder = next(name for name, job in jobs.items() if any(s.get("run") == "make build" for s in job["steps"]))
    runs = [step.get("run", step.get("uses", "")).strip() for step in jobs[builder]["steps"]]
    tested = runs.index(command)
    assert tested < runs.index("make build") < next(i for i, r in enumerate(runs) if "upload-pages-artifact" in r)
    assert not any(step.get("continue-on-error") for step in jobs[builder]["steps"][: runs.index("make build")])
    deploying = [name for name, job in jobs.items() if any("deploy-pages" in s.get("uses", "") for s in job["steps"])]
    assert deploying and all(builder in ([jobs[n]["needs"]] if isinstance(jobs[n]["needs"], str) else jobs[n]["needs"])
                             for n in deploying)
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith(command), "CI runs the same command"
