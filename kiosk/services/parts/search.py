"""Search words: each market's synonym list (the manager's), read and replaced."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kiosk.services.parts.core import Part, Written, publishes

if TYPE_CHECKING:
    from kiosk.domain.access import Actor
    from kiosk.services.synonyms import SynonymList


class Search(Part):
    """A market's synonyms: anyone reads them; the manager replaces or resets them (audited).

    A saved list is used by the next search on every PC: the search reads the
    market's list with each query, so no store text is reloaded.
    """

    def synonyms(self, *, market_slug: str) -> SynonymList:
        """The groups the market's search uses (the shipped default until it edits them)."""
        from kiosk.services.synonyms import read_synonyms

        return read_synonyms(db=self._db, market_slug=market_slug)

    @publishes
    def set_synonyms(
        self, *, actor: Actor, market_slug: str, groups: Sequence[Sequence[str]]
    ) -> Written[SynonymList]:
        """Replace the market's list (manager). SynonymError names the first bad group and
        word (empty group, one word, a word too long, a word twice); nothing is written then.
        """
        from kiosk.services.synonyms import save_synonyms

        live = self._core.require(actor, manager=True)
        saved, change = save_synonyms(
            db=self._db, origin=self._core.origin, actor=live, market_slug=market_slug,
            groups=groups,
        )  # fmt: skip
        return Written(saved, change)

    @publishes
    def reset_synonyms(self, *, actor: Actor, market_slug: str) -> Written[SynonymList]:
        """Go back to the shipped default list (manager)."""
        from kiosk.services.synonyms import save_synonyms

        live = self._core.require(actor, manager=True)
        saved, change = save_synonyms(
            db=self._db, origin=self._core.origin, actor=live, market_slug=market_slug,
            groups=None,
        )  # fmt: skip
        return Written(saved, change)
