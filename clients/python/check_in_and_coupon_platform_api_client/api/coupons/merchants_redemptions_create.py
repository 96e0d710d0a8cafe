from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coupon_redeemed_output import CouponRedeemedOutput
from ...models.problem import Problem
from ...models.redemption_create_input_request import RedemptionCreateInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    merchant_id: int,
    *,
    body: RedemptionCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/merchants/{merchant_id}/redemptions".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CouponRedeemedOutput | Problem | None:
    if response.status_code == 201:
        response_201 = CouponRedeemedOutput.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CouponRedeemedOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: RedemptionCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponRedeemedOutput | Problem]:
    """Redeem a coupon at the counter (any staff of the issuing merchant)

     Any staff of the merchant (owner, manager or clerk) may redeem its coupons; anyone else gets a 403.
    Type or scan the customer's `code`: case, spaces and dashes do not matter. Only this merchant's
    coupons are found (another merchant's code is a 404 `coupon_not_found`, as is an unknown one); a
    redeemed coupon is a 409 `coupon_already_redeemed` saying when and by whom, an expired one a 410
    `coupon_expired`. Exactly once, under any concurrency: of two clerks redeeming the same code, one
    gets the 201 and the other the 409. Send an `Idempotency-Key` so that a retried request replays its
    first answer instead of a 409.

    Rate limited: 120 requests per minute per user (per client address when anonymous), scope
    `redemption`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        merchant_id (int):
        idempotency_key (str | Unset):
        body (RedemptionCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponRedeemedOutput | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: RedemptionCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> CouponRedeemedOutput | Problem | None:
    """Redeem a coupon at the counter (any staff of the issuing merchant)

     Any staff of the merchant (owner, manager or clerk) may redeem its coupons; anyone else gets a 403.
    Type or scan the customer's `code`: case, spaces and dashes do not matter. Only this merchant's
    coupons are found (another merchant's code is a 404 `coupon_not_found`, as is an unknown one); a
    redeemed coupon is a 409 `coupon_already_redeemed` saying when and by whom, an expired one a 410
    `coupon_expired`. Exactly once, under any concurrency: of two clerks redeeming the same code, one
    gets the 201 and the other the 409. Send an `Idempotency-Key` so that a retried request replays its
    first answer instead of a 409.

    Rate limited: 120 requests per minute per user (per client address when anonymous), scope
    `redemption`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        merchant_id (int):
        idempotency_key (str | Unset):
        body (RedemptionCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponRedeemedOutput | Problem
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: RedemptionCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponRedeemedOutput | Problem]:
    """Redeem a coupon at the counter (any staff of the issuing merchant)

     Any staff of the merchant (owner, manager or clerk) may redeem its coupons; anyone else gets a 403.
    Type or scan the customer's `code`: case, spaces and dashes do not matter. Only this merchant's
    coupons are found (another merchant's code is a 404 `coupon_not_found`, as is an unknown one); a
    redeemed coupon is a 409 `coupon_already_redeemed` saying when and by whom, an expired one a 410
    `coupon_expired`. Exactly once, under any concurrency: of two clerks redeeming the same code, one
    gets the 201 and the other the 409. Send an `Idempotency-Key` so that a retried request replays its
    first answer instead of a 409.

    Rate limited: 120 requests per minute per user (per client address when anonymous), scope
    `redemption`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        merchant_id (int):
        idempotency_key (str | Unset):
        body (RedemptionCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponRedeemedOutput | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: RedemptionCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> CouponRedeemedOutput | Problem | None:
    """Redeem a coupon at the counter (any staff of the issuing merchant)

     Any staff of the merchant (owner, manager or clerk) may redeem its coupons; anyone else gets a 403.
    Type or scan the customer's `code`: case, spaces and dashes do not matter. Only this merchant's
    coupons are found (another merchant's code is a 404 `coupon_not_found`, as is an unknown one); a
    redeemed coupon is a 409 `coupon_already_redeemed` saying when and by whom, an expired one a 410
    `coupon_expired`. Exactly once, under any concurrency: of two clerks redeeming the same code, one
    gets the 201 and the other the 409. Send an `Idempotency-Key` so that a retried request replays its
    first answer instead of a 409.

    Rate limited: 120 requests per minute per user (per client address when anonymous), scope
    `redemption`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        merchant_id (int):
        idempotency_key (str | Unset):
        body (RedemptionCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponRedeemedOutput | Problem
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
