"""A page loads only the script it needs (macros/assets.py, guidebook/on-demand.js): every page the entry
and the chunks it imports; the record page also record.js and handover.js, the packet page packet.js, and
export or import loads transfer.js at the click. A part that cannot be loaded is said in the catalogue's
words next to its control, and nothing is changed."""
import pytest

from tests.support import catalogue, page_path

ON_DEMAND = {"record", "handover", "transfer", "packet"}
CHUNKS = "/assets/javascripts/guidebook/"


def chunks_fetched(page) -> set[str]:
    """Names of our chunks the page requests from now on (guidebook/record.<hash>.js -> 'record')."""
    names: set[str] = set()
    page.on("request", lambda request: names.add(request.url.split(CHUNKS, 1)[1].split(".")[0])
            if CHUNKS in request.url else None)
    return names


@pytest.mark.parametrize("where, loaded", [
    ("home", set()),
    ("checklist", set()),
    ("record/", {"record", "handover"}),
    ("packet/", {"packet"}),
])
def test_each_page_loads_only_its_own_parts(page, base_url, site, where, loaded):
    path = {"home": "", "checklist": page_path(site, "police-within-24-hours")}.get(where, where)
    fetched = chunks_fetched(page)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert fetched & ON_DEMAND == loaded
    assert "chunk" in fetched, "the code every page shares comes in its own chunk"


def test_export_loads_its_module_at_the_click(page, base_url):
    fetched = chunks_fetched(page)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert "transfer" not in fetched
    with page.expect_download() as download:
        page.locator('[data-gb="export"]').click()
    assert download.value.suggested_filename.startswith("guidebook-progress-")
    assert "transfer" in fetched


@pytest.mark.parametrize("path, module, status", [
    ("", "transfer", "import-status"),
    ("packet/", "packet", "packet-status"),
    ("record/", "record", "record-status"),
])
def test_a_part_that_cannot_load_says_so(page, base_url, path, module, status):
    page.route(f"**{CHUNKS}{module}.*.js", lambda route: route.abort())
    page.goto(base_url + path)
    if module == "transfer":
        page.locator('[data-gb="export"]').click()
    message = page.locator(f'[data-gb="{status}"]')
    message.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert message.inner_text() == catalogue().text("loading.failed")
