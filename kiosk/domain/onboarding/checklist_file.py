"""Read a checklist TOML file strictly: every problem names the file, the line and what is wrong.

``tomllib`` reports syntax errors with their line; for the rest (a missing
language, a duplicate key, an unknown field, a bad URL) the line of the
offending key is found by a small scan of the text (:func:`line_index`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any, Final

from kiosk.domain.messages import N_, KioskError, Message, Nn_, define, define_plural
from kiosk.domain.onboarding.checklist import Checklist, Programme, Step
from kiosk.domain.onboarding.checklist_checks import KINDS, LIMITS, WRONG_TYPE, Checker
from kiosk.domain.onboarding.checklist_lines import Path, line_index, line_of
from kiosk.domain.onboarding.status import RecordKind
from kiosk.domain.text import LocalizedText

SCHEMA: Final = 1
STEP_FIELDS: Final = frozenset(
    {"key", "order", "title", "why", "substep", "document", "url", "minutes", "programme",
     "records", "account"}
)  # fmt: skip
REQUIRED_STEP_FIELDS: Final = ("key", "order", "title", "why", "minutes", "records")
TOP_FIELDS: Final = frozenset({"schema", "programmes", "step"})
#: Longest text per field: plain, short sentences.
_STEP_KEY = re.compile(r"[a-z][a-z0-9_]{1,47}")


CHECKLIST_ERROR = define("checklist.error", N_("checklist {file}, line {line}: {problem}"))
MORE_PROBLEMS = define_plural(
    "checklist.more",
    Nn_("({n} more problem in the same file)", "({n} more problems in the same file)"),
    count="n",
)
SYNTAX = define("checklist.syntax", N_("not valid TOML ({reason})"))
NOT_UTF8 = define("checklist.not_utf8", N_("the file is not UTF-8 text"))
MISSING_FIELD = define("checklist.missing_field", N_("missing field {name!r}"))
BAD_KEY = define(
    "checklist.bad_key",
    N_("step key {key!r}: use small letters, digits and '_' (2 to 48, starting with a letter)"),
)
DUPLICATE_KEY = define(
    "checklist.duplicate_key", N_("duplicate step key {key!r} (first used at line {first})")
)
DUPLICATE_ORDER = define(
    "checklist.duplicate_order", N_("step order {order} is used twice (first at line {first})")
)
UNKNOWN_PROGRAMME = define(
    "checklist.unknown_programme", N_("unknown programme {name!r} (known: {known})")
)
UNKNOWN_RECORD = define("checklist.unknown_record", N_("records {value!r} is not one of: {known}"))
NO_STEPS = define("checklist.no_steps", N_("the checklist has no steps"))
BAD_SCHEMA = define(
    "checklist.bad_schema",
    N_("schema {found!r} is not supported; this app reads schema {expected}"),
)


class ChecklistError(KioskError, ValueError):
    """A checklist file was refused: ``file``, ``line`` (1-based) and ``problem`` name why.

    ``problems`` holds every (line, problem) found, the first one in the message.
    """

    def __init__(self, file: str, problems: list[tuple[int, Message]]) -> None:
        line, problem = problems[0]
        message = CHECKLIST_ERROR(file=file, line=line, problem=problem)
        if len(problems) > 1:
            message = message.then(MORE_PROBLEMS(n=len(problems) - 1))
        super().__init__(message)
        self.file = file
        self.line = line
        self.problem = problem
        self.problems = tuple(problems)


class ChecklistUnreadable(ChecklistError):
    """The checklist file could not be read at all (missing, not a regular file, too big)."""


def _programmes(check: Checker, data: object) -> dict[str, Programme]:
    table = check.table(("programmes",), data, "programmes")
    result: dict[str, Programme] = {}
    for key, value in (table or {}).items():
        path: Path = ("programmes", key)
        entry = check.table(path, value, f"programmes.{key}")
        if entry is None:
            continue
        check.unknown(path, entry, frozenset({"name"}))
        if "name" not in entry:
            check.fail(path, MISSING_FIELD(name="name"))
            continue
        result[key] = Programme(key, check.text((*path, "name"), entry["name"], "name", 120))
    return result


def _items(check: Checker, path: Path, value: object, name: str) -> tuple[LocalizedText, ...]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        check.fail(path, WRONG_TYPE(name=name, kind=KINDS["tables"]()))
        return ()
    return tuple(
        check.text((*path, index), item, name, LIMITS[name]) for index, item in enumerate(value)
    )


def _step(
    check: Checker, index: int, data: dict[str, Any], programmes: Mapping[str, Programme]
) -> Step | None:
    path: Path = ("step", index)
    check.unknown(path, data, STEP_FIELDS)
    missing = [name for name in REQUIRED_STEP_FIELDS if name not in data]
    for name in missing:
        check.fail(path, MISSING_FIELD(name=name))
    key = data.get("key", "")
    if "key" in data and (not isinstance(key, str) or not _STEP_KEY.fullmatch(key)):
        check.fail((*path, "key"), BAD_KEY(key=key))
    records = RecordKind.NONE
    if "records" in data:
        try:
            records = RecordKind(data["records"])
        except (ValueError, TypeError):
            known = ", ".join(kind.value for kind in RecordKind)
            check.fail((*path, "records"), UNKNOWN_RECORD(value=data["records"], known=known))
    account = data.get("account", False)
    if not isinstance(account, bool):
        check.fail((*path, "account"), WRONG_TYPE(name="account", kind=KINDS["bool"]()))
        account = False
    programme: Programme | None = None
    if "programme" in data:
        name = data["programme"]
        programme = programmes.get(name) if isinstance(name, str) else None
        if programme is None:
            known = ", ".join(sorted(programmes)) or "-"
            check.fail((*path, "programme"), UNKNOWN_PROGRAMME(name=name, known=known))
    step = Step(
        key=key if isinstance(key, str) else "",
        order=check.integer((*path, "order"), data.get("order", 0), "order", 1, 10_000)
        if "order" in data
        else 0,
        title=check.text((*path, "title"), data.get("title", {}), "title", LIMITS["title"])
        if "title" in data
        else LocalizedText({}),
        why=check.text((*path, "why"), data.get("why", {}), "why", LIMITS["why"])
        if "why" in data
        else LocalizedText({}),
        substeps=_items(check, (*path, "substep"), data.get("substep", []), "substep"),
        documents=_items(check, (*path, "document"), data.get("document", []), "document"),
        url=check.url((*path, "url"), data.get("url", "")),
        minutes=check.integer((*path, "minutes"), data.get("minutes", 1), "minutes", 1, 1440),
        programme=programme,
        records=records,
        account=account,
    )
    return None if missing else step


def parse_checklist(text: str, *, source: str) -> Checklist:
    """The checklist in *text* (the content of the file *source*); ChecklistError if refused."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        found = re.search(r"line (\d+)", reason)
        clean = re.sub(r"\s*\(at line \d+, column \d+\)", "", reason) or reason
        line = int(found.group(1)) if found else 1
        raise ChecklistError(source, [(line, SYNTAX(reason=clean))]) from None
    check = Checker(line_index(text))
    check.unknown((), data, TOP_FIELDS)
    if "schema" not in data:
        check.fail(("schema",), MISSING_FIELD(name="schema"))
    elif data["schema"] != SCHEMA:
        check.fail(("schema",), BAD_SCHEMA(found=data["schema"], expected=SCHEMA))
    programmes = _programmes(check, data["programmes"]) if "programmes" in data else {}
    raw_steps = data.get("step", [])
    steps: list[Step] = []
    if not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
        check.fail(("step",), WRONG_TYPE(name="step", kind=KINDS["tables"]()))
        raw_steps = []
    if not raw_steps and not check.problems:
        check.fail(("step",), NO_STEPS())
    first_key: dict[str, int] = {}
    first_order: dict[int, int] = {}
    for index, raw in enumerate(raw_steps):
        step = _step(check, index, raw, programmes)
        if step is None:
            continue
        line = line_of(check.index, ("step", index, "key"))
        if step.key in first_key:
            check.fail(
                ("step", index, "key"), DUPLICATE_KEY(key=step.key, first=first_key[step.key])
            )
        else:
            first_key[step.key] = line
        order_line = line_of(check.index, ("step", index, "order"))
        if step.order in first_order:
            check.fail(
                ("step", index, "order"),
                DUPLICATE_ORDER(order=step.order, first=first_order[step.order]),
            )
        else:
            first_order[step.order] = order_line
        steps.append(step)
    if check.problems:
        raise ChecklistError(source, sorted(check.problems, key=lambda p: p[0]))
    ordered = tuple(sorted(steps, key=lambda s: s.order))
    return Checklist(ordered, source=source, programmes=programmes)


def read_checklist(data: bytes, *, source: str) -> Checklist:
    """Like :func:`parse_checklist` for the raw bytes of a file (must be UTF-8)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ChecklistError(source, [(line, NOT_UTF8())]) from None
    return parse_checklist(text, source=source)
