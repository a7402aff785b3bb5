"""Messages as values: a stable code, an English template and parameters, translated when shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: Turns an English source template into the current language (kiosk.i18n installs it).
Translate = Callable[[str], str]


def N_(template: str) -> str:
    """Mark *template* for extraction (Babel keyword ``N_``) without translating it now."""
    return template


def _identity(template: str) -> str:
    return template


_translator: Translate = _identity
_registry: dict[str, str] = {}


def install_translator(translate: Translate) -> None:
    """Set how ``str(message)`` translates: kiosk.i18n installs its current-locale ``_``."""
    global _translator
    _translator = translate


class Message:
    """One user-visible sentence: ``code`` is stable, ``template`` is the English source.

    ``args`` holds the parameters as (name, value) pairs; a value may itself be
    a Message, rendered in the same language. ``extra`` are further sentences
    shown after this one, separated by a space. Nothing is translated until the
    message is rendered, so it can be shown later in any language.
    """

    # A plain immutable class rather than a dataclass: this module loads before the
    # first frame and ``dataclasses`` costs ~4 ms there (docs/architecture.md, known traps).
    __slots__ = ("args", "code", "extra", "template")

    code: str
    template: str
    args: tuple[tuple[str, Any], ...]
    extra: tuple[Message, ...]

    def __init__(
        self,
        code: str,
        template: str,
        args: tuple[tuple[str, Any], ...] = (),
        extra: tuple[Message, ...] = (),
    ) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "args", args)
        object.__setattr__(self, "extra", extra)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Message is immutable (cannot set {name})")

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.template, self.args, self.extra)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Message(code={self.code!r}, template={self.template!r}, args={self.args!r}, "
            f"extra={self.extra!r})"
        )

    @property
    def params(self) -> Mapping[str, Any]:
        return dict(self.args)

    def then(self, *sentences: Message) -> Message:
        """This message followed by *sentences* (same code)."""
        return Message(self.code, self.template, self.args, (*self.extra, *sentences))

    def render(self, translate: Translate) -> str:
        return render(self, translate)

    def __str__(self) -> str:
        return render(self, _translator)


class MessageDef:
    """A registered (code, template) pair; call it with the parameters to make a Message."""

    __slots__ = ("code", "template")

    def __init__(self, code: str, template: str) -> None:
        self.code = code
        self.template = template

    def __repr__(self) -> str:
        return f"MessageDef(code={self.code!r}, template={self.template!r})"

    def __call__(self, **params: Any) -> Message:
        return Message(self.code, self.template, tuple(params.items()))


def define(code: str, template: str) -> MessageDef:
    """Register *template* under *code*; one code has one template, one template one code.

    Write the template as ``N_("...")`` at the call so Babel extracts it.
    """
    known = _registry.get(code)
    if known is not None and known != template:
        raise ValueError(f"message code {code!r} already means {known!r}")
    other = next((c for c, t in _registry.items() if t == template and c != code), None)
    if other is not None:
        raise ValueError(f"template {template!r} already has code {other!r}, not {code!r}")
    _registry[code] = template
    return MessageDef(code, template)


def registered() -> Mapping[str, str]:
    """Every code defined so far (in modules already imported) and its template."""
    return dict(_registry)


def render(message: Message, translate: Translate) -> str:
    """*message* in the language of *translate*; nested messages use the same *translate*.

    A translation whose placeholders do not fit the parameters falls back to the
    English template, so a broken catalog entry never hides the message.
    """
    values = {
        name: render(value, translate) if isinstance(value, Message) else value
        for name, value in message.args
    }
    try:
        text = translate(message.template).format(**values)
    except (KeyError, IndexError, ValueError):
        text = message.template.format(**values)
    return " ".join([text, *(render(extra, translate) for extra in message.extra)])


def as_message(value: str | Message) -> Message:
    """*value* as a Message: a plain string (already in its final language) is shown as is."""
    if isinstance(value, Message):
        return value
    return Message("text", "{text}", (("text", value),))


class KioskError(Exception):
    """An error carrying a Message; ``str(error)`` renders it in the language current *now*.

    ``fault`` is what went wrong for a reader who cannot wait and try again (a command
    that has ended): the message itself unless the error says otherwise.
    """

    def __init__(self, message: Message, *, fault: Message | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fault = message if fault is None else fault

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params

    def render(self, translate: Translate) -> str:
        return render(self.message, translate)

    def __str__(self) -> str:
        return render(self.message, _translator)
