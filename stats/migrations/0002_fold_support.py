"""What the fold needs outside its own tables: the deletion trigger on likes and comments, the coupon indexes that find
redemptions and expiries by time, and compressed bitmap rows."""

from django.db import migrations

FORWARD = """
CREATE FUNCTION stats_social_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stats_socialdeletion (source, row_id, checkin_id, deleted_at)
    VALUES (TG_ARGV[0], OLD.id, OLD.checkin_id, now());
    RETURN NULL;
END $$;
CREATE TRIGGER stats_like_deleted AFTER DELETE ON social_like
    FOR EACH ROW EXECUTE FUNCTION stats_social_deleted('like');
CREATE TRIGGER stats_comment_deleted AFTER DELETE ON social_comment
    FOR EACH ROW EXECUTE FUNCTION stats_social_deleted('comment');
CREATE INDEX stats_coupon_redeemed_at ON coupons_coupon (redeemed_at) WHERE redeemed_at IS NOT NULL;
-- Hourly bitmaps are mostly zeros: compress them (lz4) even though a row is only 1 KiB.
ALTER TABLE stats_bitmap ALTER COLUMN bits SET COMPRESSION lz4;
ALTER TABLE stats_bitmap SET (toast_tuple_target = 128);
ALTER TABLE stats_bitmap ALTER COLUMN bits SET STORAGE MAIN;
"""

BACKWARD = """
DROP TRIGGER IF EXISTS stats_like_deleted ON social_like;
DROP TRIGGER IF EXISTS stats_comment_deleted ON social_comment;
DROP FUNCTION IF EXISTS stats_social_deleted();
DROP INDEX IF EXISTS stats_coupon_redeemed_at;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0001_initial"),
        ("social", "0001_initial"),
        ("coupons", "0002_coupon_issuance"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
