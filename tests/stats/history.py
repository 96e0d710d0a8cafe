"""Random, seeded histories of a merchant's life (users, friendships, check-ins, eligibility and holdout, coupons and
redemptions, feed deliveries, likes, comments, merchant views), written in time slices like production writes them."""

import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection

from accounts.models import Friendship, User
from checkins.models import Checkin
from coupons.eligibility import in_holdout
from coupons.models import Campaign, CampaignEligibility, Coupon
from social.models import Comment, FeedDelivery, Like
from stats.models import MerchantView
from tests import factories


@dataclass
class History:
    """The generated world and the events still to write, each with its time."""

    merchant: object
    other: object
    campaigns: list
    users: list
    friends: dict
    now: datetime
    events: list = field(default_factory=list)  # (time, kind, payload)


def _code(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12))


def history_make(*, seed: int, now: datetime, users: int = 50, days: int = 50, zone: str = "Asia/Seoul") -> History:
    """Merchants, campaigns, users and friendships now; the timed events in `History.events` (not yet written)."""
    rng = random.Random(seed)
    merchant = factories.MerchantFactory(timezone=zone)
    other = factories.MerchantFactory(timezone="Asia/Kolkata")
    start = now - timedelta(days=days)
    campaigns = [
        factories.CampaignFactory(
            merchant=merchant,
            starts_at=start + timedelta(days=days * 0.35, minutes=17),
            ends_at=now - timedelta(days=3, minutes=41),
            holdout_percent=30,
            per_user_limit=2,
        ),
        factories.CampaignFactory(
            merchant=merchant,
            starts_at=now - timedelta(days=8, minutes=5),
            ends_at=now + timedelta(days=20),
            holdout_percent=0,
        ),
    ]
    people = User.objects.bulk_create(
        [User(username=f"h{seed}_{i}", password="!", display_name=f"H {i}") for i in range(users)]
    )
    friends: dict = {u.pk: set() for u in people}
    pairs = []
    for _ in range(users * 2):
        a, b = rng.sample(people, 2)
        if b.pk not in friends[a.pk]:
            friends[a.pk].add(b.pk)
            friends[b.pk].add(a.pk)
            pairs += [Friendship(user=a, friend=b), Friendship(user=b, friend=a)]
    Friendship.objects.bulk_create(pairs, ignore_conflicts=True)
    history = History(merchant, other, campaigns, people, friends, now)
    per_user_coupons: dict = {}
    # Regulars visit often, others rarely; some arrive only late (new visitors during the campaign).
    for user in people:
        rate = rng.choice([0.05, 0.15, 0.4, 1.0])
        arrives = start + timedelta(days=rng.uniform(0, days))
        moment = arrives
        while True:
            moment += timedelta(days=rng.expovariate(rate), minutes=rng.randint(61, 600))
            if moment >= now:
                break
            shop = merchant if rng.random() < 0.85 else other
            history.events.append((moment, "checkin", {"user": user, "merchant": shop}))
            if rng.random() < 0.2:
                history.events.append((moment - timedelta(minutes=rng.randint(1, 3000)), "view", {"user": user}))
            if shop is not merchant:
                continue
            for campaign in campaigns:
                if not (campaign.starts_at <= moment < campaign.ends_at) or rng.random() < 0.25:
                    continue
                holdout = in_holdout(campaign_id=campaign.pk, user_id=user.pk, holdout_percent=campaign.holdout_percent)
                coupon = None
                key = (campaign.pk, user.pk)
                if not holdout and per_user_coupons.get(key, 0) < campaign.per_user_limit:
                    per_user_coupons[key] = per_user_coupons.get(key, 0) + 1
                    expires = moment + timedelta(days=rng.choice([1, 3, 7]))
                    redeemed = None
                    if rng.random() < 0.6:
                        redeemed = moment + (expires - moment) * rng.random()
                        if redeemed >= now:
                            redeemed = None
                    coupon = {"expires_at": expires, "redeemed_at": redeemed, "code": _code(rng)}
                    if redeemed:
                        history.events.append((redeemed, "redeem", {"code": coupon["code"]}))
                target = next(e for e in reversed(history.events) if e[1] == "checkin")
                target[2].setdefault("awards", []).append((campaign, holdout, coupon))
        # views of people who never check in
        if rng.random() < 0.2:
            history.events.append((start + timedelta(days=rng.uniform(0, days)), "view", {"user": user}))
    # social activity on check-ins: deliveries to friends a few minutes later, likes and comments, some deleted later
    for moment, kind, payload in list(history.events):
        if kind != "checkin":
            continue
        recipients = sorted(friends[payload["user"].pk])
        rng.shuffle(recipients)
        for recipient in recipients[: rng.randint(0, 4)]:
            delivered = moment + timedelta(seconds=rng.randint(1, 600))
            if delivered < now:
                history.events.append((delivered, "delivery", {"checkin": payload, "recipient": recipient}))
                if rng.random() < 0.3:
                    liked = delivered + timedelta(minutes=rng.randint(1, 3000))
                    if liked < now:
                        history.events.append((liked, "like", {"checkin": payload, "user": recipient}))
                        if rng.random() < 0.2:
                            history.events.append((liked + timedelta(hours=1), "unlike", {"checkin": payload}))
                if rng.random() < 0.15:
                    said = delivered + timedelta(minutes=rng.randint(1, 3000))
                    if said < now:
                        history.events.append((said, "comment", {"checkin": payload, "user": recipient}))
                        if rng.random() < 0.2:
                            history.events.append((said + timedelta(hours=2), "uncomment", {"checkin": payload}))
    history.events = [e for e in history.events if e[0] < now]
    history.events.sort(key=lambda e: (e[0], e[1]))
    return history


