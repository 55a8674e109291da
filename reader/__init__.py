"""Transcript Reader: read press-conference transcripts by speaker, figure and search term."""

__version__ = "0.1.0"
