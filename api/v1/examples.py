"""The people, places and things the schema's examples show, so that every example tells one consistent story.

Minji (42) checks in at Cheolsan Bakery (17) in Gwangmyeong, at 09:14 Seoul time on 2 December 2026, and earns a coupon
of its "every 3rd visit" campaign (31); her friend Jisoo (57) likes and comments. Kim Young-ho (4) owns the bakery,
Lee Do-hyun (5) manages it and Park Seo-yeon (6) works at its counter. Times are as the API writes them: UTC (`Z`),
except the statistics, which are in the merchant's local time (`+09:00`).
"""

MINJI = {"id": 42, "username": "minji", "display_name": "민지"}
JISOO = {"id": 57, "username": "jisoo", "display_name": "지수"}
OWNER = {"id": 4, "username": "youngho.kim", "display_name": "김영호"}
MANAGER = {"id": 5, "username": "dohyun.lee", "display_name": "이도현"}
CLERK = {"id": 6, "username": "seoyeon.park", "display_name": "박서연"}

MINJI_ACCOUNT = {**MINJI, "email": "minji@example.com", "date_joined": "2026-03-14T01:22:09.418305Z"}
ME = {**MINJI_ACCOUNT, "language": "ko", "default_visibility": "friends"}

# Tokens of the real form (header, claims, signature), signed with a key that signs nothing else.
ACCESS_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNzk2MTcyMDAwLCJpYXQiOjE3OTYxNzAyMDA"  # noqa: S105
    "sImp0aSI6IjU4NTFhYmIzNjYwM2RkMjIwMzIzYmYxYmMyOTVhOGI0IiwidXNlcl9pZCI6IjQyIn0.ePnMr41vGSCvSHvm70PoUXIK-FlgsFNsbOT"
    "nDX4uiOg"
)
REFRESH_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTc5NzM3OTgwMCwiaWF0IjoxNzk2MTcwMjA"  # noqa: S105
    "wLCJqdGkiOiI2MDNlMGU3MzlmOTAxZmJiZjBhODI5YzdhODc3NjBkNSIsInVzZXJfaWQiOiI0MiJ9._oLui5fdfBXfxJZTF947o8KP4Wi8C5KgP5"
    "2ENTV-Nbo"
)
TOKEN_PAIR = {"access": ACCESS_TOKEN, "refresh": REFRESH_TOKEN}

# Cheolsan Bakery, as registered (the original texts are English; Korean and Japanese translations).
MERCHANT_BRIEF = {"id": 17, "name": "Cheolsan Bakery"}
MERCHANT_LOCATION = {"lat": 37.4762, "lng": 126.868}
MERCHANT = {
    **MERCHANT_BRIEF,
    "category": "bakery",
    "address": "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do",
    "location": MERCHANT_LOCATION,
    "checkin_radius_m": 100,
    "timezone": "Asia/Seoul",
    "created_at": "2026-02-20T05:41:12.204518Z",
}
MERCHANT_TRANSLATIONS = {
    "ko": {"name": "철산 베이커리", "address": "경기도 광명시 철산로 12"},
    "ja": {"name": "チョルサン・ベーカリー"},
}
MERCHANT_FOR_STAFF = {**MERCHANT, "translations": MERCHANT_TRANSLATIONS}

CAMPAIGN_TITLE = "Every 3rd visit: free americano"
CAMPAIGN = {
    "id": 31,
    "merchant_id": 17,
    "title": CAMPAIGN_TITLE,
    "description": "Show the coupon at the counter for a free hot or iced americano.",
    "starts_at": "2026-12-01T00:00:00Z",
    "ends_at": "2027-01-31T14:59:00Z",
    "trigger": {"type": "nth_visit", "visits": 3},
    "total_stock": 500,
    "per_user_limit": 5,
    "coupon_valid_days": 14,
    "daily_start_time": "08:00:00",
    "daily_end_time": "21:00:00",
    "holdout_percent": 10,
    "status": "running",
    "issued_count": 128,
    "remaining_stock": 372,
    "paused_at": None,
    "ended_at": None,
    "created_at": "2026-11-27T06:12:40.551903Z",
    "translations": {
        "ko": {"title": "3번째 방문마다 아메리카노 무료", "description": "계산대에서 쿠폰을 보여 주세요."},
        "ja": {"title": "3回目の来店ごとにアメリカーノ無料"},
    },
}

