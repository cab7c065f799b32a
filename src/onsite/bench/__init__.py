"""Benchmarks that print figures: `python -m onsite.bench judge`."""
