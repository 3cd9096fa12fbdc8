"""Width and height of PNG, GIF and JPEG files, read from their headers (stdlib only)."""

import functools
import struct
from pathlib import Path


@functools.lru_cache(maxsize=1024)
def image_size(path) -> tuple[int, int] | None:
    """(width, height) of an image file, or None when it is missing or not PNG/GIF/JPEG."""
    try:
        with Path(path).open("rb") as image:
            head = image.read(26)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head.startswith(b"\xff\xd8"):
                image.seek(2)
                return _jpeg_size(image)
    except OSError:
        return None
    return None


# Start-of-frame markers carry the dimensions; the others (DHT 0xC4, JPG 0xC8, DAC 0xCC) do not.
_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(image):
    while True:
        byte = image.read(1)
        while byte and byte != b"\xff":
            byte = image.read(1)
        while byte == b"\xff":
            byte = image.read(1)
        if not byte:
            return None
        marker = byte[0]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            continue  # markers without a length
        length_bytes = image.read(2)
        if len(length_bytes) < 2:
            return None
        (length,) = struct.unpack(">H", length_bytes)
        if marker in _SOF_MARKERS:
            data = image.read(5)
            if len(data) < 5:
                return None
            height, width = struct.unpack(">HH", data[1:5])
            return width, height
        image.seek(length - 2, 1)
