"""Sessions: every action an interface offers is one call into this package."""
