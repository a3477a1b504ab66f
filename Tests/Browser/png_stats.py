"""Facts about a PNG screenshot, as JSON on stdout: its size, how many colours it has, and
what share of its pixels differ from the background (the top-left pixel's colour).

The browser test of the HTML report uses it to tell a rendered page from a blank one. Only
the standard library: 8-bit RGB or RGBA, not interlaced (what Chromium writes).
"""

import json
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB(A), non-interlaced PNGs are read")
    return width, height, 4 if colour == 6 else 3, zlib.decompress(idat)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def rows(width, height, channels, raw):
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                row[i] = (row[i] + paeth(left, up, corner)) & 255
        yield row
        previous = row


def main(path):
    width, height, channels, raw = read_png(path)
    colours, inked, background = set(), 0, None
    for row in rows(width, height, channels, raw):
        for x in range(0, len(row), channels):
            pixel = bytes(row[x : x + 3])
            background = background or pixel
            colours.add(pixel)
            inked += pixel != background
    print(json.dumps({"width": width, "height": height, "colours": len(colours), "inked": inked / (width * height)}))


if __name__ == "__main__":
    main(sys.argv[1])
