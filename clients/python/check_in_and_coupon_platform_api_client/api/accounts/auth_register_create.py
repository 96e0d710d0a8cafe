from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.register_input_request import RegisterInputRequest
from ...models.user import User
from ...types import Response


def _get_kwargs(
    *,
    body: RegisterInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | User | None:
    if response.status_code == 201:
        response_201 = User.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterInputRequest,
) -> Response[Problem | User]:
    """Create an account

     Anyone may register. Then sign in with POST /auth/token. A username is unique, and the name of a
    deleted account is held for `USERNAME_HOLD_DAYS` days (30) before anyone may take it (409
    `username_taken` meanwhile). `location_consent: true` records your agreement to the collection of
    your location, needed to check in; without it, agree later with PUT /me/consents.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `auth`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        body (RegisterInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
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
    client: AuthenticatedClient | Client,
    body: RegisterInputRequest,
) -> Problem | User | None:
    """Create an account

     Anyone may register. Then sign in with POST /auth/token. A username is unique, and the name of a
    deleted account is held for `USERNAME_HOLD_DAYS` days (30) before anyone may take it (409
    `username_taken` meanwhile). `location_consent: true` records your agreement to the collection of
    your location, needed to check in; without it, agree later with PUT /me/consents.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `auth`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        body (RegisterInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterInputRequest,
) -> Response[Problem | User]:
    """Create an account

     Anyone may register. Then sign in with POST /auth/token. A username is unique, and the name of a
    deleted account is held for `USERNAME_HOLD_DAYS` days (30) before anyone may take it (409
    `username_taken` meanwhile). `location_consent: true` records your agreement to the collection of
    your location, needed to check in; without it, agree later with PUT /me/consents.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `auth`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        body (RegisterInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterInputRequest,
) -> Problem | User | None:
    """Create an account

     Anyone may register. Then sign in with POST /auth/token. A username is unique, and the name of a
    deleted account is held for `USERNAME_HOLD_DAYS` days (30) before anyone may take it (409
    `username_taken` meanwhile). `location_consent: true` records your agreement to the collection of
    your location, needed to check in; without it, agree later with PUT /me/consents.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `auth`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        body (RegisterInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
