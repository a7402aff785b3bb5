"""The QR use case in one place: input -> checked value -> verified code -> store, file, stands.

Every caller (merchant screen, tourist store page, CLI, printed stands) goes
through these functions, so an input is parsed once and the verified result is
what gets saved, shown and printed (docs/architecture.md, "One QR path").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.listing import StoreDetail
from kiosk.domain.onboarding.profile_links import ProfileLink
from kiosk.domain.qr.kakao import KakaoChannelError, KakaoLink, channel_url, parse_channel_link
from kiosk.domain.qr.payment import PaymentPayload, PaymentQrError, parse_payment_payload
from kiosk.domain.qr.store_codes import kakao_code_spec, payment_code_spec
from kiosk.domain.qr.symbols import QrSpec, kakao_spec, payment_spec
from kiosk.services.qr.input_error import QrInputError

if TYPE_CHECKING:
    from kiosk.render.export import SavedQr
    from kiosk.render.stands import StandSet, StandSize, StandsResult
    from kiosk.render.verify import VerifiedQr


@dataclass(frozen=True, slots=True)
class KakaoInput:
    """A checked KakaoTalk channel: the public ID the store keeps and the link the code opens."""

    channel_id: str
    link: KakaoLink
    url: str

    @property
    def spec(self) -> QrSpec:
        return kakao_spec(self.url)


@dataclass(frozen=True, slots=True)
class PaymentInput:
    """A checked official payment payload, byte-for-byte as issued."""

    payload: PaymentPayload

    @property
    def raw(self) -> str:
        return self.payload.raw

    @property
    def spec(self) -> QrSpec:
        return payment_spec(self.payload.raw)


def check_kakao(text: str | None, *, link: KakaoLink | str | None = None) -> KakaoInput | None:
    """Parse a typed ID or pasted channel link once; None when blank.

    Without *link* the code opens the page a pasted link names (``/chat`` stays
    chat), else the add-friend page. Raises QrInputError(field="kakao_channel").
    """
    if text is None or not text.strip():
        return None
    try:
        channel = parse_channel_link(text)
        kind = KakaoLink(link) if link is not None else channel.link or KakaoLink.FRIEND
        return KakaoInput(channel.channel_id, kind, channel_url(channel.channel_id, kind))
    except KakaoChannelError as exc:
        raise QrInputError("kakao_channel", exc.message) from None


def check_payment(text: str | None) -> PaymentInput | None:
    """Check the official payload (EMVCo structure and CRC when it is EMVCo); None when blank.

    Raises QrInputError(field="payment_qr") naming the tag or character refused.
    """
    if text is None or not text.strip():
        return None
    try:
        return PaymentInput(parse_payment_payload(text))
    except PaymentQrError as exc:
        raise QrInputError("payment_qr", exc.message) from None


def payment_from_image(path: Path) -> PaymentInput:
    """The payment payload read from a photo or scan of the merchant kit.

    Raises QrInputError(field="payment_qr") when the picture holds no usable payment code.
    """
    from kiosk.render.decode import ImageInputError, payment_payload_from_image

    try:
        return PaymentInput(payment_payload_from_image(path))
    except (ImageInputError, PaymentQrError) as exc:
        raise QrInputError("payment_qr", exc.message) from None


def store_kakao_spec(store: StoreDetail) -> QrSpec | None:
    """The add-friend code of the store's saved channel, or None (none, or a bad saved ID)."""
    try:
        return kakao_code_spec(store)
    except KakaoChannelError:
        return None


def store_payment_spec(store: StoreDetail) -> QrSpec | None:
    """The store's saved payment payload as a code spec, or None (none, or refused)."""
    try:
        return payment_code_spec(store)
    except PaymentQrError:
        return None


def store_code_errors(store: StoreDetail) -> list[str]:
    """Why a saved code of *store* cannot be used (empty when both are fine or absent)."""
    errors: list[str] = []
    try:
        kakao_code_spec(store)
    except KakaoChannelError as exc:
        errors.append(str(QrInputError("kakao_channel", exc.message)))
    try:
        payment_code_spec(store)
    except PaymentQrError as exc:
        errors.append(str(QrInputError("payment_qr", exc.message)))
    return errors


def verify(spec: QrSpec, *, module_px: int = 8) -> VerifiedQr:
    """Render *spec* and decode it back with zxing-cpp (raises QrVerificationError)."""
    from kiosk.render.verify import render_verified

    return render_verified(spec, module_px=module_px)


