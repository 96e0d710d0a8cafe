from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.friends_requests_list_direction import FriendsRequestsListDirection
from ...models.paginated_friend_request_list import PaginatedFriendRequestList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    direction: FriendsRequestsListDirection | Unset = FriendsRequestsListDirection.INCOMING,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/friends/requests",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedFriendRequestList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedFriendRequestList.from_dict(response.json())

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
) -> Response[PaginatedFriendRequestList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    direction: FriendsRequestsListDirection | Unset = FriendsRequestsListDirection.INCOMING,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[PaginatedFriendRequestList | Problem]:
    """Pending friend requests, to you (incoming, default) or from you (outgoing)

     Only pending requests, newest first; answered ones leave the list. Answer an incoming request with
    POST /friends/requests/{request_id}/accept or /decline. Offset-paginated (`limit`, `offset`).

    Args:
        direction (FriendsRequestsListDirection | Unset):  Default:
            FriendsRequestsListDirection.INCOMING.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFriendRequestList | Problem]
    """

    kwargs = _get_kwargs(
        direction=direction,
        limit=limit,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    direction: FriendsRequestsListDirection | Unset = FriendsRequestsListDirection.INCOMING,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> PaginatedFriendRequestList | Problem | None:
    """Pending friend requests, to you (incoming, default) or from you (outgoing)

     Only pending requests, newest first; answered ones leave the list. Answer an incoming request with
    POST /friends/requests/{request_id}/accept or /decline. Offset-paginated (`limit`, `offset`).

    Args:
        direction (FriendsRequestsListDirection | Unset):  Default:
            FriendsRequestsListDirection.INCOMING.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFriendRequestList | Problem
    """

    return sync_detailed(
        client=client,
        direction=direction,
        limit=limit,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    direction: FriendsRequestsListDirection | Unset = FriendsRequestsListDirection.INCOMING,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[PaginatedFriendRequestList | Problem]:
    """Pending friend requests, to you (incoming, default) or from you (outgoing)

     Only pending requests, newest first; answered ones leave the list. Answer an incoming request with
    POST /friends/requests/{request_id}/accept or /decline. Offset-paginated (`limit`, `offset`).

    Args:
        direction (FriendsRequestsListDirection | Unset):  Default:
            FriendsRequestsListDirection.INCOMING.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFriendRequestList | Problem]
    """

    kwargs = _get_kwargs(
        direction=direction,
        limit=limit,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    direction: FriendsRequestsListDirection | Unset = FriendsRequestsListDirection.INCOMING,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> PaginatedFriendRequestList | Problem | None:
    """Pending friend requests, to you (incoming, default) or from you (outgoing)

     Only pending requests, newest first; answered ones leave the list. Answer an incoming request with
    POST /friends/requests/{request_id}/accept or /decline. Offset-paginated (`limit`, `offset`).

    Args:
        direction (FriendsRequestsListDirection | Unset):  Default:
            FriendsRequestsListDirection.INCOMING.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFriendRequestList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            direction=direction,
            limit=limit,
            offset=offset,
        )
    ).parsed
