from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.me_coupons_list_status import MeCouponsListStatus
from ...models.paginated_coupon_wallet_output_list import PaginatedCouponWalletOutputList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: MeCouponsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/coupons",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedCouponWalletOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedCouponWalletOutputList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[PaginatedCouponWalletOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: MeCouponsListStatus | Unset = UNSET,
) -> Response[PaginatedCouponWalletOutputList | Problem]:
    """Your coupons, newest first

     Your wallet: every coupon issued to you, newest first, optionally of one `status`. A coupon is
    `active` until it is redeemed at the counter or its `expires_at` passes. Show `code` (or the QR
    image at `qr_url`) to the merchant's staff. Titles and merchant names are in the `Accept-Language`
    language where translated. Offset-paginated (`limit`, `offset`).

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (MeCouponsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCouponWalletOutputList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: MeCouponsListStatus | Unset = UNSET,
) -> PaginatedCouponWalletOutputList | Problem | None:
    """Your coupons, newest first

     Your wallet: every coupon issued to you, newest first, optionally of one `status`. A coupon is
    `active` until it is redeemed at the counter or its `expires_at` passes. Show `code` (or the QR
    image at `qr_url`) to the merchant's staff. Titles and merchant names are in the `Accept-Language`
    language where translated. Offset-paginated (`limit`, `offset`).

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (MeCouponsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCouponWalletOutputList | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: MeCouponsListStatus | Unset = UNSET,
) -> Response[PaginatedCouponWalletOutputList | Problem]:
    """Your coupons, newest first

     Your wallet: every coupon issued to you, newest first, optionally of one `status`. A coupon is
    `active` until it is redeemed at the counter or its `expires_at` passes. Show `code` (or the QR
    image at `qr_url`) to the merchant's staff. Titles and merchant names are in the `Accept-Language`
    language where translated. Offset-paginated (`limit`, `offset`).

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (MeCouponsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCouponWalletOutputList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    status: MeCouponsListStatus | Unset = UNSET,
) -> PaginatedCouponWalletOutputList | Problem | None:
    """Your coupons, newest first

     Your wallet: every coupon issued to you, newest first, optionally of one `status`. A coupon is
    `active` until it is redeemed at the counter or its `expires_at` passes. Show `code` (or the QR
    image at `qr_url`) to the merchant's staff. Titles and merchant names are in the `Accept-Language`
    language where translated. Offset-paginated (`limit`, `offset`).

    Args:
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        status (MeCouponsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCouponWalletOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            status=status,
        )
    ).parsed
