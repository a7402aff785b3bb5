"""A promotion's picture read from a regular file and checked; an edit refused as stale."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.messages import N_, KioskError, Message, as_message, define
from kiosk.domain.promotions import IMAGE_TOO_BIG, MAX_IMAGE_BYTES, NOT_AN_IMAGE
from kiosk.domain.store_edit.draft import EditRefused, Problem

#: The largest picture side a promotion image may have, in pixels (a 4K screen's long side).
MAX_IMAGE_SIDE = 4096

PICTURE = define("promotion.picture_field", N_("Picture: {reason}"))
PICTURE_MISSING = define("promotion.picture_missing", N_("{path} does not exist."))
PICTURE_UNREADABLE = define("promotion.picture_unreadable", N_("{path} cannot be read ({reason})."))
TOO_MANY_PIXELS = define(
    "promotion.picture_pixels",
    N_("The picture is {width}x{height} pixels; at most {limit} pixels on a side."),
)

STALE = define(
    "promotion.stale",
    N_(
        "{title} was changed or removed on another PC meanwhile; nothing was saved. Open it "
        "again to see the change."
    ),
)


class StalePromotion(KioskError):
    """The promotion is no longer what the editor loaded; the edit was not saved."""

    def __init__(self, title: str) -> None:
        super().__init__(STALE(title=title))


def image_problem(data: bytes) -> str | None:
    """Why *data* is not a whole PNG or JPEG picture of a sensible size (None: it is)."""
    message = picture_message(data)
    return None if message is None else str(message)


def picture_message(data: bytes) -> Message | None:
    """Why *data* is not a whole PNG or JPEG picture of at most MAX_IMAGE_SIDE a side."""
    import io

    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_IMAGE_BYTES:
        return IMAGE_TOO_BIG(size=len(data), limit=MAX_IMAGE_BYTES)
    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.format not in {"PNG", "JPEG"}:
                return NOT_AN_IMAGE()
            width, height = picture.size
            if max(width, height) > MAX_IMAGE_SIDE:
                return TOO_MANY_PIXELS(width=width, height=height, limit=MAX_IMAGE_SIDE)
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return NOT_AN_IMAGE()
    return None


def read_picture(path: Path) -> bytes:
    """The bytes of the picture file *path*, checked; EditRefused on the ``image`` field names
    the file and why it is refused (missing, not a regular file, too big, not a picture)."""
    from kiosk.render.inputs import FileTooBig, NotRegularFile, read_regular_file

    reason: Message | None
    try:
        data = read_regular_file(path, max_bytes=MAX_IMAGE_BYTES)
    except FileNotFoundError:
        reason = PICTURE_MISSING(path=path.name)
    except FileTooBig as exc:
        reason = IMAGE_TOO_BIG(size=exc.size, limit=MAX_IMAGE_BYTES)
    except NotRegularFile as exc:
        reason = exc.message
    except OSError as exc:
        cause = as_message(exc.strerror or type(exc).__name__)
        reason = PICTURE_UNREADABLE(path=path.name, reason=cause)
    else:
        reason = picture_message(data)
        if reason is None:
            return data
    raise EditRefused([Problem("image", PICTURE(reason=reason))])
