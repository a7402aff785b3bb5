"""Store codes: check a KakaoTalk or payment input, save, verify, write PNG/SVG/PDF, print stands.

The one QR path (docs/architecture.md, "One QR path"): an input is parsed once and
the verified result is what gets saved, shown, written and printed. The checks and
file writers need no database (the ``qr`` commands work without one): call them on
the class, ``Codes.check_kakao(text)``, as well as on ``services.codes``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import CodeProof, store_subject
from kiosk.domain.listing import StoreDetail
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes
from kiosk.services.qr import store_codes
from kiosk.services.qr.store_codes import KakaoInput, PaymentInput

if TYPE_CHECKING:
    from kiosk.render.stands import StandSet, StandSize, StandsResult


class Codes(Part):
    """A store's KakaoTalk and payment codes, from the typed input to the printed stand."""

    check_kakao = staticmethod(store_codes.check_kakao)
    check_payment = staticmethod(store_codes.check_payment)
    payment_from_image = staticmethod(store_codes.payment_from_image)
    verified_store_codes = staticmethod(store_codes.verified_store_codes)
    write_code_file = staticmethod(store_codes.write_code_file)
    check_output_format = staticmethod(store_codes.check_output_format)
    write_stands = staticmethod(store_codes.write_stands)
    stand_set = staticmethod(store_codes.stand_set)

    @staticmethod
    def decode_image_file(path: Path) -> list[str]:
        """Every QR text in a PNG, JPEG or SVG file (zxing-cpp), in reading order."""
        from kiosk.render.decode import decode_image_file

        return decode_image_file(path)

    @publishes
    def save_store_codes(
        self,
        *,
        proof: CodeProof,
        store_id: int,
        expected_version: int,
        kakao: KakaoInput | None,
        payment: PaymentInput | None,
    ) -> Written[StoreDetail]:
        """Save checked codes (from :meth:`check_kakao` / :meth:`check_payment`) on a store.

        *proof* is that store's PIN or the manager password, checked (with
        throttling) before anything is written; the change is audited. ``None``
        removes that code. Raises SignInRefused/Throttled, ``StaleVersionError``
        when someone else saved the store meanwhile, ``NotFoundError`` when it
        no longer exists.
        """
        from kiosk.services.access.accounts import actor_for_proof
        from kiosk.services.stores import set_store_qr_codes

        core = self._core
        actor = actor_for_proof(
            self._db, proof=proof, store_id=store_id, pc=core.pc, subject=store_subject(store_id)
        )
        saved = set_store_qr_codes(
            db=self._db,
            store_id=store_id,
            expected_version=expected_version,
            kakao_channel_id=kakao.channel_id if kakao is not None else None,
            payment_qr_payload=payment.raw if payment is not None else None,
            actor=actor,
            origin=core.origin,
        )
        return Written(saved, Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id})))

    def print_stands(
        self,
        *,
        market_slug: str,
        out: Path,
        size: StandSize = "a6",
        store_ids: Collection[int] | None = None,
        copies: int = 1,
        progress: Callable[[int, int], None] | None = None,
    ) -> StandsResult:
        """PDF of stands for a market's active stores with codes (or those of *store_ids*).

        NotFoundError for the slug; ``StandsError`` when no store has a code to print.
        """
        from kiosk.services import directory

        market = directory.get_market(db=self._db, slug=market_slug)
        stores = directory.list_store_details(db=self._db, market_slug=market_slug)
        pages = _page_urls(market.site_url, stores)
        if store_ids is not None:
            stores = [s for s in stores if s.id in store_ids]
        return store_codes.render_stands(
            stores,
            market_name=market.name,
            out=out,
            size=size,
            copies=copies,
            progress=progress,
            page_urls=pages,
        )

    def stands(self, *, market_slug: str, store_ids: Collection[int] | None = None) -> StandSet:
        """The verified stand pages of a market's stores with codes (or of *store_ids*).

        NotFoundError for the slug; ``StandsError`` naming a store whose code is
        refused, or when none has a code.
        """
        from kiosk.services import directory

        market = directory.get_market(db=self._db, slug=market_slug)
        stores = directory.list_store_details(db=self._db, market_slug=market_slug)
        pages = _page_urls(market.site_url, stores)
        if store_ids is not None:
            stores = [s for s in stores if s.id in store_ids]
        return store_codes.stand_set(stores, market_name=market.name, page_urls=pages)


def _page_urls(site_url: str, stores: list[StoreDetail]) -> dict[int, str]:
    """Each active store's page on the market's website, as ``publish`` writes it (all the
    market's active stores count, so a stall's path never depends on which are printed)."""
    from kiosk.domain.site import stall_page_urls

    return stall_page_urls(site_url, ((s.id, s.stall_number) for s in stores))
