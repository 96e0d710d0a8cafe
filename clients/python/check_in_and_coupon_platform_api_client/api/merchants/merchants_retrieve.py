from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchant_public import MerchantPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    merchant_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/merchants/{merchant_id}".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MerchantPublic | Problem | None:
    if response.status_code == 200:
        response_200 = MerchantPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[MerchantPublic | Problem]:
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
) -> Response[MerchantPublic | Problem]:
    """A merchant with its running campaigns

     Public: anyone may read it. Stock and statistics are for staff (GET /campaigns/{campaign_id}, GET
    /merchants/{merchant_id}/stats). A bearer token is optional: a signed-in caller's visit is recorded
    as a view of the merchant (the `viewers` step of its campaigns' statistics funnel), and each running
    campaign carries the caller's `my_progress`. Names, addresses, titles and descriptions are in the
    `Accept-Language` language where the merchant translated them, else the original.

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantPublic | Problem]
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
) -> MerchantPublic | Problem | None:
    """A merchant with its running campaigns

     Public: anyone may read it. Stock and statistics are for staff (GET /campaigns/{campaign_id}, GET
    /merchants/{merchant_id}/stats). A bearer token is optional: a signed-in caller's visit is recorded
    as a view of the merchant (the `viewers` step of its campaigns' statistics funnel), and each running
    campaign carries the caller's `my_progress`. Names, addresses, titles and descriptions are in the
    `Accept-Language` language where the merchant translated them, else the original.

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantPublic | Problem
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[MerchantPublic | Problem]:
    """A merchant with its running campaigns

     Public: anyone may read it. Stock and statistics are for staff (GET /campaigns/{campaign_id}, GET
    /merchants/{merchant_id}/stats). A bearer token is optional: a signed-in caller's visit is recorded
    as a view of the merchant (the `viewers` step of its campaigns' statistics funnel), and each running
    campaign carries the caller's `my_progress`. Names, addresses, titles and descriptions are in the
    `Accept-Language` language where the merchant translated them, else the original.

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantPublic | Problem]
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
) -> MerchantPublic | Problem | None:
    """A merchant with its running campaigns

     Public: anyone may read it. Stock and statistics are for staff (GET /campaigns/{campaign_id}, GET
    /merchants/{merchant_id}/stats). A bearer token is optional: a signed-in caller's visit is recorded
    as a view of the merchant (the `viewers` step of its campaigns' statistics funnel), and each running
    campaign carries the caller's `my_progress`. Names, addresses, titles and descriptions are in the
    `Accept-Language` language where the merchant translated them, else the original.

    Args:
        merchant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantPublic | Problem
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
        )
    ).parsed
