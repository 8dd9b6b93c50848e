"""The link preview cards, drawn in-process: size, what each card says and where, the palette's contrast,
and the cache that keeps a rebuild from drawing an unchanged card again."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from macros.guidebook import cards
from macros.guidebook.cards import (
    HEIGHT,
    MARGIN,
    PALETTE,
    TITLE_LINES,
    WIDTH,
    Card,
    CardError,
    CardSet,
    card_key,
    card_path,
    draw,
    layout,
    without_abbreviation,
)

TAGLINE = "Connecticut Conference of Municipalities · Responding to Racial Tension in Your Municipality"
LONG = ("Communicating with the public and the media during and after an incident that raises racial tension "
        "in a municipality, with every partner at the table")


def size_of(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        return image.size


@pytest.mark.parametrize("card", [Card("Within 24 hours", "Part 2: For police officials", TAGLINE),
                                  Card(LONG, "Part 1: For municipal leaders", TAGLINE),
                                  Card("About the guidebook", "", TAGLINE)], ids=["short", "long", "page"])
def test_a_card_is_a_1200_by_630_png_whose_words_fit(card):
    assert size_of(draw(card)) == (WIDTH, HEIGHT) == (1200, 630)
    drawn = layout(card)
    for text, size, style, (x, y) in drawn:
        width = cards._font(style, size).getlength(text)
        assert x >= MARGIN and x + width <= WIDTH - MARGIN + 1, text
        assert y >= 0 and y + size <= HEIGHT, text
    texts = [text for text, *_ in drawn]
    assert " ".join(texts[-2:]) == TAGLINE, "the tagline, whole, in the band"
    if card.part:
        assert texts[0] == card.part
    title = [text for text, _, style, _ in drawn if style == "bold"]
    assert 1 <= len(title) <= TITLE_LINES
    if card.title != LONG:
        assert " ".join(title) == card.title
    else:
        assert title[-1].endswith("…") and LONG.startswith(" ".join(title)[:-2])


def test_a_short_title_is_large_enough_to_read_at_half_size():
    """At 600x315, as previews show it, the title's letters stay 40 px high, the tagline's 17 px."""
    sizes = {style: size for _, size, style, _ in layout(Card("Within 24 hours", "Part 2", TAGLINE))}
    assert sizes["bold"] / 2 >= 40 and cards.TAGLINE_SIZE / 2 >= 17


def contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("text, ground", [("title", "background"), ("part", "background"), ("tagline", "band")])
def test_the_palette_reads_well(text, ground):
    assert contrast(PALETTE[text], PALETTE[ground]) >= 4.5


def test_a_rebuild_draws_only_what_changed(tmp_path, monkeypatch):
    made = []
    real_draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda card: made.append(card) or real_draw(card))
    first = CardSet(tmp_path / "cache")
    first.add("", Card("Home", "", TAGLINE))
    first.add("police/within-24-hours/", Card("Within 24 hours", "Part 2", TAGLINE))
    written = first.write(tmp_path / "site")
    assert (first.drawn, first.reused, len(made)) == (2, 0, 2)
    assert sorted(p.relative_to(tmp_path / "site").as_posix() for p in written) == \
        ["assets/images/cards/index.png", "assets/images/cards/police/within-24-hours.png"]
    again = CardSet(tmp_path / "cache")
    again.add("", Card("Home", "", TAGLINE))
    again.add("police/within-24-hours/", Card("Within 24 hours (changed)", "Part 2", TAGLINE))
    again.write(tmp_path / "site-2")
    assert (again.drawn, again.reused, len(made)) == (1, 1, 3)
    assert (tmp_path / "site-2" / "assets/images/cards/index.png").read_bytes() == \
        (tmp_path / "site" / "assets/images/cards/index.png").read_bytes()


def test_the_cache_name_follows_every_word_and_the_palette(monkeypatch):
    card = Card("Within 24 hours", "Part 2", TAGLINE)
    keys = {card_key(card), card_key(Card("Within 24 hours", "Part 1", TAGLINE)),
            card_key(Card("Within 24 hours", "Part 2", TAGLINE + "."))}
    monkeypatch.setitem(PALETTE, "background", "#000000")
    keys.add(card_key(card))
    assert len(keys) == 4


def test_a_missing_font_is_named_with_the_package_that_brings_it(tmp_path, monkeypatch):
    monkeypatch.setattr(cards, "FONT_DIR", tmp_path)
    cards._font.cache_clear()
    try:
        with pytest.raises(CardError, match="fonts-liberation"):
            draw(Card("T", "", TAGLINE))
    finally:
        monkeypatch.undo()
        cards._font.cache_clear()


@pytest.mark.parametrize("address, path", [("", "assets/images/cards/index.png"),
                                           ("about/", "assets/images/cards/about.png"),
                                           ("police/long-term/", "assets/images/cards/police/long-term.png")])
def test_a_card_is_named_after_its_page(address, path):
    assert card_path(address) == path


def test_the_publisher_is_named_without_its_abbreviation():
    assert without_abbreviation("Connecticut Conference of Municipalities (CCM)") == \
        "Connecticut Conference of Municipalities"
