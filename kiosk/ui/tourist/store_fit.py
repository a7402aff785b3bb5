"""Where the store page's movable cards stand so that all a tourist needs stays above the fold."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.tourist.profiles_panel import ProfilesPanel
from kiosk.ui.tourist.qr_panel import StoreQrPanel
from kiosk.ui.widgets.price_row import PriceRow


class Shape(StrEnum):
    """The page's layout, chosen by the screen's shape."""

    WIDE = "wide"  # 1920x1080: facts | goods | codes one above the other
    COMPACT = "compact"  # 1366x768: facts | goods | codes one above the other, smaller type
    PORTRAIT = "portrait"  # 1080x1920: facts, goods and codes one under the other


class Slot(StrEnum):
    """A place for the "find us online" card or the store's description."""

    OWN = "own"  # a column of its own beside the codes (wide)
    CODES = "codes"  # with the codes: under them, or beside them in portrait when wide enough
    MIDDLE = "middle"  # under the goods
    LEFT = "left"  # under the facts (beside them in portrait)
    ABOUT = "about"  # the description, last in the facts' card
    END = "end"  # the description at the end of the codes' column, after all that is needed


#: The "find us online" card's places, the preferred first.
PROFILE_SLOTS: dict[Shape, tuple[Slot, ...]] = {
    Shape.WIDE: (Slot.OWN, Slot.CODES, Slot.MIDDLE),
    Shape.COMPACT: (Slot.CODES, Slot.MIDDLE, Slot.LEFT),
    Shape.PORTRAIT: (Slot.CODES, Slot.LEFT),
}
#: The description's places, the preferred first (it may be scrolled to; the facts may not).
STORY_SLOTS: dict[Shape, tuple[Slot, ...]] = {
    Shape.WIDE: (Slot.ABOUT, Slot.MIDDLE, Slot.END),
    Shape.COMPACT: (Slot.ABOUT, Slot.MIDDLE, Slot.END),
    Shape.PORTRAIT: (Slot.ABOUT, Slot.END),
}

#: The facts' card's least width at 1366x768: labels whole first; wider (the ways to pay two
#: a line, the goods narrower) when the facts would otherwise pass the fold. 0: no least.
FACTS_WIDTHS: dict[Shape, tuple[int, ...]] = {
    Shape.WIDE: (0,),
    Shape.COMPACT: (300, 400),
    Shape.PORTRAIT: (0,),
}

#: Portrait: the codes after the goods first; before them when a long list of goods would
#: push the codes below the fold.
CODES_FIRST: dict[Shape, tuple[bool, ...]] = {
    Shape.WIDE: (False,),
    Shape.COMPACT: (False,),
    Shape.PORTRAIT: (False, True),
}

#: (the profiles' slot, the description's slot, the facts' least width, the codes first)
Arrangement = tuple[Slot, Slot, int, bool]
#: (good names cut short, px below the fold of: the codes to scan; the facts and goods; "find
#: us online"; the description): compared in this order, the first counting most.
Score = tuple[int, int, int, int, int]
_PERFECT: Score = (0, 0, 0, 0, 0)


def arrangements(shape: Shape, *, profiles: bool, story: bool) -> list[Arrangement]:
    """Every arrangement worth trying for *shape*, in order of preference."""
    places = PROFILE_SLOTS[shape] if profiles else PROFILE_SLOTS[shape][:1]
    stories = STORY_SLOTS[shape] if story else STORY_SLOTS[shape][:1]
    return [
        (place, story_place, width, first)
        for first in CODES_FIRST[shape]
        for width in FACTS_WIDTHS[shape]
        for place in places
        for story_place in stories
    ]


