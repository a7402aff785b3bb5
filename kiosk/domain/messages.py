"""Messages as values: a stable code, an English template and parameters, translated when shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: Turns an English source template into the current language (kiosk.i18n installs it).
Translate = Callable[[str], str]
#: Picks and translates the form of an English (singular, plural) pair for a count n.
PluralTranslate = Callable[[str, str, int], str]


def N_(template: str) -> str:
    """Mark *template* for extraction (Babel keyword ``N_``) without translating it now."""
    return template


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural template for extraction as one plural entry (Babel
    keyword ``Nn_:1,2``) without translating them now."""
    return singular, plural


def _identity(template: str) -> str:
    return template


def english_plural(singular: str, plural: str, n: int) -> str:
    """The English rule: *singular* for one, *plural* otherwise."""
    return singular if n == 1 else plural


_translator: Translate = _identity
_plural_translator: PluralTranslate = english_plural
_registry: dict[str, str] = {}
_plurals: dict[str, tuple[str, str]] = {}


def install_translator(translate: Translate, plural: PluralTranslate | None = None) -> None:
    """Set how ``str(message)`` translates: kiosk.i18n installs its current-locale ``_``
    and ``ngettext``."""
    global _translator, _plural_translator
    _translator = translate
    _plural_translator = plural or english_plural


class Message:
    """One user-visible sentence: ``code`` is stable, ``template`` is the English source.

    ``args`` holds the parameters as (name, value) pairs; a value may itself be
    a Message, rendered in the same language. ``extra`` are further sentences
    shown after this one, separated by a space. ``plural``, when set, is the English
    plural template and the name of the count parameter that chooses between it and
    ``template`` (the singular), language by language. Nothing is translated until
    the message is rendered, so it can be shown later in any language.
    """

    # A plain immutable class rather than a dataclass: this module loads before the
    # first frame and ``dataclasses`` costs ~4 ms there (docs/architecture.md, known traps).
    __slots__ = ("args", "code", "extra", "plural", "template")

    code: str
    template: str
    args: tuple[tuple[str, Any], ...]
    extra: tuple[Message, ...]
    plural: tuple[str, str] | None

    def __init__(
        self,
        code: str,
        template: str,
        args: tuple[tuple[str, Any], ...] = (),
        extra: tuple[Message, ...] = (),
        plural: tuple[str, str] | None = None,
    ) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "args", args)
        object.__setattr__(self, "extra", extra)
        object.__setattr__(self, "plural", plural)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Message is immutable (cannot set {name})")

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.template, self.args, self.extra, self.plural)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        plural = f", plural={self.plural!r}" if self.plural else ""
        return (
            f"Message(code={self.code!r}, template={self.template!r}, args={self.args!r}, "
            f"extra={self.extra!r}{plural})"
        )

    @property
    def params(self) -> Mapping[str, Any]:
        return dict(self.args)

    def then(self, *sentences: Message) -> Message:
        """This message followed by *sentences* (same code)."""
        return Message(self.code, self.template, self.args, (*self.extra, *sentences), self.plural)

    def render(self, translate: Translate, plural: PluralTranslate | None = None) -> str:
        return render(self, translate, plural)

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


class PluralDef(MessageDef):
    """A registered message with a plural form: *count* names the parameter that chooses."""

    __slots__ = ("count", "plural")

    def __init__(self, code: str, forms: tuple[str, str], count: str) -> None:
        super().__init__(code, forms[0])
        self.plural = forms[1]
        self.count = count

    def __call__(self, **params: Any) -> Message:
        if not isinstance(params.get(self.count), int):
            raise TypeError(f"{self.code}: the count {self.count!r} must be an int")
        return Message(
            self.code, self.template, tuple(params.items()), (), (self.plural, self.count)
        )


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


def define_plural(code: str, forms: tuple[str, str], *, count: str = "count") -> PluralDef:
    """Register a message whose wording follows the number in its parameter *count*.

    Write the forms as ``Nn_("... {count} problem", "... {count} problems")`` at the call
    so Babel extracts them as one plural entry; each language has its own forms.
    """
    define(code, forms[0])
    known = _plurals.setdefault(code, forms)
    if known != forms:
        raise ValueError(f"message code {code!r} already means {known!r}")
    return PluralDef(code, forms, count)


def registered() -> Mapping[str, str]:
    """Every code defined so far (in modules already imported) and its (singular) template."""
    return dict(_registry)


def registered_plurals() -> Mapping[str, tuple[str, str]]:
    """The codes among ``registered()`` with a plural form: code -> (singular, plural)."""
    return dict(_plurals)


def _template(message: Message, translate: Translate, plural: PluralTranslate | None) -> str:
    """The translated template of *message*; for a plural one the form its count asks for."""
    if message.plural is None:
        return translate(message.template)
    forms, n = (message.template, message.plural[0]), message.params[message.plural[1]]
    if plural is not None:
        return plural(*forms, n)
    if translate is _translator:
        return _plural_translator(*forms, n)
    return translate(english_plural(*forms, n))  # a translator without plurals


def render(message: Message, translate: Translate, plural: PluralTranslate | None = None) -> str:
    """*message* in the language of *translate* (and *plural*, which picks and translates
    the form of a plural message; by default the one installed with *translate*, or the
    English rule); nested messages use the same translators.

    A translation whose placeholders do not fit the parameters falls back to the
    English template, so a broken catalog entry never hides the message.
    """
    values = {
        name: render(value, translate, plural) if isinstance(value, Message) else value
        for name, value in message.args
    }
    try:
        text = _template(message, translate, plural).format(**values)
    except (KeyError, IndexError, ValueError):
        english = message.template
        if message.plural is not None:
            count = message.params[message.plural[1]]
            english = english_plural(english, message.plural[0], count)
        text = english.format(**values)
    extras = (render(extra, translate, plural) for extra in message.extra)
    return " ".join([text, *extras])


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

    def render(self, translate: Translate, plural: PluralTranslate | None = None) -> str:
        return render(self.message, translate, plural)

    def __str__(self) -> str:
        return render(self.message, _translator)
