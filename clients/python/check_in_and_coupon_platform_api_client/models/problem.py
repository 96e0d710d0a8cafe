from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem_errors import ProblemErrors


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """RFC 9457 problem details.

    Bodies are JSON: `application/json` (else 415 `unsupported_media_type`), always read as UTF-8 whatever its
    `charset` (RFC 8259), with a Content-Length (a chunked body is 411 `length_required`). A body that cannot be read
    as JSON is a 400 `malformed_json`: bad syntax, bytes that are not UTF-8, a NUL byte, or arrays and objects nested
    more than 32 deep. Text that is not text, a NUL character or an unpaired UTF-16 surrogate (`"\\ud800"`), is a 400
    `validation_error` naming where it is: in a body, the field (`trigger.type`; for a member name, the object that
    holds it; `non_field_errors` for the body itself); in a query, the parameter (percent-decoded bytes that are not
    UTF-8 count too). Messages never quote what was sent.

    Some problems carry extension members (below, each with the codes that carry it); a client ignores members it does
    not know.

        Attributes:
            type_ (str): A relative URI naming the problem type, `/problems/<code-with-dashes>`.
            title (str): A short summary of the problem type (the same for every occurrence of a code).
            status (int): The HTTP status code.
            detail (str): What went wrong in this occurrence, for people.
            code (str): A stable machine-readable code, in snake_case.
            errors (ProblemErrors | Unset): Field validation errors: field name to messages (only for `validation_error`).
            max_accuracy_m (float | Unset): `poor_accuracy`: the accuracy limit in metres.
            distance_m (float | Unset): `too_far`: how far the fix is from the merchant, in metres.
            checkin_radius_m (int | Unset): `too_far`: the merchant's check-in radius, in metres.
            retry_at (datetime.datetime | Unset): `checkin_cooldown`: when a check-in at this merchant is possible again.
            redeemed_at (datetime.datetime | Unset): `coupon_already_redeemed`, `void_window_passed`: when the coupon was
                redeemed.
            redeemed_by (None | str | Unset): `coupon_already_redeemed`: the member of staff who redeemed it (display name,
                else username).
            expires_at (datetime.datetime | Unset): `coupon_expired`: when the coupon expired.
            void_minutes (int | Unset): `void_window_passed`: how long after a redemption it may be voided, in minutes.
            limit (int | Unset): `webhook_limit_reached`: how many webhook endpoints a merchant may have.
    """

    type_: str
    title: str
    status: int
    detail: str
    code: str
    errors: ProblemErrors | Unset = UNSET
    max_accuracy_m: float | Unset = UNSET
    distance_m: float | Unset = UNSET
    checkin_radius_m: int | Unset = UNSET
    retry_at: datetime.datetime | Unset = UNSET
    redeemed_at: datetime.datetime | Unset = UNSET
    redeemed_by: None | str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    void_minutes: int | Unset = UNSET
    limit: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code = self.code

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        max_accuracy_m = self.max_accuracy_m

        distance_m = self.distance_m

        checkin_radius_m = self.checkin_radius_m

        retry_at: str | Unset = UNSET
        if not isinstance(self.retry_at, Unset):
            retry_at = self.retry_at.isoformat()

        redeemed_at: str | Unset = UNSET
        if not isinstance(self.redeemed_at, Unset):
            redeemed_at = self.redeemed_at.isoformat()

        redeemed_by: None | str | Unset
        if isinstance(self.redeemed_by, Unset):
            redeemed_by = UNSET
        else:
            redeemed_by = self.redeemed_by

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        void_minutes = self.void_minutes

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if max_accuracy_m is not UNSET:
            field_dict["max_accuracy_m"] = max_accuracy_m
        if distance_m is not UNSET:
            field_dict["distance_m"] = distance_m
        if checkin_radius_m is not UNSET:
            field_dict["checkin_radius_m"] = checkin_radius_m
        if retry_at is not UNSET:
            field_dict["retry_at"] = retry_at
        if redeemed_at is not UNSET:
            field_dict["redeemed_at"] = redeemed_at
        if redeemed_by is not UNSET:
            field_dict["redeemed_by"] = redeemed_by
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if void_minutes is not UNSET:
            field_dict["void_minutes"] = void_minutes
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_errors import ProblemErrors  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        code = d.pop("code")

        _errors = d.pop("errors", UNSET)
        errors: ProblemErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ProblemErrors.from_dict(_errors)

        max_accuracy_m = d.pop("max_accuracy_m", UNSET)

        distance_m = d.pop("distance_m", UNSET)

        checkin_radius_m = d.pop("checkin_radius_m", UNSET)

        _retry_at = d.pop("retry_at", UNSET)
        retry_at: datetime.datetime | Unset
        if isinstance(_retry_at, Unset):
            retry_at = UNSET
        else:
            retry_at = datetime.datetime.fromisoformat(_retry_at)

        _redeemed_at = d.pop("redeemed_at", UNSET)
        redeemed_at: datetime.datetime | Unset
        if isinstance(_redeemed_at, Unset):
            redeemed_at = UNSET
        else:
            redeemed_at = datetime.datetime.fromisoformat(_redeemed_at)

        def _parse_redeemed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redeemed_by = _parse_redeemed_by(d.pop("redeemed_by", UNSET))

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        void_minutes = d.pop("void_minutes", UNSET)

        limit = d.pop("limit", UNSET)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            errors=errors,
            max_accuracy_m=max_accuracy_m,
            distance_m=distance_m,
            checkin_radius_m=checkin_radius_m,
            retry_at=retry_at,
            redeemed_at=redeemed_at,
            redeemed_by=redeemed_by,
            expires_at=expires_at,
            void_minutes=void_minutes,
            limit=limit,
        )

        problem.additional_properties = d
        return problem

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
