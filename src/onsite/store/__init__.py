"""Storage: SQLAlchemy 2 models, Alembic migrations, one engine per database URL."""
