from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.like_state_output import LikeStateOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    checkin_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/checkins/{checkin_id}/like".format(
            checkin_id=quote(str(checkin_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LikeStateOutput | Problem | None:
    if response.status_code == 201:
        response_201 = LikeStateOutput.from_dict(response.json())

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
) -> Response[LikeStateOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[LikeStateOutput | Problem]:
    """Like a check-in (idempotent)

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    Liking again answers 201 with the same state and counts once. The owner is notified (`like`) of the
    first like by each person, never of their own.

    Args:
        checkin_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LikeStateOutput | Problem]
    """

    kwargs = _get_kwargs(
        checkin_id=checkin_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
) -> LikeStateOutput | Problem | None:
    """Like a check-in (idempotent)

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    Liking again answers 201 with the same state and counts once. The owner is notified (`like`) of the
    first like by each person, never of their own.

    Args:
        checkin_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LikeStateOutput | Problem
    """

    return sync_detailed(
        checkin_id=checkin_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[LikeStateOutput | Problem]:
    """Like a check-in (idempotent)

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    Liking again answers 201 with the same state and counts once. The owner is notified (`like`) of the
    first like by each person, never of their own.

    Args:
        checkin_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LikeStateOutput | Problem]
    """

    kwargs = _get_kwargs(
        checkin_id=checkin_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
) -> LikeStateOutput | Problem | None:
    """Like a check-in (idempotent)

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    Liking again answers 201 with the same state and counts once. The owner is notified (`like`) of the
    first like by each person, never of their own.

    Args:
        checkin_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LikeStateOutput | Problem
    """

    return (
        await asyncio_detailed(
            checkin_id=checkin_id,
            client=client,
        )
    ).parsed
