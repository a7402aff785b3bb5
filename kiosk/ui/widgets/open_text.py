"""Open now / closed / opens at 08:00 in words with a mark, for directory cards and store pages."""

from __future__ import annotations

from kiosk.domain.hours import day_names, format_minutes
from kiosk.domain.locales import LocaleCode
from kiosk.domain.open_now import OpenKind, OpenState
from kiosk.domain.text import keep_together
from kiosk.i18n import N_, translate

_HEAD = {
    OpenKind.OPEN: N_("Open now"),
    OpenKind.CLOSED: N_("Closed now"),
    OpenKind.HOLIDAY: N_("Market holiday"),
}
#: The mark that goes with the word, so the state is never told by colour alone.
MARKS = {OpenKind.OPEN: "●", OpenKind.CLOSED: "○", OpenKind.HOLIDAY: "○"}

#: A space no line breaks at.
NO_BREAK = "\u00a0"


def short_open_text(state: OpenState, locale: LocaleCode) -> str:
    """The card's short form: ``● Open · until 21:00``, ``○ Opens at 08:00``, ``○ Closed today``,
    ``○ Market holiday``; empty when the store gave no hours."""
    if state.kind is OpenKind.UNKNOWN:
        return ""
    mark = MARKS[state.kind]
    if state.closes_at is not None:
        time = format_minutes(state.closes_at)
        return f"{mark} " + translate(N_("Open · until %(time)s"), locale) % {"time": time}
    if state.kind is OpenKind.HOLIDAY:
        return f"{mark} " + translate(_HEAD[OpenKind.HOLIDAY], locale)
    if state.opens_at is not None and state.opens_in_days == 0:
        time = format_minutes(state.opens_at)
        return f"{mark} " + translate(N_("Opens at %(time)s"), locale) % {"time": time}
    return f"{mark} " + translate(N_("Closed today"), locale)


def head_open_text(state: OpenState, locale: LocaleCode) -> str:
    """The shortest form, ``● Open now`` or ``○ Closed now``: for a card whose price range
    would be cut by the time in :func:`short_open_text`; empty when no hours were given."""
    if state.kind is OpenKind.UNKNOWN:
        return ""
    return f"{MARKS[state.kind]} {translate(_HEAD[state.kind], locale)}"


def open_text(state: OpenState, locale: LocaleCode) -> str:
    """``● Open now · until 21:00``, ``○ Closed now · opens tomorrow at 08:00``; empty when the
    store gave no hours (nothing is guessed)."""
    return " · ".join(open_text_parts(state, locale))


def wrapped_open_text(state: OpenState, locale: LocaleCode) -> str:
    """:func:`open_text` for a label that wraps: a line breaks only after a " · ", never
    inside a part (``● 営業中 ·`` / ``21:00まで``, not ``21:00ま`` / ``で``); each part is kept
    whole with no-break spaces and :func:`keep_together`'s word joiners."""
    parts = [
        keep_together(part.replace(" ", NO_BREAK), longest=32)
        for part in open_text_parts(state, locale)
    ]
    return f"{NO_BREAK}· ".join(parts)


def open_text_parts(state: OpenState, locale: LocaleCode) -> list[str]:
    """The parts :func:`open_text` joins: the state with its mark, then when it changes;
    none when the store gave no hours."""
    if state.kind is OpenKind.UNKNOWN:
        return []
    parts = [f"{MARKS[state.kind]} {translate(_HEAD[state.kind], locale)}"]
    if state.closes_at is not None:
        parts.append(
            translate(N_("until %(time)s"), locale) % {"time": format_minutes(state.closes_at)}
        )
    elif state.opens_at is not None and state.opens_in_days is not None:
        time = format_minutes(state.opens_at)
        if state.opens_in_days == 0:
            parts.append(translate(N_("opens at %(time)s"), locale) % {"time": time})
        elif state.opens_in_days == 1:
            parts.append(translate(N_("opens tomorrow at %(time)s"), locale) % {"time": time})
        else:
            day = day_names(locale, "wide")[state.opens_weekday or 0]
            text = translate(N_("opens %(day)s at %(time)s"), locale)
            parts.append(text % {"day": day, "time": time})
    return parts
