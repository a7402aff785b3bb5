"""One payment code or KakaoTalk channel per stall: the file's and the saved stores' clashes.

A Zero Pay payload names the merchant who is paid, so the same payload on two
stalls sends one stall's customers' money to the other; a channel shared by two
stalls is as likely a copy-and-paste slip. Both are refused, naming both stalls.
A code a stall already has is never refused again (old data stays importable).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from kiosk.domain.exchange.plan import CurrentStore
from kiosk.domain.exchange.problems import FileProblem, ReadStore
from kiosk.domain.listing import StoreListing
from kiosk.domain.messages import N_, Message, define

CodeKind = Literal["kakao", "payment"]
KINDS: Final[tuple[CodeKind, ...]] = ("kakao", "payment")

IN_FILE = define(
    "exchange.code_in_file",
    N_(
        "is the same as stall {other} ({other_name}) in row {other_row}; "
        "stall {stall} ({name}) and stall {other} cannot share it"
    ),
)
IN_MARKET = define(
    "exchange.code_saved",
    N_(
        "is already saved for stall {other} ({other_name}) of the market {market}; "
        "stall {stall} ({name}) cannot have it too"
    ),
)
FORM_TAKEN = define(
    "edit.code_taken",
    N_(
        "{field}: stall {other} ({other_name}) of the market {market} already has this; "
        "stall {stall} ({name}) cannot have it too. Each stall needs its own."
    ),
)

TAKEN = define(
    "qr_input.code_taken",
    N_(
        "stall {other} ({other_name}) of the market {market} already has this; "
        "stall {stall} ({name}) cannot have it too. Each stall needs its own."
    ),
)


@dataclass(frozen=True, slots=True)
class CodeHolder:
    """A saved store that has a channel or a payload (from a lookup by those codes)."""

    store_id: int
    market_slug: str
    stall: str
    name: str
    kakao: str
    payment: str


def code_of(listing: StoreListing, kind: CodeKind) -> str:
    return listing.kakao if kind == "kakao" else listing.payment


def _is_new(store: ReadStore, kind: CodeKind, current: Mapping[str, CurrentStore]) -> bool:
    """Whether the file gives the stall a code it does not have yet."""
    code = code_of(store.listing, kind)
    saved = current.get(store.listing.stall_number)
    return bool(code) and (saved is None or code_of(saved.listing, kind) != code)


def new_codes(
    stores: Iterable[ReadStore], current: Mapping[str, CurrentStore], kind: CodeKind
) -> set[str]:
    """The codes of *kind* the file gives to stalls that do not have them yet."""
    return {code_of(s.listing, kind) for s in stores if _is_new(s, kind, current)}


def _name(listing: StoreListing) -> str:
    return listing.name.get("ko", "")


def file_clashes(
    stores: Sequence[ReadStore], current: Mapping[str, CurrentStore]
) -> list[FileProblem]:
    """Two stalls of the file with one code (unless both had it saved already)."""
    problems: list[FileProblem] = []
    for kind in KINDS:
        first: dict[str, ReadStore] = {}
        for store in stores:
            code = code_of(store.listing, kind)
            if not code:
                continue
            other = first.setdefault(code, store)
            if other is store or not (
                _is_new(store, kind, current) or _is_new(other, kind, current)
            ):
                continue
            where = store.kakao_at if kind == "kakao" else store.payment_at
            problem = IN_FILE(
                other=other.listing.stall_number,
                other_name=_name(other.listing),
                other_row=other.at.row,
                stall=store.listing.stall_number,
                name=_name(store.listing),
            )
            problems.append(FileProblem(where, problem))
    return problems


def saved_clashes(
    stores: Sequence[ReadStore],
    current: Mapping[str, CurrentStore],
    holders: Iterable[CodeHolder],
) -> list[FileProblem]:
    """Codes new to a stall of the file that a saved store outside the file already has.

    *holders* must leave out the stores the file replaces (its stalls in its market).
    """
    held: dict[tuple[CodeKind, str], CodeHolder] = {}
    for saved in holders:
        for kind in KINDS:
            code = saved.kakao if kind == "kakao" else saved.payment
            if code:
                held.setdefault((kind, code), saved)
    problems: list[FileProblem] = []
    for store in stores:
        for kind in KINDS:
            holder = held.get((kind, code_of(store.listing, kind)))
            if holder is None or not _is_new(store, kind, current):
                continue
            where = store.kakao_at if kind == "kakao" else store.payment_at
            problems.append(FileProblem(where, taken(holder, store.listing)))
    return problems


def taken(holder: CodeHolder, listing: StoreListing, field: Message | None = None) -> Message:
    """What a stall is told when *holder* has its code: in a file, or (with *field*) a form."""
    names = _names(holder, listing.stall_number, _name(listing))
    if field is None:
        return IN_MARKET(**names)
    return FORM_TAKEN(field=field, **names)


def taken_reason(holder: CodeHolder, stall: str, name: str) -> Message:
    """Why the merchant QR screen cannot save a code *holder* has (after the field's name)."""
    return TAKEN(**_names(holder, stall, name))


def _names(holder: CodeHolder, stall: str, name: str) -> dict[str, str]:
    return {
        "other": holder.stall,
        "other_name": holder.name,
        "market": holder.market_slug,
        "stall": stall,
        "name": name,
    }
