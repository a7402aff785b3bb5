"""Onboarding: the checklist, each store's steps and their saves, the market's progress, reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor, CodeProof
from kiosk.domain.categories import Category
from kiosk.domain.locales import LocaleCode
from kiosk.services.parts.codes import Codes
from kiosk.services.parts.core import Core, Part, Written, publishes
from kiosk.services.qr.store_codes import KakaoInput, PaymentInput

if TYPE_CHECKING:
    from kiosk.domain.exchange.spreadsheet import Cell
    from kiosk.domain.onboarding.checklist import Checklist, Step
    from kiosk.domain.onboarding.profile_links import ProfileLink
    from kiosk.domain.onboarding.progress import MarketProgress, StoreOnboarding
    from kiosk.render.onboarding_report import ReportResult
    from kiosk.services.onboarding.checklist import ChecklistCache, ChecklistState
    from kiosk.services.onboarding.progress import StepDraft


class Onboarding(Part):
    """Onboarding use cases; the code steps save the store's code through :class:`Codes`."""

    def __init__(self, core: Core, codes: Codes) -> None:
        super().__init__(core)
        self._codes = codes
        self._checklists: ChecklistCache | None = None

    @staticmethod
    def load_checklist() -> ChecklistState:
        """The checklist a fresh start would use (no database needed), and why a file is refused."""
        from kiosk.services.onboarding.checklist import load_checklist

        return load_checklist()

    @staticmethod
    def read_checklist_file(path: Path) -> Checklist:
        """The checklist in the TOML file *path*; ChecklistError naming the file and problem.

        A named pipe, device or folder is refused at once, never opened.
        """
        from kiosk.services.onboarding.checklist import read_checklist_file

        return read_checklist_file(path)

    @staticmethod
    def progress_rows(progress: MarketProgress, locale: LocaleCode) -> list[list[Cell]]:
        """The rows of the progress sheet (header first), as the export writes them."""
        from kiosk.services.onboarding.export import progress_rows

        return progress_rows(progress, locale)

    def onboarding_checklist(self, *, reload: bool = False) -> ChecklistState:
        """The checklist in use and, when a market's replacement file was refused, why.

        A refused replacement (file, line, problem) leaves the last good checklist in use.
        """
        from kiosk.services.onboarding.checklist import ChecklistCache

        if self._checklists is None:
            self._checklists = ChecklistCache()
        return self._checklists.reload() if reload else self._checklists.get()

    def store_onboarding(self, *, actor: Actor, store_id: int) -> StoreOnboarding:
        """One store's progress on every step (its merchant or the manager)."""
        from kiosk.services.onboarding import progress as onboarding

        self._core.require(actor, store_id=store_id)
        checklist = self.onboarding_checklist().checklist
        return onboarding.store_onboarding(db=self._db, store_id=store_id, checklist=checklist)

    @publishes
    def save_onboarding_step(
        self, *, actor: Actor, base: StoreOnboarding, step: str, draft: StepDraft
    ) -> Written[StoreOnboarding]:
        """Save one step as entered, at the version *base* showed; return the store afresh.

        Raises OnboardingError (the field refused: an owner that is not a phone or
        e-mail, text that looks like a password, a profile link off its allow-list,
        done without its data), OnboardingConflict (another PC saved the step
        meanwhile; nothing written), PermissionDenied. Steps that record a code on
        the store change it through :meth:`save_code_step`.
        """
        live = self._core.require(actor, store_id=base.store.id)
        known = _step_of(base, step)
        has_code = _store_code(base, known.records.value) is not None
        return self._write_step(live, base, known, draft, has_record=has_code)

    @publishes
    def save_code_step(
        self,
        *,
        actor: Actor,
        base: StoreOnboarding,
        step: str,
        code: KakaoInput | PaymentInput | None,
        draft: StepDraft,
        proof: CodeProof | None = None,
    ) -> Written[StoreOnboarding]:
        """The KakaoTalk or Zero Pay step: save the checked *code* on the store, then the step.

        The code goes through the one QR path: verified (drawn and decoded back),
        then ``Codes.save_store_codes`` with *proof* (the store's PIN or the manager
        password), byte for byte; the store's other code is kept. When *code* is
        what the store already has, no proof is needed. Raises what
        :meth:`save_onboarding_step` and ``save_store_codes`` raise; a refused
        code leaves the step as it was.
        """
        from kiosk.services.onboarding import progress as onboarding

        live = self._core.require(actor, store_id=base.store.id)
        known = _step_of(base, step)
        if not known.records.on_store:
            has_code = _store_code(base, known.records.value) is not None
            return self._write_step(live, base, known, draft, has_record=has_code)
        wanted = (
            None
            if code is None
            else (code.channel_id if isinstance(code, KakaoInput) else code.raw)
        )
        onboarding.check_draft(known, draft, has_record=wanted is not None)
        latest = onboarding.store_onboarding(
            db=self._db, store_id=base.store.id, checklist=base.checklist
        )
        if latest.step(step).version != base.step(step).version:
            raise onboarding.conflict(self._db, base.store, known)
        if wanted != _store_code(base, known.records.value):
            self._save_code(base, known, code, proof)
        return self._write_step(live, base, known, draft, has_record=wanted is not None)

    def _save_code(
        self,
        base: StoreOnboarding,
        known: Step,
        code: KakaoInput | PaymentInput | None,
        proof: CodeProof | None,
    ) -> None:
        """Put *code* on the store in place of the one *known* records, keeping the other."""
        from kiosk.domain.access import PermissionDenied
        from kiosk.services.listings import NEED_PROOF
        from kiosk.services.qr import store_codes

        if proof is None:
            raise PermissionDenied(NEED_PROOF())
        if code is not None:
            store_codes.verify(code.spec)
        kakao = store_codes.check_kakao(base.store.kakao_channel_id)
        payment = store_codes.check_payment(base.store.payment_qr_payload)
        if isinstance(code, KakaoInput) or (
            code is None and known.records.value == "kakao_channel"
        ):
            kakao = code if isinstance(code, KakaoInput) else None
        else:
            payment = code if isinstance(code, PaymentInput) else None
        self._codes.save_store_codes(
            proof=proof,
            store_id=base.store.id,
            expected_version=base.store.version,
            kakao=kakao,
            payment=payment,
        )

    def _write_step(
        self, live: Actor, base: StoreOnboarding, known: Step, draft: StepDraft, *, has_record: bool
    ) -> Written[StoreOnboarding]:
        """Check *draft* for the step *known* and save it at *base*'s version; the store afresh."""
        from kiosk.services.onboarding import progress as onboarding

        checked = onboarding.check_draft(known, draft, has_record=has_record)
        _saved, change = onboarding.save_step(
            db=self._db,
            origin=self._core.origin,
            actor=live,
            store=base.store,
            step=known,
            expected_version=base.step(known.key).version,
            draft=checked,
        )
        return Written(self.store_onboarding(actor=live, store_id=base.store.id), change)

    def market_onboarding(
        self, *, actor: Actor, market_slug: str, category: Category | None = None
    ) -> MarketProgress:
        """Every active store's progress in a market (the manager's view)."""
        from kiosk.services.onboarding import progress as onboarding

        self._core.require(actor, manager=True)
        return onboarding.market_progress(
            db=self._db,
            market_slug=market_slug,
            checklist=self.onboarding_checklist().checklist,
            category=category,
        )

    def export_onboarding(
        self,
        *,
        actor: Actor,
        market_slug: str,
        out: Path,
        category: Category | None = None,
        locale: LocaleCode = "ko",
    ) -> int:
        """Write the market's progress to *out* (.csv: UTF-8 with BOM; .xlsx), formula-safe.

        The file is read back and compared before it replaces *out*; returns the rows written.
        """
        from kiosk.render.sheets import sheet_format, write_sheet

        sheet_format(out)  # refuse a bad name before any work
        progress = self.market_onboarding(actor=actor, market_slug=market_slug, category=category)
        rows = self.progress_rows(progress, locale)
        return write_sheet(out, rows, title=progress.market.name.get(locale))

    def onboarding_report(
        self, *, actor: Actor, store_id: int, out: Path, locale: LocaleCode = "ko"
    ) -> ReportResult:
        """The store's A4 progress report (PDF); every code on it is decoded back before writing."""
        from datetime import date

        from kiosk.render.onboarding_report import render_report
        from kiosk.services.onboarding.report import report_codes

        state = self.store_onboarding(actor=actor, store_id=store_id)
        return render_report(
            state,
            codes=report_codes(state, locale),
            out=out,
            locale=locale,
            printed_on=date.today(),
        )

    def store_profile_links(self, *, store_id: int) -> list[ProfileLink]:
        """The store's public "find us on" links (Smart Place, Instagram, ...), checked again."""
        from kiosk.services.onboarding import progress as onboarding

        checklist = self.onboarding_checklist().checklist
        return onboarding.profile_links(db=self._db, store_id=store_id, checklist=checklist)

    def profile_links_of(self, *, store_ids: list[int]) -> dict[int, list[ProfileLink]]:
        """:meth:`store_profile_links` of many stores in one read (the published site)."""
        from kiosk.services.onboarding import progress as onboarding

        checklist = self.onboarding_checklist().checklist
        return onboarding.profile_links_of(db=self._db, store_ids=store_ids, checklist=checklist)

    def remembered_store(self) -> int | None:
        """The store this PC remembers for onboarding (on this database), or None."""
        from kiosk.services.this_pc import remembered_store

        return remembered_store(self._db.url)

    def remember_store(self, *, store_id: int | None) -> None:
        """Make this PC remember *store_id* (None forgets it)."""
        from kiosk.services.this_pc import remember_store

        remember_store(self._db.url, store_id)


def _step_of(base: StoreOnboarding, key: str) -> Step:
    from kiosk.domain.onboarding.status import UNKNOWN_STEP, OnboardingError

    step = base.checklist.get(key)
    if step is None:
        raise OnboardingError(UNKNOWN_STEP(step=key), field="step")
    return step


def _store_code(base: StoreOnboarding, records: str) -> str | None:
    """The store's saved code that a step of kind *records* records (None: none, or not a code)."""
    if records == "kakao_channel":
        return base.store.kakao_channel_id or None
    if records == "payment_qr":
        return base.store.payment_qr_payload or None
    return None
