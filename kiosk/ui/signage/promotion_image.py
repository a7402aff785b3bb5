"""A promotion's optional image, checked before it is decoded: bad ones are simply left out."""

from __future__ import annotations

import zlib
from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from kiosk.domain.promotions import MAX_IMAGE_BYTES, image_kind

#: The largest picture side decoded (a 4K screen's long side); larger ones are left out.
MAX_SIDE = 4096
#: Decoded images kept (a loop shows a handful of promotions; the cache never grows past it).
CACHE_SIZE = 8

_cache: OrderedDict[tuple[int, int, int, int], QImage | None] = OrderedDict()


def _decode(data: bytes, fit: QSize) -> QImage | None:
    if len(data) > MAX_IMAGE_BYTES or image_kind(data) is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.isEmpty() or max(size.width(), size.height()) > MAX_SIDE:
        return None
    reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def promotion_image(data: bytes | None, fit: QSize) -> QImage | None:
    """*data* decoded to fit *fit*, or None when missing, too big or not a PNG/JPEG picture."""
    if not data or fit.isEmpty():
        return None
    key = (zlib.crc32(data), len(data), fit.width(), fit.height())
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    image = _decode(data, fit)
    _cache[key] = image
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return image
