"""The app shell: language, platform checks, last-resort errors, background loading."""

from __future__ import annotations

import ast
import itertools
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QColor
from ui_transcripts import briefing

from reader.errors import ReaderError
from reader.model import Transcript
from reader.ui import messages
from reader.ui.catalogue_zh import CATALOGUE_ZH
from reader.ui.excepthook import ExceptHook
from reader.ui.i18n import install_translator, tr
from reader.ui.kind_colors import MATCH_COLOR
from reader.ui.loader import DocumentLoader, progress_fraction
from reader.ui.main_window import MainWindow
from reader.ui.platform_check import CJK_FONT_PACKAGE, display_reachable, has_cjk_font, platform_problem
from reader.ui.settings import MAX_RECENT_FILES, AppSettings

UI_DIR = Path(__file__).resolve().parent.parent / "reader" / "ui"
PLACEHOLDER = re.compile(r"%\d|%n|\{\w+\}")


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.from_file(tmp_path / "settings.ini")


@pytest.fixture
def chinese(qapp):
    translator = install_translator(qapp, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield translator
    install_translator(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_ui_is_chinese_under_a_chinese_locale(qtbot, chinese, settings: AppSettings) -> None:
    assert chinese is not None
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["文件(&F)", "视图(&V)", "跳转(&G)"]
    assert window.nav_tabs.tabText(0) == "发言人"
    window.show_transcript(briefing(), None)
    assert window.speaker_nav.model().index(0, 0).data() == "主持人"


def test_ui_is_english_otherwise(qtbot, qapp, settings: AppSettings) -> None:
    assert install_translator(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany)) is None
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&File", "&View", "&Go"]
    assert tr("Hosts") == "Hosts"


def translatable_strings(path: Path) -> set[str]:
    """Literal first arguments of ``tr(...)`` and ``self.tr(...)`` calls (adjacent literals joined)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        first = node.args[0]
        if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
    return found


def test_every_ui_string_has_a_chinese_translation_with_its_placeholders() -> None:
    sources: set[str] = set()
    for path in UI_DIR.glob("*.py"):
        sources |= translatable_strings(path)
    assert "Hosts" in sources and len(sources) > 50
    missing = sorted(s for s in sources if s not in CATALOGUE_ZH)
    assert not missing, missing
    for source, chinese in CATALOGUE_ZH.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(chinese)), source


def test_qt_own_strings_are_chinese_too(chinese) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("QWidgetTextControl", "&Copy") == "复制(&C)"


def test_strings_nobody_translated_stay_as_written(chinese) -> None:
    unknown = "A sentence in no catalogue"
    assert QCoreApplication.translate("AnyPanel", unknown) == unknown


def test_plural_placeholder_is_filled_by_qt(chinese) -> None:
    assert QCoreApplication.translate("AnyPanel", "cited %n times", None, 3) == "引用 3 次"


def test_missing_xcb_library_names_the_apt_package() -> None:
    problem = platform_problem({"DISPLAY": ":0"}, "linux",
                               libraries=(("libc.so.6", "libc6"), ("libxcb-nothing.so.9", "libxcb-cursor0")),
                               reachable=lambda display: True)
    assert problem is not None
    assert "sudo apt install libxcb-cursor0" in problem and "libc6" not in problem


def test_platform_checks_only_where_they_apply() -> None:
    missing = (("libxcb-nothing.so.9", "libxcb-cursor0"),)
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", libraries=missing) is None
    assert platform_problem({"DISPLAY": ":0"}, "darwin", libraries=missing) is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", libraries=missing) is None
    assert "DISPLAY" in (platform_problem({}, "linux", libraries=missing) or "")
    assert platform_problem({"DISPLAY": ":0"}, "linux", libraries=(("libc.so.6", "libc6"),),
                            reachable=lambda display: True) is None


def test_a_display_nobody_answers_at_is_named_not_left_to_qt_s_abort() -> None:
    problem = platform_problem({"DISPLAY": ":55"}, "linux", reachable=lambda display: False)
    assert problem is not None and "':55'" in problem and "apt install" not in problem


def test_a_display_is_reachable_when_an_x_server_listens_there() -> None:
    import socket

    number = 4000 + os.getpid() % 1000
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")  # Linux's abstract name, as Xorg listens
        server.listen(1)
        assert display_reachable(f":{number}") and display_reachable(f"unix:{number}.0")
    assert not display_reachable(f":{number}")
    assert display_reachable("no colon here")  # a form we cannot read is Qt's to judge


def test_window_with_an_unreachable_display_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TRANSCRIPT_READER_CACHE_DIR": "off",
           "DISPLAY": ":55", "TRANSCRIPT_READER_SETTINGS": str(tmp_path / "s.ini")}
    result = subprocess.run([sys.executable, "-m", "reader"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 2, result.stderr
    assert "':55'" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def test_window_without_a_display_explains_instead_of_aborting(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TRANSCRIPT_READER_CACHE_DIR": "off"}
    result = subprocess.run([sys.executable, "-m", "reader"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 2
    assert "DISPLAY" in result.stderr and "--screenshot" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr


def test_missing_cjk_font_shows_a_notice(qtbot, settings: AppSettings,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert has_cjk_font()  # fonts-noto-cjk is installed where the tests run
    monkeypatch.setattr("reader.ui.main_window.has_cjk_font", lambda: False)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert any(CJK_FONT_PACKAGE in text for text in window.banners.texts())


def test_excepthook_shows_a_dialog_instead_of_dying(qapp, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_unexpected_error",
                        lambda parent, summary, detail: shown.append(summary))
    hook = ExceptHook()
    hook.install()
    try:
        assert sys.excepthook is hook
        try:
            raise ValueError("boom")
        except ValueError as exc:
            hook(ValueError, exc, exc.__traceback__)
    finally:
        hook.uninstall()
    assert shown == ["ValueError: boom"]
    assert "ValueError: boom" in capsys.readouterr().err
    assert sys.excepthook is not hook


def test_recent_files_are_unique_newest_first_and_bounded(settings: AppSettings, tmp_path: Path) -> None:
    for i in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(str(tmp_path / f"{i}.md"))
    settings.add_recent_file(str(tmp_path / "5.md"))
    files = settings.recent_files
    assert files[0] == str(tmp_path / "5.md") and len(files) == MAX_RECENT_FILES
    assert len(set(files)) == len(files)
    reopened = AppSettings.from_file(tmp_path / "settings.ini")
    settings.sync()
    assert reopened.recent_files == files


def test_progress_fraction_accepts_both_callback_styles() -> None:
    assert progress_fraction(0.25) == 0.25
    assert progress_fraction(3, 4) == 0.75
    assert progress_fraction(50) == 0.5
    assert progress_fraction() is None


def slow_load(steps: int, started: threading.Event | None = None):
    def load(path: str, progress=None) -> Transcript:
        if started is not None:
            started.set()
        for i in range(steps):
            time.sleep(0.02)
            if progress is not None:
                progress(i / steps)
        return briefing()
    return load


def test_cancel_stops_a_long_load_and_keeps_the_document(qtbot, settings: AppSettings,
                                                         tmp_path: Path) -> None:
    window = MainWindow(settings, loader=DocumentLoader(load=slow_load(500)))
    qtbot.addWidget(window)
    window.show()
    before = briefing(filler=1)
    window.show_transcript(before, None)
    window.open_file(str(tmp_path / "big.md"))
    qtbot.waitUntil(window.progress.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=3000)
    with qtbot.waitSignal(window.loader.cancelled, timeout=3000):
        qtbot.mouseClick(window.cancel_button, qtbot_button())
    assert not window.progress.isVisible()
    assert window.transcript is before
    window.loader.shutdown()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_event_loop_keeps_running_while_a_file_loads(qtbot, settings: AppSettings, tmp_path: Path) -> None:
    window = MainWindow(settings, loader=DocumentLoader(load=slow_load(40)))
    qtbot.addWidget(window)
    window.show()
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    with qtbot.waitSignal(window.documentShown, timeout=5000):
        window.open_file(str(tmp_path / "doc.md"))
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 20 and max(gaps) < 0.1


def test_loader_reports_reader_errors_and_parser_bugs(qtbot) -> None:
    def broken(path: str, progress=None) -> Transcript:
        if path.endswith("bad"):
            raise ReaderError(path, "not a transcript")
        raise KeyError("bug")

    loader = DocumentLoader(load=broken)
    with qtbot.waitSignal(loader.failed, timeout=3000) as blocker:
        loader.start("x.bad")
    assert blocker.args == ["x.bad", "not a transcript"]
    with qtbot.waitSignal(loader.failed, timeout=3000) as blocker:
        loader.start("x.md")
    assert blocker.args[0] == "x.md" and "unexpected error" in blocker.args[1]
    loader.shutdown()


def test_long_documents_paint_matches_on_screen(qtbot, settings: AppSettings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    window.show_transcript(briefing(filler=320), None)
    window.search("补充说明")
    assert window.view.match_count == len(window.matches) > 2000
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    target = QColor(MATCH_COLOR)
    yellow = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                 if image.pixelColor(x, y) == target)
    assert yellow > 50
    window.search("")
    window.view.viewport().repaint()
    image = window.view.viewport().grab().toImage()
    assert not any(image.pixelColor(x, y) == target
                   for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
