"""Password-like notes are caught after Unicode normalisation, case folding and without spaces."""

from __future__ import annotations

import pytest

from kiosk.domain.onboarding.status import OnboardingError, check_entries, looks_like_password


@pytest.mark.parametrize(
    "text",
    [
        "password 1234",  # the plain case
        "ｐａｓｓｗｏｒｄ 1234",  # full-width letters (NFKC)
        "PASSWORD: x",  # case
        "ＰＡＳＳＷＯＲＤ",  # full-width capitals
        "pass-word 1234",
        "p.a.s.s.w.o.r.d",
        "pass\u3000word",  # ideographic space
        "pass\u200bword",  # zero-width space
        "비번 0000",
        "비 번 0000",
        "비\u3000번: 0000",
        "비밀 번호 1234",
        "비-밀-번-호",
        "암 호 1234",
        "パス ワード",
        "ﾊﾟｽﾜｰﾄﾞ",  # half-width katakana (NFKC)
        "密 码 123",
        "ｐｗ: hunter2",
    ],
)
def test_password_like_text_is_caught_in_every_spelling(text: str) -> None:
    assert looks_like_password(text)
    with pytest.raises(OnboardingError) as caught:
        check_entries(note=text, helper="", account_owner="")
    assert caught.value.field == "note"


@pytest.mark.parametrize(
    "text",
    [
        "Passport photo needed",
        "서류 준비 완료",
        "사업자등록증 사본",
        "번호표 받기",
        "비닐 봉투 준비",
        "upwards",
        "ｐａｓｓｐｏｒｔ",
    ],
)
def test_ordinary_notes_pass(text: str) -> None:
    assert not looks_like_password(text)
    check_entries(note=text, helper=text, account_owner="")
