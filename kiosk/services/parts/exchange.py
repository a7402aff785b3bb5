"""Exchange: listings files in and out (Excel/CSV), checked before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.access import Actor, CodeProof
from kiosk.services.changes import Change, ChangeKind
from kiosk.services.parts.core import Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.domain.exchange.csv_file import CsvEncoding
    from kiosk.domain.exchange.guess import RosterPreview
    from kiosk.domain.exchange.plan import ImportPlan
    from kiosk.services.exchange.import_export import ExportResult, ImportResult


class Exchange(Part):
    """Import (a dry run, then the checked plan, all-or-nothing) and export of listings files."""

    def check_import(
        self,
        *,
        actor: Actor,
        path: Path,
        market_slug: str | None = None,
        deactivate_missing: bool = False,
        encoding: CsvEncoding | None = None,
        column_map: Mapping[str, str] | None = None,
    ) -> ImportPlan:
        """The dry run of importing *path*: what would change; nothing is written.

        *encoding* (``utf-8`` or ``cp949``) is the manager's reading of a CSV file;
        *column_map* (field -> the file's header) reads a roster in its own layout and
        is remembered for the market when the plan is written (used again for a file
        whose row 1 has no listings headers). Raises MappingError for a mapping that
        does not fit the file.
        Raises ImportRefused (every problem, named by sheet, row and column),
        AmbiguousEncoding (a CSV that reads differently as UTF-8 and as CP949: its
        ``readings`` of the first differing line; ask and pass *encoding*),
        ExchangeFileError (not a listings file), NotFoundError (no such market).
        """
        from kiosk.services.exchange.import_export import check_import

        self._core.require(actor, manager=True)
        return check_import(
            self._db,
            path=path,
            market_slug=market_slug,
            deactivate_missing=deactivate_missing,
            encoding=encoding,
            column_map=column_map,
        )

    def roster_preview(
        self,
        *,
        actor: Actor,
        path: Path,
        market_slug: str,
        encoding: CsvEncoding | None = None,
    ) -> RosterPreview | None:
        """The column mapping step for a file whose row 1 is not the template: its
        headers, first rows and the market's remembered (else guessed) mapping; None for
        a listings file. Nothing is written. Raises AmbiguousEncoding, ExchangeFileError,
        NotFoundError (no such market).
        """
        from kiosk.services.exchange.roster import roster_preview

        self._core.require(actor, manager=True)
        return roster_preview(self._db, path, market_slug, encoding)

    @publishes
    def apply_import(
        self, *, actor: Actor, plan: ImportPlan, proof: CodeProof | None = None
    ) -> Written[ImportResult]:
        """Write a checked *plan* all-or-nothing, with one audit entry; publishes the change.

        A plan that changes KakaoTalk channels or payment payloads takes the manager
        password again as *proof* (the command line's console needs none). Raises
        ImportStale when a store changed after the plan was made.
        """
        from kiosk.services.access.accounts import actor_for_proof
        from kiosk.services.exchange.import_export import apply_import

        core = self._core
        live = core.require(actor, manager=True)
        if plan.touches_codes and live.via != "console":
            from kiosk.domain.access import PermissionDenied
            from kiosk.services.listings import NEED_PROOF

            if proof is None or proof.kind != "password":
                raise PermissionDenied(NEED_PROOF())
            actor_for_proof(self._db, proof=proof, store_id=-1, pc=core.pc, subject="import")
        result = apply_import(self._db, plan=plan, actor=live, origin=core.origin)
        if not result.store_ids:
            return Written(result)
        ids = frozenset(result.store_ids) if len(result.store_ids) <= 500 else frozenset()
        return Written(result, Change(ChangeKind.STORES, plan.market_slug, ids))

    def export_listings(
        self, *, actor: Actor, market_slug: str, out: Path, template: bool = False
    ) -> ExportResult:
        """Write a market's listings to *out* (.csv or .xlsx), checked by reading it back.

        With *template* only the headers (and, in a workbook, the guide sheet).
        """
        from kiosk.services.exchange.import_export import export_listings

        self._core.require(actor, manager=True)
        return export_listings(self._db, market_slug=market_slug, out=out, template=template)