def verify_to_fit(spec: QrSpec, *, side_px: int, min_module_px: int = 3) -> VerifiedQr:
    """Verified image drawn at the largest whole module size that fits in *side_px*."""
    from kiosk.domain.qr.symbols import build_matrix

    matrix = build_matrix(spec)
    return verify(spec, module_px=max(min_module_px, side_px // matrix.total))


#: Side of a "find us on" profile code on the tourist store page.
PROFILE_SIDE = 160


@dataclass(frozen=True, slots=True)
class StoreCodes:
    """A store's codes, each verified at every requested size (``{side_px: VerifiedQr}``).

    ``profiles`` are the store's public profile links ("find us on"), each with
    its code verified at ``PROFILE_SIDE``; ``page`` is the "stall page" code (the
    stall's page on the market's website), empty while the market has no site.
    """

    store: StoreDetail
    kakao: dict[int, VerifiedQr]
    payment: dict[int, VerifiedQr]
    profiles: tuple[tuple[ProfileLink, VerifiedQr], ...] = ()
    page: dict[int, VerifiedQr] = field(default_factory=dict)


def verified_store_codes(
    store: StoreDetail,
    *,
    sides: Sequence[int],
    profiles: Sequence[ProfileLink] = (),
    page_url: str = "",
) -> StoreCodes:
    """The store's add-friend, payment and (with *page_url*, from ``stall_page_url``) stall
    page codes verified at each of *sides*, and its profiles.

    A code that fails verification is left out (never shown broken). Safe to run
    off the GUI thread: it draws into QImages only.
    """
    from kiosk.domain.site import stall_page_spec
    from kiosk.render.verify import QrVerificationError

    result: dict[str, dict[int, VerifiedQr]] = {"kakao": {}, "payment": {}, "page": {}}
    specs = (
        ("kakao", store_kakao_spec(store)),
        ("payment", store_payment_spec(store)),
        ("page", stall_page_spec(page_url) if page_url else None),
    )
    for key, spec in specs:
        if spec is None:
            continue
        try:
            for side in sides:
                result[key][side] = verify_to_fit(spec, side_px=side)
        except (QrVerificationError, ValueError):
            result[key] = {}
    shown = _profile_codes(profiles)
    return StoreCodes(store, result["kakao"], result["payment"], shown, result["page"])


def _profile_codes(profiles: Sequence[ProfileLink]) -> tuple[tuple[ProfileLink, VerifiedQr], ...]:
    """Each profile's code, all of one symbol version (the largest any link needs) so they
    are drawn at one size side by side; a link that does not fit or verify is left out."""
    from kiosk.domain.qr.symbols import build_matrix
    from kiosk.render.verify import QrVerificationError

    versions: list[tuple[ProfileLink, int]] = []
    for link in profiles:
        try:
            versions.append((link, build_matrix(QrSpec(link.url, "M")).version))
        except ValueError:
            continue
    common = max((version for _link, version in versions), default=0)
    shown: list[tuple[ProfileLink, VerifiedQr]] = []
    for link, _version in versions:
        try:
            spec = QrSpec(link.url, "M", version=common)
            shown.append((link, verify_to_fit(spec, side_px=PROFILE_SIDE)))
        except (QrVerificationError, ValueError):
            continue
    return tuple(shown)


def write_code_file(spec: QrSpec, path: Path) -> SavedQr:
    """Write *spec* to *path* (.png, .svg, .pdf), verified and atomic."""
    from kiosk.render.export import save_qr

    return save_qr(spec, path)


def check_output_format(path: Path) -> None:
    """Refuse an output file we cannot write (before any work is done): its format, its
    folder, and an existing path that is not a regular file (pipe, device, link to one)."""
    from kiosk.render.atomic import check_output_dir
    from kiosk.render.export import format_for

    format_for(path)
    check_output_dir(path)


def render_stands(
    stores: Sequence[StoreDetail],
    *,
    market_name: object,
    out: Path,
    size: StandSize,
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
    page_urls: Mapping[int, str] | None = None,
) -> StandsResult:
    """One stand page per store with a usable code, each code decoded back before it is drawn.

    *page_urls* adds each store's "stall page" code (the market's website).
    """
    from kiosk.domain.text import LocalizedText
    from kiosk.render.stands import printable_stores
    from kiosk.render.stands import render_stands as draw

    assert isinstance(market_name, LocalizedText)
    return draw(
        printable_stores(stores, page_urls),
        market_name,
        out,
        size=size,
        copies=copies,
        progress=progress,
        page_urls=page_urls,
    )


def stand_set(
    stores: Sequence[StoreDetail],
    *,
    market_name: object,
    page_urls: Mapping[int, str] | None = None,
) -> StandSet:
    """The verified stand pages of *stores* (those with a code); StandsError when none has one."""
    from kiosk.domain.text import LocalizedText
    from kiosk.render.stands import StandSet, prepare_pages

    assert isinstance(market_name, LocalizedText)
    return StandSet(market_name, tuple(prepare_pages(stores, page_urls)))


def write_stands(
    stands: StandSet,
    out: Path,
    *,
    size: StandSize,
    copies: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> StandsResult:
    """Write *stands* to *out* as a PDF: opened again and every code decoded, atomic."""
    from kiosk.render.stands import write_stands as write

    return write(stands, out, size=size, copies=copies, progress=progress)
