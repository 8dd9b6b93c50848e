"""Link preview cards: one 1200x630 PNG per page, drawn at build time with Pillow.

A link pasted into email, Teams, Slack, LinkedIn or a text shows a large card when the page names an
image of this size with an absolute address (og:image). Each card gives the page's title, its part (a
checklist's) and the tagline "Connecticut Conference of Municipalities · Responding to Racial Tension in
Your Municipality", in the site's indigo palette (Material's, mkdocs.yml), with the Liberation fonts the
project installs (scripts/install-system-packages.sh): nothing is fetched. Material's social plugin is not
used: it downloads its fonts at build time (decision record 2026-12-07-link-preview-cards).

Cards are cached by content: the file name in the cache is the hash of everything that makes the picture
(the words, the palette, this module's code, the fonts' bytes, Pillow's version), so a rebuild copies an
unchanged card instead of drawing it again. Plain Python: macros/__init__.py decides which pages get one.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from .build_cache import cache_dir, store

WIDTH, HEIGHT = 1200, 630
CARDS_FOLDER = "assets/images/cards"  # inside the site (assets/ is a reserved folder: pages.py)
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FONTS = {"bold": "LiberationSans-Bold.ttf", "regular": "LiberationSans-Regular.ttf"}

# Material's indigo (mkdocs.yml: primary: indigo): --md-primary-fg-color--dark, its light tint, white.
PALETTE = {"background": "#303fa1", "band": "#ffffff", "part": "#c5cae9", "title": "#ffffff",
           "tagline": "#303fa1", "rule": "#5d6cc0"}
MARGIN = 72
TITLE_SIZES = (80, 68, 58, 50)  # the largest that fits in TITLE_LINES lines
TITLE_LINES = 3
PART_SIZE = 38
TAGLINE_SIZE = 34
BAND = 168  # height of the white band that carries the tagline


class CardError(Exception):
    """A card cannot be drawn (a font is missing)."""


@dataclass(frozen=True)
class Card:
    """What a card shows. `part` is '' for a page outside the parts."""
    title: str
    part: str
    tagline: str


@dataclass
class CardSet:
    """The cards of one build: site path -> card; `drawn` and `reused` count the last write()."""
    cache_dir: Path
    cards: dict[str, Card] = field(default_factory=dict)
    drawn: int = 0
    reused: int = 0

    def add(self, address: str, card: Card) -> str:
        """Register the card of the page at `address` ('' for home); returns its path inside the site."""
        path = card_path(address)
        self.cards[path] = card
        return path

    def write(self, site_dir: Path) -> list[Path]:
        """Write every card into the site, drawing only those not in the cache."""
        self.drawn = self.reused = 0
        written = []
        for path, card in sorted(self.cards.items()):
            cached = self.cache_dir / f"{card_key(card)}.png"
            if cached.is_file():
                self.reused += 1
            else:
                store(cached, draw(card))
                self.drawn += 1
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            written.append(target)
        return written


def card_path(address: str) -> str:
    """The card's path inside the site: 'police/within-24-hours/' -> assets/images/cards/police/within-24-hours.png,
    the home page ('') -> assets/images/cards/index.png."""
    return f"{CARDS_FOLDER}/{address.strip('/') or 'index'}.png"


def default_cache_dir(project_root: Path) -> Path:
    """Where the cards are kept between builds (GUIDEBOOK_CACHE_DIR, default .cache/ of the project)."""
    return cache_dir(project_root, "cards")


def without_abbreviation(name: str) -> str:
    """'Connecticut Conference of Municipalities (CCM)' -> 'Connecticut Conference of Municipalities'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name)


def _font_file(style: str) -> Path:
    path = FONT_DIR / FONTS[style]
    if not path.is_file():
        raise CardError(f"The link preview cards need the Liberation fonts ({path}): install the Debian package "
                        "fonts-liberation (make install does).")
    return path


@cache
def _font_digest() -> str:
    return hashlib.sha256(b"".join(_font_file(style).read_bytes() for style in sorted(FONTS))).hexdigest()


@cache
def _code_digest() -> str:
    """This module's source: a change to the drawing draws every card again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@cache
def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_font_file(style)), size)


def card_key(card: Card) -> str:
    """The cache name of a card: a hash of everything that makes its picture."""
    recipe = {"card": asdict(card), "palette": PALETTE, "code": _code_digest(), "size": [WIDTH, HEIGHT],
              "fonts": _font_digest(), "pillow": PIL.__version__}
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` in lines no wider than `width` (a word longer than the width gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _title_lines(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose lines fit; at the smallest, the last line ends with '…'."""
    for size in TITLE_SIZES:
        font = _font("bold", size)
        lines = wrap(title, font, width)
        if len(lines) <= TITLE_LINES:
            return font, lines
    kept = lines[:TITLE_LINES]
    while kept[-1] and font.getlength(kept[-1] + " …") > width:
        kept[-1] = kept[-1].rsplit(" ", 1)[0] if " " in kept[-1] else kept[-1][:-1]
    kept[-1] += " …"
    return font, kept


def _tagline_lines(tagline: str, width: int) -> list[str]:
    """The tagline on one line if it fits, else broken after its ' · ' (the dot ends the first line)."""
    font = _font("regular", TAGLINE_SIZE)
    if font.getlength(tagline) <= width or " · " not in tagline:
        return wrap(tagline, font, width)[:2]
    first, second = tagline.split(" · ", 1)
    return [first + " ·", second]


def layout(card: Card) -> list[tuple[str, int, str, tuple[int, int]]]:
    """What the card draws: (text, font size, font style, top-left position), in order. Pure, for the tests."""
    width = WIDTH - 2 * MARGIN
    drawn: list[tuple[str, int, str, tuple[int, int]]] = []
    y = MARGIN - 8
    if card.part:
        part_font = _font("regular", PART_SIZE)
        for line in wrap(card.part, part_font, width)[:1]:
            drawn.append((line, PART_SIZE, "regular", (MARGIN, y)))
        y += int(PART_SIZE * 1.6)
    font, lines = _title_lines(card.title, width)
    for line in lines:
        drawn.append((line, int(font.size), "bold", (MARGIN, y)))
        y += int(font.size * 1.18)
    tagline = _tagline_lines(card.tagline, width)
    band_top = HEIGHT - BAND
    step = int(TAGLINE_SIZE * 1.3)
    y = band_top + (BAND - step * len(tagline)) // 2 + 2
    for line in tagline:
        drawn.append((line, TAGLINE_SIZE, "regular", (MARGIN, y)))
        y += step
    return drawn


def draw(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PALETTE["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=PALETTE["band"])
    pen.rectangle((0, HEIGHT - BAND - 10, WIDTH, HEIGHT - BAND), fill=PALETTE["rule"])
    colours = {"regular": PALETTE["part"], "bold": PALETTE["title"]}
    band_top = HEIGHT - BAND
    for text, size, style, (x, y) in layout(card):
        colour = PALETTE["tagline"] if y >= band_top else colours[style]
        pen.text((x, y), text, font=_font(style, size), fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
