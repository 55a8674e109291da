"""Text as every stage reads it: one folding module, the common characters, dates."""
