"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import Migrate

from app.extensions import db


def test_models_and_migrations_agree(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == [], f"models and migrations disagree; add a migration: {diff}"


def test_one_linear_history(app):
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config() if hasattr(app.extensions["migrate"], "migrate") \
            else Migrate().get_config(app.extensions["migrate"].directory)
        script = ScriptDirectory.from_config(config)
        heads = script.get_heads()
        assert len(heads) == 1, f"more than one head: {heads}"
        for revision in script.walk_revisions():
            down = revision.down_revision
            assert down is None or isinstance(down, str), f"{revision.revision} merges branches"


def test_database_is_at_head(app):
    with app.app_context(), db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        config = Migrate().get_config(app.extensions["migrate"].directory)
        assert current == ScriptDirectory.from_config(config).get_current_head()
