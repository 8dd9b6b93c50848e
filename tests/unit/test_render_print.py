"""What the renderer adds for printing: the Print button, the roster, notes, and the packet page.
Data in, expected HTML out, apart from any MkDocs build."""
from macros.guidebook import Renderer
from macros.guidebook.model import Checklist, Guidebook, Item, Part
from tests.support import word
from tests.unit.test_render import EXPECTED, PART, PHASE, SOURCE, make_checklist, make_renderer

PART_2 = Part(id="part-y", order=2, title="Part Y", summary="Other summary.")


def make_book(*checklists: Checklist) -> Guidebook:
    return Guidebook(version=1, title="Book <title>", subtitle="A subtitle", publisher="CCM & Co",
                     released="2022-06-22", source=SOURCE, parts=[PART, PART_2],
                     audiences=[a for c in checklists for a in c.audiences], phases=[PHASE],
                     sources=[SOURCE], checklists=list(checklists))


def test_page_checklist_has_a_print_button_shown_only_with_the_script():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist)
    label = word("print.group", what=word("print.this_checklist"))
    assert html.count('data-gb="print" data-gb-js') == 1
    assert f'<div class="gb-print-controls gb-noprint" role="group" aria-label="{label}" ' \
           'data-gb="print" data-gb-js>' in html
    assert f'<button type="button" class="gb-button" data-print="blank">{word("print.blank")}</button>' in html
    assert f'<button type="button" class="gb-button" data-print="progress">{word("print.progress")}</button>' in html


def test_checklist_inside_another_page_has_no_print_button_of_its_own():
    checklist = make_checklist()
    assert 'data-gb="print"' not in make_renderer(checklist).checklist(checklist, heading_level=2)


def test_printed_checklist_names_the_guidebook_and_ends_with_ruled_lines_for_notes():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist)
    assert '<div class="gb-print-only" hidden><dt>Guidebook</dt><dd>Book, CCM, 2022</dd></div>' in html
    notes = html[html.index('<div class="gb-print-notes gb-print-only" hidden>'):]
    assert notes.count('<span class="gb-print-rule"></span>') >= 20, "enough lines to fill a page (print.css clips the rest)"
    assert notes.index(f'<p class="gb-print-completed">{word("print.completed_by")}</p>') \
        < notes.index(f"<p>{word('checklist.notes')}</p>") < notes.index("gb-print-rule")


def test_roster_layout_adds_blank_columns_for_each_item():
    roster = make_checklist(layout="roster")
    html = make_renderer(roster).checklist(roster)
    assert ('<div class="gb-roster-head gb-print-only" hidden><span></span><span>Group</span>'
            '<span>Contact name</span><span>Organization</span><span>Phone</span></div>\n<ol class="gb-list gb-items">') in html
    for item in roster.items:
        row = html[html.index(f'<li class="gb-item" id="{item.id}">'):]
        row = row[:row.index("</li>")]
        assert row.count('<span class="gb-roster-cell gb-print-only" hidden></span>') == 3
    plain_list = make_checklist()
    assert "gb-roster" not in make_renderer(plain_list).checklist(plain_list)


def test_packet_renders_expected_html():
    first = make_checklist()
    second = make_checklist(id="second-checklist", title="Second", part=PART_2, phase=None, layout="roster",
                            items=(Item(id="third-item", text="A group."),))
    html = Renderer(make_book(first, second)).packet()
    assert html == (EXPECTED / "packet.html").read_text(encoding="utf-8")


def test_packet_holds_cover_contents_and_every_checklist_once_in_order():
    first = make_checklist()
    second = make_checklist(id="second-checklist", title="Second", part=PART_2, phase=None,
                            items=(Item(id="third-item", text="Another item."),))
    renderer = Renderer(make_book(first, second))
    html = renderer.packet()
    cover = html.index('<section class="gb-packet-cover"')
    contents = html.index('<nav class="gb-packet-contents"')
    assert html.count('data-gb="print" data-gb-js') == 1 and html.index('data-gb="print"') < cover < contents
    assert '<p class="gb-cover-title">Book &lt;title&gt;</p>' in html
    assert '<p class="gb-cover-subtitle">A subtitle</p>' in html
    assert '<p class="gb-cover-publisher">CCM &amp; Co</p>' in html
    assert "Guidebook released June 22, 2022." in html
    assert '<a href="#sample-checklist">Sample &lt;checklist&gt;</a>' in html
    assert '<a href="#second-checklist">Second</a>' in html
    # each checklist as on its page, its public address (when known) printed between its title and the rest
    at = [html.index(renderer.checklist(c, heading_level=2).split("\n", 1)[1]) for c in (first, second)]
    assert contents < at[0] < at[1]
    assert html.index('<h2 class="gb-packet-part-title">Part X</h2>') < at[0] \
        < html.index('<h2 class="gb-packet-part-title">Part Y</h2>') < at[1]


def test_packet_prints_each_part_notice_once_and_each_checklist_address_under_its_title():
    first = make_checklist()
    also = make_checklist(id="also-checklist", title="Also", items=(Item(id="third-item", text="Another item."),))
    book = make_book(first, also)
    renderer = Renderer(book, public_urls={first.id: "https://example.org/a/?x=<b>", also.id: "https://example.org/b/"})
    html = renderer.packet()
    notice = f'<aside class="gb-notice gb-print-only" aria-label="{word("checklist.about", title="Part X")}" hidden>'
    assert html.count(notice) == 1, "the part's notice is printed once, under the part's title"
    assert html.count('data-gb="print-incident"') == 1, "the incident lines are printed once, for the part"
    title = html.index('<h2 id="sample-checklist">') if '<h2 id="sample-checklist">' in html else html.index("## Sample")
    address = html.index('<p class="gb-packet-address gb-print-only" hidden>https://example.org/a/?x=&lt;b&gt;</p>')
    assert title < address < html.index('<div class="gb-checklist" data-checklist="sample-checklist"')
    for item_id in ("first-item", "second-item", "third-item"):
        assert html.count(f'<li class="gb-item" id="{item_id}">') == 1
