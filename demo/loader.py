"""Demo data: merchants in bulk (COPY), demo users with friendships, and the merchants the demo staff run."""

import random
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from tqdm import tqdm

from accounts.models import FriendRequest, Friendship, User
from checkins.models import Checkin
from core.outbox import outbox_event_consume, outbox_event_write
from coupons.models import Campaign
from demo.places import AREAS, place_generate
from geo.points import point_from_lat_lng
from merchants.models import Merchant, MerchantStaff
from social.services import checkin_fanout, comment_create, like_create

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 (printed demo login, not a secret)
# username, display name, role in the demo
DEMO_USERS = [
    ("minji", "민지", "app user, has friends and coupons"),
    ("jisoo", "지수", "app user, minji's friend"),
    ("hyunwoo", "현우", "app user, minji's friend"),
    ("seoyeon", "서연", "app user, jisoo's friend"),
    ("owner", "김사장", "merchant owner (Cheolsan Bakery, Haan Coffee)"),
    ("manager", "이매니저", "merchant manager at Cheolsan Bakery"),
    ("clerk", "박점원", "merchant clerk at Cheolsan Bakery"),
]
DEMO_FRIENDS = [("minji", "jisoo"), ("minji", "hyunwoo"), ("jisoo", "seoyeon"), ("jisoo", "hyunwoo")]
# The demo staff's shops, right next to the demo users' usual spot in Gwangmyeong (Cheolsan station).
DEMO_SHOPS = [
    ("철산 행복 베이커리", "bakery", "경기도 광명시 철산로 12", 37.47612, 126.86793),
    ("하안 골목 커피", "cafe", "경기도 광명시 하안로 208", 37.47655, 126.86901),
]
CHEOLSAN = (37.4762, 126.8680)


def merchants_bulk_load(*, count: int, seed: int = 7, chunk: int = 50_000, progress: bool = True) -> int:
    """Append `count` generated merchants with COPY (about 10 s per 100,000 rows with the GiST index in place)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    columns = "(name, category, address, location, checkin_radius_m, timezone, created_at)"
    bar = tqdm(total=count, unit="merchants", disable=not progress, mininterval=0.5)
    loaded = 0
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # the psycopg cursor, for COPY
        while loaded < count:
            size = min(chunk, count - loaded)
            with transaction.atomic(), cursor.copy(f"COPY merchants_merchant {columns} FROM STDIN") as copy:
                for _ in range(size):
                    place = place_generate(rng)
                    copy.write_row(
                        (
                            place.name,
                            place.category,
                            place.address,
                            f"SRID=4326;POINT({place.lng} {place.lat})",
                            rng.choice((50, 100, 100, 100, 150)),
                            "Asia/Seoul",
                            now,
                        )
                    )
            loaded += size
            bar.update(size)
        django_cursor.execute("ANALYZE merchants_merchant")
    bar.close()
    return loaded


@transaction.atomic
def demo_people_load() -> dict[str, User]:
    """The demo users, their friendships and the demo staff's merchants; idempotent."""
    users = {}
    for username, display_name, _ in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"display_name": display_name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        users[username] = user
    for a, b in DEMO_FRIENDS:
        if not Friendship.objects.filter(user=users[a], friend=users[b]).exists():
            FriendRequest.objects.create(from_user=users[a], to_user=users[b], status=FriendRequest.Status.ACCEPTED)
            Friendship.objects.bulk_create(
                [Friendship(user=users[a], friend=users[b]), Friendship(user=users[b], friend=users[a])],
                ignore_conflicts=True,
            )
    for index, (name, category, address, lat, lng) in enumerate(DEMO_SHOPS):
        merchant = Merchant.objects.filter(name=name, staff_roles__user=users["owner"]).first()
        if merchant is None:
            merchant = Merchant.objects.create(
                name=name, category=category, address=address, location=point_from_lat_lng(lat, lng)
            )
            MerchantStaff.objects.create(merchant=merchant, user=users["owner"], role=MerchantStaff.Role.OWNER)
            if index == 0:
                MerchantStaff.objects.create(merchant=merchant, user=users["manager"], role=MerchantStaff.Role.MANAGER)
                MerchantStaff.objects.create(merchant=merchant, user=users["clerk"], role=MerchantStaff.Role.CLERK)
    demo_feed_load(users=users)
    return users


