"""Checks made before and just after Qt starts, so failures read as advice, not aborts.

Qt's xcb platform plugin aborts the process (``could not load the Qt platform plugin
"xcb"``) when a system library is missing. Loading those libraries with ctypes first
tells us which one is missing, so we can name the Debian/Ubuntu package to install.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# soname -> Debian/Ubuntu package; what Qt 6's xcb plugin links against beyond libc.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def missing_xcb_packages(libraries: tuple[tuple[str, str], ...] = XCB_LIBRARIES) -> list[str]:
    """Packages whose library cannot be loaded; empty when the xcb plugin can start."""
    import ctypes  # only here: the other platforms never pay for importing it (~3 ms at start-up)

    missing = []
    for soname, package in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


X11_SOCKET = "/tmp/.X11-unix/X{number}"
X11_TCP_BASE = 6000
CONNECT_TIMEOUT_S = 1.0


def display_reachable(display: str) -> bool:
    """Does an X server answer at ``display`` (``:0``, ``unix:1.0``, ``localhost:10.0``)?

    Qt's xcb plugin aborts the process when it cannot connect, with a hint about libraries
    that are not the problem; a connection tried first turns that into a sentence. A form we
    cannot read is left to Qt (True).
    """
    import socket  # only on Linux under X11

    host, sep, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not sep or not number.isdigit() or host.startswith("/"):  # launchd-style paths: Qt's business
        return True
    try:
        if host in ("", "unix"):
            path = X11_SOCKET.format(number=number)
            for address in ("\0" + path, path):  # Linux's abstract socket first, then the file
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
                    unix.settimeout(CONNECT_TIMEOUT_S)
                    try:
                        unix.connect(address)
                        return True
                    except OSError:
                        continue
            return False
        with socket.create_connection((host, X11_TCP_BASE + int(number)), timeout=CONNECT_TIMEOUT_S):
            return True
    except OSError:
        return False


def platform_problem(environ: dict[str, str] | None = None, platform: str | None = None,
                     libraries: tuple[tuple[str, str], ...] = XCB_LIBRARIES,
                     reachable: Callable[[str], bool] | None = None) -> str | None:
    """A readable reason the window cannot open here, or None.

    Only the xcb plugin (the default on Linux under X11) is checked: offscreen,
    wayland and other platforms bring their own needs and their own messages.
    """
    environ = dict(os.environ) if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if requested not in ("", "xcb"):
        return None
    if requested == "" and environ.get("WAYLAND_DISPLAY"):
        return None
    if not environ.get("DISPLAY"):
        return ("transcript-reader: no display found (DISPLAY is not set). Run it in a desktop session, "
                "or use --screenshot PATH to render offscreen.")
    display = environ["DISPLAY"]
    if not (reachable or display_reachable)(display):
        return (f"transcript-reader: cannot connect to the display {display!r} (no X server answers "
                "there). Check DISPLAY, or use --screenshot PATH to render offscreen.")
    missing = missing_xcb_packages(libraries)
    if not missing:
        return None
    return ("transcript-reader: the window cannot start because system libraries that Qt needs are "
            f"missing. Install them with:\n  sudo apt install {' '.join(missing)}")


def has_cjk_font() -> bool:
    """True when Qt knows a font that covers Simplified Chinese (needs a QGuiApplication)."""
    from PySide6.QtGui import QFontDatabase

    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
