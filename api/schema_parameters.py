"""The path parameters of the API, each described once: views list the ones their path holds (all are ids, of
api.schema's ID_SCHEMA)."""

from drf_spectacular.utils import OpenApiParameter

from api.schema import ID_SCHEMA


def _path_id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, ID_SCHEMA, OpenApiParameter.PATH, description=description)


MERCHANT_ID = _path_id(
    "merchant_id", "The merchant's id (`id` of a nearby search result, or of your registration's answer)."
)
CAMPAIGN_ID = _path_id("campaign_id", "The campaign's id (from GET /merchants/{merchant_id}/campaigns).")
CHECKIN_ID = _path_id("checkin_id", "The check-in's id (`id` of a feed item, or of your check-in).")
COMMENT_ID = _path_id("comment_id", "The comment's id, on this check-in.")
COUPON_ID = _path_id("coupon_id", "The id of a coupon in your wallet (GET /me/coupons); anyone else's is a 404.")
REDEMPTION_ID = _path_id("redemption_id", "The redemption's id, at this merchant (GET /merchants/{id}/redemptions).")
FRIEND_REQUEST_ID = _path_id(
    "request_id", "The friend request's id (from GET /friends/requests or the `friend_request` notification)."
)
FRIEND_ID = _path_id("user_id", "Your friend's user id (`id` in GET /friends).")
STAFF_USER_ID = _path_id("user_id", "The staff member's user id (`user.id` in GET /merchants/{merchant_id}/staff).")
