"""The location access log is append-only in the database too: UPDATE is refused (DELETE stays, for the retention
purge and account erasure)."""

from django.db import migrations

_FORWARD = """
CREATE FUNCTION accounts_locationlogentry_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the location log is append-only: entries cannot be changed'
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER accounts_locationlogentry_append_only
    BEFORE UPDATE ON accounts_locationlogentry
    FOR EACH ROW EXECUTE FUNCTION accounts_locationlogentry_refuse_update();
"""

_BACKWARD = """
DROP TRIGGER IF EXISTS accounts_locationlogentry_append_only ON accounts_locationlogentry;
DROP FUNCTION IF EXISTS accounts_locationlogentry_refuse_update();
"""


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_privacy")]

    operations = [migrations.RunSQL(_FORWARD, _BACKWARD)]
