"""Demo data: merchants in bulk (COPY), demo users with friendships, and the merchants the demo staff run."""

import random
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from tqdm import tqdm

from accounts.models import ConsentChange, FriendRequest, Friendship, User
from checkins.models import Checkin
from core.outbox import outbox_event_consume, outbox_event_write
from coupons.codes import coupon_code_new
from coupons.eligibility import in_holdout, within_daily_hours
from coupons.models import Campaign, CampaignEligibility, CampaignUserCount, Coupon, Redemption
from coupons.triggers import Visit, VisitsSince, trigger_members
from demo.places import AREAS, place_generate
from geo.points import point_from_lat_lng
from merchants.models import Merchant, MerchantStaff
from social.models import Comment, FeedDelivery, Like
from social.services import checkin_fanout, comment_create, like_create
from stats.models import MerchantView
from stats.services import rollups_fold

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
    columns = "(name, category, address, location, checkin_radius_m, timezone, translations, created_at)"
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
                            "{}",  # the column has no database default (Merchant.translations)
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
    demo_consents_grant()
    return users


def demo_consents_grant() -> int:
    """Every demo user (the app users, the staff, the history's customers) has agreed to the collection of their
    location, each with its ConsentChange under the current terms (bulk); idempotent. Returns how many agreed now."""
    names = [username for username, *_ in DEMO_USERS] + [username for username, _ in DEMO_FEED_FRIENDS]
    demo_users = Q(username__in=names) | Q(username__regex=r"^customer[0-9]{4}$")
    now = datetime.now(UTC)
    with transaction.atomic():
        ids = list(
            User.objects.filter(demo_users, location_consent=False).select_for_update().values_list("pk", flat=True)
        )
        User.objects.filter(pk__in=ids).update(location_consent=True, location_consent_changed_at=now)
        ConsentChange.objects.bulk_create(
            (
                ConsentChange(
                    user_id=user_id,
                    kind=ConsentChange.Kind.LOCATION,
                    granted=True,
                    terms_version=settings.LOCATION_TERMS_VERSION,
                    changed_at=now,
                )
                for user_id in ids
            ),
            batch_size=5000,
        )
    return len(ids)


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
DEMO_LIKES = [
    ("minji", 0),
    ("hyunwoo", 0),
    ("jisoo", 6),
    ("hyunwoo", 6),
    ("daeun", 6),
    ("minji", 1),
    ("yuna", 1),
    ("daeun", 0),
]
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


# Months of history behind two campaigns of the demo shops, one running and one ended, both with a 20% holdout, so
# that every statistics chart, the funnel, the baseline and the holdout verdict show something from the first run.
# (shop index, title, trigger, per-user limit, days since start, days until end)
DEMO_HISTORY_CAMPAIGNS = [
    (0, "단골 감사 쿠폰 (효과 측정, 홀드아웃 20%)", {"type": "every_checkin"}, 3, 60, 30),
    (1, "가을 라떼 시즌 (세 번째 방문마다, 홀드아웃 20%)", {"type": "nth_visit", "visits": 3}, 5, 50, -5),
]
DEMO_HISTORY_DAYS = 120
DEMO_HISTORY_CUSTOMERS = 1500


def _trigger_met(campaign, user_id: int, checkin_id: int, at, *, visits_since_start: int, first_visit: bool) -> bool:
    """Replay a campaign's trigger from the registry on a history visit (alone: group unlocks are not replayed)."""
    visit = Visit(
        checkin_id=checkin_id,
        user_id=user_id,
        merchant_id=campaign.merchant_id,
        merchant_name="",
        at=at,
        first_visit=first_visit,
        shared=False,
        facts={VisitsSince(campaign.starts_at): visits_since_start},
    )
    return bool(trigger_members(trigger=campaign.trigger, starts_at=campaign.starts_at, visit=visit))


def _campaign_offers(campaign, at, merchant) -> bool:
    """Whether the campaign issued at this moment: inside its period and its daily hours (it was never paused)."""
    return campaign.starts_at <= at < campaign.ends_at and within_daily_hours(
        start=campaign.daily_start_time, end=campaign.daily_end_time, at=at, timezone_name=merchant.timezone
    )


