"""Styles, thematic maps and their export."""
