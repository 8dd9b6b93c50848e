"""The web app's icons, drawn at build time with Pillow from our own icon (docs/assets/images/favicon.svg).

Pillow does not read SVG, and the favicon is small and ours: a circle and one path (moves, lines and
Bézier curves, in absolute or relative form, with a translate and a scale). This module reads exactly that
shape and fills it with the even-odd rule; an SVG it does not understand stops the build with a message
naming the file, rather than drawing something else. The icons:

  any       the favicon as it is (a dark disc with the book), on a clear background, 192 and 512 px
  maskable  the same book on a full square of the disc's colour (Android crops it to a circle or a
            rounded square; the book stays inside the safe zone, the middle 80%), 512 px
  apple     the maskable one at 180 px (iPhone's "Add to Home Screen" rounds the corners itself)
"""
from __future__ import annotations

import functools
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
SUPERSAMPLE = 4  # drawn 4 times larger, then reduced: smooth edges
CURVE_STEPS = 16  # straight pieces per Bézier curve
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TRANSFORM = re.compile(r"(translate|scale)\(([^)]*)\)")

Point = tuple[float, float]


class IconError(Exception):
    """The icon cannot be read; the message names the file."""


@dataclass(frozen=True)
class Icon:
    """The favicon's shapes in its 24x24 box: the disc (centre, radius, colour) and the glyph's outlines."""
    box: float
    disc: tuple[float, float, float, str]
    glyph_colour: str
    outlines: tuple[tuple[Point, ...], ...]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", text)]


def _transform(text: str):
    """translate(x y) then scale(s), as the favicon writes them (applied right to left, as SVG does)."""
    steps = _TRANSFORM.findall(text or "")
    if "".join(f"{name}({args})" for name, args in steps).replace(" ", "") != (text or "").replace(" ", ""):
        raise ValueError(f"only translate() and scale() are understood, not {text!r}")

    def apply(point: Point) -> Point:
        x, y = point
        for name, args in reversed(steps):
            values = _numbers(args)
            if name == "scale":
                sx = values[0]
                sy = values[1] if len(values) > 1 else sx
                x, y = x * sx, y * sy
            else:
                x, y = x + values[0], y + (values[1] if len(values) > 1 else 0)
        return x, y
    return apply


def _bezier(points: list[Point]) -> list[Point]:
    """The curve through control points (quadratic or cubic) as CURVE_STEPS straight pieces, first point left out."""
    out = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        level = points
        while len(level) > 1:
            level = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in pairwise(level)]
        out.append(level[0])
    return out


class _PathReader:
    """Reads an SVG path's `d` into closed outlines, one command at a time (each command its own method)."""

    def __init__(self, d: str):
        self.tokens = _TOKEN.findall(d)
        self.i = 0
        self.outlines: list[list[Point]] = []
        self.current: list[Point] = []
        self.x = self.y = 0.0
        self.start: Point = (0.0, 0.0)
        self.control: Point | None = None  # the last curve's last control point (for S and T)
        self.origin: Point = (0.0, 0.0)  # (x, y) for a relative command, (0, 0) for an absolute one

    def take(self, count: int) -> list[Point]:
        """The next `count` pairs of numbers as points (relative ones made absolute)."""
        values = self.tokens[self.i:self.i + 2 * count]
        if len(values) != 2 * count or any(v.isalpha() for v in values):
            raise ValueError(f"a path command needs {2 * count} numbers")
        self.i += 2 * count
        ox, oy = self.origin
        return [(ox + float(values[k]), oy + float(values[k + 1])) for k in range(0, len(values), 2)]

    def one(self) -> float:
        value = self.tokens[self.i] if self.i < len(self.tokens) else "Z"
        if value.isalpha():
            raise ValueError("H and V need a number")
        self.i += 1
        return float(value)

    def close(self) -> None:
        if self.current:
            self.outlines.append(self.current)
        self.current = []

    def to(self, point: Point, curve: list[Point] | None = None, control: Point | None = None) -> None:
        self.current.extend(_bezier([(self.x, self.y), *curve, point]) if curve else [point])
        self.x, self.y = point
        self.control = control

    def reflected(self) -> Point:
        if self.control is None:
            return (self.x, self.y)
        return (2 * self.x - self.control[0], 2 * self.y - self.control[1])

    def command(self, name: str) -> str:
        """Read one command's numbers; returns the command that numbers after it repeat."""
        kind = name.upper()
        self.origin = (self.x, self.y) if name.islower() else (0.0, 0.0)
        if kind == "Z":
            self.close()
            self.x, self.y = self.start
            return ""
        if kind == "M":
            self.close()
            (point,) = self.take(1)
            self.x, self.y = self.start = point
            self.current = [point]
            return "l" if name.islower() else "L"  # numbers after a move are lines
        if kind in "HV":
            value = self.one() + (self.origin[0] if kind == "H" else self.origin[1])
            self.to((value, self.y) if kind == "H" else (self.x, value))
        elif kind == "L":
            self.to(self.take(1)[0])
        elif kind == "C":
            c1, c2, end = self.take(3)
            self.to(end, [c1, c2], c2)
        elif kind == "S":
            first = self.reflected()
            c2, end = self.take(2)
            self.to(end, [first, c2], c2)
        elif kind == "Q":
            c1, end = self.take(2)
            self.to(end, [c1], c1)
        elif kind == "T":
            c1 = self.reflected()
            self.to(self.take(1)[0], [c1], c1)
        else:
            raise ValueError(f"the path command {name} is not understood")
        return name

    def read(self) -> list[list[Point]]:
        name = ""
        while self.i < len(self.tokens):
            if self.tokens[self.i].isalpha():
                name = self.tokens[self.i]
                self.i += 1
            elif not name:
                raise ValueError("a path must start with M")
            name = self.command(name)
        self.close()
        return self.outlines