def choose(options: Sequence[Arrangement], apply: Callable[[Arrangement], Score]) -> Arrangement:
    """The first of *options* (in order of preference) where nothing passes the fold and no
    good's name is cut short; else the best found by ``Score`` (the earlier on a tie).

    *apply* arranges the page and returns its ``Score``. Past the first option the search
    goes in two steps: the profiles' place, the facts' width and the codes' rank with
    the description out of the way (its last place), then the description's place
    beside the best of those.
    """
    if not options:
        raise ValueError("no arrangement to choose from")
    tried: dict[Arrangement, Score] = {}
    last: list[Arrangement] = []

    def score(option: Arrangement) -> Score:
        if option not in tried:
            tried[option] = apply(option)
            last[:] = [option]
        return tried[option]

    def rank(option: Arrangement) -> tuple[Score, int]:
        return tried[option], options.index(option)

    if score(options[0]) == _PERFECT:
        return options[0]
    out_of_way = options[-1][1]
    firsts = [option for option in options if option[1] is out_of_way]
    for option in firsts:  # in order of preference: none after the first that fits can win
        if score(option)[:4] == _PERFECT[:4]:
            break
    frame = min(tried.keys() & set(firsts), key=lambda o: (tried[o][:4], options.index(o)))
    for option in options:
        same = option[0] is frame[0] and option[2:] == frame[2:]
        if same and score(option) == _PERFECT:
            return option
    for option in firsts:  # none perfect: the best of all may be among those not yet tried
        score(option)
    best = min(tried, key=rank)
    if last != [best]:
        apply(best)  # put the best one back
    return best


def overflow(widgets: Iterable[QWidget], body: QWidget, fold: int) -> int:
    """How many px of the shown *widgets* lie below *fold*, added up."""
    hidden = 0
    for widget in widgets:
        if widget.isVisibleTo(body):
            top = widget.mapTo(body, QPoint(0, 0)).y()
            hidden += max(0, top + widget.height() - max(top, fold))
    return hidden


@dataclass(frozen=True, slots=True)
class PageParts:
    """The store page's columns and cards the places are made of (``StoreDetailScreen``)."""

    scroll_area: QScrollArea
    columns: QBoxLayout  # the page's columns (a column of its own at index OWN_INDEX)
    left: QBoxLayout  # the facts' column
    middle: QBoxLayout  # the goods' column
    side: QBoxLayout  # the codes' column
    codes: QBoxLayout  # in the codes' column: the codes and maybe "find us online"
    about: QVBoxLayout  # in the facts' card
    about_card: QFrame
    goods_card: QFrame
    story_card: QFrame
    qr_panel: StoreQrPanel
    profiles_panel: ProfilesPanel


