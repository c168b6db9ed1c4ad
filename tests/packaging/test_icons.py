"""The app and document icons exist at every size, as real images of that size."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.conftest import APP_ICON, DOCUMENT_ICON, ICON_SIZES, ICONS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NAMES = (APP_ICON, DOCUMENT_ICON)


def png_size(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from the PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_has_its_size_and_transparency(name: str, size: int) -> None:
    width, height, colour = png_size(ICONS / f"{name}-{size}.png")
    assert (width, height) == (size, size)
    assert colour == 6  # RGBA: the sheet's corners are transparent


@pytest.mark.parametrize("name", NAMES)
def test_svg_sources_are_square_svg(name: str) -> None:
    for path in (ICONS / f"{name}.svg", ICONS / f"{name}-16.svg"):
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
        assert width == height


@pytest.mark.parametrize("name", NAMES)
def test_windows_ico_holds_the_small_and_large_sizes(name: str) -> None:
    data = (ICONS / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height = data[6 + 16 * index], data[7 + 16 * index]
        sizes.add((width or 256, height or 256))
    assert {(s, s) for s in (16, 24, 32, 48, 256)} <= sizes


@pytest.mark.parametrize("name", NAMES)
def test_macos_icns_is_complete(name: str) -> None:
    data = (ICONS / f"{name}.icns").read_bytes()
    magic, length = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and length == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, size = struct.unpack(">4sI", data[offset : offset + 8])
        kinds.add(kind)
        offset += size
    assert offset == len(data)
    assert {b"ic08", b"ic09"} <= kinds  # 256 and 512 px, which Finder needs
