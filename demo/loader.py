"""Demo data: merchants in bulk (COPY), demo users with friendships, and the merchants the demo staff run."""

import random
from datetime import UTC, datetime

from django.db import connection, transaction
from tqdm import tqdm

from accounts.models import FriendRequest, Friendship, User
from demo.places import AREAS, place_generate
from geo.points import point_from_lat_lng
from merchants.models import Merchant, MerchantStaff

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
    return users


def demo_is_loaded() -> bool:
    """Whether the demo users exist already."""
    return User.objects.filter(username=DEMO_USERS[0][0]).exists()


def demo_logins_text() -> str:
    """The printed list of demo logins."""
    lines = [f"  Demo logins (password for all: {DEMO_PASSWORD})"]
    lines += [f"    {username:<9} {note}" for username, _, note in DEMO_USERS]
    return "\n".join(lines)


__all__ = ["AREAS", "CHEOLSAN", "merchants_bulk_load", "demo_people_load", "demo_is_loaded", "demo_logins_text"]
