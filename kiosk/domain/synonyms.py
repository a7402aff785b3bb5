"""A market's synonym list: groups of words a search treats as the same (귤 = みかん = 橘子)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kiosk.domain.characters import char_name, hidden_characters
from kiosk.domain.messages import N_, KioskError, Message, define
from kiosk.domain.text import normalise_for_search

#: A word is at most this long (characters, as typed).
MAX_WORD = 40
#: At most this many words in one group, and groups in one list.
MAX_GROUP = 24
MAX_GROUPS = 400

#: One group: the words as the manager typed them, in their order.
SynonymGroup = tuple[str, ...]

EMPTY_GROUP = define("synonyms.empty_group", N_("Group {group} has no words."))
ONE_WORD = define(
    "synonyms.one_word",
    N_("Group {group} has only the word “{word}”: add a word it should be the same as."),
)
EMPTY_WORD = define(
    "synonyms.empty_word", N_("Group {group}, word {position} is empty (only spaces).")
)
TOO_LONG = define(
    "synonyms.too_long",
    N_("Group {group}, word “{word}” has {length} characters; at most {limit} are allowed."),
)
HIDDEN = define(
    "synonyms.hidden",
    N_("Group {group}, word {position} holds an invisible character ({character})."),
)
TWICE_IN_GROUP = define(
    "synonyms.twice_in_group",
    N_("Group {group} has “{word}” twice (as “{first}” and “{second}”)."),
)
IN_TWO_GROUPS = define(
    "synonyms.in_two_groups",
    N_(
        "“{word}” is in group {first} and in group {second}: a word may be in one group "
        "only (merge the groups or remove one)."
    ),
)
TOO_MANY_WORDS = define(
    "synonyms.too_many_words", N_("Group {group} has {count} words; at most {limit} are allowed.")
)
TOO_MANY_GROUPS = define(
    "synonyms.too_many_groups", N_("The list has {count} groups; at most {limit} are allowed.")
)


class SynonymError(KioskError, ValueError):
    """A synonym list refused as a whole; the message names the group (from 1) and the word."""

    def __init__(self, message: Message, *, group: int | None = None) -> None:
        super().__init__(message)
        self.group = group


def _check_word(word: str, group: int, position: int) -> str:
    """The word without outer spaces, or SynonymError naming group and word."""
    for _index, ch in hidden_characters(word):
        if ch not in " \t":
            raise SynonymError(
                HIDDEN(group=group, position=position, character=char_name(ch)), group=group
            )
    stripped = " ".join(word.split())
    if not stripped:
        raise SynonymError(EMPTY_WORD(group=group, position=position), group=group)
    if len(stripped) > MAX_WORD:
        raise SynonymError(
            TOO_LONG(group=group, word=stripped[:12] + "…", length=len(stripped), limit=MAX_WORD),
            group=group,
        )
    return stripped


def check_synonyms(groups: Iterable[Sequence[str]]) -> list[SynonymGroup]:
    """The list cleaned (spaces trimmed, blank groups dropped) or SynonymError for the first fault.

    Rules: every group has two words or more and at most ``MAX_GROUP``; a word has
    at most ``MAX_WORD`` characters and no invisible characters; a word appears
    once in the whole list, where words that fold to the same search text
    (みかん and ミカン, Tangerine and tangerine) count as the same word.
    """
    cleaned: list[SynonymGroup] = []
    seen: dict[str, tuple[int, str]] = {}
    for number, raw in enumerate(groups, start=1):
        if not raw or all(not word.strip() for word in raw):
            raise SynonymError(EMPTY_GROUP(group=number), group=number)
        if len(raw) > MAX_GROUP:
            raise SynonymError(
                TOO_MANY_WORDS(group=number, count=len(raw), limit=MAX_GROUP), group=number
            )
        words = tuple(_check_word(word, number, pos) for pos, word in enumerate(raw, start=1))
        if len(words) < 2:
            raise SynonymError(ONE_WORD(group=number, word=words[0]), group=number)
        for word in words:
            key = normalise_for_search(word)
            if key in seen:
                where, first = seen[key]
                if where == number:
                    message = TWICE_IN_GROUP(group=number, word=word, first=first, second=word)
                else:
                    message = IN_TWO_GROUPS(word=word, first=where, second=number)
                raise SynonymError(message, group=number)
            seen[key] = (number, word)
        cleaned.append(words)
    if len(cleaned) > MAX_GROUPS:
        raise SynonymError(TOO_MANY_GROUPS(count=len(cleaned), limit=MAX_GROUPS))
    return cleaned


def parse_group_line(line: str) -> tuple[str, ...]:
    """One group as typed on one line or on the command line: words separated by ``=`` or ``,``.

    Full-width ``＝`` ``，`` and ``、`` (a Japanese or Chinese keyboard) separate too. Empty
    pieces (``귤 = 감귤 =``) are dropped; a line of only separators is an empty group.
    """
    for wide, plain in (("＝", "="), ("，", ","), ("、", ",")):
        line = line.replace(wide, plain)
    return tuple(part.strip() for part in line.replace("=", ",").split(",") if part.strip())


def group_line(group: Sequence[str]) -> str:
    """One group as shown for editing: ``귤 = 감귤 = mandarin``."""
    return " = ".join(group)
