"""asyncio, importlib.metadata and hashlib wait for their first use: opening SQLite runs none."""

from __future__ import annotations

from tests.factories.fresh_python import python_output as _python


def test_a_sqlite_query_through_sqlalchemy_leaves_them_unloaded_and_first_use_loads_them() -> None:
    out = _python(
        """
import sys
import kiosk.data
from kiosk.deferred_imports import is_deferred
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
with Session(create_engine("sqlite://")) as session:
    assert session.execute(text("SELECT 1")).scalar() == 1
assert is_deferred(sys.modules["asyncio"]) and is_deferred(sys.modules["importlib.metadata"])
assert "ssl" not in sys.modules and "email" not in sys.modules
assert "asyncio.base_events" not in sys.modules and "_hashlib" not in sys.modules
import hashlib, secrets
assert hashlib.sha256(b"a").hexdigest().startswith("ca978112") and len(secrets.token_hex(4)) == 8
import asyncio
async def three(): return 3
assert asyncio.run(three()) == 3 and not is_deferred(asyncio)
from asyncio import *  # noqa
assert Queue is asyncio.Queue and asyncio.iscoroutine is asyncio.coroutines.iscoroutine
from importlib.metadata import version
assert version("sqlalchemy") and not is_deferred(sys.modules["importlib.metadata"])
print("ok")
"""
    )
    assert out == "ok"


def test_two_threads_asking_at_once_both_get_the_loaded_module() -> None:
    out = _python(
        """
import sys, threading
import kiosk.data
import asyncio
seen = []
start = threading.Barrier(4)
def use():
    start.wait()
    seen.append(asyncio.Queue.__name__)
threads = [threading.Thread(target=use) for _ in range(4)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(sorted(seen))
"""
    )
    assert out == str(["Queue"] * 4)


def test_a_module_imported_before_kiosk_data_is_left_as_it_is() -> None:
    out = _python(
        """
import asyncio, sys
import kiosk.data
from kiosk.deferred_imports import defer_unused_imports, is_deferred
defer_unused_imports()  # idempotent
assert sys.modules["asyncio"] is asyncio and not is_deferred(asyncio)
assert is_deferred(sys.modules["importlib.metadata"])
print("ok")
"""
    )
    assert out == "ok"


def test_the_source_check_of_pyside6s_import_hook_does_not_load_them() -> None:
    out = _python(
        """
import sys, inspect
import kiosk.ui  # PySide6's hook, which reads every imported module's source
import kiosk.data
from kiosk.deferred_imports import is_deferred
import asyncio, importlib.metadata
assert isinstance(asyncio, type(sys)) and "asyncio" in inspect.getsource(asyncio)
assert is_deferred(asyncio) and is_deferred(importlib.metadata)
print("ok")
"""
    )
    assert out == "ok"


def test_a_name_set_before_first_use_survives_the_load() -> None:
    out = _python(
        """
import kiosk.data
import hashlib
from kiosk.deferred_imports import is_deferred
assert is_deferred(hashlib)
hashlib.md5 = "patched"
assert not is_deferred(hashlib) and hashlib.md5 == "patched" and hashlib.sha256
print("ok")
"""
    )
    assert out == "ok"
