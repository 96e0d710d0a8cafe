from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    coupon_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/coupons/{coupon_id}/qr.png".format(
            coupon_id=quote(str(coupon_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
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
) -> Response[File | Problem]:
    """The QR code of one of your coupons (PNG)

     A QR code holding exactly the coupon's `code`, as `image/png` (error correction M, a quiet zone of 4
    modules, 10 pixels a module, dark on white: 290 pixels square for a 10-character code). Only the
    coupon's owner gets it. Send `Accept: image/png` (or `*/*`, or none; `application/octet-stream` gets
    the same bytes under that type); errors are `application/problem+json` whatever the `Accept`. The
    answer is never stored by caches (`Cache-Control: no-store`).

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
) -> File | Problem | None:
    """The QR code of one of your coupons (PNG)

     A QR code holding exactly the coupon's `code`, as `image/png` (error correction M, a quiet zone of 4
    modules, 10 pixels a module, dark on white: 290 pixels square for a 10-character code). Only the
    coupon's owner gets it. Send `Accept: image/png` (or `*/*`, or none; `application/octet-stream` gets
    the same bytes under that type); errors are `application/problem+json` whatever the `Accept`. The
    answer is never stored by caches (`Cache-Control: no-store`).

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        coupon_id=coupon_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    coupon_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """The QR code of one of your coupons (PNG)

     A QR code holding exactly the coupon's `code`, as `image/png` (error correction M, a quiet zone of 4
    modules, 10 pixels a module, dark on white: 290 pixels square for a 10-character code). Only the
    coupon's owner gets it. Send `Accept: image/png` (or `*/*`, or none; `application/octet-stream` gets
    the same bytes under that type); errors are `application/problem+json` whatever the `Accept`. The
    answer is never stored by caches (`Cache-Control: no-store`).

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
) -> File | Problem | None:
    """The QR code of one of your coupons (PNG)

     A QR code holding exactly the coupon's `code`, as `image/png` (error correction M, a quiet zone of 4
    modules, 10 pixels a module, dark on white: 290 pixels square for a 10-character code). Only the
    coupon's owner gets it. Send `Accept: image/png` (or `*/*`, or none; `application/octet-stream` gets
    the same bytes under that type); errors are `application/problem+json` whatever the `Accept`. The
    answer is never stored by caches (`Cache-Control: no-store`).

    Args:
        coupon_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            coupon_id=coupon_id,
            client=client,
        )
    ).parsed
