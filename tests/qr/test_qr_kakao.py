"""KakaoTalk channel IDs and URLs: normalisation, refusals, and render -> decode round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.qr.kakao import (
    KakaoChannelError,
    KakaoLink,
    channel_url,
    channel_urls,
    parse_channel_id,
)
from kiosk.render.qr import build_matrix, kakao_spec
from kiosk.render.verify import render_verified


@pytest.mark.parametrize(
    "text",
    [
        "_ZeUTxl",
        "  _ZeUTxl \n",
        "https://pf.kakao.com/_ZeUTxl",
        "http://pf.kakao.com/_ZeUTxl",
        "pf.kakao.com/_ZeUTxl",
        "https://pf.kakao.com/_ZeUTxl/",
        "https://pf.kakao.com/_ZeUTxl/friend",
        "https://pf.kakao.com/_ZeUTxl/chat",
        "HTTPS://PF.KAKAO.COM/_ZeUTxl",
        "https://pf.kakao.com/_ZeUTxl?utm_source=share",
    ],
)
def test_accepted_forms_normalise_to_the_id(text: str) -> None:
    assert parse_channel_id(text) == "_ZeUTxl"


def test_links_are_always_https_on_pf_kakao_com() -> None:
    assert channel_urls("_ZeUTxl") == {
        KakaoLink.HOME: "https://pf.kakao.com/_ZeUTxl",
        KakaoLink.FRIEND: "https://pf.kakao.com/_ZeUTxl/friend",
        KakaoLink.CHAT: "https://pf.kakao.com/_ZeUTxl/chat",
    }
    assert channel_url("_ZeUTxl") == "https://pf.kakao.com/_ZeUTxl/friend"
    assert channel_url("_ZeUTxl", "chat") == "https://pf.kakao.com/_ZeUTxl/chat"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("https://pf.kakao.com@evil.example/_ZeUTxl", "user-info"),
        ("https://user:pw@pf.kakao.com/_ZeUTxl", "user-info"),
        ("https://pf.kakao.com.evil.example/_ZeUTxl", "pf.kakao.com.evil.example"),
        ("https://evil.example/_ZeUTxl", "evil.example"),
        ("https://kakao.com/_ZeUTxl", "'kakao.com'"),
        ("https://pf.kakao.com./_ZeUTxl", "not pf.kakao.com"),
        ("https://pf.kakao\uff0ecom/_ZeUTxl", "U+FF0E"),
        ("https://pf.kakao.com/_Ze\u00fcTxl", "U+00FC"),
        ("_카카오", "U+CE74"),
        ("https://pf.kakao.com:8443/_ZeUTxl", "port"),
        ("pf.kakao.com:443/_ZeUTxl", "port"),
        ("ZeUTxl", "must start with '_'"),
        ("https://pf.kakao.com/ZeUTxl", "must start with '_'"),
        ("", "empty"),
        ("   ", "empty"),
        ("https://pf.kakao.com/", "no channel ID"),
        ("_", "only contain"),
        ("_" + "a" * 40, "at most 32"),
        ("https://pf.kakao.com/_" + "a" * 300, "at most 256"),
        ("_Ze-UTxl", "only contain"),
        ("javascript:alert(1)", "'javascript'"),
        ("JavaScript://pf.kakao.com/_ZeUTxl", "'javascript'"),
        ("ftp://pf.kakao.com/_ZeUTxl", "'ftp'"),
        ("data:text/html,hi", "'data'"),
        ("https://pf.kakao.com/_ZeUTxl/posts", "unexpected path"),
        ("https://pf.kakao.com/_ZeUTxl/friend/x", "unexpected path"),
        ("https://pf.kakao.com/_Ze UTxl", "space"),
        ("https://pf.kakao.com\\@evil.example/_ZeUTxl", "backslash"),
        # No host, or a mangled "https://": named as not a link (was "scheme 'https' is
        # not allowed" / "points to ''"), never read as a path on pf.kakao.com.
        ("_ZeUTxl/friend", "'_ZeUTxl/friend' is not a channel ID or link"),
        ("/_ZeUTxl", "is not a channel ID or link"),
        ("//pf.kakao.com/_ZeUTxl", "is not a channel ID or link"),
        ("https:///_ZeUTxl", "is not a channel ID or link"),
        ("https:/pf.kakao.com/_ZeUTxl", "is not a channel ID or link"),
        ("https:pf.kakao.com/_ZeUTxl", "is not a channel ID or link"),
        ("https://[::1]/_ZeUTxl", "points to '[::1]'"),
    ],
)
def test_refusals_say_why(text: str, why: str) -> None:
    with pytest.raises(KakaoChannelError) as info:
        parse_channel_id(text)
    message = str(info.value)
    assert why in message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_channel_url_checks_the_id_too() -> None:
    with pytest.raises(KakaoChannelError, match="must start with '_'"):
        channel_url("evil.example")


def test_kakao_qr_uses_level_h_and_a_logo_under_15_percent() -> None:
    matrix = build_matrix(kakao_spec(channel_url("_ZeUTxl")))
    assert matrix.spec.ec == "H"
    assert matrix.logo_box is not None
    side = matrix.logo_box[1]
    assert side * side <= 0.15 * matrix.size * matrix.size
    verified = render_verified(matrix.spec)
    assert verified.ec_level == "H"


ids = st.from_regex(r"_[A-Za-z0-9]{1,31}", fullmatch=True)
url_forms = st.tuples(
    st.sampled_from(["", "http://", "https://", "HTTPS://"]),
    st.sampled_from(["pf.kakao.com", "PF.Kakao.com"]),
    st.sampled_from(["", "/", "/friend", "/chat", "/chat/"]),
    st.sampled_from(["", " ", "\n", "\t "]),
)


@settings(max_examples=60, deadline=None)
@given(channel_id=ids, form=url_forms, link=st.sampled_from(list(KakaoLink)))
def test_every_id_and_url_form_round_trips_through_a_decoded_qr(
    channel_id: str, form: tuple[str, str, str, str], link: KakaoLink
) -> None:
    scheme, host, suffix, space = form
    pasted = f"{space}{scheme}{host}/{channel_id}{suffix}{space}"
    assert parse_channel_id(pasted) == channel_id
    assert parse_channel_id(channel_id) == channel_id
    url = channel_url(channel_id, link)
    verified = render_verified(kakao_spec(url), module_px=4)
    assert verified.text == url
