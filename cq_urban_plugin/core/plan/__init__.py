"""What the plans say: the catalogue model and reader, township names, tagging. No geometry."""
