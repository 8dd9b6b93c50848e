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

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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
    outlines: list[list[Point]]


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
            level = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(level, level[1:])]
        out.append(level[0])
    return out


def path_outlines(d: str) -> list[list[Point]]:
    """The closed outlines of an SVG path's `d` (M L H V C S Q T Z, absolute and relative)."""
    tokens = _TOKEN.findall(d)
    outlines: list[list[Point]] = []
    current: list[Point] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_control: Point | None = None
    command = ""
    i = 0

    def take(count: int) -> list[float]:
        nonlocal i
        values = [float(v) for v in tokens[i:i + count]]
        if len(values) != count or any(re.fullmatch(r"[A-Za-z]", v) for v in tokens[i:i + count]):
            raise ValueError(f"command {command} needs {count} numbers")
        i += count
        return values

    while i < len(tokens):
        if re.fullmatch(r"[A-Za-z]", tokens[i]):
            command = tokens[i]
            i += 1
        elif not command:
            raise ValueError("a path must start with M")
        relative = command.islower()
        ox, oy = (x, y) if relative else (0.0, 0.0)
        kind = command.upper()
        control: Point | None = None
        if kind == "Z":
            if current:
                outlines.append(current)
            current, (x, y) = [], start
            command = ""
            continue
        if kind == "M":
            if current:
                outlines.append(current)
            px, py = take(2)
            x, y = ox + px, oy + py
            start, current = (x, y), [(x, y)]
            command = "l" if relative else "L"  # numbers after a move are lines
        elif kind == "L":
            px, py = take(2)
            x, y = ox + px, oy + py
            current.append((x, y))
        elif kind == "H":
            x = ox + take(1)[0]
            current.append((x, y))
        elif kind == "V":
            y = oy + take(1)[0]
            current.append((x, y))
        elif kind in "CS":
            values = take(6) if kind == "C" else take(4)
            if kind == "S":
                first = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
                c2, end = (ox + values[0], oy + values[1]), (ox + values[2], oy + values[3])
            else:
                first = (ox + values[0], oy + values[1])
                c2, end = (ox + values[2], oy + values[3]), (ox + values[4], oy + values[5])
            current.extend(_bezier([(x, y), first, c2, end]))
            control, (x, y) = c2, end
        elif kind in "QT":
            if kind == "Q":
                values = take(4)
                c1, end = (ox + values[0], oy + values[1]), (ox + values[2], oy + values[3])
            else:
                values = take(2)
                c1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
                end = (ox + values[0], oy + values[1])
            current.extend(_bezier([(x, y), c1, end]))
            control, (x, y) = c1, end
        else:
            raise ValueError(f"the path command {command} is not understood")
        last_control = control
    if current:
        outlines.append(current)
    return outlines


def read_icon(svg: Path) -> Icon:
    """The favicon's disc and glyph, or IconError naming the file and what is not understood."""
    try:
        root = ET.fromstring(svg.read_text(encoding="utf-8"))
        box = _numbers(root.get("viewBox", ""))
        circle, path = root.find(f"{SVG}circle"), root.find(f"{SVG}path")
        if len(box) != 4 or box[0] or box[1] or box[2] != box[3] or circle is None or path is None:
            raise ValueError("expected a square viewBox from 0 0, one <circle> and one <path>")
        transform = _transform(path.get("transform", ""))
        outlines = [[transform(p) for p in outline] for outline in path_outlines(path.get("d", ""))]
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
    """Every icon of ICONS as PNG bytes, by file name."""
    icon = read_icon(svg)
    return {name: png(draw(icon, size, maskable)) for name, (size, maskable, _purpose) in ICONS.items()}
