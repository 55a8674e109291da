"""Chinese for every UI string (English source text -> Simplified Chinese)."""

from __future__ import annotations

CATALOGUE_ZH: dict[str, str] = {
}
