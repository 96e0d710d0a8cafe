"""Contains all the data models used in inputs/outputs"""

from .account_delete_input_request import AccountDeleteInputRequest
from .action_enum import ActionEnum
from .bucket_enum import BucketEnum
from .campaign_brief import CampaignBrief
from .campaign_create_input_request import CampaignCreateInputRequest
from .campaign_output import CampaignOutput
from .campaign_public import CampaignPublic
from .campaign_stats import CampaignStats
from .campaign_stats_baseline import CampaignStatsBaseline
from .campaign_stats_funnel import CampaignStatsFunnel
from .campaign_stats_holdout import CampaignStatsHoldout
from .campaign_stats_holdout_group import CampaignStatsHoldoutGroup
from .campaign_stats_lift import CampaignStatsLift
from .campaign_stats_series_row import CampaignStatsSeriesRow
from .campaign_stats_totals import CampaignStatsTotals
from .campaign_status_enum import CampaignStatusEnum
from .campaign_texts import CampaignTexts
from .campaign_texts_request import CampaignTextsRequest
from .campaign_translations import CampaignTranslations
from .campaign_translations_request import CampaignTranslationsRequest
from .campaign_trigger_output import CampaignTriggerOutput
from .campaigns_stats_csv_retrieve_bucket import CampaignsStatsCsvRetrieveBucket
from .campaigns_stats_retrieve_bucket import CampaignsStatsRetrieveBucket
from .category_enum import CategoryEnum
from .checkin_coupon_output import CheckinCouponOutput
from .checkin_create_input_request import CheckinCreateInputRequest
from .checkin_create_output import CheckinCreateOutput
from .checkin_detail_output import CheckinDetailOutput
from .checkin_notice_output import CheckinNoticeOutput
from .comment_create_input_request import CommentCreateInputRequest
from .comment_data import CommentData
from .comment_notification import CommentNotification
from .comment_notification_type_enum import CommentNotificationTypeEnum
from .comment_output import CommentOutput
from .consent_output import ConsentOutput
from .consents_input_request import ConsentsInputRequest
from .consents_output import ConsentsOutput
from .coupon_holder_output import CouponHolderOutput
from .coupon_issued_data import CouponIssuedData
from .coupon_issued_notification import CouponIssuedNotification
from .coupon_issued_notification_type_enum import CouponIssuedNotificationTypeEnum
from .coupon_merchant_output import CouponMerchantOutput
from .coupon_redeemed_output import CouponRedeemedOutput
from .coupon_status_enum import CouponStatusEnum
from .coupon_wallet_output import CouponWalletOutput
from .disabled_reason_enum import DisabledReasonEnum
from .event_type_enum import EventTypeEnum
from .events_enum import EventsEnum
from .every_checkin_trigger_request import EveryCheckinTriggerRequest
from .every_checkin_trigger_type_enum import EveryCheckinTriggerTypeEnum
from .export_campaign_brief import ExportCampaignBrief
from .export_checkin import ExportCheckin
from .export_checkin_refusal import ExportCheckinRefusal
from .export_comment import ExportComment
from .export_consent_change import ExportConsentChange
from .export_consent_now import ExportConsentNow
from .export_consents import ExportConsents
from .export_coupon import ExportCoupon
from .export_eligibility import ExportEligibility
from .export_friend import ExportFriend
from .export_like import ExportLike
from .export_location_log_entry import ExportLocationLogEntry
from .export_merchant_role import ExportMerchantRole
from .export_merchant_view import ExportMerchantView
from .export_named import ExportNamed
from .export_notification import ExportNotification
from .export_notification_data import ExportNotificationData
from .export_point import ExportPoint
from .export_profile import ExportProfile
from .feed_item_output import FeedItemOutput
from .first_visit_trigger_request import FirstVisitTriggerRequest
from .first_visit_trigger_type_enum import FirstVisitTriggerTypeEnum
from .friend_accepted_data import FriendAcceptedData
from .friend_accepted_notification import FriendAcceptedNotification
from .friend_accepted_notification_type_enum import FriendAcceptedNotificationTypeEnum
from .friend_checkin_data import FriendCheckinData
from .friend_checkin_notification import FriendCheckinNotification
from .friend_checkin_notification_type_enum import FriendCheckinNotificationTypeEnum
from .friend_request import FriendRequest
from .friend_request_data import FriendRequestData
from .friend_request_list_input_request import FriendRequestListInputRequest
from .friend_request_notification import FriendRequestNotification
from .friend_request_notification_type_enum import FriendRequestNotificationTypeEnum
from .friend_status_enum import FriendStatusEnum
from .friends_requests_list_direction import FriendsRequestsListDirection
from .kind_enum import KindEnum
from .language_enum import LanguageEnum
from .like_data import LikeData
from .like_notification import LikeNotification
from .like_notification_type_enum import LikeNotificationTypeEnum
from .like_output import LikeOutput
from .like_state_output import LikeStateOutput
from .location import Location
from .location_log_entry_output import LocationLogEntryOutput
from .location_log_recipients_output import LocationLogRecipientsOutput
from .logout_input_request import LogoutInputRequest
from .me import Me
from .me_coupons_list_status import MeCouponsListStatus
from .merchant_brief_output import MerchantBriefOutput
from .merchant_create_input_request import MerchantCreateInputRequest
from .merchant_for_staff import MerchantForStaff
from .merchant_public import MerchantPublic
from .merchant_staff_input_request import MerchantStaffInputRequest
from .merchant_staff_input_role_enum import MerchantStaffInputRoleEnum
from .merchant_stats import MerchantStats
from .merchant_stats_campaign import MerchantStatsCampaign
from .merchant_stats_merchant import MerchantStatsMerchant
from .merchant_texts import MerchantTexts
from .merchant_texts_request import MerchantTextsRequest
from .merchant_translations import MerchantTranslations
from .merchant_translations_request import MerchantTranslationsRequest
from .merchants_nearby_list_category import MerchantsNearbyListCategory
from .my_checkin_merchant_output import MyCheckinMerchantOutput
from .my_checkin_output import MyCheckinOutput
from .my_progress import MyProgress
from .nearby_merchant import NearbyMerchant
from .notification_merchant import NotificationMerchant
from .notification_merchant_with_category import NotificationMerchantWithCategory
from .notification_read_input_request import NotificationReadInputRequest
from .notification_read_output import NotificationReadOutput
from .notification_type_enum import NotificationTypeEnum
from .notification_user import NotificationUser
from .nth_visit_trigger_request import NthVisitTriggerRequest
from .nth_visit_trigger_type_enum import NthVisitTriggerTypeEnum
from .paginated_campaign_output_list import PaginatedCampaignOutputList
from .paginated_comment_output_list import PaginatedCommentOutputList
from .paginated_coupon_wallet_output_list import PaginatedCouponWalletOutputList
from .paginated_feed_item_output_list import PaginatedFeedItemOutputList
from .paginated_friend_request_list import PaginatedFriendRequestList
from .paginated_like_output_list import PaginatedLikeOutputList
from .paginated_location_log_entry_output_list import PaginatedLocationLogEntryOutputList
from .paginated_my_checkin_output_list import PaginatedMyCheckinOutputList
from .paginated_nearby_merchant_list import PaginatedNearbyMerchantList
from .paginated_notification_list import PaginatedNotificationList
from .paginated_redemption_output_list import PaginatedRedemptionOutputList
from .paginated_staff_member_output_list import PaginatedStaffMemberOutputList
from .paginated_user_brief_list import PaginatedUserBriefList
from .paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from .paginated_webhook_endpoint_output_list import PaginatedWebhookEndpointOutputList
from .password_change_input_request import PasswordChangeInputRequest
from .patched_campaign_update_input_request import PatchedCampaignUpdateInputRequest
from .patched_me_update_input_request import PatchedMeUpdateInputRequest
from .patched_merchant_detail_input_request import PatchedMerchantDetailInputRequest
from .patched_webhook_endpoint_update_input_request import PatchedWebhookEndpointUpdateInputRequest
from .person_output import PersonOutput
from .personal_data_export import PersonalDataExport
from .problem import Problem
from .problem_errors import ProblemErrors
from .progress_reason_enum import ProgressReasonEnum
from .redemption_coupon_output import RedemptionCouponOutput
from .redemption_create_input_request import RedemptionCreateInputRequest
from .redemption_output import RedemptionOutput
from .register_input_request import RegisterInputRequest
from .social_merchant_output import SocialMerchantOutput
from .social_user_output import SocialUserOutput
from .staff import Staff
from .staff_member_output import StaffMemberOutput
from .staff_role_enum import StaffRoleEnum
from .staff_user import StaffUser
from .staff_user_output import StaffUserOutput
from .token_obtain_pair_request import TokenObtainPairRequest
from .token_pair import TokenPair
from .token_refresh_request import TokenRefreshRequest
from .trigger_params import TriggerParams
from .type_enum import TypeEnum
from .user import User
from .user_brief import UserBrief
from .visibility_enum import VisibilityEnum
from .webhook_delivery_output import WebhookDeliveryOutput
from .webhook_delivery_output_status_enum import WebhookDeliveryOutputStatusEnum
from .webhook_endpoint_create_input_request import WebhookEndpointCreateInputRequest
from .webhook_endpoint_created_output import WebhookEndpointCreatedOutput
from .webhook_endpoint_output import WebhookEndpointOutput
from .webhook_secret_output import WebhookSecretOutput
from .with_friends_trigger_request import WithFriendsTriggerRequest
from .with_friends_trigger_type_enum import WithFriendsTriggerTypeEnum