# More of minji's (and jisoo's) friends, so that the feed is lively; they log in with the demo password too.
DEMO_FEED_FRIENDS = [("daeun", "다은"), ("junho", "준호"), ("yuna", "유나")]
# (who, shop index in DEMO_SHOPS, hours ago, message, visibility): shared check-ins, fanned out as the worker would.
DEMO_FEED = [
    ("jisoo", 0, 1.5, "소금빵 방금 나왔어요! 🥐", "friends"),
    ("hyunwoo", 1, 5, "하안 골목 커피 라떼 최고", "public"),
    ("daeun", 0, 9, "친구랑 케이크 먹으러 왔어요", "friends"),
    ("junho", 1, 20, "", "friends"),
    ("seoyeon", 1, 26, "공부하기 좋은 카페", "friends"),
    ("yuna", 0, 30, "아침 빵 쇼핑", "public"),
    ("minji", 0, 40, "단골 빵집 체크인!", "friends"),
    ("jisoo", 1, 50, "비 오는 날엔 라떼", "friends"),
    ("hyunwoo", 0, 70, "혼자만 아는 곳", "private"),
]
# (who, index in DEMO_FEED) likes; (who, index in DEMO_FEED, text) comments
DEMO_LIKES = [("minji", 0), ("hyunwoo", 0), ("jisoo", 6), ("hyunwoo", 6), ("daeun", 6), ("minji", 1), ("yuna", 1), ("daeun", 0)]
DEMO_COMMENTS = [
    (0, "hyunwoo", "나도 갈래!"),
    (6, "jisoo", "같이 가자!"),
    (6, "minji", "내일 또 와야지"),
    (2, "minji", "맛있겠다"),
]


