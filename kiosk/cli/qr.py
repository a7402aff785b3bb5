"""`market-kiosk qr ...`: KakaoTalk and payment QR files, decoding, and printed stands.

Every file written is verified (decoded back with zxing-cpp) and written
atomically. Bad input prints one line ``market-kiosk: error: ...`` on stderr,
exits 2 and writes nothing. Heavy imports (Qt, SQLAlchemy) happen inside the
commands so building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeVar

from kiosk.cli.errors import PROG
from kiosk.domain.text import terminal_safe
from kiosk.i18n import _


class _BadInput(Exception):
    """One-line problem with the user's input: exit status 2."""


_P = TypeVar("_P", bound=argparse.ArgumentParser)


def add_qr_parser(subparsers: argparse._SubParsersAction[_P]) -> None:
    """Add the ``qr`` command and its sub-commands; they all run through :func:`run_qr`."""
    qr = subparsers.add_parser("qr", help="make, check and print KakaoTalk and payment QR codes")
    qr.set_defaults(func=run_qr)
    sub = qr.add_subparsers(dest="qr_command", metavar="QR_COMMAND", required=True)

    kakao = sub.add_parser("kakao", help="QR code of a KakaoTalk channel (PNG, SVG or PDF)")
    kakao.add_argument("channel", metavar="ID_OR_URL", help="public ID (_ZeUTxl) or channel URL")
    kakao.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="output file: .png (300 dpi), .svg or .pdf",
    )
    kakao.add_argument(
        "--link",
        choices=("home", "friend", "chat"),
        default=None,
        help="page the code opens (default: the page a pasted link names, else friend = "
        "add the channel)",
    )

    pay = sub.add_parser("pay", help="QR code of the official payment payload (Zero Pay kit)")
    source = pay.add_mutually_exclusive_group(required=True)
    source.add_argument("--payload", metavar="TEXT", help="the payload text, pasted")
    source.add_argument(
        "--from-image",
        type=Path,
        metavar="IMAGE",
        help="photo or scan (PNG/JPEG) of the kit's QR code",
    )
    pay.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="output file: .png (300 dpi), .svg or .pdf",
    )

    decode = sub.add_parser("decode", help="print every QR payload found in an image")
    decode.add_argument("image", type=Path, metavar="IMAGE", help="PNG, JPEG or SVG file")

    stands = sub.add_parser("stands", help="PDF of table stands/posters, one page per store")
    stands.add_argument("--market", required=True, metavar="SLUG", help="market slug")
    stands.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="PDF file")
    stands.add_argument(
        "--size",
        choices=("a6", "a5", "a4"),
        default="a6",
        help="a6 table stand (default), a5, or a4 poster",
    )


def _saved_line(saved: object) -> str:
    from kiosk.services.values import SavedQr

    assert isinstance(saved, SavedQr)
    return (
        f"{saved.path}\nverified: {saved.verified_by}; QR version {saved.version}, "
        f"error correction {saved.ec}, {saved.symbol_mm} mm wide"
    )


def _cmd_kakao(args: argparse.Namespace) -> int:
    from kiosk.services.app import Codes
    from kiosk.services.values import QrInputError

    out: Path = args.out
    Codes.check_output_format(out)
    try:
        checked = Codes.check_kakao(args.channel, link=args.link)
    except QrInputError as exc:
        raise _BadInput(exc.reason) from None
    if checked is None:
        raise _BadInput(_("KakaoTalk channel ID is empty"))
    print(_saved_line(Codes.write_code_file(checked.spec, out)))
    print(f"content: {checked.url}")
    return 0


def _cmd_pay(args: argparse.Namespace) -> int:
    from kiosk.services.app import Codes
    from kiosk.services.values import QrInputError

    out: Path = args.out
    Codes.check_output_format(out)
    try:
        if args.from_image is not None:
            checked = Codes.payment_from_image(args.from_image)
        else:
            found = Codes.check_payment(args.payload)
            if found is None:
                raise _BadInput(_("payment payload is empty"))
            checked = found
    except QrInputError as exc:
        raise _BadInput(exc.reason) from None
    payload = checked.payload
    saved = Codes.write_code_file(checked.spec, out)
    print(_saved_line(saved))
    if payload.kind == "emvco":
        print(
            terminal_safe(
                f"EMVCo: {payload.merchant_name}, {payload.city}, {payload.country}, "
                f"{payload.currency}, {'static' if payload.is_static else 'dynamic'}"
            )
        )
    if payload.note:
        print(terminal_safe(f"note: {payload.note}"))
    return 0


def _cmd_decode(args: argparse.Namespace) -> int:
    from kiosk.services.app import Codes

    texts = Codes.decode_image_file(args.image)
    if not texts:
        raise _BadInput(_("no QR code found in {path}").format(path=args.image))
    for text in texts:
        print(terminal_safe(text))
    return 0


def _cmd_stands(args: argparse.Namespace) -> int:
    from kiosk.services.app import Services
    from kiosk.services.values import DatabaseOpenError, NotFoundError

    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise _BadInput(
            _("stands are written as PDF; {path} does not end in .pdf").format(path=out)
        )
    try:
        # Like the GUI's first start: an empty database gets the two demo markets.
        services = Services.open(seed_demo=True)
    except DatabaseOpenError as exc:
        raise _BadInput(str(exc)) from None

    def progress(done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            print(f"stands: {done}/{total}", file=sys.stderr, flush=True)

    try:
        stores = services.directory.list_store_details(market_slug=args.market)
        if not any(s.kakao_channel_id or s.payment_qr_payload for s in stores):
            services.directory.get_market(slug=args.market)  # an unknown slug is named first
            raise _BadInput(
                _("market {slug!r} has no active store with a QR code to print").format(
                    slug=args.market
                )
            )
        result = services.codes.print_stands(
            market_slug=args.market, out=out, size=args.size, progress=progress
        )
    except NotFoundError as exc:
        raise _BadInput(str(exc)) from None
    finally:
        services.close()
    print(
        f"{result.path}\nverified: {result.codes_verified} QR codes decoded with zxing-cpp; "
        f"{result.pages} pages ({args.size.upper()})"
    )
    return 0


def run_qr(args: argparse.Namespace) -> int:
    """Run a ``qr`` sub-command; return the exit status (2 for bad input, 1 if a check fails)."""
    from kiosk.cli.errors import error_line, unexpected_error_line
    from kiosk.domain.messages import KioskError
    from kiosk.services.values import QrVerificationError

    commands = {"kakao": _cmd_kakao, "pay": _cmd_pay, "decode": _cmd_decode, "stands": _cmd_stands}
    try:
        return commands[args.qr_command](args)
    except (ValueError, OSError, _BadInput, KioskError) as exc:
        # KioskError: a database fault (locked, read-only, full, damaged, connection lost)
        # or an unknown market; one line, the traceback is in the log it names.
        print(error_line(str(exc) or type(exc).__name__), file=sys.stderr)
        return 2
    except QrVerificationError as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: logged, one line on screen
        context = f"{PROG} qr {args.qr_command}"
        print(unexpected_error_line(exc, context=context), file=sys.stderr)
        return 1
