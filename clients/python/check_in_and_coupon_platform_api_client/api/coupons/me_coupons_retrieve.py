from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coupon_wallet_output import CouponWalletOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    coupon_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/coupons/{coupon_id}".format(
            coupon_id=quote(str(coupon_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CouponWalletOutput | Problem | None:
    if response.status_code == 200:
        response_200 = CouponWalletOutput.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[CouponWalletOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    coupon_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[CouponWalletOutput | Problem]:
    """One coupon of your wallet

     The coupon as the wallet lists it, with `qr_url`. Only its owner sees it.

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponWalletOutput | Problem]
    """

    kwargs = _get_kwargs(
        coupon_id=coupon_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    coupon_id: int,
    *,
    client: AuthenticatedClient,
) -> CouponWalletOutput | Problem | None:
    """One coupon of your wallet

     The coupon as the wallet lists it, with `qr_url`. Only its owner sees it.

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponWalletOutput | Problem
    """

    return sync_detailed(
        coupon_id=coupon_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    coupon_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[CouponWalletOutput | Problem]:
    """One coupon of your wallet

     The coupon as the wallet lists it, with `qr_url`. Only its owner sees it.

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponWalletOutput | Problem]
    """

    kwargs = _get_kwargs(
        coupon_id=coupon_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    coupon_id: int,
    *,
    client: AuthenticatedClient,
) -> CouponWalletOutput | Problem | None:
    """One coupon of your wallet

     The coupon as the wallet lists it, with `qr_url`. Only its owner sees it.

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponWalletOutput | Problem
    """

    return (
        await asyncio_detailed(
            coupon_id=coupon_id,
            client=client,
        )
    ).parsed
