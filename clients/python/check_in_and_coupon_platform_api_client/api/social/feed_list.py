from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_feed_item_output_list import PaginatedFeedItemOutputList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/feed",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedFeedItemOutputList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedFeedItemOutputList.from_dict(response.json())

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
) -> Response[PaginatedFeedItemOutputList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PaginatedFeedItemOutputList | Problem]:
    """Your friends' check-ins, newest first

     Check-ins (visibility `friends` or `public`) of the people who are your friends now, delivered to
    your feed when they were made: a friend added later brings nothing from before, and an unfriended
    person's check-ins leave the feed. Cursor-paginated: follow `next` for older items and `previous`
    for newer ones; new check-ins never shift a page. A cursor is opaque: use the links as they are. No
    coordinates, ever.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFeedItemOutputList | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PaginatedFeedItemOutputList | Problem | None:
    """Your friends' check-ins, newest first

     Check-ins (visibility `friends` or `public`) of the people who are your friends now, delivered to
    your feed when they were made: a friend added later brings nothing from before, and an unfriended
    person's check-ins leave the feed. Cursor-paginated: follow `next` for older items and `previous`
    for newer ones; new check-ins never shift a page. A cursor is opaque: use the links as they are. No
    coordinates, ever.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFeedItemOutputList | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PaginatedFeedItemOutputList | Problem]:
    """Your friends' check-ins, newest first

     Check-ins (visibility `friends` or `public`) of the people who are your friends now, delivered to
    your feed when they were made: a friend added later brings nothing from before, and an unfriended
    person's check-ins leave the feed. Cursor-paginated: follow `next` for older items and `previous`
    for newer ones; new check-ins never shift a page. A cursor is opaque: use the links as they are. No
    coordinates, ever.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFeedItemOutputList | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PaginatedFeedItemOutputList | Problem | None:
    """Your friends' check-ins, newest first

     Check-ins (visibility `friends` or `public`) of the people who are your friends now, delivered to
    your feed when they were made: a friend added later brings nothing from before, and an unfriended
    person's check-ins leave the feed. Cursor-paginated: follow `next` for older items and `previous`
    for newer ones; new check-ins never shift a page. A cursor is opaque: use the links as they are. No
    coordinates, ever.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFeedItemOutputList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
