from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comment_create_input_request import CommentCreateInputRequest
from ...models.comment_output import CommentOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    checkin_id: int,
    *,
    body: CommentCreateInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/checkins/{checkin_id}/comments".format(
            checkin_id=quote(str(checkin_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommentOutput | Problem | None:
    if response.status_code == 201:
        response_201 = CommentOutput.from_dict(response.json())

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
) -> Response[CommentOutput | Problem]:
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
    body: CommentCreateInputRequest,
) -> Response[CommentOutput | Problem]:
    """Comment on a check-in

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    The owner is notified (`comment`), unless it is their own comment.

    Args:
        checkin_id (int):
        body (CommentCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOutput | Problem]
    """

    kwargs = _get_kwargs(
        checkin_id=checkin_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
    body: CommentCreateInputRequest,
) -> CommentOutput | Problem | None:
    """Comment on a check-in

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    The owner is notified (`comment`), unless it is their own comment.

    Args:
        checkin_id (int):
        body (CommentCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOutput | Problem
    """

    return sync_detailed(
        checkin_id=checkin_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
    body: CommentCreateInputRequest,
) -> Response[CommentOutput | Problem]:
    """Comment on a check-in

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    The owner is notified (`comment`), unless it is their own comment.

    Args:
        checkin_id (int):
        body (CommentCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOutput | Problem]
    """

    kwargs = _get_kwargs(
        checkin_id=checkin_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    checkin_id: int,
    *,
    client: AuthenticatedClient,
    body: CommentCreateInputRequest,
) -> CommentOutput | Problem | None:
    """Comment on a check-in

     Who may see a check-in (and so read, like and comment on it): its owner always; for
    `visibility=friends`, the owner's current friends; for `public`, any signed-in user; for `private`,
    only the owner.
    Anyone else gets `404 checkin_not_found`, exactly as for an id that does not exist.

    The owner is notified (`comment`), unless it is their own comment.

    Args:
        checkin_id (int):
        body (CommentCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOutput | Problem
    """

    return (
        await asyncio_detailed(
            checkin_id=checkin_id,
            client=client,
            body=body,
        )
    ).parsed
