"""Figures: numerals and units, the scan, relations between figures, attribution, the filter."""