def _coupons_replay(campaigns: list, shops: list, *, now, rng, owner) -> tuple[list, list, dict]:
    """Every check-in at the demo shops, oldest first (the history's and the demo feed's), through every campaign
    running then, as the issuance rules would have gone: trigger, holdout, per-user limit, stock. Returns the
    eligibility records (campaign, user id, check-in, in holdout, coupon, at), the coupons (some redeemed) and the
    per-user slots {(campaign id, user id): coupons issued}."""
    by_shop = {shop.pk: [c for c in campaigns if c.merchant_id == shop.pk] for shop in shops}
    merchants = {shop.pk: shop for shop in shops}
    visits: dict = {}  # (merchant, user) -> check-ins so far, for the first visit
    since: dict = {}  # (campaign, user) -> check-ins since the campaign started
    slots: dict = {}
    issued = dict.fromkeys((c.pk for c in campaigns), 0)
    eligible, coupons = [], []
    for checkin in Checkin.objects.filter(merchant__in=shops).order_by("created_at", "id"):
        user_id, at, merchant = checkin.user_id, checkin.created_at, merchants[checkin.merchant_id]
        visits[(merchant.pk, user_id)] = visits.get((merchant.pk, user_id), 0) + 1
        for campaign in by_shop[merchant.pk]:
            if not _campaign_offers(campaign, at, merchant):
                continue
            key = (campaign.pk, user_id)
            since[key] = since.get(key, 0) + 1
            first = visits[(merchant.pk, user_id)] == 1
            if not _trigger_met(campaign, user_id, checkin.pk, at, visits_since_start=since[key], first_visit=first):
                continue
            held = in_holdout(campaign_id=campaign.pk, user_id=user_id, holdout_percent=campaign.holdout_percent)
            coupon = None
            in_stock = campaign.total_stock is None or issued[campaign.pk] < campaign.total_stock
            if not held and in_stock and slots.get(key, 0) < campaign.per_user_limit:
                slots[key] = slots.get(key, 0) + 1
                issued[campaign.pk] += 1
                redeemed = at + timedelta(hours=rng.uniform(0.2, 150)) if rng.random() < 0.55 else None
                redeemed = redeemed if redeemed and redeemed < now else None
                coupon = Coupon(
                    campaign=campaign,
                    merchant=merchant,
                    user_id=user_id,
                    code=coupon_code_new(),
                    checkin_id=checkin.pk,
                    issued_at=at,
                    expires_at=at + timedelta(days=campaign.coupon_valid_days),
                    redeemed_at=redeemed,
                    redeemed_by=owner if redeemed else None,
                )
                coupons.append(coupon)
            eligible.append((campaign, user_id, checkin, held, coupon, at))
    return eligible, coupons, slots


