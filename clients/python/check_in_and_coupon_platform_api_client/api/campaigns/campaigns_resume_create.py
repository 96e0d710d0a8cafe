from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_output import CampaignOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    campaign_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/campaigns/{campaign_id}/resume".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignOutput | Problem | None:
    if response.status_code == 200:
        response_200 = CampaignOutput.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[CampaignOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[CampaignOutput | Problem]:
    """Resume a paused campaign (owner or manager)

     Coupons are issued again (it is `running` again unless it is before its start or sold out). Resuming
    a campaign that is not paused changes nothing; an ended one is a 409. No request body. The
    merchant's owner or a manager may do this: a clerk gets 403 `permission_denied`, anyone else a 404
    `campaign_not_found`, as for an unknown id.

    Args:
        campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOutput | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> CampaignOutput | Problem | None:
    """Resume a paused campaign (owner or manager)

     Coupons are issued again (it is `running` again unless it is before its start or sold out). Resuming
    a campaign that is not paused changes nothing; an ended one is a 409. No request body. The
    merchant's owner or a manager may do this: a clerk gets 403 `permission_denied`, anyone else a 404
    `campaign_not_found`, as for an unknown id.

    Args:
        campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOutput | Problem
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[CampaignOutput | Problem]:
    """Resume a paused campaign (owner or manager)

     Coupons are issued again (it is `running` again unless it is before its start or sold out). Resuming
    a campaign that is not paused changes nothing; an ended one is a 409. No request body. The
    merchant's owner or a manager may do this: a clerk gets 403 `permission_denied`, anyone else a 404
    `campaign_not_found`, as for an unknown id.

    Args:
        campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOutput | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
) -> CampaignOutput | Problem | None:
    """Resume a paused campaign (owner or manager)

     Coupons are issued again (it is `running` again unless it is before its start or sold out). Resuming
    a campaign that is not paused changes nothing; an ended one is a 409. No request body. The
    merchant's owner or a manager may do this: a clerk gets 403 `permission_denied`, anyone else a 404
    `campaign_not_found`, as for an unknown id.

    Args:
        campaign_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOutput | Problem
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
        )
    ).parsed
