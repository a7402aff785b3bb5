"""Standard-library modules imported at start-up but rarely used, loaded on their first use."""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any

#: SQLAlchemy 2 imports the first two at the top of ``sqlalchemy.util`` for its asyncio
#: extension and its entry-point plugins; a kiosk on SQLite or psycopg uses neither. With
#: what they import (ssl, email, zipfile, csv, ...) they held ~4 MiB of a running kiosk.
#: The other three map OpenSSL's libcrypto (~3.5 MiB resident) for what only a write
#: (a search stamp), a sign-in or a publish computes.
DEFERRED = ("asyncio", "importlib.metadata", "hashlib", "hmac", "secrets")
#: What a module may already answer before it is loaded: the part of ``asyncio`` that
#: ``sqlalchemy.util.concurrency`` reads while it is imported (``asyncio.coroutines``
#: imports nothing asyncio needs loaded).
_EARLY = {"asyncio": ("asyncio.coroutines", ("iscoroutine", "iscoroutinefunction"))}
#: Attributes neither module has: answered without loading it (``inspect.unwrap`` asks
#: for ``__wrapped__`` when PySide6's import hook reads a module's source).
_ABSENT = frozenset({"__wrapped__"})
#: What every module has from its type, loaded or not.
_MODULE_TYPE = frozenset(dir(ModuleType))

_lock = threading.RLock()


class _Deferred(ModuleType):
    """A module whose code runs at the first look-up of a name it does not hold yet.

    The module object stays the same (``sys.modules`` and every importer keep it): its
    code runs into its own namespace, then it becomes a plain module. One thread loads
    it; another asking meanwhile waits for the lock.
    """

    def __getattribute__(self, name: str) -> Any:
        namespace: dict[str, Any] = object.__getattribute__(self, "__dict__")
        if name in namespace:
            return namespace[name]
        if name in _MODULE_TYPE:  # __class__, __dict__, __repr__, ... (isinstance asks)
            return object.__getattribute__(self, name)
        if name in _ABSENT:
            raise AttributeError(name)
        if not _load(self, namespace):  # its own code, loading, asks for a name not set yet
            raise AttributeError(name)
        return getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # A submodule imported first is attached as the import system does; anything
        # else (a test's patch) loads the module first, so its code cannot undo it later.
        namespace: dict[str, Any] = object.__getattribute__(self, "__dict__")
        submodule = f"{namespace['__name__']}.{name}"
        if not (isinstance(value, ModuleType) and value.__name__ == submodule):
            _load(self, namespace)
        object.__setattr__(self, name, value)


def _load(module: ModuleType, namespace: dict[str, Any]) -> bool:
    """Run *module*'s code (once); False while that code is running in this thread."""
    with _lock:
        if type(module) is not _Deferred:
            return True  # another thread loaded it meanwhile
        if namespace.get("__loading__"):
            return False
        namespace["__loading__"] = True
        try:
            namespace["__spec__"].loader.exec_module(module)
        finally:
            del namespace["__loading__"]
        object.__setattr__(module, "__class__", ModuleType)
        return True


def defer_unused_imports() -> None:
    """Put :data:`DEFERRED` in ``sys.modules`` as modules that load on first use, so that
    importing SQLAlchemy does not run them (idempotent; one already imported is left as
    it is). Call before SQLAlchemy is first imported: ``kiosk.data`` and ``kiosk.services``
    do, which start-up reaches after the first frame (the path look-ups cost ~8 ms).
    """
    with _lock:
        for name in DEFERRED:
            if name in sys.modules:
                continue
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            parent, _, child = name.rpartition(".")
            sys.modules[name] = module
            if parent:
                setattr(sys.modules[parent], child, module)
            early = _EARLY.get(name)
            if early is not None:
                source = importlib.import_module(early[0])
                for attribute in early[1]:
                    setattr(module, attribute, getattr(source, attribute))
            module.__class__ = _Deferred


def is_deferred(module: object) -> bool:
    """Whether *module* is one of ours that has not loaded yet."""
    return type(module) is _Deferred
