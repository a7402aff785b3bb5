"""A directory query as search terms: each word with its synonyms and the payments it names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain.payments import PaymentMethod
from kiosk.domain.text import normalise_for_search


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One word of a query: a store matches when its search text contains one of
    ``alternatives`` (folded) or it accepts one of ``payments``.

    Alternatives are the word itself or, when it is a synonym, its group with every
    word that contains another word of the group left out (감귤 holds 귤), sorted.
    """

    alternatives: tuple[str, ...]
    payments: tuple[PaymentMethod, ...] = ()


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """The words without those that contain another one (a text holding 감귤 holds 귤)."""
    unique = sorted(set(words), key=lambda w: (len(w), w))
    kept: list[str] = []
    for word in unique:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(sorted(kept))


class Vocabulary:
    """What a market's search understands beyond the words typed: synonyms and payment words.

    Built once per synonym list (the search caches it); ``terms`` is then a few
    dictionary look-ups per query. A word of several parts (``zero pay``, ``credit
    card``) is recognised in the query as one term.
    """

    __slots__ = ("_groups", "_longest", "_payments")

    def __init__(
        self,
        groups: Iterable[Sequence[str]] = (),
        payment_words: Mapping[PaymentMethod, Sequence[str]] | None = None,
    ) -> None:
        self._groups: dict[str, tuple[str, ...]] = {}
        for group in groups:
            folded = [normalise_for_search(word) for word in group]
            alternatives = _fewest(word for word in folded if word)
            for word in folded:
                if word:
                    self._groups[word] = alternatives
        payments: dict[str, set[PaymentMethod]] = {}
        for method, words in (payment_words or {}).items():
            for word in words:
                payments.setdefault(normalise_for_search(word), set()).add(method)
        self._payments = {
            word: tuple(sorted(methods, key=list(PaymentMethod).index))
            for word, methods in payments.items()
        }
        keys = (*self._groups, *self._payments)
        self._longest = max((key.count(" ") + 1 for key in keys), default=1)

    def _known(self, key: str) -> bool:
        return key in self._groups or key in self._payments

    def _term(self, key: str) -> SearchTerm:
        alternatives = self._groups.get(key, (key,))
        return SearchTerm(alternatives, self._payments.get(key, ()))

    def terms(self, query: str) -> tuple[SearchTerm, ...]:
        """The terms of *query*, each once, in the order typed; empty for a blank query."""
        tokens = normalise_for_search(query).split()
        found: list[SearchTerm] = []
        i = 0
        while i < len(tokens):
            size = 1
            for n in range(min(self._longest, len(tokens) - i), 1, -1):
                if self._known(" ".join(tokens[i : i + n])):
                    size = n
                    break
            term = self._term(" ".join(tokens[i : i + size]))
            if term not in found:
                found.append(term)
            i += size
        return tuple(found)

    def synonyms_of(self, word: str) -> tuple[str, ...]:
        """The folded words *word* is searched as (itself alone when it is in no group)."""
        key = normalise_for_search(word)
        return self._groups.get(key, (key,))
