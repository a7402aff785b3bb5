"""Profile links (exact hosts), account owners (never a password) and formula-safe cells."""

from __future__ import annotations

import pytest

from kiosk.domain.exchange.spreadsheet import csv_bytes, csv_text, is_formula_like, neutralise
from kiosk.domain.onboarding.profile_links import ProfileKind, ProfileLinkError, parse_profile_link
from kiosk.domain.onboarding.status import (
    OnboardingError,
    RecordKind,
    StepStatus,
    check_entries,
    effective_status,
    looks_like_password,
    owner_problem,
)


@pytest.mark.parametrize(
    ("kind", "text", "url"),
    [
        ("instagram", "@demo_fish.shop", "https://www.instagram.com/demo_fish.shop/"),
        ("instagram", "demo_fish", "https://www.instagram.com/demo_fish/"),
        ("instagram", "https://instagram.com/demo_fish?igsh=x1", "https://www.instagram.com/demo_fish/"),
        ("smart_place", "https://naver.me/FaKe123", "https://naver.me/FaKe123"),
        ("smart_place", "m.place.naver.com/place/1000000001/home", "https://m.place.naver.com/place/1000000001/home"),
        ("danggeun", " https://www.daangn.com/kr/local-profile/demo/ ", "https://www.daangn.com/kr/local-profile/demo/"),
        ("smart_store", "https://smartstore.naver.com/demo_shop", "https://smartstore.naver.com/demo_shop"),
    ],
)  # fmt: skip
def test_profile_links_accepted_and_normalised(kind: str, text: str, url: str) -> None:
    assert parse_profile_link(kind, text).url == url


@pytest.mark.parametrize(
    ("kind", "text", "reason"),
    [
        ("instagram", "https://instagram.com@evil.example/demo", "user-info"),
        ("instagram", "https://instagram.com.evil.example/demo", "points to"),
        ("instagram", "http://www.instagram.com/demo", "must start with https://"),
        ("instagram", "https://www.instagram.com/p/Cx1/", "unexpected path"),
        ("instagram", "@bad name", "space"),
        ("instagram", "@no/slash", "not an Instagram account name"),
        ("smart_place", "https://smartplace.naver.com/bizes", "owner's page"),
        ("smart_place", "https://map.naver.com.evil.example/p", "points to"),
        ("smart_place", "https://naver.me:8080/abc", "port"),
        ("smart_place", "https://naver.me/", "no profile"),
        ("danggeun", "javascript:alert(1)", "must start with https://"),
        ("danggeun", "https://www.daangn.com／x", "U+FF0F"),
        ("danggeun", "", "is empty"),
        ("danggeun", "https://www.daangn.com/" + "a" * 300, "at most 300"),
    ],
)  # fmt: skip
def test_profile_links_refused_with_a_reason(kind: str, text: str, reason: str) -> None:
    with pytest.raises(ProfileLinkError) as caught:
        parse_profile_link(kind, text)
    assert reason in str(caught.value)


def test_record_kinds_map_to_profile_kinds() -> None:
    assert RecordKind.INSTAGRAM.profile is ProfileKind.INSTAGRAM
    assert RecordKind.KAKAO_CHANNEL.profile is None and RecordKind.KAKAO_CHANNEL.on_store


@pytest.mark.parametrize(
    "owner", ["010-1234-5678", "01012345678", "+82 10-1234-5678", "051-000-0101", "a.b@example.kr"]
)
def test_owner_accepts_phone_or_email(owner: str) -> None:
    assert owner_problem(owner) is None


@pytest.mark.parametrize(
    ("owner", "word"),
    [
        ("010-1234-5678 비밀번호 1234", "password"),
        ("pw: hunter2", "password"),
        ("my password is x", "password"),
        ("hunter2", "phone number or e-mail"),
        ("a@b", "phone number or e-mail"),
    ],
)
def test_owner_refuses_passwords_and_other_text(owner: str, word: str) -> None:
    problem = owner_problem(owner)
    assert problem is not None and word in str(problem)


def test_note_that_looks_like_a_password_is_refused_naming_the_field() -> None:
    with pytest.raises(OnboardingError) as caught:
        check_entries(note="비번 0000", helper="", account_owner="")
    assert caught.value.field == "note"
    check_entries(note="서류 준비 완료", helper="멘토 김", account_owner="010-0000-0000")
    assert looks_like_password("パスワード: abc") and looks_like_password("密码 123")
    assert not looks_like_password("Passport photo needed")


def test_a_saved_code_counts_as_done() -> None:
    kakao = RecordKind.KAKAO_CHANNEL
    assert effective_status(StepStatus.TODO, kakao, has_kakao=True, has_payment=False) is (
        StepStatus.DONE
    )
    assert effective_status(StepStatus.SKIPPED, kakao, has_kakao=True, has_payment=False) is (
        StepStatus.SKIPPED
    )
    assert effective_status(StepStatus.TODO, RecordKind.NONE, has_kakao=True, has_payment=True) is (
        StepStatus.TODO
    )


@pytest.mark.parametrize("text", ["=1+1", "+82", "-5", "@SUM(A1)", " =cmd", "\tx", "＝1"])
def test_formula_like_cells_are_neutralised(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text


def test_csv_bytes_have_bom_crlf_and_safe_cells() -> None:
    data = csv_bytes([["가게", "비고"], ["바다향", '=HYPERLINK("x")'], [3, None]])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.split("\r\n")[:3] == ["가게,비고", '바다향,"\'=HYPERLINK(""x"")"', "3,"]
    assert "\n" not in text.replace("\r\n", "")
    assert csv_text([["plain"]]) == "plain\r\n"
