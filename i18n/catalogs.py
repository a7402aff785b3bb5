"""Catalog tooling: ``catalogs.py extract|update|compile|check|all`` (run with the venv's Python).

* ``extract`` scans ``kiosk/`` as mapped in ``babel.cfg`` into ``i18n/kiosk.pot``
  with the keywords ``_  N_  Nn_:1,2  ngettext:1,2  translate:1``.
* ``update`` merges the template into ``i18n/<locale>/LC_MESSAGES/kiosk.po`` for
  the five display locales (no fuzzy matching: a new string stays empty until a
  person translates it; the ``en`` catalog maps every msgid to itself).
* ``compile`` writes ``kiosk/locale/<locale>/LC_MESSAGES/kiosk.mo``.
* ``check`` lists empty and fuzzy entries and fails if there are any.

Files are rewritten only when their messages change, so re-running is quiet in git.
"""

from __future__ import annotations

import copy
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "i18n"
POT = I18N_DIR / "kiosk.pot"
MO_DIR = ROOT / "kiosk" / "locale"
DOMAIN = "kiosk"
#: Same codes as kiosk.domain.locales.LOCALES (Babel knows zh_Hans / zh_Hant).
LOCALES: tuple[str, ...] = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "Nn_": (1, 2),
    "ngettext": (1, 2),
    "translate": (1,),
}
COMMENT_TAGS = ("TRANSLATORS:",)
PROJECT = "Market Kiosk"
HEADER = (
    "# {kind} for Market Kiosk.\n"
    "# This file is distributed under the same license as the Market Kiosk project (MIT).\n#"
)


def po_path(locale: str) -> Path:
    return I18N_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(locale: str) -> Path:
    return MO_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _version() -> str:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def _only_kiosk(dirpath: str) -> bool:
    rel = Path(os.path.relpath(dirpath, ROOT))
    parts = rel.parts
    if not parts or parts == (".",):
        return True
    return parts[0] == "kiosk" and not any(p.startswith((".", "__")) for p in parts)


def extract() -> Catalog:
    """Scan kiosk/ for marked strings and return the template catalog."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    template = Catalog(
        project=PROJECT,
        version=_version(),
        charset="utf-8",
        fuzzy=False,
        header_comment=HEADER.format(kind="Translations template"),
        copyright_holder="Market Kiosk contributors",
    )
    found = extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=_only_kiosk,
    )
    for filename, lineno, message, comments, context in found:
        path = Path(filename).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def _entries(catalog: Catalog) -> list[tuple[object, ...]]:
    """What matters in a catalog file, header dates left out."""
    rows: list[tuple[object, ...]] = [(catalog.plural_forms,)]
    for message in catalog:
        if not message.id:
            continue
        rows.append(
            (
                message.id,
                message.string or "",
                message.context,
                sorted(message.flags),
                sorted({path for path, _line in message.locations}),
                list(message.auto_comments),
            )
        )
    return rows


def _write_po_if_changed(catalog: Catalog, path: Path) -> bool:
    if path.exists():
        with path.open("rb") as old_file:
            old = read_po(old_file, locale=catalog.locale, domain=DOMAIN)
        if _entries(old) == _entries(catalog):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_lineno=False)
    path.write_bytes(buffer.getvalue())
    return True


def write_template(template: Catalog) -> None:
    changed = _write_po_if_changed(template, POT)
    print(f"{POT.relative_to(ROOT)}: {len(template)} messages{' (updated)' if changed else ''}")


def _fill_english(catalog: Catalog) -> None:
    """Source strings are English, so the en catalog maps each msgid to itself."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            if not any(message.string or ()):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id


def update(template: Catalog) -> None:
    """Merge *template* into each locale's .po (created with the right Plural-Forms)."""
    for locale in LOCALES:
        path = po_path(locale)
        if path.exists():
            with path.open("rb") as po_file:
                catalog = read_po(po_file, locale=locale, domain=DOMAIN)
        else:
            catalog = Catalog(
                locale=locale,
                domain=DOMAIN,
                project=PROJECT,
                version=_version(),
                charset="utf-8",
                fuzzy=False,
                language_team=locale,
                header_comment=HEADER.format(kind=f"{locale} translations"),
                copyright_holder="Market Kiosk contributors",
            )
        # update() may share Message objects with the template: give each locale its own copy
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
        catalog.fuzzy = False
        if locale == "en":
            _fill_english(catalog)
        changed = _write_po_if_changed(catalog, path)
        print(f"{path.relative_to(ROOT)}: {_summary(catalog)}{' (updated)' if changed else ''}")


def _is_empty(message: Message) -> bool:
    if isinstance(message.string, tuple | list):
        return not all(message.string)
    return not message.string


def problems(catalog: Catalog) -> list[str]:
    """Empty or fuzzy entries of *catalog*, one line each."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if message.fuzzy:
            found.append(f"fuzzy: {msgid!r}")
        elif _is_empty(message):
            found.append(f"untranslated: {msgid!r}")
    return found


def _summary(catalog: Catalog) -> str:
    total = sum(1 for m in catalog if m.id)
    return f"{total - len(problems(catalog))}/{total} translated"


def compile_mo(catalog: Catalog) -> bytes:
    """The .mo bytes for *catalog* (fuzzy entries left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for locale in LOCALES:
        if not po_path(locale).exists():
            print(f"no {po_path(locale).relative_to(ROOT)}: run `python3 dev.py i18n` first")
            continue
        with po_path(locale).open("rb") as po_file:
            catalog = read_po(po_file, locale=locale, domain=DOMAIN)
        data = compile_mo(catalog)
        target = mo_path(locale)
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"compiled {target.relative_to(ROOT)} ({_summary(catalog)})")


def check_all() -> int:
    bad = 0
    for locale in LOCALES:
        with po_path(locale).open("rb") as po_file:
            catalog = read_po(po_file, locale=locale, domain=DOMAIN)
        for line in problems(catalog):
            print(f"{po_path(locale).relative_to(ROOT)}: {line}")
            bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


def main(argv: Iterable[str]) -> int:
    args = list(argv) or ["all"]
    commands = {"extract", "update", "compile", "check", "all"}
    if len(args) != 1 or args[0] not in commands:
        print(f"usage: catalogs.py {{{'|'.join(sorted(commands))}}}", file=sys.stderr)
        return 2
    command = args[0]
    if command in {"extract", "update", "all"}:
        template = extract()
        write_template(template)
        if command in {"update", "all"}:
            update(template)
    if command in {"compile", "all"}:
        compile_all()
    if command == "check":
        return check_all()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
