"""Each market's synonym list (``markets.synonyms``, NULL: the shipped default), as a vocabulary."""

from __future__ import annotations

import functools
import json
import threading
import tomllib
from collections import OrderedDict
from pathlib import Path

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from kiosk.data.models import Market
from kiosk.domain.payment_words import PAYMENT_WORDS
from kiosk.domain.search_terms import SearchTerm, Vocabulary
from kiosk.domain.synonyms import SynonymGroup, check_synonyms

#: The default list, read once (``kiosk/data/synonyms.toml``).
DEFAULT_FILE = Path(__file__).with_name("synonyms.toml")
#: Vocabularies kept, by the stored list's JSON text (a few markets' lists).
_KEPT = 16
_lock = threading.Lock()
_vocabularies: OrderedDict[str | None, Vocabulary] = OrderedDict()


@functools.cache
def default_groups() -> tuple[SynonymGroup, ...]:
    """The shipped default list, checked like a manager's list (a fault is a bug: it raises)."""
    data = tomllib.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    return tuple(check_synonyms(group["words"] for group in data["group"]))


def stored_groups(raw: object) -> tuple[SynonymGroup, ...] | None:
    """The groups of a stored ``markets.synonyms`` value (None: the market uses the default)."""
    if raw is None:
        return None
    if isinstance(raw, str):  # a hand-written row may hold the JSON as text
        raw = json.loads(raw)
    if not isinstance(raw, list):
        return None
    return tuple(tuple(str(word) for word in group) for group in raw if isinstance(group, list))


def market_groups(conn: Connection | Session, market_id: int) -> tuple[SynonymGroup, ...] | None:
    """The market's own list, or None when it uses the default."""
    raw = conn.execute(select(Market.synonyms).where(Market.id == market_id)).scalar()
    return stored_groups(raw)


def set_market_groups(session: Session, market_id: int, groups: list[SynonymGroup] | None) -> None:
    """Store the market's list (None: back to the default); the caller checked it."""
    value = None if groups is None else [list(group) for group in groups]
    session.execute(
        update(Market)
        .where(Market.id == market_id)
        .values(synonyms=value)
        .execution_options(synchronize_session=False)
    )


def vocabulary_of(groups: tuple[SynonymGroup, ...] | None) -> Vocabulary:
    """The vocabulary of a list (None: the default), built once per distinct list."""
    key = None if groups is None else json.dumps(groups, ensure_ascii=False)
    with _lock:
        found = _vocabularies.get(key)
        if found is not None:
            _vocabularies.move_to_end(key)
            return found
    built = Vocabulary(default_groups() if groups is None else groups, PAYMENT_WORDS)
    with _lock:
        _vocabularies[key] = built
        while len(_vocabularies) > _KEPT:
            _vocabularies.popitem(last=False)
    return built


def market_vocabulary(conn: Connection, market_id: int) -> Vocabulary:
    """What the market's search understands now (its list as stored, read each time)."""
    return vocabulary_of(market_groups(conn, market_id))


def query_terms(conn: Connection, market_id: int, query: str) -> tuple[SearchTerm, ...]:
    """*query* as the market's search reads it (its synonyms, payment words); () when blank."""
    if not query.strip():
        return ()
    return market_vocabulary(conn, market_id).terms(query)
