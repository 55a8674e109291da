"""Searching a transcript: the folded index, match spans, and the cursor that steps through them."""
