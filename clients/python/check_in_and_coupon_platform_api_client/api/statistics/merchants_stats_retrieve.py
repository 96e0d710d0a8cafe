from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchant_stats import MerchantStats
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    merchant_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/merchants/{merchant_id}/stats".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MerchantStats | Problem | None:
    if response.status_code == 200:
        response_200 = MerchantStats.from_dict(response.json())

        return response_200

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
) -> Response[MerchantStats | Problem]:
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
) -> Response[MerchantStats | Problem]:
    """A merchant's campaigns with their headline figures (any staff)

     Every campaign of the merchant, newest first, with the figures its `GET /campaigns/{id}/stats` gives
    for its whole period (same definitions). Any staff of the merchant (owner, manager or clerk) may
    read it, and `role` says which they are; anyone else gets a 403.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantStats | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
) -> MerchantStats | Problem | None:
    """A merchant's campaigns with their headline figures (any staff)

     Every campaign of the merchant, newest first, with the figures its `GET /campaigns/{id}/stats` gives
    for its whole period (same definitions). Any staff of the merchant (owner, manager or clerk) may
    read it, and `role` says which they are; anyone else gets a 403.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantStats | Problem
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[MerchantStats | Problem]:
    """A merchant's campaigns with their headline figures (any staff)

     Every campaign of the merchant, newest first, with the figures its `GET /campaigns/{id}/stats` gives
    for its whole period (same definitions). Any staff of the merchant (owner, manager or clerk) may
    read it, and `role` says which they are; anyone else gets a 403.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantStats | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
) -> MerchantStats | Problem | None:
    """A merchant's campaigns with their headline figures (any staff)

     Every campaign of the merchant, newest first, with the figures its `GET /campaigns/{id}/stats` gives
    for its whole period (same definitions). Any staff of the merchant (owner, manager or clerk) may
    read it, and `role` says which they are; anyone else gets a 403.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantStats | Problem
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
        )
    ).parsed