def demo_stats_history_load(*, seed: int = 7) -> int:
    """Four months of customers' check-ins, views, coupons, redemptions, feed deliveries, likes and comments at the
    demo shops (bulk inserts), then a rollup fold; idempotent. Returns the check-ins written."""
    owner = User.objects.filter(username="owner").first()
    shops = [Merchant.objects.filter(name=shop[0], staff_roles__user=owner).first() for shop in DEMO_SHOPS]
    if owner is None or None in shops or Campaign.objects.filter(title=DEMO_HISTORY_CAMPAIGNS[0][1]).exists():
        return 0
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    with transaction.atomic():
        campaigns = [
            Campaign.objects.create(
                merchant=shops[index],
                title=title,
                starts_at=now - timedelta(days=started),
                ends_at=now + timedelta(days=ends),
                trigger=trigger,
                per_user_limit=limit,
                coupon_valid_days=7,
                holdout_percent=20,
                created_by=owner,
            )
            for index, title, trigger, limit, started, ends in DEMO_HISTORY_CAMPAIGNS
        ]
        customers = User.objects.bulk_create(
            User(username=f"customer{i:04d}", password="!", display_name=f"손님 {i}")  # noqa: S106 (unusable)
            for i in range(DEMO_HISTORY_CUSTOMERS)
        )
        friends: dict[int, list[int]] = {c.pk: [] for c in customers}
        pairs = set()
        for _ in range(DEMO_HISTORY_CUSTOMERS * 3):
            a, b = rng.sample(customers, 2)
            if (a.pk, b.pk) not in pairs:
                pairs |= {(a.pk, b.pk), (b.pk, a.pk)}
                friends[a.pk].append(b.pk)
                friends[b.pk].append(a.pk)
        friendship_from = now - timedelta(days=DEMO_HISTORY_DAYS + 30)
        Friendship.objects.bulk_create(
            (Friendship(user_id=a, friend_id=b) for a, b in pairs), batch_size=5000, ignore_conflicts=True
        )
        Friendship.objects.filter(user__in=customers).update(created_at=friendship_from)
        visits, views = [], []
        for customer in customers:
            shop_index = 0 if rng.random() < 0.6 else 1
            shop, campaign = shops[shop_index], campaigns[shop_index]
            rate = rng.choice((0.006, 0.012, 0.025, 0.06))  # visits a day
            held = in_holdout(campaign_id=campaign.pk, user_id=customer.pk, holdout_percent=20)
            moment = now - timedelta(days=DEMO_HISTORY_DAYS - 10 * rng.random())
            offered = False
            while True:
                # During a campaign people come a little more often; those who got a coupon come back sooner.
                boost = 1.4 if campaign.starts_at <= moment < campaign.ends_at else 1.0
                boost *= 2.0 if offered else 1.0
                moment += timedelta(days=rng.expovariate(rate * boost), hours=rng.uniform(1, 3))
                if moment >= now - timedelta(minutes=5):
                    break
                if rng.random() < 0.3:
                    views.append(MerchantView(merchant=shop, user=customer, viewed_at=moment - timedelta(hours=2)))
                visits.append((customer, shop, campaign, held, moment))
                offered = offered or (campaign.starts_at <= moment < campaign.ends_at and not held)
        visits.sort(key=lambda visit: visit[4])
        checkins = Checkin.objects.bulk_create(
            (
                Checkin(
                    user=customer,
                    merchant=shop,
                    location=shop.location,
                    accuracy_m=rng.uniform(5, 30),
                    distance_m=rng.uniform(1, 40),
                    visibility="friends",
                    created_at=moment,
                )
                for customer, shop, _, _, moment in visits
            ),
            batch_size=5000,
        )
        MerchantView.objects.bulk_create(views, batch_size=5000)
        # Eligibility, coupons and redemptions as the triggers of every campaign running at the time would have given
        # them: the history campaigns and the demo shops' other campaigns (the "every check-in" one among them).
        replayed = campaigns + list(
            Campaign.objects.filter(merchant__in=shops, created_by=owner).exclude(pk__in=[c.pk for c in campaigns])
        )
        eligible, coupons, slots = _coupons_replay(replayed, shops, now=now, rng=rng, owner=owner)
        Coupon.objects.bulk_create(coupons, batch_size=5000)
        # Each redeemed coupon's standing redemption (the coupon's redeemed_at/redeemed_by mirror it).
        Redemption.objects.bulk_create(
            (
                Redemption(
                    coupon=coupon,
                    merchant_id=coupon.merchant_id,
                    redeemed_at=coupon.redeemed_at,
                    redeemed_by_id=coupon.redeemed_by_id,
                )
                for coupon in coupons
                if coupon.redeemed_at is not None
            ),
            batch_size=5000,
        )
        CampaignEligibility.objects.bulk_create(
            (
                CampaignEligibility(
                    campaign=campaign,
                    user_id=user_id,
                    checkin_id=checkin.pk,
                    in_holdout=held,
                    coupon=coupon,
                    created_at=at,
                )
                for campaign, user_id, checkin, held, coupon, at in eligible
            ),
            batch_size=5000,
        )
        # The per-user slots the live issuance counts on, and each campaign's issued count.
        CampaignUserCount.objects.bulk_create(
            (CampaignUserCount(campaign_id=c, user_id=u, issued=n) for (c, u), n in slots.items() if n),
            batch_size=5000,
        )
        for campaign in replayed:
            Campaign.objects.filter(pk=campaign.pk).update(
                issued_count=sum(c.campaign_id == campaign.pk for c in coupons)
            )
        # Shared check-ins reach friends' feeds a few seconds later; some get likes and comments.
        deliveries, likes, comments = [], set(), []
        for checkin in checkins:
            for recipient in rng.sample(friends[checkin.user_id], min(len(friends[checkin.user_id]), 4)):
                delivered = checkin.created_at + timedelta(seconds=rng.randint(2, 90))
                deliveries.append(
                    FeedDelivery(
                        recipient_id=recipient,
                        checkin=checkin,
                        author_id=checkin.user_id,
                        merchant_id=checkin.merchant_id,
                        checkin_created_at=checkin.created_at,
                        delivered_at=delivered,
                        event_id=0,
                    )
                )
                if rng.random() < 0.2:
                    likes.add((checkin.pk, recipient, delivered + timedelta(minutes=rng.randint(1, 600))))
                if rng.random() < 0.05:
                    comments.append(Comment(checkin=checkin, user_id=recipient, text=rng.choice(DEMO_HISTORY_WORDS)))
        FeedDelivery.objects.bulk_create(deliveries, batch_size=5000, ignore_conflicts=True)
        Like.objects.bulk_create(
            (Like(checkin_id=c, user_id=u, created_at=at) for c, u, at in likes), batch_size=5000, ignore_conflicts=True
        )
        Comment.objects.bulk_create(comments, batch_size=5000)
        demo_consents_grant()  # the customers checked in: they agreed to the collection of their location
    rollups_fold()
    return len(checkins)


DEMO_HISTORY_WORDS = ["맛있어 보여요!", "저도 가볼게요", "여기 단골이에요", "쿠폰 받았어요?", "다음엔 같이 가요"]


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
