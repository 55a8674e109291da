"""Plain numbers about one transcript (counts, shares, series) that the metrics panel draws."""
