from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_notification_list import PaginatedNotificationList
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
        "url": "/api/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedNotificationList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedNotificationList.from_dict(response.json())

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
) -> Response[PaginatedNotificationList | Problem]:
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
) -> Response[PaginatedNotificationList | Problem]:
    """Your notifications, newest first

     Only your own: friend requests to you and their acceptance, friends' check-ins (`friend_checkin`,
    when one is delivered to your feed), coupons a friend's check-in unlocked for you (`coupon_issued`),
    and likes and comments on your check-ins (never for your own). `data` depends on `type` and is
    written in the words of the moment it happened (names are not updated later). Mark them read with
    POST /notifications/read.

    Cursor-paginated: follow `next` for older ones and `previous` for newer ones; new notifications
    never shift a page. A cursor is opaque: use the links as they are.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedNotificationList | Problem]
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
) -> PaginatedNotificationList | Problem | None:
    """Your notifications, newest first

     Only your own: friend requests to you and their acceptance, friends' check-ins (`friend_checkin`,
    when one is delivered to your feed), coupons a friend's check-in unlocked for you (`coupon_issued`),
    and likes and comments on your check-ins (never for your own). `data` depends on `type` and is
    written in the words of the moment it happened (names are not updated later). Mark them read with
    POST /notifications/read.

    Cursor-paginated: follow `next` for older ones and `previous` for newer ones; new notifications
    never shift a page. A cursor is opaque: use the links as they are.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedNotificationList | Problem
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
) -> Response[PaginatedNotificationList | Problem]:
    """Your notifications, newest first

     Only your own: friend requests to you and their acceptance, friends' check-ins (`friend_checkin`,
    when one is delivered to your feed), coupons a friend's check-in unlocked for you (`coupon_issued`),
    and likes and comments on your check-ins (never for your own). `data` depends on `type` and is
    written in the words of the moment it happened (names are not updated later). Mark them read with
    POST /notifications/read.

    Cursor-paginated: follow `next` for older ones and `previous` for newer ones; new notifications
    never shift a page. A cursor is opaque: use the links as they are.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedNotificationList | Problem]
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
) -> PaginatedNotificationList | Problem | None:
    """Your notifications, newest first

     Only your own: friend requests to you and their acceptance, friends' check-ins (`friend_checkin`,
    when one is delivered to your feed), coupons a friend's check-in unlocked for you (`coupon_issued`),
    and likes and comments on your check-ins (never for your own). `data` depends on `type` and is
    written in the words of the moment it happened (names are not updated later). Mark them read with
    POST /notifications/read.

    Cursor-paginated: follow `next` for older ones and `previous` for newer ones; new notifications
    never shift a page. A cursor is opaque: use the links as they are.

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedNotificationList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
