"""Saving the merchant QR screen's two codes: what changed, and the save through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from kiosk.domain.access import CodeProof
    from kiosk.domain.listing import StoreDetail
    from kiosk.services.app import Services
    from kiosk.ui.merchant.kakao_section import KakaoSection
    from kiosk.ui.merchant.payment_section import PaymentSection
    from kiosk.ui.widgets.proof_prompt import ProofPrompt


class SavingScreen(Protocol):
    """What the save uses of the merchant QR screen (no import back to it)."""

    @property
    def kakao(self) -> KakaoSection: ...

    @property
    def payment(self) -> PaymentSection: ...

    @property
    def prompt(self) -> ProofPrompt: ...

    def show_status(self, message: str, *, kind: str = "info") -> None: ...


def codes_changed(store: StoreDetail, kakao: KakaoSection, payment: PaymentSection) -> bool:
    """True when a field differs from what *store* has saved."""
    kakao_text, payment_text = kakao.text().strip(), payment.text().strip()
    kakao_same = (
        kakao.channel_id() == store.kakao_channel_id
        if kakao_text
        else store.kakao_channel_id is None
    )
    payload = payment.payload()
    payment_same = (
        payload is not None and payload.raw == store.payment_qr_payload
        if payment_text
        else store.payment_qr_payload is None
    )
    return not (kakao_same and payment_same)


def save_codes(
    screen: SavingScreen, services: Services, store: StoreDetail, proof: CodeProof
) -> StoreDetail | Literal["stale"] | None:
    """Save both fields of *screen* to *store* at its version: the saved store, "stale"
    when another PC saved meanwhile, or None when refused (the prompt or status says why)."""
    from kiosk.domain.access import AccessError
    from kiosk.services.values import NotFoundError, QrInputError, StaleVersionError

    try:
        # The values the sections checked (and verified) for their previews: parsed once.
        return services.codes.save_store_codes(
            proof=proof,
            store_id=store.id,
            expected_version=store.version,
            kakao=screen.kakao.checked(),
            payment=screen.payment.checked(),
        )
    except StaleVersionError:
        return "stale"
    except AccessError as exc:
        screen.prompt.show_error(str(exc))
        return None
    except (QrInputError, NotFoundError) as exc:
        screen.show_status("⚠ " + str(exc), kind="error")
        return None
