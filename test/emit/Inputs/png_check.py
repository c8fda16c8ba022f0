"""Checks a PNG screenshot without PIL: valid, the expected size, not blank.

    png_check.py FILE WIDTH HEIGHT [--color RRGGBB ...]

Decodes the image (8-bit RGB or RGBA, any filter) with zlib and requires at
least 1% of the pixels to differ from the most common colour (the page
background), a few hundred distinct colours (text, graph), and each --color
to cover some pixels (e.g. a highlight the page's style gives).
"""

import argparse
import struct
import sys
import zlib


def decode(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError("bad CRC in %r chunk" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError("unsupported PNG: depth %d colour type %d" % (depth, color))
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("width", type=int)
    parser.add_argument("height", type=int)
    parser.add_argument("--color", action="append", default=[])
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        width, height, bpp, rows = decode(f.read())
    if (width, height) != (args.width, args.height):
        print("size %dx%d, expected %dx%d" % (width, height, args.width, args.height))
        return 1
    counts = {}
    for line in rows:
        for i in range(0, len(line), bpp):
            key = bytes(line[i:i + 3])
            counts[key] = counts.get(key, 0) + 1
    total = width * height
    background = max(counts.values())
    problems = []
    if total - background < total // 100:
        problems.append("blank: %d of %d pixels differ from the background" % (total - background, total))
    if len(counts) < 200:
        problems.append("only %d distinct colours" % len(counts))
    for color in args.color:
        if counts.get(bytes.fromhex(color), 0) < 20:
            problems.append("colour #%s covers %d pixels" % (color, counts.get(bytes.fromhex(color), 0)))
    if problems:
        print("\n".join(problems))
        return 1
    print("ok: %dx%d PNG, %d colours, %.0f%% off the background"
          % (width, height, len(counts), 100.0 * (total - background) / total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
