"""The listings reader pauses the cycle collector and always gives it back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kiosk.services.exchange.files import without_cycle_collection


@pytest.fixture(autouse=True)
def collector_back() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@without_cycle_collection
def _work(fail: bool) -> bool:
    if fail:
        raise ValueError("broken file")
    return gc.isenabled()


def test_paused_while_working_and_on_again_after() -> None:
    gc.enable()
    assert _work(False) is False
    assert gc.isenabled()


def test_on_again_after_a_failure() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="broken file"):
        _work(True)
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    assert _work(False) is False
    assert not gc.isenabled()