__all__ = (
    "AccountDeleteInputRequest",
    "ActionEnum",
    "BucketEnum",
    "CampaignBrief",
    "CampaignCreateInputRequest",
    "CampaignOutput",
    "CampaignPublic",
    "CampaignsStatsCsvRetrieveBucket",
    "CampaignsStatsRetrieveBucket",
    "CampaignStats",
    "CampaignStatsBaseline",
    "CampaignStatsFunnel",
    "CampaignStatsHoldout",
    "CampaignStatsHoldoutGroup",
    "CampaignStatsLift",
    "CampaignStatsSeriesRow",
    "CampaignStatsTotals",
    "CampaignStatusEnum",
    "CampaignTexts",
    "CampaignTextsRequest",
    "CampaignTranslations",
    "CampaignTranslationsRequest",
    "CampaignTriggerOutput",
    "CategoryEnum",
    "CheckinCouponOutput",
    "CheckinCreateInputRequest",
    "CheckinCreateOutput",
    "CheckinDetailOutput",
    "CheckinNoticeOutput",
    "CommentCreateInputRequest",
    "CommentData",
    "CommentNotification",
    "CommentNotificationTypeEnum",
    "CommentOutput",
    "ConsentOutput",
    "ConsentsInputRequest",
    "ConsentsOutput",
    "CouponHolderOutput",
    "CouponIssuedData",
    "CouponIssuedNotification",
    "CouponIssuedNotificationTypeEnum",
    "CouponMerchantOutput",
    "CouponRedeemedOutput",
    "CouponStatusEnum",
    "CouponWalletOutput",
    "DisabledReasonEnum",
    "EventsEnum",
    "EventTypeEnum",
    "EveryCheckinTriggerRequest",
    "EveryCheckinTriggerTypeEnum",
    "ExportCampaignBrief",
    "ExportCheckin",
    "ExportCheckinRefusal",
    "ExportComment",
    "ExportConsentChange",
    "ExportConsentNow",
    "ExportConsents",
    "ExportCoupon",
    "ExportEligibility",
    "ExportFriend",
    "ExportLike",
    "ExportLocationLogEntry",
    "ExportMerchantRole",
    "ExportMerchantView",
    "ExportNamed",
    "ExportNotification",
    "ExportNotificationData",
    "ExportPoint",
    "ExportProfile",
    "FeedItemOutput",
    "FirstVisitTriggerRequest",
    "FirstVisitTriggerTypeEnum",
    "FriendAcceptedData",
    "FriendAcceptedNotification",
    "FriendAcceptedNotificationTypeEnum",
    "FriendCheckinData",
    "FriendCheckinNotification",
    "FriendCheckinNotificationTypeEnum",
    "FriendRequest",
    "FriendRequestData",
    "FriendRequestListInputRequest",
    "FriendRequestNotification",
    "FriendRequestNotificationTypeEnum",
    "FriendsRequestsListDirection",
    "FriendStatusEnum",
    "KindEnum",
    "LanguageEnum",
    "LikeData",
    "LikeNotification",
    "LikeNotificationTypeEnum",
    "LikeOutput",
    "LikeStateOutput",
    "Location",
    "LocationLogEntryOutput",
    "LocationLogRecipientsOutput",
    "LogoutInputRequest",
    "Me",
    "MeCouponsListStatus",
    "MerchantBriefOutput",
    "MerchantCreateInputRequest",
    "MerchantForStaff",
    "MerchantPublic",
    "MerchantsNearbyListCategory",
    "MerchantStaffInputRequest",
    "MerchantStaffInputRoleEnum",
    "MerchantStats",
    "MerchantStatsCampaign",
    "MerchantStatsMerchant",
    "MerchantTexts",
    "MerchantTextsRequest",
    "MerchantTranslations",
    "MerchantTranslationsRequest",
    "MyCheckinMerchantOutput",
    "MyCheckinOutput",
    "MyProgress",
    "NearbyMerchant",
    "NotificationMerchant",
    "NotificationMerchantWithCategory",
    "NotificationReadInputRequest",
    "NotificationReadOutput",
    "NotificationTypeEnum",
    "NotificationUser",
    "NthVisitTriggerRequest",
    "NthVisitTriggerTypeEnum",
    "PaginatedCampaignOutputList",
    "PaginatedCommentOutputList",
    "PaginatedCouponWalletOutputList",
    "PaginatedFeedItemOutputList",
    "PaginatedFriendRequestList",
    "PaginatedLikeOutputList",
    "PaginatedLocationLogEntryOutputList",
    "PaginatedMyCheckinOutputList",
    "PaginatedNearbyMerchantList",
    "PaginatedNotificationList",
    "PaginatedRedemptionOutputList",
    "PaginatedStaffMemberOutputList",
    "PaginatedUserBriefList",
    "PaginatedWebhookDeliveryOutputList",
    "PaginatedWebhookEndpointOutputList",
    "PasswordChangeInputRequest",
    "PatchedCampaignUpdateInputRequest",
    "PatchedMerchantDetailInputRequest",
    "PatchedMeUpdateInputRequest",
    "PatchedWebhookEndpointUpdateInputRequest",
    "PersonalDataExport",
    "PersonOutput",
    "Problem",
    "ProblemErrors",
    "ProgressReasonEnum",
    "RedemptionCouponOutput",
    "RedemptionCreateInputRequest",
    "RedemptionOutput",
    "RegisterInputRequest",
    "SocialMerchantOutput",
    "SocialUserOutput",
    "Staff",
    "StaffMemberOutput",
    "StaffRoleEnum",
    "StaffUser",
    "StaffUserOutput",
    "TokenObtainPairRequest",
    "TokenPair",
    "TokenRefreshRequest",
    "TriggerParams",
    "TypeEnum",
    "User",
    "UserBrief",
    "VisibilityEnum",
    "WebhookDeliveryOutput",
    "WebhookDeliveryOutputStatusEnum",
    "WebhookEndpointCreatedOutput",
    "WebhookEndpointCreateInputRequest",
    "WebhookEndpointOutput",
    "WebhookSecretOutput",
    "WithFriendsTriggerRequest",
    "WithFriendsTriggerTypeEnum",
)
