"""The Qt layer. Only this package (and ``reader.app``) imports PySide6 or pyqtgraph."""

from reader.ui.startup import install_fast_import_scan

install_fast_import_scan()  # if PySide6 is already loaded; reader.app also calls it once it is
