"""A CSV file that reads as UTF-8 and as CP949 with different text is not guessed at."""

from __future__ import annotations

import pytest

from kiosk.domain.exchange.csv_file import AmbiguousEncoding, ExchangeFileError, decode_csv
from kiosk.i18n import set_locale

#: Every syllable of 치킨 is two CP949 bytes that are also one UTF-8 character.
BOTH = "stall_number,name_ko\r\nA-1,치킨\r\n".encode("cp949")
KOREAN = "점포 번호 (stall_number),가격 (price_won)\r\nA-1,5000\r\n"


def test_the_example_really_reads_both_ways() -> None:
    assert BOTH.decode("utf-8") != BOTH.decode("cp949")


@pytest.mark.parametrize(
    ("data", "chosen", "text", "found"),
    [
        (BOTH, "cp949", "stall_number,name_ko\r\nA-1,치킨\r\n", "cp949"),
        (BOTH, "utf-8", BOTH.decode("utf-8"), "utf-8"),
        (KOREAN.encode("cp949"), None, KOREAN, "cp949"),  # only CP949: no question
        (KOREAN.encode("utf-8"), None, KOREAN, "utf-8"),  # only UTF-8: no question
        (b"\xef\xbb\xbf" + BOTH, None, BOTH.decode("utf-8"), "utf-8-sig"),  # the mark decides
        (b"\xef\xbb\xbf" + KOREAN.encode(), "utf-8", KOREAN, "utf-8-sig"),
        (KOREAN.encode("cp949"), "cp949", KOREAN, "cp949"),
        (b"A-1,5000\r\n", None, "A-1,5000\r\n", "utf-8"),  # ASCII reads the same
    ],
)
def test_readings(data: bytes, chosen: str | None, text: str, found: str) -> None:
    assert decode_csv(data, "a.csv", chosen) == (text, found)  # type: ignore[arg-type]


def test_an_ambiguous_file_shows_both_readings_of_the_first_differing_line() -> None:
    set_locale("en")
    try:
        with pytest.raises(AmbiguousEncoding) as caught:
            decode_csv(BOTH, "short.csv")
        assert caught.value.line == 2
        assert caught.value.readings == {"utf-8": BOTH.decode("utf-8")[22:-2], "cp949": "A-1,치킨"}
        text = str(caught.value)
        assert text.startswith("short.csv reads as two different texts. Line 2 as UTF-8: ")
        assert 'as Korean Excel\'s CSV (CP949): "A-1,치킨"' in text
        assert "--encoding utf-8 or --encoding cp949" in text
    finally:
        set_locale("ko")


def test_a_long_line_is_shown_around_the_difference() -> None:
    line = "A-1," + "x" * 100 + ",치킨," + "y" * 100
    with pytest.raises(AmbiguousEncoding) as caught:
        decode_csv(f"stall_number\r\n{line}\r\n".encode("cp949"), "long.csv")
    shown = caught.value.readings["cp949"]
    assert shown.startswith("…") and shown.endswith("…") and "치킨" in shown


@pytest.mark.parametrize(
    ("data", "chosen", "words"),
    [
        (KOREAN.encode("cp949"), "utf-8", "is not UTF-8 text"),
        (KOREAN.encode("utf-8"), "cp949", "is not CP949 text"),
    ],
)
def test_the_wrong_choice_is_refused(data: bytes, chosen: str, words: str) -> None:
    set_locale("en")
    try:
        with pytest.raises(ExchangeFileError, match=words):
            decode_csv(data, "a.csv", chosen)  # type: ignore[arg-type]
    finally:
        set_locale("ko")
