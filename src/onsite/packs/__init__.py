"""Content packs: the on-disk format, its loading and its validation."""