def path_outlines(d: str) -> list[list[Point]]:
    """The closed outlines of an SVG path's `d` (M L H V C S Q T Z, absolute and relative; no arcs)."""
    return _PathReader(d).read()


def read_icon(svg: Path) -> Icon:
    """The favicon's disc and glyph, or IconError naming the file and what is not understood."""
    try:
        root = ET.fromstring(svg.read_text(encoding="utf-8"))
        box = _numbers(root.get("viewBox", ""))
        circle, path = root.find(f"{SVG}circle"), root.find(f"{SVG}path")
        if len(box) != 4 or box[0] or box[1] or box[2] != box[3] or circle is None or path is None:
            raise ValueError("expected a square viewBox from 0 0, one <circle> and one <path>")
        transform = _transform(path.get("transform", ""))
        outlines = tuple(tuple(transform(p) for p in outline) for outline in path_outlines(path.get("d", "")))
        disc = (float(circle.get("cx", 0)), float(circle.get("cy", 0)), float(circle.get("r", 0)),
                circle.get("fill", "#000"))
        return Icon(box[2], disc, path.get("fill", "#000"), outlines)
    except (OSError, ET.ParseError, ValueError, TypeError) as error:
        raise IconError(f"{svg}: the app icons are drawn from this icon, which could not be read: {error}") from None


def _glyph_mask(icon: Icon, size: int) -> Image.Image:
    """The glyph as a mask of `size` pixels (at SUPERSAMPLE), filled by the even-odd rule."""
    scale = size / icon.box
    mask = Image.new("1", (size, size), 0)
    for outline in icon.outlines:
        layer = Image.new("1", (size, size), 0)
        ImageDraw.Draw(layer).polygon([(x * scale, y * scale) for x, y in outline], fill=1)
        mask = ImageChops.logical_xor(mask, layer)
    return mask.convert("L")


def draw(icon: Icon, size: int, maskable: bool = False) -> Image.Image:
    """The icon at `size` px: the disc on a clear background, or (maskable) a full square of its colour."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), icon.disc[3] if maskable else (0, 0, 0, 0))
    if not maskable:
        cx, cy, r, colour = icon.disc
        k = big / icon.box
        ImageDraw.Draw(image).ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=colour)
    image.paste(icon.glyph_colour, (0, 0, big, big), _glyph_mask(icon, big))
    return image.resize((size, size), Image.Resampling.LANCZOS)


# file name (in the site's app folder) -> (size, maskable); `purpose` as the web app manifest says it
ICONS = {
    "icon-192.png": (192, False, "any"),
    "icon-512.png": (512, False, "any"),
    "icon-maskable-512.png": (512, True, "maskable"),
    "apple-touch-icon.png": (180, True, ""),
}


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def app_icons(svg: Path) -> dict[str, bytes]:
    """Every icon of ICONS as PNG bytes, by file name (drawn once per content of the icon: `mkdocs serve`
    rebuilds in the same process, and drawing takes half a second)."""
    icon = read_icon(svg)
    return dict(_drawn(icon))


@functools.lru_cache(maxsize=2)
def _drawn(icon: Icon) -> tuple[tuple[str, bytes], ...]:
    return tuple((name, png(draw(icon, size, maskable))) for name, (size, maskable, _purpose) in ICONS.items())
