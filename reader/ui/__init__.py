"""The Qt layer. Only this package (and ``reader.app``) imports PySide6 or pyqtgraph."""
