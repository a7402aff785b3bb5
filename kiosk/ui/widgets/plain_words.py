"""What a refused KakaoTalk or payment code input means, in words a merchant of 65 uses.

The technical reason (EMVCo tags, checksums, character codes) stays behind
"Details"; these sentences name no file format, standard or code number.
"""

from __future__ import annotations

from kiosk.i18n import _
from kiosk.services.values import QrInputError
from kiosk.ui.widgets.stand_words import message_codes

#: Image problems that mean "the picture is not a photo we can read".
_NOT_A_PHOTO = {
    "image.not_svg",
    "image.is_pdf",
    "image.wrong_format",
    "image.is_folder",
    "image.not_regular",
    "image.not_png_or_jpeg",
    "image.file_too_large",
    "image.too_many_pixels",
    "image.picture_too_large",
}


def plain_qr_error(exc: QrInputError) -> str:
    """One plain sentence for *exc* (its technical reason is ``str(exc)``)."""
    codes = message_codes(exc.reason_message)
    if exc.field == "kakao_channel":
        return _(
            "This is not a KakaoTalk channel name. Type the name that starts with _ "
            "(for example _ZeUTxl), or paste the channel's address."
        )
    if "image.several_qr" in codes:
        return _(
            "The photo shows more than one code. Take the photo again with only the "
            "payment code in it."
        )
    if "image.no_qr" in codes or "image.cannot_read_image" in codes:
        return _("No code was found in the photo. Take it again in a brighter place.")
    if codes & _NOT_A_PHOTO or "image.cannot_read" in codes:
        return _("This file is not a photo. Choose the photo you took of the kit.")
    if codes & {"payment.kakao_link", "payment.kakao_id"}:
        return _(
            "This is your KakaoTalk channel, not the payment code. Put it in the KakaoTalk box."
        )
    if "payment.web_link" in codes:
        return _(
            "This is a web address, not the payment code. Load the photo of your Zero Pay kit."
        )
    return _(
        "This payment code is not right: something is missing or changed. "
        "Load it again from the photo of your kit."
    )