def demo_feed_load(*, users: dict[str, User]) -> None:
    """Friends with a history of shared check-ins at the demo shops, fanned out to their feeds (through the outbox,
    applied here at once), with likes, comments and the notifications they cause; idempotent."""
    if Checkin.objects.filter(user=users["jisoo"], message=DEMO_FEED[0][3]).exists():
        return
    now = datetime.now(UTC)
    for username, display_name in DEMO_FEED_FRIENDS:
        user, created = User.objects.get_or_create(username=username, defaults={"display_name": display_name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        users[username] = user
        for friend in ("minji", "jisoo"):
            Friendship.objects.bulk_create(
                [Friendship(user=user, friend=users[friend]), Friendship(user=users[friend], friend=user)],
                ignore_conflicts=True,
            )
    # Friends for a month: a check-in reaches only those who were friends when it was made.
    Friendship.objects.filter(user__in=users.values(), friend__in=users.values()).update(
        created_at=now - timedelta(days=30)
    )
    shops = [Merchant.objects.filter(name=shop[0], staff_roles__user=users["owner"]).first() for shop in DEMO_SHOPS]
    checkins = []
    for username, shop_index, hours_ago, message, visibility in DEMO_FEED:
        shop = shops[shop_index]
        checkin = Checkin.objects.create(
            user=users[username],
            merchant=shop,
            location=shop.location,
            accuracy_m=12,
            distance_m=8.5,
            message=message,
            visibility=visibility,
            created_at=now - timedelta(hours=hours_ago),
        )
        event = outbox_event_write(topic="checkin.created", payload={"checkin_id": checkin.pk})
        outbox_event_consume(
            event_id=event.pk,
            handler=lambda payload, event_id=event.pk: checkin_fanout(
                event_id=event_id, checkin_id=payload["checkin_id"]
            ),
        )
        checkins.append(checkin)
    for username, index in DEMO_LIKES:
        like_create(user=users[username], checkin_id=checkins[index].pk)
    for index, username, text in DEMO_COMMENTS:
        comment_create(user=users[username], checkin_id=checkins[index].pk, text=text)


# (shop index in DEMO_SHOPS, title, trigger, total stock, holdout percent)
DEMO_CAMPAIGNS = [
    (0, "갓 구운 빵 1+1 (매 체크인)", {"type": "every_checkin"}, 500, 0),
    (0, "첫 방문 아메리카노 무료", {"type": "first_visit"}, None, 0),
    (0, "친구 2명과 함께 오면 케이크 한 조각", {"type": "with_friends", "friends": 2, "window_minutes": 60}, 200, 0),
    (1, "다섯 번째 방문마다 음료 무료", {"type": "nth_visit", "visits": 5}, None, 0),
    (1, "라떼 20% 할인 (효과 측정 홀드아웃 20%)", {"type": "every_checkin"}, 1000, 20),
]
DEMO_RANDOM_CAMPAIGNS = 300
_RANDOM_TITLES = ["오늘의 커피 할인", "체크인 감사 쿠폰", "첫 방문 10% 할인", "친구와 함께 오면 서비스", "단골 스탬프"]
_RANDOM_TRIGGERS = [
    {"type": "every_checkin"},
    {"type": "first_visit"},
    {"type": "with_friends", "friends": 1, "window_minutes": 120},
    {"type": "nth_visit", "visits": 3},
]


@transaction.atomic
def demo_campaigns_load(*, seed: int = 7) -> int:
    """Running campaigns on the demo shops (one per trigger, one with a holdout) and on a few hundred generated
    merchants near the demo users; idempotent (campaigns are added only where the demo has none yet)."""
    now = datetime.now(UTC)
    owner = User.objects.filter(username="owner").first()
    created = 0
    shops = [Merchant.objects.filter(name=shop[0], staff_roles__user=owner).first() for shop in DEMO_SHOPS]
    for index, title, trigger, stock, holdout in DEMO_CAMPAIGNS:
        shop = shops[index]
        if shop is None or Campaign.objects.filter(merchant=shop, title=title).exists():
            continue
        Campaign.objects.create(
            merchant=shop,
            title=title,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=365),
            trigger=trigger,
            total_stock=stock,
            holdout_percent=holdout,
            created_by=owner,
        )
        created += 1
    already = Campaign.objects.filter(created_by__isnull=True, title__startswith="[데모]").count()
    wanted = DEMO_RANDOM_CAMPAIGNS - already
    if wanted > 0:
        rng = random.Random(seed)
        lat, lng = CHEOLSAN
        # The generated merchants nearest the demo users' spot that have no campaign yet.
        candidates = list(
            Merchant.objects.filter(campaigns__isnull=True, staff_roles__isnull=True)
            .filter(location__dwithin=(point_from_lat_lng(lat, lng), 20_000))
            .order_by("id")
            .values_list("id", flat=True)[: wanted * 3]
        )
        rng.shuffle(candidates)
        Campaign.objects.bulk_create(
            Campaign(
                merchant_id=merchant_id,
                title=f"[데모] {rng.choice(_RANDOM_TITLES)}",
                starts_at=now - timedelta(days=1),
                ends_at=now + timedelta(days=rng.choice((30, 90, 365))),
                trigger=rng.choice(_RANDOM_TRIGGERS),
                total_stock=rng.choice((None, 100, 1000)),
                per_user_limit=rng.choice((1, 1, 2)),
                holdout_percent=rng.choice((0, 0, 10, 20)),
            )
            for merchant_id in candidates[:wanted]
        )
        created += min(wanted, len(candidates))
    return created


def demo_is_loaded() -> bool:
    """Whether the demo users exist already."""
    return User.objects.filter(username=DEMO_USERS[0][0]).exists()


def demo_logins_text() -> str:
    """The printed list of demo logins."""
    lines = [f"  Demo logins (password for all: {DEMO_PASSWORD})"]
    lines += [f"    {username:<9} {note}" for username, _, note in DEMO_USERS]
    return "\n".join(lines)


__all__ = [
    "AREAS",
    "CHEOLSAN",
    "merchants_bulk_load",
    "demo_people_load",
    "demo_campaigns_load",
    "demo_is_loaded",
    "demo_logins_text",
]
