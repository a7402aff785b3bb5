"""상권업종 (SEMAS) names to the app's categories through a table the manager can edit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from kiosk.domain.categories import Category
from kiosk.domain.messages import N_, KioskError, define

SECTIONS: Final = ("소분류", "중분류", "대분류", "키워드")

BAD_TABLE = define(
    "public.bad_category_table",
    N_("{name}: [{section}] {key} = {value!r} is not a category (use one of: {known})"),
)


class CategoryTableError(KioskError):
    """A category table names something that is not a category."""


@dataclass(frozen=True, slots=True)
class CategoryTable:
    """Each section maps a 상권업종 name (or a word in it, for 키워드) to a category."""

    sections: Mapping[str, Mapping[str, Category]] = field(default_factory=dict)

    def category_of(self, large: str, middle: str, small: str) -> Category:
        """The most specific match: 소분류, 중분류, 대분류, then a keyword; else OTHER."""
        for section, name in (("소분류", small), ("중분류", middle), ("대분류", large)):
            found = self.sections.get(section, {}).get(name)
            if found is not None:
                return found
        for word, category in self.sections.get("키워드", {}).items():
            if word in small or word in middle:
                return category
        return Category.OTHER

    def over(self, base: CategoryTable) -> CategoryTable:
        """This table's entries first, then *base*'s."""
        merged = {
            section: {**base.sections.get(section, {}), **self.sections.get(section, {})}
            for section in SECTIONS
        }
        # A market's own keywords are tried before the shipped ones.
        merged["키워드"] = {
            **self.sections.get("키워드", {}),
            **{k: v for k, v in base.sections.get("키워드", {}).items()},
        }
        return CategoryTable(merged)

    def to_json(self) -> dict[str, dict[str, str]]:
        return {s: {k: v.value for k, v in m.items()} for s, m in self.sections.items() if m}


def category_table(data: Mapping[str, Any], name: str) -> CategoryTable:
    """A table from parsed TOML (or :meth:`CategoryTable.to_json`); CategoryTableError names
    the first entry that is not a category. Unknown sections are ignored."""
    known = ", ".join(c.value for c in Category)
    sections: dict[str, dict[str, Category]] = {}
    for section in SECTIONS:
        entries = data.get(section, {})
        sections[section] = {}
        for key, value in dict(entries).items():
            try:
                sections[section][str(key)] = Category(str(value))
            except ValueError:
                raise CategoryTableError(
                    BAD_TABLE(name=name, section=section, key=key, value=value, known=known)
                ) from None
    return CategoryTable(sections)
