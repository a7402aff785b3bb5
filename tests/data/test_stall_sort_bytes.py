"""``stall_sort_bytes`` (one pass) encodes exactly the elements of ``stall_sort_key``."""

from __future__ import annotations

from kiosk.data.ordering import stall_sort_bytes, stall_sort_key


def _from_key(stall: str) -> bytes:
    """The encoding as documented, made from the tuple key."""
    out = bytearray()
    for kind, number, text in stall_sort_key(stall):
        if kind == 0:
            digits = str(number).encode("ascii")
            out += b"\x02" + len(digits).to_bytes(2, "big") + digits
        elif kind == 1:
            out += b"\x03" + text.replace("\x00", "").encode("utf-8") + b"\x00"
        else:
            out += b"\x01" + text.encode("utf-8", "surrogatepass")
    return bytes(out)


def test_the_bytes_are_the_keys_elements() -> None:
    stalls = [
        "A-1",
        "a-02",
        "A-10",
        "A-1-2",
        "1",
        "007",
        "",
        " B 3 ",
        "가-12",
        "Ａ－１２",  # full width: NFKC
        "A\x00B",
        "٣-A",  # an Arabic-Indic digit
        "x" * 20,
        "123456789012345678901234567890",
    ]
    for stall in stalls:
        assert stall_sort_bytes(stall) == _from_key(stall), stall
