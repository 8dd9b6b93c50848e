"""The built site as an app that works with no signal (macros/offline_app.py): the service worker's precache,
the web app manifest and its icons, the pages that name them; none of it in the offline edition."""
from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image

from macros.guidebook.app_icons import IconError, path_outlines, read_icon
from tests.support import ROOT, built_pages, word

PRECACHED = re.compile(r'\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}')


def precache(site: Path) -> dict[str, str]:
    """The worker's precache list: address (from the site's base) -> revision ('null' for none)."""
    return dict(PRECACHED.findall((site / "sw.js").read_text(encoding="utf-8")))


def test_the_worker_precaches_every_page_asset_search_document_and_pdf(site):
    listed = precache(site)
    pages = [p + "index.html" if not p.endswith(".html") else p for p in built_pages(site)]
    assert set(pages) <= set(listed), set(pages) - set(listed)
    ours = [p.relative_to(site).as_posix() for p in site.glob("assets/**/*") if p.suffix in {".js", ".css"}
            and "lunr" not in p.parts]
    assert ours and set(ours) <= set(listed), set(ours) - set(listed)
    for needed in ("search/search_index.json", "search/search_docs.json", "manifest.webmanifest",
                   *[p.relative_to(site).as_posix() for p in site.rglob("*.pdf")]):
        assert needed in listed, needed
    assert any(p.endswith(".pdf") for p in listed), "the PDF packets"
    assert not [p for p in listed if p.endswith(".map") or "/lunr/" in p or p == "sw.js"]
    assert not [p for p in listed if p.endswith(".png") and not p.startswith("assets/images/app/")], \
        "large social images are not precached"
    revisions = [r for p, r in listed.items() if "?" not in p]
    assert all(r != "null" for r in revisions), "a revision from each file's content"


def test_the_search_worker_is_precached_at_the_address_pages_ask_for(site):
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "index.html").read_text(encoding="utf-8"), re.DOTALL)
    worker = json.loads(config[1])["search"]
    assert "?" in worker and worker in precache(site)


def test_every_page_names_the_worker_and_the_manifest_at_the_sites_base(site):
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "http-equiv=\"refresh\"" in html:
            continue  # a redirect page
        here = "http://h/" + path.relative_to(site).as_posix()
        worker = re.search(r'<meta name="gb-service-worker" content="([^"]+)">', html)
        manifest = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert worker and urljoin(here, worker[1]) == "http://h/sw.js", path
        assert manifest and urljoin(here, manifest[1]) == "http://h/manifest.webmanifest", path
        assert "worker-src 'self'" in html, path


def test_the_manifest_makes_an_installable_app(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] and manifest["short_name"] == word("app.short_name")
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    found = set()
    for icon in manifest["icons"]:
        image = Image.open(BytesIO((site / icon["src"]).read_bytes()))
        assert icon["sizes"] == f"{image.width}x{image.height}" and icon["type"] == "image/png"
        found.add((image.width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= found


def test_the_maskable_icon_fills_its_square_and_the_other_is_round(site):
    maskable = Image.open(site / "assets/images/app/icon-maskable-512.png").convert("RGBA")
    round_icon = Image.open(site / "assets/images/app/icon-512.png").convert("RGBA")
    assert maskable.getpixel((2, 2))[3] == 255 and round_icon.getpixel((2, 2))[3] == 0
    assert round_icon.getpixel((256, 40))[3] == 255, "the disc"


def test_the_offline_edition_has_no_worker_and_no_manifest(offline_edition):
    site = offline_edition["site"]
    assert not (site / "sw.js").exists() and not (site / "manifest.webmanifest").exists()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "gb-service-worker" not in html and 'rel="manifest"' not in html


def test_the_svg_path_reader_draws_what_the_path_says():
    square = path_outlines("M2 2h4v4H2z")
    assert square == [[(2, 2), (6, 2), (6, 6), (2, 6)]]
    curve = path_outlines("M0 0c0 1 1 1 1 0z")[0]
    assert curve[0] == (0, 0) and curve[-1] == (1, 0) and max(y for _, y in curve) == pytest.approx(0.75)
    assert len(read_icon(ROOT / "docs/assets/images/favicon.svg").outlines) > 3


def test_an_icon_it_cannot_read_stops_with_the_files_name(tmp_path):
    bad = tmp_path / "favicon.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0a1 1 0 0 0 2 2"/></svg>')
    with pytest.raises(IconError, match=re.escape(str(bad))):
        read_icon(bad)
