"""Walking a list while letting go of it: for the stages whose peak memory is two big lists
side by side (drafts and the turns made from them, figures found and their rows)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def drain(items: list[T]) -> Iterator[T]:
    """The items of ``items`` in order, each removed from the list as it is handed out, so
    that it is freed once the caller is done with it; the list is empty at the end."""
    items.reverse()
    while items:
        yield items.pop()
