"""What "running" means for a campaign and what a coupon's status is: each written once, as ordered groups of terms.

A status rule is a list of (status, terms) in order of precedence: the first group with a term that fails gives the
status, and when every term holds the object is in the rule's `holds` status (a campaign is running, a coupon active).
The Python check (`status_of`), the ORM filter (`q`) and the SQL fragment (`sql`) are all derived from these terms, so
the model, the selectors and the issuance SQL cannot drift apart.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import F, Q


@dataclass(frozen=True)
class IsNull:
    """The column is empty."""

    column: str

    def holds(self, get: Callable[[str], Any], now: datetime) -> bool:
        return get(self.column) is None

    def q(self, now: datetime) -> Q:
        return Q(**{f"{self.column}__isnull": True})

    def sql(self, alias: str, now: str) -> str:
        return f"{alias}.{self.column} IS NULL"


@dataclass(frozen=True)
class AtOrBefore:
    """The instant in the column has come (column <= now)."""

    column: str

    def holds(self, get, now) -> bool:
        return get(self.column) <= now

    def q(self, now) -> Q:
        return Q(**{f"{self.column}__lte": now})

    def sql(self, alias, now) -> str:
        return f"{alias}.{self.column} <= {now}"


@dataclass(frozen=True)
class After:
    """The instant in the column is still ahead (column > now)."""

    column: str

    def holds(self, get, now) -> bool:
        return get(self.column) > now

    def q(self, now) -> Q:
        return Q(**{f"{self.column}__gt": now})

    def sql(self, alias, now) -> str:
        return f"{alias}.{self.column} > {now}"


@dataclass(frozen=True)
class StockLeft:
    """Unlimited stock, or fewer issued than the stock."""

    def holds(self, get, now) -> bool:
        return get("total_stock") is None or get("issued_count") < get("total_stock")

    def q(self, now) -> Q:
        return Q(total_stock__isnull=True) | Q(issued_count__lt=F("total_stock"))

    def sql(self, alias, now) -> str:
        return f"({alias}.total_stock IS NULL OR {alias}.issued_count < {alias}.total_stock)"


Term = IsNull | AtOrBefore | After | StockLeft


@dataclass(frozen=True)
class StatusRule:
    """Ordered (status, terms) groups; `holds` is the status when every term of every group holds."""

    holds: str
    groups: tuple[tuple[str, tuple[Term, ...]], ...]

    def status_of(self, get: Callable[[str], Any], now: datetime) -> str:
        """The status of one object, reading its columns through `get`."""
        for status, terms in self.groups:
            if not all(term.holds(get, now) for term in terms):
                return status
        return self.holds

    def q(self, status: str, now: datetime) -> Q:
        """The ORM filter for objects in `status` at `now`."""
        result = Q()
        for group_status, terms in self.groups:
            if group_status == status:
                failing = Q()
                for term in terms:
                    failing |= ~term.q(now)
                return result & failing
            for term in terms:
                result &= term.q(now)
        if status != self.holds:
            raise ValueError(f"unknown status {status!r}")
        return result

    def sql(self, *, alias: str, now: str) -> str:
        """The SQL condition for objects in the `holds` status, on rows aliased `alias`, `now` an SQL expression."""
        return " AND ".join(term.sql(alias, now) for _, terms in self.groups for term in terms)


# Ended wins over paused, paused over scheduled; sold out is a running campaign's.
CAMPAIGN_RUNNING = StatusRule(
    holds="running",
    groups=(
        ("ended", (IsNull("ended_at"), After("ends_at"))),
        ("paused", (IsNull("paused_at"),)),
        ("scheduled", (AtOrBefore("starts_at"),)),
        ("sold_out", (StockLeft(),)),
    ),
)

# Redeemed wins; a coupon is expired from expires_at on, whether or not the expiry task has set expired_at.
COUPON_ACTIVE = StatusRule(
    holds="active",
    groups=(
        ("redeemed", (IsNull("redeemed_at"),)),
        ("expired", (IsNull("expired_at"), After("expires_at"))),
    ),
)
