from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchants_nearby_list_category import MerchantsNearbyListCategory
from ...models.paginated_nearby_merchant_list import PaginatedNearbyMerchantList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: MerchantsNearbyListCategory | Unset = UNSET,
    has_campaign: bool | None | Unset = UNSET,
    lat: float,
    limit: int | Unset = 20,
    lng: float,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    radius: float | Unset = 1000.0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_has_campaign: bool | None | Unset
    if isinstance(has_campaign, Unset):
        json_has_campaign = UNSET
    else:
        json_has_campaign = has_campaign
    params["has_campaign"] = json_has_campaign

    params["lat"] = lat

    params["limit"] = limit

    params["lng"] = lng

    params["offset"] = offset

    params["q"] = q

    params["radius"] = radius

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/merchants/nearby",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedNearbyMerchantList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedNearbyMerchantList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[PaginatedNearbyMerchantList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: MerchantsNearbyListCategory | Unset = UNSET,
    has_campaign: bool | None | Unset = UNSET,
    lat: float,
    limit: int | Unset = 20,
    lng: float,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    radius: float | Unset = 1000.0,
) -> Response[PaginatedNearbyMerchantList | Problem]:
    """Merchants near a point, nearest first

     Public: anyone may search. Every result lies within `radius` metres of the point; `distance_m` is
    the geodesic distance on the WGS84 ellipsoid. Results are ordered by `distance_m` ascending. Pages
    by `limit` and `offset` without a total count: `next` is null on the last page. `name`, `address`
    and campaign titles are in the `Accept-Language` language where translated, else the original; `q`
    matches the original name or the name in that language. A bearer token is optional: with one, each
    running campaign also carries the caller's `my_progress`.

    Args:
        category (MerchantsNearbyListCategory | Unset):
        has_campaign (bool | None | Unset):
        lat (float):
        limit (int | Unset):  Default: 20.
        lng (float):
        offset (int | Unset):  Default: 0.
        q (str | Unset):
        radius (float | Unset):  Default: 1000.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedNearbyMerchantList | Problem]
    """

    kwargs = _get_kwargs(
        category=category,
        has_campaign=has_campaign,
        lat=lat,
        limit=limit,
        lng=lng,
        offset=offset,
        q=q,
        radius=radius,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: MerchantsNearbyListCategory | Unset = UNSET,
    has_campaign: bool | None | Unset = UNSET,
    lat: float,
    limit: int | Unset = 20,
    lng: float,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    radius: float | Unset = 1000.0,
) -> PaginatedNearbyMerchantList | Problem | None:
    """Merchants near a point, nearest first

     Public: anyone may search. Every result lies within `radius` metres of the point; `distance_m` is
    the geodesic distance on the WGS84 ellipsoid. Results are ordered by `distance_m` ascending. Pages
    by `limit` and `offset` without a total count: `next` is null on the last page. `name`, `address`
    and campaign titles are in the `Accept-Language` language where translated, else the original; `q`
    matches the original name or the name in that language. A bearer token is optional: with one, each
    running campaign also carries the caller's `my_progress`.

    Args:
        category (MerchantsNearbyListCategory | Unset):
        has_campaign (bool | None | Unset):
        lat (float):
        limit (int | Unset):  Default: 20.
        lng (float):
        offset (int | Unset):  Default: 0.
        q (str | Unset):
        radius (float | Unset):  Default: 1000.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedNearbyMerchantList | Problem
    """

    return sync_detailed(
        client=client,
        category=category,
        has_campaign=has_campaign,
        lat=lat,
        limit=limit,
        lng=lng,
        offset=offset,
        q=q,
        radius=radius,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: MerchantsNearbyListCategory | Unset = UNSET,
    has_campaign: bool | None | Unset = UNSET,
    lat: float,
    limit: int | Unset = 20,
    lng: float,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    radius: float | Unset = 1000.0,
) -> Response[PaginatedNearbyMerchantList | Problem]:
    """Merchants near a point, nearest first

     Public: anyone may search. Every result lies within `radius` metres of the point; `distance_m` is
    the geodesic distance on the WGS84 ellipsoid. Results are ordered by `distance_m` ascending. Pages
    by `limit` and `offset` without a total count: `next` is null on the last page. `name`, `address`
    and campaign titles are in the `Accept-Language` language where translated, else the original; `q`
    matches the original name or the name in that language. A bearer token is optional: with one, each
    running campaign also carries the caller's `my_progress`.

    Args:
        category (MerchantsNearbyListCategory | Unset):
        has_campaign (bool | None | Unset):
        lat (float):
        limit (int | Unset):  Default: 20.
        lng (float):
        offset (int | Unset):  Default: 0.
        q (str | Unset):
        radius (float | Unset):  Default: 1000.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedNearbyMerchantList | Problem]
    """

    kwargs = _get_kwargs(
        category=category,
        has_campaign=has_campaign,
        lat=lat,
        limit=limit,
        lng=lng,
        offset=offset,
        q=q,
        radius=radius,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: MerchantsNearbyListCategory | Unset = UNSET,
    has_campaign: bool | None | Unset = UNSET,
    lat: float,
    limit: int | Unset = 20,
    lng: float,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    radius: float | Unset = 1000.0,
) -> PaginatedNearbyMerchantList | Problem | None:
    """Merchants near a point, nearest first

     Public: anyone may search. Every result lies within `radius` metres of the point; `distance_m` is
    the geodesic distance on the WGS84 ellipsoid. Results are ordered by `distance_m` ascending. Pages
    by `limit` and `offset` without a total count: `next` is null on the last page. `name`, `address`
    and campaign titles are in the `Accept-Language` language where translated, else the original; `q`
    matches the original name or the name in that language. A bearer token is optional: with one, each
    running campaign also carries the caller's `my_progress`.

    Args:
        category (MerchantsNearbyListCategory | Unset):
        has_campaign (bool | None | Unset):
        lat (float):
        limit (int | Unset):  Default: 20.
        lng (float):
        offset (int | Unset):  Default: 0.
        q (str | Unset):
        radius (float | Unset):  Default: 1000.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedNearbyMerchantList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            has_campaign=has_campaign,
            lat=lat,
            limit=limit,
            lng=lng,
            offset=offset,
            q=q,
            radius=radius,
        )
    ).parsed
