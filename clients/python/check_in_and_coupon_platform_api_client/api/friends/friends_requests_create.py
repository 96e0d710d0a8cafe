from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.friend_request import FriendRequest
from ...models.friend_request_list_input_request import FriendRequestListInputRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: FriendRequestListInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/friends/requests",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FriendRequest | Problem | None:
    if response.status_code == 201:
        response_201 = FriendRequest.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[FriendRequest | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FriendRequestListInputRequest,
) -> Response[FriendRequest | Problem]:
    """Ask someone to be your friend

     Any signed-in user may ask anyone else by username. The addressee is notified (`friend_request`) and
    answers it; friendship is mutual once accepted. Refused when you are already friends (409
    `already_friends`) or a pending request exists between you in either direction (409
    `request_exists`: if they asked you, accept theirs). Asking yourself is a 400 `self_request`.

    Args:
        body (FriendRequestListInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FriendRequest | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FriendRequestListInputRequest,
) -> FriendRequest | Problem | None:
    """Ask someone to be your friend

     Any signed-in user may ask anyone else by username. The addressee is notified (`friend_request`) and
    answers it; friendship is mutual once accepted. Refused when you are already friends (409
    `already_friends`) or a pending request exists between you in either direction (409
    `request_exists`: if they asked you, accept theirs). Asking yourself is a 400 `self_request`.

    Args:
        body (FriendRequestListInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FriendRequest | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FriendRequestListInputRequest,
) -> Response[FriendRequest | Problem]:
    """Ask someone to be your friend

     Any signed-in user may ask anyone else by username. The addressee is notified (`friend_request`) and
    answers it; friendship is mutual once accepted. Refused when you are already friends (409
    `already_friends`) or a pending request exists between you in either direction (409
    `request_exists`: if they asked you, accept theirs). Asking yourself is a 400 `self_request`.

    Args:
        body (FriendRequestListInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FriendRequest | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FriendRequestListInputRequest,
) -> FriendRequest | Problem | None:
    """Ask someone to be your friend

     Any signed-in user may ask anyone else by username. The addressee is notified (`friend_request`) and
    answers it; friendship is mutual once accepted. Refused when you are already friends (409
    `already_friends`) or a pending request exists between you in either direction (409
    `request_exists`: if they asked you, accept theirs). Asking yourself is a 400 `self_request`.

    Args:
        body (FriendRequestListInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FriendRequest | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
