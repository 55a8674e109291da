"""Bytes to text: which encoding a saved transcript is in, and whether it is text at all.

Transcripts arrive as UTF-8 (with or without a BOM), GB18030/GBK from mainland sites,
Big5 from Hong Kong and Taiwan mirrors, and UTF-16 from Windows editors. The order of
evidence is: a byte-order mark, a UTF-16 pattern of NUL bytes, strict UTF-8, a charset
declared in the document, then a choice between the Chinese legacy encodings by which
one yields common Chinese characters (a general detector guesses wrongly on short
Chinese texts), and charset-normalizer for everything else.

Only the bytes given are read: the caller's file is never opened for writing here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.errors import UndecodableError
from reader.text.hanzi import COMMON_HANZI

# Signatures of the binary files people most often open by mistake (or rename to .md).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image data"),
    (b"\xff\xd8\xff", "JPEG image data"),
    (b"GIF87a", "GIF image data"),
    (b"GIF89a", "GIF image data"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows program"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"OggS", "Ogg audio data"),
    (b"ID3", "MP3 audio data"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
RIFF_SIGNATURE = b"RIFF"
WEBP_MARK = b"WEBP"

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="gbk">, <meta http-equiv=... content="text/html; charset=gb2312">, <?xml encoding=...?>
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
DECLARATION_WINDOW = 8192

# The mainland encodings are all subsets of GB18030; decoding with the superset never loses text.
CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb_2312-80": "gb18030", "euc-cn": "gb18030", "gb18030": "gb18030",
    "big5": "big5", "big5-hkscs": "big5hkscs", "x-big5": "big5", "cp950": "big5",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-16",
}
CHINESE_LEGACY = ("gb18030", "big5")
# Codecs that decode any bytes at all: declared over Chinese bytes, they are a page's mistake.
WESTERN_SINGLE_BYTE = frozenset({"iso8859-1", "cp1252", "iso8859-15", "ascii"})


UTF16_SNIFF_BYTES = 4096
PLAUSIBLE_CHINESE_TEXT = re.compile(
    r"[\s\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*"
)
CONTROL_BYTES = bytes(sorted(set(range(0, 9)) | set(range(14, 32)) - {27}))
MAX_CONTROL_SHARE = 0.02
# C0 control characters other than tab, line feed, form feed and carriage return.
STRAY_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 12, 13))
STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
MIN_COMMON_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The document's text, the codec that produced it, and anything the reader should know."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, path: str | None = None) -> DecodedText:
    """Decode a whole document, or raise UndecodableError saying what it looks like instead."""
    kind = _binary_kind(data)
    if kind:
        raise UndecodableError(path, f"not a text document (looks like {kind})")
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec.replace("-sig", ""), errors="replace")
            return _finish(text, codec, _replacement_warning(text))
    utf16 = _sniff_utf16(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        return _finish(text, utf16, _replacement_warning(text))
    warnings: list[str] = []
    if b"\x00" in data:
        # CJK UTF-16 has NULs only in its ASCII (line breaks, digits): few, but telling.
        utf16 = _plausible_utf16(data, min_common=0.3)
        if utf16:
            return _finish(data.decode(utf16), utf16, warnings)
        text_end = len(data.rstrip(b"\x00"))
        if text_end < len(data) and text_end:
            # A crashed or preallocated write leaves the text followed by NUL padding.
            warnings.append(f"removed {len(data) - text_end} NUL byte(s) of padding at the end of the file")
            data = data[:text_end]
        nuls = data.count(b"\x00")
        if nuls > max(16, len(data) // 100):
            raise UndecodableError(path, "not a text document (it contains binary data)")
        if nuls:
            data = data.replace(b"\x00", b"")
            warnings.append(f"removed {nuls} NUL byte(s), which have no place in a text document")
    return _decode_text(data, path, warnings)


def _decode_text(data: bytes, path: str | None, warnings: list[str]) -> DecodedText:
    try:
        return _finish(*_without_controls(data.decode("utf-8"), warnings))
    except UnicodeDecodeError as exc:
        if _control_share(data) > MAX_CONTROL_SHARE:
            utf16 = _plausible_utf16(data, min_common=0.0)
            if utf16:
                return _finish(data.decode(utf16), utf16, warnings)
            raise UndecodableError(path, "not a text document (it contains binary data)") from exc
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 4:
            text = data.decode("utf-8", errors="replace")
            return _finish(text, "utf-8", [*warnings, "the file ends in the middle of a character "
                                           "(it was probably cut short)"])
        if _mostly_utf8(data):
            text = data.decode("utf-8", errors="replace")
            return _finish(text, "utf-8", [*warnings, *_replacement_warning(text)])
    declared = _declared_charset(data)
    chinese = _best_chinese_legacy(data)
    if declared in WESTERN_SINGLE_BYTE and chinese and chinese[0] >= MIN_COMMON_SHARE:
        # Old Hong Kong and Taiwan pages declare iso-8859-1 over Big5 text: read as
        # declared, every colon was ``¡G`` and no speaker was found.
        return _finish(data.decode(chinese[1]), chinese[1],
                       [*warnings, f"the page declares {declared} but its text is {chinese[1]}"])
    if declared:
        try:
            return _finish(data.decode(declared), declared, warnings)
        except (UnicodeDecodeError, LookupError):
            pass
    if chinese and chinese[0] >= MIN_COMMON_SHARE:
        return _finish(data.decode(chinese[1]), chinese[1], warnings)
    utf16 = _plausible_utf16(data, min_common=0.5)
    if utf16:
        return _finish(data.decode(utf16), utf16, warnings)
    if chinese:
        # Few common characters (a short text of names): still the likeliest reading of
        # bytes that decode cleanly as Chinese, where a general detector guesses Korean.
        return _finish(data.decode(chinese[1]), chinese[1], warnings)
    return _detected(data, path, warnings)


def _detected(data: bytes, path: str | None, warnings: list[str]) -> DecodedText:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError(path, "not text in any encoding we can detect")
    text = str(best)
    if _control_share(text.encode("utf-8", errors="replace")) > MAX_CONTROL_SHARE:
        raise UndecodableError(path, "not a text document (it contains binary data)")
    codec = codecs.lookup(best.encoding).name
    return _finish(text, codec, [*warnings, f"the encoding was guessed as {codec}; "
                                 "if the text looks wrong, save the file as UTF-8"])


def _finish(text: str, encoding: str, warnings: list[str] | tuple[str, ...]) -> DecodedText:
    return DecodedText(text, encoding, tuple(warnings))


def _without_controls(text: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    """Valid UTF-8 is text even with stray control characters; they are dropped, not shown."""
    if not STRAY_CONTROL.search(text):
        return text, "utf-8", warnings
    cleaned = text.translate(STRAY_CONTROLS)
    if len(cleaned) != len(text):
        warnings = [*warnings, f"removed {len(text) - len(cleaned)} control character(s)"]
    return cleaned, "utf-8", warnings


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            if signature == b"MZ" and not _control_share(data[:512]) > MAX_CONTROL_SHARE:
                continue  # a text file may begin with the letters "MZ"
            if signature == b"ID3" and len(data) > 10 and data[3] > 4:
                continue
            return kind
    if data.startswith(RIFF_SIGNATURE) and data[8:12] == WEBP_MARK:
        return "WebP image data"
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: nearly every other byte of ASCII (and much CJK) text is NUL."""
    head = data[:UTF16_SNIFF_BYTES]
    if len(head) < 4 or len(data) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = len(head) // 2
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= pairs * 0.2 and other <= pairs * 0.02:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _plausible_utf16(data: bytes, min_common: float) -> str | None:
    """UTF-16 with no NULs (all CJK): every character must be one a Chinese text uses."""
    if len(data) % 2 or len(data) < 4:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if PLAUSIBLE_CHINESE_TEXT.fullmatch(text[:20000]) and _common_share(text) >= min_common:
            return codec
    return None


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, CONTROL_BYTES))) / len(sample)


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 with a few damaged bytes (a bad copy) is still UTF-8, not another codec."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    high = sum(1 for ch in text[:200000] if ord(ch) > 0x7F)
    return high > 0 and bad <= max(2, high // 200)


def _declared_charset(data: bytes) -> str | None:
    match = DECLARED_CHARSET.search(data[:DECLARATION_WINDOW])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", errors="ignore").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _common_share(text: str) -> float:
    hanzi = [ch for ch in text[:100000] if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"]
    if not hanzi:
        return 0.0
    return sum(1 for ch in hanzi if ch in COMMON_HANZI) / len(hanzi)


def _best_chinese_legacy(data: bytes) -> tuple[float, str] | None:
    scored: list[tuple[float, str]] = []
    for codec in CHINESE_LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_common_share(text), codec))
    if not scored:
        return None
    # On a tie GB18030 wins: it is listed first and max() keeps the first of equals.
    return max(scored, key=lambda item: item[0])


def _replacement_warning(text: str) -> list[str]:
    bad = text.count("\ufffd")
    if not bad:
        return []
    return [f"{bad} damaged character(s) could not be decoded and are shown as \ufffd"]