#: Where a column of its own stands among the page's columns: after facts, goods and codes.
OWN_INDEX = 3
_NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class CardPlaces:
    """Puts the "find us online" card and the description into their slots and finds the
    best arrangement for the page as it is (``fit``); remembers the choice per key."""

    def __init__(self, parts: PageParts, on_placed: Callable[[], None]) -> None:
        self.parts = parts
        self.current: Arrangement = (Slot.CODES, Slot.ABOUT, 0, False)
        self.shape = Shape.WIDE
        self.has_story = False
        self.pad = 0
        self.rows: Sequence[PriceRow] = ()
        self._on_placed = on_placed
        self._chosen: dict[Hashable, Arrangement] = {}
        self._fitting = False

    def fit(self, key: Hashable) -> None:
        """Choose and apply the arrangement for the page as it is now, known by *key* (the
        store, language, shape and size): a key seen before takes its choice again."""
        if self._fitting:
            return
        self._fitting = True
        try:
            known = self._chosen.get(key)
            if known is not None:
                if known != self.current:
                    self.place(known)
                return
            parts = self.parts
            for card in (
                parts.about_card,
                parts.goods_card,
                parts.story_card,
                parts.profiles_panel,
            ):
                _refresh(card)
            profiles = bool(parts.profiles_panel.cards)
            options = arrangements(self.shape, profiles=profiles, story=self.has_story)
            if len(self._chosen) >= _KEPT:
                self._chosen.clear()
            self._chosen[key] = choose(options, self._try)
        finally:
            self._fitting = False

    def forget(self) -> None:
        """Choose afresh (another store or its goods changed)."""
        self._chosen.clear()

    def place(self, option: Arrangement) -> None:
        """Put the "find us online" card and the description where *option* says."""
        parts, portrait = self.parts, self.shape is Shape.PORTRAIT
        self.current = option
        place, story_place, facts_width, codes_first = option
        parts.about_card.setMinimumWidth(facts_width)
        column = parts.side.parentWidget()
        if column is not None and parts.columns.indexOf(column) != (1 if codes_first else 2):
            parts.columns.removeWidget(column)
            parts.columns.insertWidget(
                1 if codes_first else 2, column, 0, Qt.AlignmentFlag.AlignTop
            )
        panel, story = parts.profiles_panel, parts.story_card
        for layout in (parts.left, parts.middle, parts.side, parts.codes, parts.about):
            layout.removeWidget(panel)
            layout.removeWidget(story)
        parts.columns.removeWidget(panel)
        top = Qt.AlignmentFlag.AlignTop
        if place is Slot.OWN:
            parts.columns.insertWidget(OWN_INDEX, panel, 0, top)
        else:
            slots = {Slot.CODES: parts.codes, Slot.MIDDLE: parts.middle, Slot.LEFT: parts.left}
            slots[place].addWidget(panel, 0, top)
        beside_facts = portrait and place is Slot.LEFT  # its codes in one row, beside them
        panel.set_columns(1 if place is Slot.OWN else len(panel.cards) if beside_facts else None)
        beside_codes = portrait and place is Slot.CODES and self._codes_fit_in_a_row()
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        parts.codes.setDirection(across if beside_codes else down)
        parts.left.setDirection(across if beside_facts else down)
        parts.qr_panel.setMaximumWidth(parts.qr_panel.row_width() if beside_codes else _NO_LIMIT)
        {Slot.ABOUT: parts.about, Slot.MIDDLE: parts.middle, Slot.END: parts.side}[
            story_place
        ].addWidget(story)
        in_facts = story_place is Slot.ABOUT
        surface = "" if in_facts else "card"
        if story.property("surface") != surface:
            story.setProperty("surface", surface)
            story.style().unpolish(story)
            story.style().polish(story)
        pad = 0 if in_facts else self.pad
        story_layout = story.layout()
        if story_layout is not None:
            story_layout.setContentsMargins(pad, pad, pad, pad)
        panel.setVisible(bool(panel.cards))
        story.setVisible(self.has_story)
        parts.columns.setStretch(parts.columns.count() - 1, 1 if portrait else 0)
        self._on_placed()

    def facts_end(self) -> QWidget:
        """The facts card, or while the description stands in it, its last fact."""
        parts = self.parts
        if self.current[1] is not Slot.ABOUT or not self.has_story:
            return parts.about_card
        last: QWidget = parts.about_card
        for index in range(parts.about.count()):
            item = parts.about.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not parts.story_card:
                last = widget
        return last

    def _width(self) -> int:
        """The page's width without a scroll bar (the choice must not depend on one)."""
        area = self.parts.scroll_area
        return area.width() - 2 * area.frameWidth()

    def _try(self, option: Arrangement) -> Score:
        """Arrange the page as *option*; how well it shows (``Score``)."""
        self.place(option)
        parts = self.parts
        body = parts.columns.parentWidget()
        assert body is not None  # the scroll area's page
        for layout in (parts.left, parts.middle, parts.side, parts.codes):
            layout.invalidate()
            holder = layout.parentWidget()
            if holder is not None:
                holder.updateGeometry()
        for widget in (parts.about_card, parts.story_card, parts.profiles_panel):
            widget.updateGeometry()
        columns, width = parts.columns, self._width()
        columns.invalidate()
        height = columns.totalHeightForWidth(width) if columns.hasHeightForWidth() else -1
        fold = parts.scroll_area.viewport().height()
        body.resize(width, max(height, columns.totalSizeHint().height(), fold))
        columns.activate()
        needed: list[QWidget] = [self.facts_end(), parts.goods_card]
        needed += [
            extra
            for index in range(parts.side.count())
            if (item := parts.side.itemAt(index)) is not None
            and (extra := item.widget()) is not None
            and extra is not parts.story_card
            and extra is not parts.profiles_panel
        ]
        return (
            sum(1 for row in self.rows if row.name_label.is_elided()),
            overflow([parts.qr_panel], body, fold),
            overflow(needed, body, fold),
            overflow([parts.profiles_panel], body, fold),
            overflow([parts.story_card], body, fold),
        )

    def _codes_fit_in_a_row(self) -> bool:
        """Portrait: the codes and the "find us online" card side by side in the width."""
        qr, codes = self.parts.qr_panel, self.parts.codes
        column = qr.parentWidget()
        if column is None or not qr.isVisibleTo(column):
            return False
        needed = qr.row_width() + codes.spacing() + self.parts.profiles_panel.row_width()
        return needed <= self._width()


def _refresh(card: QWidget) -> None:
    """Forget the size hints kept for *card* and its parts (texts just changed: the layouts
    would only learn of it with the next event loop, after the measuring)."""
    for part in (card, *card.findChildren(QWidget)):
        layout = part.layout()
        if layout is not None:
            layout.invalidate()
        part.updateGeometry()


#: Choices remembered (store, language, shape and size each a key).
_KEPT = 64
