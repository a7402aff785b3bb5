"""The values the door takes and returns, for the outer layers: errors, inputs, results, changes.

``kiosk.ui``, ``kiosk.cli`` and ``kiosk.qa`` import from ``kiosk.services`` only the door
(``kiosk.services.app``) and this module (docs/architecture.md, "The services door").
Each name is loaded from its home module on first use, so importing this costs nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.data.server_check import CheckLine
    from kiosk.domain.currency import ExchangeRate, RateCard, RateError
    from kiosk.domain.listing import MarketMatches
    from kiosk.domain.promotions import Promotion, PromotionDraft, PromotionKind, TimeWindow
    from kiosk.domain.public_data.stream import PublicFileError
    from kiosk.domain.synonyms import SynonymError
    from kiosk.render.export import QrFormatError, SavedQr
    from kiosk.render.stands import StandsError, StandSet, StandsResult
    from kiosk.render.verify import QrVerificationError, VerifiedQr
    from kiosk.services.backup import BackupResult, DamagedDatabase, RestoreResult
    from kiosk.services.changes import Change, ChangeKind
    from kiosk.services.connection import NotConnectedError, ServerLink, is_away
    from kiosk.services.errors import (
        DatabaseFaultError,
        DatabaseOpenError,
        NotFoundError,
        SchemaTooNewError,
        StaleVersionError,
        describe,
        write_error_log,
    )
    from kiosk.services.exchange.import_export import ExportResult, ImportRefused, ImportResult
    from kiosk.services.live import POLL_INTERVAL_S, ChangeWatcher
    from kiosk.services.onboarding.checklist import ChecklistState
    from kiosk.services.onboarding.progress import StepDraft
    from kiosk.services.pc_setup import SetUpPc, SetupRefused
    from kiosk.services.public_markets import EntryKind, MarketsPlan, PublicImportRefused
    from kiosk.services.public_stores import NeedsCentre, StoresPlan
    from kiosk.services.qr.input_error import QrInputError, field_message
    from kiosk.services.qr.store_codes import PROFILE_SIDE, KakaoInput, PaymentInput, StoreCodes
    from kiosk.services.synonyms import SynonymList
    from kiosk.services.this_pc import HomeMarket

_HOMES = {
    "kiosk.data.server_check": ("CheckLine",),
    "kiosk.domain.currency": ("ExchangeRate", "RateCard", "RateError"),
    "kiosk.domain.promotions": ("Promotion", "PromotionDraft", "PromotionKind", "TimeWindow"),
    "kiosk.render.export": ("QrFormatError", "SavedQr"),
    "kiosk.render.stands": ("StandSet", "StandsError", "StandsResult"),
    "kiosk.render.verify": ("QrVerificationError", "VerifiedQr"),
    "kiosk.services.backup": ("BackupResult", "DamagedDatabase", "RestoreResult"),
    "kiosk.services.changes": ("Change", "ChangeKind"),
    "kiosk.services.connection": ("NotConnectedError", "ServerLink", "is_away"),
    "kiosk.services.onboarding.checklist": ("ChecklistState",),
    "kiosk.services.errors": (
        "DatabaseFaultError",
        "DatabaseOpenError",
        "NotFoundError",
        "SchemaTooNewError",
        "StaleVersionError",
        "describe",
        "write_error_log",
    ),
    "kiosk.services.exchange.import_export": ("ExportResult", "ImportRefused", "ImportResult"),
    "kiosk.services.live": ("POLL_INTERVAL_S", "ChangeWatcher"),
    "kiosk.services.onboarding.progress": ("StepDraft",),
    "kiosk.services.pc_setup": ("SetUpPc", "SetupRefused"),
    "kiosk.services.qr.input_error": ("QrInputError", "field_message"),
    "kiosk.services.qr.store_codes": ("PROFILE_SIDE", "KakaoInput", "PaymentInput", "StoreCodes"),
    "kiosk.services.this_pc": ("HomeMarket",),
    "kiosk.services.synonyms": ("SynonymList",),
    "kiosk.domain.listing": ("MarketMatches",),
    "kiosk.domain.synonyms": ("SynonymError",),
    "kiosk.services.public_markets": ("EntryKind", "MarketsPlan", "PublicImportRefused"),
    "kiosk.domain.public_data.stream": ("PublicFileError",),
    "kiosk.services.public_stores": ("NeedsCentre", "StoresPlan"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "POLL_INTERVAL_S",
    "PROFILE_SIDE",
    "BackupResult",
    "Change",
    "ChangeKind",
    "ChangeWatcher",
    "CheckLine",
    "ChecklistState",
    "DamagedDatabase",
    "DatabaseFaultError",
    "DatabaseOpenError",
    "EntryKind",
    "ExchangeRate",
    "ExportResult",
    "HomeMarket",
    "ImportRefused",
    "ImportResult",
    "KakaoInput",
    "MarketMatches",
    "MarketsPlan",
    "NeedsCentre",
    "NotConnectedError",
    "NotFoundError",
    "PaymentInput",
    "Promotion",
    "PromotionDraft",
    "PromotionKind",
    "PublicFileError",
    "PublicImportRefused",
    "QrFormatError",
    "QrInputError",
    "QrVerificationError",
    "RateCard",
    "RateError",
    "RestoreResult",
    "SavedQr",
    "SchemaTooNewError",
    "ServerLink",
    "SetUpPc",
    "SetupRefused",
    "StaleVersionError",
    "StandSet",
    "StandsError",
    "StandsResult",
    "StepDraft",
    "StoreCodes",
    "StoresPlan",
    "SynonymError",
    "SynonymList",
    "TimeWindow",
    "VerifiedQr",
    "describe",
    "field_message",
    "is_away",
    "write_error_log",
]


def __getattr__(name: str) -> object:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
