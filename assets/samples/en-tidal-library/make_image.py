#!/usr/bin/env python3
"""Draw tidal-library.png: a flat, stylised floating library on the water.

Regenerate with:  python3 make_image.py   (needs Pillow: pip install pillow)
The drawing is made at 2x and scaled down for smooth edges, then reduced to
a small palette so the PNG stays well under 60 KB.
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw

W, H = 800, 450
S = 2  # supersampling factor

SKY_TOP = (196, 226, 240)
SKY_LOW = (232, 244, 247)
SUN = (255, 214, 120)
CLIFF = (120, 146, 128)
WALL = (150, 140, 128)
WALL_DARK = (118, 108, 98)
SEA = [(74, 144, 176), (56, 120, 158), (40, 96, 136), (28, 74, 112)]
FOAM = (236, 246, 250)
PONTOON = (70, 74, 82)
BODY = (239, 229, 206)
ROOF = (196, 84, 62)
TRIM = (92, 60, 46)
GLASS = (255, 224, 150)
TURBINE = (210, 214, 220)


def s(*v):
    """Scale coordinates to the supersampled canvas."""
    return [x * S for x in v]


def wave_band(d, y, amp, length, phase, color, bottom=H):
    pts = [(0, bottom * S)]
    for x in range(0, W + 1, 4):
        yy = y + amp * math.sin(2 * math.pi * x / length + phase)
        pts.append((x * S, yy * S))
    pts.append((W * S, bottom * S))
    d.polygon(pts, fill=color)


def main():
    img = Image.new("RGB", (W * S, H * S), SKY_LOW)
    d = ImageDraw.Draw(img)

    # Sky: a few flat bands instead of a smooth gradient (keeps the PNG small).
    bands = 6
    for i in range(bands):
        t = i / (bands - 1)
        c = tuple(round(a + (b - a) * t) for a, b in zip(SKY_TOP, SKY_LOW))
        d.rectangle(s(0, i * 45, W, (i + 1) * 45), fill=c)

    # Sun and two clouds.
    d.ellipse(s(640, 50, 710, 120), fill=SUN)
    for cx, cy in [(150, 70), (470, 48)]:
        for dx, dy, r in [(0, 0, 22), (24, -10, 28), (52, 0, 22), (26, 8, 22)]:
            d.ellipse(s(cx + dx - r, cy + dy - r, cx + dx + r, cy + dy + r), fill=(250, 252, 252))

    # Distant headland.
    d.polygon([(x * S, y * S) for x, y in
               [(430, 250), (520, 214), (610, 206), (700, 220), (800, 212), (800, 250)]],
              fill=CLIFF)

    # Harbour wall on the left.
    d.rectangle(s(0, 200, 150, 330), fill=WALL)
    for row, y in enumerate(range(200, 330, 26)):
        d.line(s(0, y, 150, y), fill=WALL_DARK, width=2 * S)
        off = 0 if row % 2 == 0 else 25
        for x in range(off, 150, 50):
            d.line(s(x, y, x, y + 26), fill=WALL_DARK, width=2 * S)
    # Lamp post on the wall.
    d.rectangle(s(60, 140, 66, 200), fill=TRIM)
    d.ellipse(s(53, 128, 73, 148), fill=GLASS)

    # Sea (back band) before the building so the building sits on it.
    wave_band(d, 262, 4, 120, 0.0, SEA[0])

    # Mooring piles.
    for x in (250, 672):
        d.rectangle(s(x - 7, 150, x + 7, 330), fill=PONTOON)
        d.rectangle(s(x - 10, 146, x + 10, 156), fill=TRIM)

    # Gangway from the wall to the deck.
    d.polygon([(x * S, y * S) for x, y in [(150, 200), (290, 248), (290, 256), (150, 208)]],
              fill=TRIM)

    # Pontoon (hull).
    d.polygon([(x * S, y * S) for x, y in [(270, 248), (690, 248), (672, 292), (288, 292)]],
              fill=PONTOON)
    d.line(s(280, 262, 680, 262), fill=(96, 100, 110), width=3 * S)

    # Library body.
    d.rectangle(s(320, 150, 640, 248), fill=BODY)
    # Roof: a gentle wave-shaped gable.
    d.polygon([(x * S, y * S) for x, y in
               [(304, 154), (400, 104), (480, 122), (560, 96), (656, 154)]],
              fill=ROOF)
    # Round windows (portholes) and a door.
    for cx in (360, 420, 540, 600):
        d.ellipse(s(cx - 18, 172, cx + 18, 208), fill=TRIM)
        d.ellipse(s(cx - 13, 177, cx + 13, 203), fill=GLASS)
    d.rounded_rectangle(s(458, 176, 502, 248), radius=20 * S, fill=TRIM)
    d.rounded_rectangle(s(464, 182, 496, 248), radius=16 * S, fill=(150, 104, 78))
    # Name board above the door, with pale strokes standing in for lettering.
    d.rectangle(s(436, 157, 524, 171), fill=TRIM)
    for x0, x1 in [(444, 470), (476, 492), (498, 516)]:
        d.line(s(x0, 164, x1, 164), fill=BODY, width=3 * S)
    # Flag.
    d.line(s(560, 96, 560, 60), fill=TRIM, width=3 * S)
    d.polygon([(x * S, y * S) for x, y in [(561, 60), (596, 68), (561, 78)]], fill=(64, 132, 120))

    # Front sea bands.
    wave_band(d, 292, 6, 140, 1.0, SEA[1])
    wave_band(d, 330, 7, 170, 2.2, SEA[2])
    wave_band(d, 380, 8, 200, 0.6, SEA[3])

    # Tidal turbine under the water: a mast, three broad blades and a hub.
    cx, cy, r = 480, 368, 40
    d.rectangle(s(cx - 4, 288, cx + 4, cy), fill=TURBINE)
    for k in range(3):
        a = math.radians(90 + k * 120)
        pts = [
            (cx, cy),
            (cx + 0.55 * r * math.cos(a + 0.45), cy - 0.55 * r * math.sin(a + 0.45)),
            (cx + r * math.cos(a), cy - r * math.sin(a)),
            (cx + 0.55 * r * math.cos(a - 0.25), cy - 0.55 * r * math.sin(a - 0.25)),
        ]
        d.polygon([(x * S, y * S) for x, y in pts], fill=TURBINE)
    d.ellipse(s(cx - 11, cy - 11, cx + 11, cy + 11), fill=TURBINE)
    d.ellipse(s(cx - 5, cy - 5, cx + 5, cy + 5), fill=PONTOON)

    # Foam crests.
    for x0, y0 in [(40, 300), (200, 340), (610, 312), (700, 360), (330, 410), (90, 400)]:
        d.arc(s(x0, y0, x0 + 50, y0 + 16), 200, 340, fill=FOAM, width=3 * S)

    out = img.resize((W, H), Image.LANCZOS).quantize(colors=48, method=Image.MEDIANCUT)
    path = Path(__file__).with_name("tidal-library.png")
    out.save(path, optimize=True)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
