"""The one door to the data: ``Services``, built once from a database URL, with typed use cases.

Screens and commands receive a ``Services`` object and call its keyword-only
methods; they never import ``kiosk.data`` (an import-linter contract says so).
Every write publishes a ``Change`` on ``services.changes`` after it committed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kiosk.domain.access import Actor, CodeProof, Role, Secret
from kiosk.domain.audit import AuditAction, AuditEntry
from kiosk.domain.categories import Category
from kiosk.domain.listing import MarketInfo, StoreDetail, StoreSummary
from kiosk.domain.locales import LocaleCode
from kiosk.domain.store_edit import StoreDraft
from kiosk.services import directory, store_codes
from kiosk.services.changes import Change, ChangeHub, ChangeKind
from kiosk.services.store_codes import KakaoInput, PaymentInput

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.data.backup import BackupFacts
    from kiosk.data.db import Database
    from kiosk.domain.checklist import Step
    from kiosk.domain.exchange_plan import ImportPlan
    from kiosk.domain.profile_links import ProfileLink
    from kiosk.domain.progress import MarketProgress, StoreOnboarding
    from kiosk.render.onboarding_report import ReportResult
    from kiosk.render.stands import StandSize, StandsResult
    from kiosk.services.backup import BackupResult, RestoreResult
    from kiosk.services.checklist import ChecklistCache, ChecklistState
    from kiosk.services.exchange import ExportResult, ImportResult
    from kiosk.services.live import ChangeWatcher
    from kiosk.services.onboarding import StepDraft


class Services:
    """Application services over one open database (thread-safe: one session per call).

    Build with :meth:`open` (raises ``DatabaseOpenError`` naming the place, password
    hidden). Reads return plain domain values; writes check the version the user
    was editing and publish a change. ``close()`` releases the connections.
    """

    def __init__(self, db: Database) -> None:
        import secrets
        import socket

        from kiosk.services.accounts import SessionBook

        self._db = db
        self.changes = ChangeHub()
        #: This process's id in the change events (its own are not polled back).
        self.origin = secrets.token_hex(8)
        #: The PC's name in the audit log.
        self.pc = (socket.gethostname() or "pc")[:100]
        self._sessions = SessionBook()

    @classmethod
    def open(cls, url: str | None = None, *, seed_demo: bool = False) -> Self:
        """Open *url* (default: ``$KIOSK_DATABASE_URL`` or the user's SQLite file).

        With *seed_demo* an empty database gets the two demo markets.
        """
        from kiosk.data.db import Database
        from kiosk.data.seed import ensure_demo_data

        db = Database.open(url)
        if seed_demo:
            try:
                ensure_demo_data(db)
            except BaseException:
                db.close()
                raise
        return cls(db)

    @property
    def url(self) -> str:
        """Where the data lives, for display (password hidden)."""
        return self._db.url

    @property
    def where(self) -> str:
        """The file path (SQLite) or URL (password hidden) for messages."""
        return self._db.where

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Directory (reads) ------------------------------------------------------------------
    def list_markets(self) -> list[MarketInfo]:
        """Every market with its number of active stores."""
        return directory.list_markets(db=self._db)

    def get_market(self, *, slug: str) -> MarketInfo:
        """One market; NotFoundError names the known slugs."""
        return directory.get_market(db=self._db, slug=slug)

    def list_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[StoreSummary]:
        """A market's stores in stall order, filtered by a search in any language and category.

        *offset* and *limit* give one page (the directory fetches a screenful at a time).
        """
        return directory.list_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
            offset=offset,
            limit=limit,
        )

    def market_categories(self, *, market_slug: str) -> list[Category]:
        """The categories a market's active stores have, in the enum's order (one query)."""
        return directory.market_categories(db=self._db, market_slug=market_slug)

    def get_store(self, *, store_id: int) -> StoreDetail:
        """Everything about one store; NotFoundError when it no longer exists."""
        return directory.get_store(db=self._db, store_id=store_id)

    def list_store_details(
        self, *, market_slug: str, active_only: bool = True
    ) -> list[StoreDetail]:
        return directory.list_store_details(
            db=self._db, market_slug=market_slug, active_only=active_only
        )

    # Demo data --------------------------------------------------------------------------
    def load_demo(self, *, replace: bool = False) -> dict[str, int]:
        """Load the two demo markets (``replace`` rebuilds them); store count per slug."""
        from kiosk.data.seed import seed_demo

        counts = seed_demo(self._db, replace=replace)
        self.note_bulk_change(Change(ChangeKind.MARKETS))
        self.changes.publish(Change(ChangeKind.MARKETS))
        return counts

    # Store codes ------------------------------------------------------------------------
    def save_store_codes(
        self,
        *,
        proof: CodeProof,
        store_id: int,
        expected_version: int,
        kakao: KakaoInput | None,
        payment: PaymentInput | None,
    ) -> StoreDetail:
        """Save checked codes (from ``store_codes.check_kakao/check_payment``) on a store.

        *proof* is that store's PIN or the manager password, checked (with
        throttling) before anything is written; the change is audited. ``None``
        removes that code. Raises SignInRefused/Throttled, ``StaleVersionError``
        when someone else saved the store meanwhile, ``NotFoundError`` when it
        no longer exists.
        """
        from kiosk.services.accounts import actor_for_proof
        from kiosk.services.stores import set_store_qr_codes

        actor = actor_for_proof(
            self._db, proof=proof, store_id=store_id, pc=self.pc, subject=f"store {store_id}"
        )
        saved = set_store_qr_codes(
            db=self._db,
            store_id=store_id,
            expected_version=expected_version,
            kakao_channel_id=kakao.channel_id if kakao is not None else None,
            payment_qr_payload=payment.raw if payment is not None else None,
            actor=actor,
            origin=self.origin,
        )
        self.changes.publish(Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id})))
        return saved

    def print_stands(
        self,
        *,
        market_slug: str,
        out: Path,
        size: StandSize = "a6",
        progress: Callable[[int, int], None] | None = None,
    ) -> StandsResult:
        """PDF of stands for a market's active stores with codes; NotFoundError for the slug.

        Raises ``StandsError`` when no store has a code to print.
        """
        market = self.get_market(slug=market_slug)
        stores: Sequence[StoreDetail] = self.list_store_details(market_slug=market_slug)
        return store_codes.render_stands(
            stores, market_name=market.name, out=out, size=size, progress=progress
        )

    # City-scale directory ----------------------------------------------------------------
    def count_stores(
        self,
        *,
        market_slug: str,
        query: str = "",
        category: Category | None = None,
        include_inactive: bool = False,
    ) -> int:
        """How many stores ``list_stores`` lists for the same filter (one COUNT query)."""
        return directory.count_stores(
            db=self._db,
            market_slug=market_slug,
            query=query,
            category=category,
            include_inactive=include_inactive,
        )

    # Access: manager password, store PINs, signed-in actors --------------------------------
    def manager_password_is_set(self) -> bool:
        from kiosk.services.accounts import MANAGER_KEY, has_credential

        return has_credential(self._db, MANAGER_KEY)

    def set_first_manager_password(self, *, password: Secret) -> Actor:
        """Manager mode's first use: set the password (none may be set yet) and sign in.

        Raises PasswordRuleError (weak) or AccessError when a password already exists.
        """
        from kiosk.domain.access import PASSWORD_ALREADY_SET, AccessError, password_problem
        from kiosk.services.accounts import MANAGER_KEY, store_credential

        problem = password_problem(password.reveal())
        if problem is not None:
            raise AccessError(problem)
        actor = Actor(Role.MANAGER, self.pc, None, "password")
        if not store_credential(
            self._db,
            key=MANAGER_KEY,
            store_id=None,
            secret=password,
            by=actor,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
            only_if_unset=True,
        ):
            raise AccessError(PASSWORD_ALREADY_SET())
        return self._sessions.open(actor)

    def set_manager_password(self, *, actor: Actor, password: Secret) -> None:
        """Change the manager password (signed-in manager or the command line)."""
        from kiosk.domain.access import AccessError, password_problem
        from kiosk.services.accounts import MANAGER_KEY, require, store_credential

        live = require(self._sessions, actor, manager=True)
        problem = password_problem(password.reveal())
        if problem is not None:
            raise AccessError(problem)
        store_credential(
            self._db,
            key=MANAGER_KEY,
            store_id=None,
            secret=password,
            by=live,
            action=AuditAction.PASSWORD_SET,
            subject="manager",
        )

    def set_store_pin(self, *, actor: Actor, store_id: int, pin: Secret) -> None:
        """Set a store's PIN (6+ digits; the manager's job); clears its failed tries."""
        from kiosk.domain.access import AccessError, pin_problem
        from kiosk.services.accounts import require, store_credential, store_key

        live = require(self._sessions, actor, manager=True)
        problem = pin_problem(pin.reveal())
        if problem is not None:
            raise AccessError(problem)
        store = self.get_store(store_id=store_id)
        store_credential(
            self._db,
            key=store_key(store_id),
            store_id=store_id,
            secret=pin,
            by=live,
            action=AuditAction.PIN_SET,
            subject=f"{store.stall_number} {store.name.get('ko')}".strip(),
            market_slug=store.market_slug,
        )

    def stores_with_pin(self, *, store_ids: list[int]) -> set[int]:
        from kiosk.services.accounts import keys_set, store_key

        found = keys_set(self._db, [store_key(i) for i in store_ids])
        return {i for i in store_ids if store_key(i) in found}

    def sign_in_manager(self, *, password: Secret) -> Actor:
        """The signed-in manager; SignInRefused, Throttled (wait or locked) otherwise."""
        from kiosk.services.accounts import MANAGER_KEY, check_secret

        actor = Actor(Role.MANAGER, self.pc, None, "password")
        check_secret(self._db, key=MANAGER_KEY, secret=password, actor=actor, subject="manager")
        return self._sessions.open(actor)

    def sign_in_merchant(self, *, store_id: int, pin: Secret) -> Actor:
        """The signed-in merchant of *store_id*; one refusal whether the store exists or not."""
        from kiosk.services.accounts import check_secret, store_key

        actor = Actor(Role.MERCHANT, self.pc, store_id, "pin")
        check_secret(
            self._db,
            key=store_key(store_id),
            secret=pin,
            actor=actor,
            subject=f"store {store_id}",
            store_id=store_id,
        )
        return self._sessions.open(actor)

    def sign_out(self, actor: Actor) -> None:
        self._sessions.close(actor)

    def console_actor(self) -> Actor:
        """The command line's manager rights (whoever runs it already holds the database).

        Only ``kiosk.cli`` calls this; screens sign in (tests/ui check they never call it).
        """
        return self._sessions.open(Actor(Role.MANAGER, self.pc, None, "console"))

    # Editing listings ----------------------------------------------------------------------
    def save_store(
        self,
        *,
        actor: Actor,
        market_slug: str,
        base: StoreDetail | None,
        draft: StoreDraft,
        proof: CodeProof | None = None,
    ) -> StoreDetail:
        """Create (*base* None, manager only) or change a store at the version of *base*.

        Raises EditRefused (problems per field), PermissionDenied, StaleEdit (with
        what changed elsewhere), Gone, and the sign-in errors of *proof*, which
        a change of the KakaoTalk channel or payment QR needs.
        """
        from kiosk.services.accounts import require
        from kiosk.services.listings import save_store

        live = require(
            self._sessions,
            actor,
            store_id=base.id if base is not None else None,
            manager=base is None,
        )
        saved, changes = save_store(
            db=self._db,
            origin=self.origin,
            actor=live,
            market_slug=market_slug,
            base=base,
            draft=draft,
            proof=proof,
        )
        if changes:
            self.changes.publish(
                Change(ChangeKind.STORES, saved.market_slug, frozenset({saved.id}))
            )
        return saved

    def update_good(
        self,
        *,
        actor: Actor,
        base: StoreDetail,
        product_id: int,
        price_won: int | None = None,
        sold_out: bool | None = None,
    ) -> StoreDetail:
        """One tap of the merchant screen: a good's price or sold-out state, at *base*'s version."""
        from dataclasses import replace

        from kiosk.domain.store_edit import Gone, draft_from

        draft = draft_from(base)
        goods = list(draft.products)
        for index, good in enumerate(goods):
            if good.id == product_id:
                goods[index] = replace(
                    good,
                    price_won=good.price_won if price_won is None else price_won,
                    sold_out=good.sold_out if sold_out is None else sold_out,
                )
                break
        else:
            raise Gone(f"#{product_id}")
        return self.save_store(
            actor=actor,
            market_slug=base.market_slug,
            base=base,
            draft=replace(draft, products=tuple(goods)),
        )

    # Markets -------------------------------------------------------------------------------
    def create_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> MarketInfo:
        from kiosk.services.accounts import require
        from kiosk.services.markets import create_market

        live = require(self._sessions, actor, manager=True)
        made = create_market(
            db=self._db, origin=self.origin, actor=live, slug=slug, name=name, city=city
        )
        self.changes.publish(Change(ChangeKind.MARKETS, made.slug))
        return made

    def update_market(
        self,
        *,
        actor: Actor,
        slug: str,
        name: dict[LocaleCode, str],
        city: dict[LocaleCode, str],
    ) -> MarketInfo:
        from kiosk.services.accounts import require
        from kiosk.services.markets import update_market

        live = require(self._sessions, actor, manager=True)
        changed = update_market(
            db=self._db, origin=self.origin, actor=live, slug=slug, name=name, city=city
        )
        self.changes.publish(Change(ChangeKind.MARKETS, slug))
        return changed

    def remove_market(self, *, actor: Actor, slug: str) -> int:
        """Delete a market with its stores (history stays in the audit log); stores removed."""
        from kiosk.services.accounts import require
        from kiosk.services.markets import remove_market

        live = require(self._sessions, actor, manager=True)
        count = remove_market(db=self._db, origin=self.origin, actor=live, slug=slug)
        self.changes.publish(Change(ChangeKind.MARKETS, slug))
        return count

    # Audit log -----------------------------------------------------------------------------
    def audit_log(
        self,
        *,
        actor: Actor,
        market_slug: str | None = None,
        since: datetime | None = None,
        actions: tuple[AuditAction, ...] = (),
        store_id: int | None = None,
        limit: int = 1000,
    ) -> list[AuditEntry]:
        """The newest entries first (the manager's to read)."""
        from kiosk.services.accounts import require
        from kiosk.services.audit import entries

        require(self._sessions, actor, manager=True)
        return entries(
            db=self._db,
            market_slug=market_slug,
            since=since,
            actions=actions,
            store_id=store_id,
            limit=limit,
        )

    # Live refresh ---------------------------------------------------------------------------
    def change_watcher(self) -> ChangeWatcher:
        """A poller that publishes, on ``changes``, what other PCs saved since it was made."""
        from kiosk.services.live import ChangeWatcher

        return ChangeWatcher(self._db, origin=self.origin, hub=self.changes)

    def note_bulk_change(self, change: Change) -> None:
        """Tell other PCs about a write that was not made through an editing use case."""
        from kiosk.services.live import note_change_now

        note_change_now(self._db, origin=self.origin, change=change)

    # Onboarding ------------------------------------------------------------------------------
    def _checklist_cache(self) -> ChecklistCache:
        from kiosk.services.checklist import ChecklistCache

        cache: ChecklistCache | None = getattr(self, "_checklists", None)
        if cache is None:
            cache = self._checklists = ChecklistCache()
        return cache

    def onboarding_checklist(self, *, reload: bool = False) -> ChecklistState:
        """The checklist in use and, when a market's replacement file was refused, why.

        A refused replacement (file, line, problem) leaves the last good checklist in use.
        """
        cache = self._checklist_cache()
        return cache.reload() if reload else cache.get()

    def store_onboarding(self, *, actor: Actor, store_id: int) -> StoreOnboarding:
        """One store's progress on every step (its merchant or the manager)."""
        from kiosk.services import onboarding
        from kiosk.services.accounts import require

        require(self._sessions, actor, store_id=store_id)
        checklist = self.onboarding_checklist().checklist
        return onboarding.store_onboarding(db=self._db, store_id=store_id, checklist=checklist)

    def save_onboarding_step(
        self, *, actor: Actor, base: StoreOnboarding, step: str, draft: StepDraft
    ) -> StoreOnboarding:
        """Save one step as entered, at the version *base* showed; return the store afresh.

        Raises OnboardingError (the field refused: an owner that is not a phone or
        e-mail, text that looks like a password, a profile link off its allow-list,
        done without its data), OnboardingConflict (another PC saved the step
        meanwhile; nothing written), PermissionDenied. Steps that record a code on
        the store change it through :meth:`save_code_step`.
        """
        from kiosk.services import onboarding
        from kiosk.services.accounts import require

        live = require(self._sessions, actor, store_id=base.store.id)
        known = _step_of(base, step)
        has_code = _store_code(base, known.records.value) is not None
        checked = onboarding.check_draft(known, draft, has_record=has_code)
        _saved, change = onboarding.save_step(
            db=self._db,
            origin=self.origin,
            actor=live,
            store=base.store,
            step=known,
            expected_version=base.step(step).version,
            draft=checked,
        )
        if change is not None:
            self.changes.publish(change)
        return self.store_onboarding(actor=live, store_id=base.store.id)

    def save_code_step(
        self,
        *,
        actor: Actor,
        base: StoreOnboarding,
        step: str,
        code: KakaoInput | PaymentInput | None,
        draft: StepDraft,
        proof: CodeProof | None = None,
    ) -> StoreOnboarding:
        """The KakaoTalk or Zero Pay step: save the checked *code* on the store, then the step.

        The code goes through the one QR path: verified (drawn and decoded back),
        then :meth:`save_store_codes` with *proof* (the store's PIN or the manager
        password), byte for byte; the store's other code is kept. When *code* is
        what the store already has, no proof is needed. Raises what
        :meth:`save_onboarding_step` and :meth:`save_store_codes` raise; a refused
        code leaves the step as it was.
        """
        from kiosk.services import onboarding
        from kiosk.services.accounts import require
        from kiosk.services.listings import NEED_PROOF

        live = require(self._sessions, actor, store_id=base.store.id)
        known = _step_of(base, step)
        if not known.records.on_store:
            return self.save_onboarding_step(actor=live, base=base, step=step, draft=draft)
        wanted = (
            None
            if code is None
            else (code.channel_id if isinstance(code, KakaoInput) else code.raw)
        )
        checked = onboarding.check_draft(known, draft, has_record=wanted is not None)
        latest = onboarding.store_onboarding(
            db=self._db, store_id=base.store.id, checklist=base.checklist
        )
        if latest.step(step).version != base.step(step).version:
            raise onboarding.conflict(self._db, base.store, known)
        if wanted != _store_code(base, known.records.value):
            from kiosk.domain.access import PermissionDenied

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
            self.save_store_codes(
                proof=proof,
                store_id=base.store.id,
                expected_version=base.store.version,
                kakao=kakao,
                payment=payment,
            )
        _saved, change = onboarding.save_step(
            db=self._db,
            origin=self.origin,
            actor=live,
            store=base.store,
            step=known,
            expected_version=base.step(step).version,
            draft=checked,
        )
        if change is not None:
            self.changes.publish(change)
        return self.store_onboarding(actor=live, store_id=base.store.id)

    def market_onboarding(
        self, *, actor: Actor, market_slug: str, category: Category | None = None
    ) -> MarketProgress:
        """Every active store's progress in a market (the manager's view)."""
        from kiosk.services import onboarding
        from kiosk.services.accounts import require

        require(self._sessions, actor, manager=True)
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
        from kiosk.services.onboarding_export import progress_rows

        sheet_format(out)  # refuse a bad name before any work
        progress = self.market_onboarding(actor=actor, market_slug=market_slug, category=category)
        rows = progress_rows(progress, locale)
        return write_sheet(out, rows, title=progress.market.name.get(locale))

    def onboarding_report(
        self, *, actor: Actor, store_id: int, out: Path, locale: LocaleCode = "ko"
    ) -> ReportResult:
        """The store's A4 progress report (PDF); every code on it is decoded back before writing."""
        from datetime import date

        from kiosk.services.onboarding_report import report_codes

        state = self.store_onboarding(actor=actor, store_id=store_id)
        from kiosk.render.onboarding_report import render_report

        return render_report(
            state,
            codes=report_codes(state, locale),
            out=out,
            locale=locale,
            printed_on=date.today(),
        )

    def store_profile_links(self, *, store_id: int) -> list[ProfileLink]:
        """The store's public "find us on" links (Smart Place, Instagram, ...), checked again."""
        from kiosk.services import onboarding

        checklist = self.onboarding_checklist().checklist
        return onboarding.profile_links(db=self._db, store_id=store_id, checklist=checklist)

    def remembered_store(self) -> int | None:
        """The store this PC remembers for onboarding (on this database), or None."""
        from kiosk.services.this_pc import remembered_store

        return remembered_store(self.url)

    def remember_store(self, *, store_id: int | None) -> None:
        """Make this PC remember *store_id* (None forgets it)."""
        from kiosk.services.this_pc import remember_store

        remember_store(self.url, store_id)

    # Listings exchange: import, export (README "Listings files") --------------------------
    def check_import(
        self,
        *,
        actor: Actor,
        path: Path,
        market_slug: str | None = None,
        deactivate_missing: bool = False,
    ) -> ImportPlan:
        """The dry run of importing *path*: what would change; nothing is written.

        Raises ImportRefused (every problem, named by sheet, row and column),
        ExchangeFileError (not a listings file), NotFoundError (no such market).
        """
        from kiosk.services.accounts import require
        from kiosk.services.exchange import check_import

        require(self._sessions, actor, manager=True)
        return check_import(
            self._db, path=path, market_slug=market_slug, deactivate_missing=deactivate_missing
        )

    def apply_import(
        self, *, actor: Actor, plan: ImportPlan, proof: CodeProof | None = None
    ) -> ImportResult:
        """Write a checked *plan* all-or-nothing, with one audit entry; publishes the change.

        A plan that changes KakaoTalk channels or payment payloads takes the manager
        password again as *proof* (the command line's console needs none). Raises
        ImportStale when a store changed after the plan was made.
        """
        from kiosk.services.accounts import actor_for_proof, require
        from kiosk.services.exchange import apply_import

        live = require(self._sessions, actor, manager=True)
        if plan.touches_codes and live.via != "console":
            from kiosk.domain.access import PermissionDenied
            from kiosk.services.listings import NEED_PROOF

            if proof is None or proof.kind != "password":
                raise PermissionDenied(NEED_PROOF())
            actor_for_proof(self._db, proof=proof, store_id=-1, pc=self.pc, subject="import")
        result = apply_import(self._db, plan=plan, actor=live, origin=self.origin)
        if result.store_ids:
            ids = frozenset(result.store_ids) if len(result.store_ids) <= 500 else frozenset()
            self.changes.publish(Change(ChangeKind.STORES, plan.market_slug, ids))
        return result

    def export_listings(
        self, *, actor: Actor, market_slug: str, out: Path, template: bool = False
    ) -> ExportResult:
        """Write a market's listings to *out* (.csv or .xlsx), checked by reading it back.

        With *template* only the headers (and, in a workbook, the guide sheet).
        """
        from kiosk.services.accounts import require
        from kiosk.services.exchange import export_listings

        require(self._sessions, actor, manager=True)
        return export_listings(self._db, market_slug=market_slug, out=out, template=template)

    # Backup and restore (SQLite; PostgreSQL uses pg_dump) --------------------------------
    def backup_database(self, *, actor: Actor, out: Path | None = None) -> BackupResult:
        """A checked backup through SQLite's backup API (default: the backups folder)."""
        from kiosk.services.accounts import require
        from kiosk.services.backup import take_backup

        require(self._sessions, actor, manager=True)
        return take_backup(self._db, out=out)

    def inspect_backup(self, *, source: Path) -> BackupFacts:
        """What a backup file holds, once it passed every check (BackupError otherwise).

        On PostgreSQL it raises BackupError with the pg_dump advice: nothing to restore into.
        """
        from kiosk.data.backup import inspect_backup, sqlite_path

        sqlite_path(self._db)
        return inspect_backup(source)

    def restore_database(self, *, actor: Actor, source: Path) -> RestoreResult:
        """Replace the database by the checked backup *source*; audited; every screen refreshes."""
        from kiosk.services.accounts import require
        from kiosk.services.backup import restore

        live = require(self._sessions, actor, manager=True)
        result = restore(self._db, source=source, actor=live)
        self.note_bulk_change(Change(ChangeKind.MARKETS))
        self.changes.publish(Change(ChangeKind.MARKETS))
        return result

    def daily_backup(self) -> BackupResult | None:
        """Take the automatic backup when the newest is over a day old; keep the last 14."""
        from kiosk.services.backup import daily_backup

        return daily_backup(self._db)

    def latest_backups(self) -> list[Path]:
        """This database's backups in the backups folder, newest first (none for PostgreSQL)."""
        from kiosk.data.backup import sqlite_path
        from kiosk.services.backup import listed_backups

        if self._db.dialect != "sqlite":
            return []
        path = sqlite_path(self._db)
        return listed_backups(path) if path is not None else []

    @classmethod
    def open_checked(cls, url: str | None = None, *, seed_demo: bool = False) -> Self:
        """:meth:`open`, then SQLite's ``quick_check``; a damaged database is not used.

        Raises DamagedDatabase (with the newest good backup, if any) instead of
        opening a database that fails the check or cannot be read.
        """
        from kiosk.data.backup import quick_check, sqlite_path
        from kiosk.services.backup import DamagedDatabase, latest_good_backup, sqlite_file_of
        from kiosk.services.errors import DatabaseFaultError

        try:
            services = cls.open(url, seed_demo=seed_demo)
        except DatabaseFaultError as exc:
            damaged = sqlite_file_of(url) if exc.kind == "corrupt" else None
            backup = latest_good_backup(damaged) if damaged is not None else None
            if backup is None:
                raise
            raise DamagedDatabase(
                where=exc.where, detail=str(exc.reason), backup=backup, log=exc.log
            ) from exc
        problem = quick_check(services._db)
        if problem is not None:
            from kiosk.services.errors import write_error_log

            database_file = sqlite_path(services._db)
            services.close()
            backup = latest_good_backup(database_file) if database_file is not None else None
            found = DamagedDatabase(where=services.where, detail=problem, backup=backup)
            log = write_error_log(found, context=f"quick_check at start: {problem}")
            raise DamagedDatabase(where=services.where, detail=problem, backup=backup, log=log)
        return services

    @classmethod
    def recover_from_backup(cls, url: str | None, *, backup: Path) -> Self:
        """Put the checked *backup* in place of a damaged SQLite file and open it (audited).

        The damaged file is kept beside it (``<name>.damaged-<time>``).
        """
        from sqlalchemy import make_url

        from kiosk.data.db import default_database_url
        from kiosk.services import audit
        from kiosk.services.backup import restore_file

        database = make_url(url or default_database_url()).database or ""
        result = restore_file(Path(database).expanduser().absolute(), source=backup)
        services = cls.open(url)
        actor = Actor(Role.MANAGER, services.pc, None, "console")
        before = result.previous.name if result.previous else ""
        with services._db.session() as session:
            audit.record(
                session,
                actor=actor,
                action=AuditAction.DATABASE_RESTORED,
                subject=f"{backup.name} after a failed check at start",
                changes=[("database", before, backup.name)],
            )
        return services


def _step_of(base: StoreOnboarding, key: str) -> Step:
    from kiosk.domain.onboarding import UNKNOWN_STEP, OnboardingError

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