# Minji's check-in and the coupon it earned.
CHECKIN_AT = "2026-12-02T00:14:03.601284Z"
CHECKIN = {
    "id": 90412,
    "merchant": MERCHANT_BRIEF,
    "created_at": CHECKIN_AT,
    "distance_m": 10.8,
    "visibility": "friends",
    "message": "Fresh bread!",
}
COUPON_CODE = "7K2M9QXD4T"
COUPON = {
    "id": 9120,
    "code": COUPON_CODE,
    "title": CAMPAIGN_TITLE,
    "campaign_id": 31,
    "merchant": MERCHANT_BRIEF,
    "status": "active",
    "issued_at": CHECKIN_AT,
    "expires_at": "2026-12-16T00:14:03.601284Z",
    "redeemed_at": None,
}
WALLET_COUPON = {**COUPON, "qr_url": "https://api.example.org/api/v1/me/coupons/9120/qr.png"}
REDEEMED_AT = "2026-12-02T05:02:11.274310Z"

# The campaign's statistics on its second morning (`?from=2026-12-01&to=2026-12-02`): its own figures are in the
# merchant's local time; `as_of` is the last rollup fold, in UTC.
STATS_AS_OF = "2026-12-02T01:59:12.331054+00:00"
_STATS_RANGE = {"from": "2026-12-01T09:00:00+09:00", "to": "2026-12-02T11:00:00+09:00"}
_STATS_CHECKINS = {"checkins": 214, "unique_visitors": 167, "new_visitors": 58}
CAMPAIGN_STATS = {
    "campaign_id": 31,
    "merchant_id": 17,
    "title": CAMPAIGN_TITLE,
    "timezone": "Asia/Seoul",
    "bucket": "day",
    **_STATS_RANGE,
    "as_of": STATS_AS_OF,
    "totals": {
        **_STATS_CHECKINS,
        "returning_visitors": 109,
        "coupons_issued": 41,
        "coupons_redeemed": 12,
        "coupons_expired": 0,
        "redemption_rate": 0.2927,
        "median_minutes_to_redeem": 47.5,
        "friend_impressions": 1320,
        "likes": 96,
        "comments": 18,
        "engagement_rate": 0.0864,
        "referred_visitors": 9,
    },
    "funnel": {"viewers": 402, "checked_in": 167, "eligible": 46, "issued": 41, "redeemed": 12, "returned_30d": 5},
    "baseline": {
        "from": "2026-11-30T07:00:00+09:00",
        "to": "2026-12-01T09:00:00+09:00",
        "checkins": 61,
        "unique_visitors": 55,
        "new_visitors": 12,
        "returning_visitors": 43,
    },
    "lift": {"checkins": 3.5082, "unique_visitors": 3.0364},
    "holdout": {
        "treated": {"users": 41, "revisited": 9, "revisit_rate": 0.2195},
        "holdout": {"users": 5, "revisited": 1, "revisit_rate": 0.2},
        "incremental_revisit_rate": 0.0195,
        "confidence_interval_95": [-0.3533, 0.3923],
        "enough_data": False,
        "significant": False,
    },
    "series": [
        {
            "bucket_start": "2026-12-01T00:00:00+09:00",
            "checkins": 131,
            "unique_visitors": 104,
            "coupons_issued": 25,
            "coupons_redeemed": 7,
        },
        {
            "bucket_start": "2026-12-02T00:00:00+09:00",
            "checkins": 83,
            "unique_visitors": 71,
            "coupons_issued": 16,
            "coupons_redeemed": 5,
        },
    ],
}
CAMPAIGN_STATS_CSV = (
    "bucket_start,checkins,unique_visitors,coupons_issued,coupons_redeemed\r\n"
    "2026-12-01T00:00:00+09:00,131,104,25,7\r\n"
    "2026-12-02T00:00:00+09:00,83,71,16,5\r\n"
)
MERCHANT_STATS = {
    "merchant": {**MERCHANT_BRIEF, "timezone": "Asia/Seoul"},
    "role": "owner",
    "as_of": STATS_AS_OF,
    "campaigns": [
        {
            "id": 31,
            "title": CAMPAIGN_TITLE,
            "status": "running",
            "starts_at": "2026-12-01T00:00:00+00:00",
            "ends_at": "2027-01-31T14:59:00+00:00",
            "holdout_percent": 10,
            **_STATS_RANGE,
            **_STATS_CHECKINS,
            "coupons_issued": 41,
            "coupons_redeemed": 12,
            "redemption_rate": 0.2927,
        }
    ],
}