def history_write(history: History, *, until: datetime, rng: random.Random) -> None:
    """Write the events up to `until` as production would have by then, in a shuffled order (ids out of time order)."""
    due = [e for e in history.events if e[0] <= until]
    history.events = [e for e in history.events if e[0] > until]
    rng.shuffle(due)
    # Rows that refer to others come after them (a stable sort keeps the shuffle within each rank).
    rank = {"checkin": 0, "view": 0, "delivery": 1, "like": 2, "comment": 2, "redeem": 3, "unlike": 3, "uncomment": 3}
    due.sort(key=lambda e: rank[e[1]])
    for moment, kind, payload in due:
        if kind == "checkin":
            checkin = Checkin.objects.create(
                user=payload["user"],
                merchant=payload["merchant"],
                location=payload["merchant"].location,
                accuracy_m=10,
                distance_m=1,
                created_at=moment,
            )
            payload["id"] = checkin.pk
            for campaign, holdout, coupon in payload.get("awards", []):
                row = None
                if coupon:
                    row = Coupon.objects.create(
                        campaign=campaign,
                        merchant=payload["merchant"],
                        user=payload["user"],
                        code=coupon["code"],
                        checkin_id=checkin.pk,
                        issued_at=moment,
                        expires_at=coupon["expires_at"],
                    )
                CampaignEligibility.objects.create(
                    campaign=campaign,
                    user=payload["user"],
                    checkin_id=checkin.pk,
                    in_holdout=holdout,
                    coupon=row,
                    created_at=moment,
                )
        elif kind == "view":
            MerchantView.objects.create(merchant=history.merchant, user=payload["user"], viewed_at=moment)
        elif kind == "redeem":
            Coupon.objects.filter(code=payload["code"]).update(redeemed_at=moment)
        elif kind == "delivery":
            source = payload["checkin"]
            FeedDelivery.objects.create(
                recipient_id=payload["recipient"],
                checkin_id=source["id"],
                author=source["user"],
                merchant=source["merchant"],
                checkin_created_at=Checkin.objects.get(pk=source["id"]).created_at,
                delivered_at=moment,
                event_id=0,
            )
        elif kind == "like":
            if not Like.objects.filter(checkin_id=payload["checkin"]["id"], user_id=payload["user"]).exists():
                Like.objects.create(checkin_id=payload["checkin"]["id"], user_id=payload["user"], created_at=moment)
        elif kind == "comment":
            Comment.objects.create(
                checkin_id=payload["checkin"]["id"], user_id=payload["user"], text="nice", created_at=moment
            )
        elif kind == "unlike":
            like = Like.objects.filter(checkin_id=payload["checkin"]["id"]).order_by("id").first()
            if like:
                like.delete()
        elif kind == "uncomment":
            comment = Comment.objects.filter(checkin_id=payload["checkin"]["id"]).order_by("id").first()
            if comment:
                comment.delete()


def checkin_in_flight(history: History, *, moment: datetime, user) -> tuple[int, callable]:
    """Reserve a check-in id now and commit the row later (a transaction still in flight while a fold runs)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('checkins_checkin', 'id'))")
        reserved = cursor.fetchone()[0]

    def commit():
        Checkin.objects.create(
            id=reserved,
            user=user,
            merchant=history.merchant,
            location=history.merchant.location,
            accuracy_m=10,
            distance_m=1,
            created_at=moment,
        )

    return reserved, commit


__all__ = ["History", "history_make", "history_write", "checkin_in_flight", "Campaign"]
