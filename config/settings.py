"""Settings, one block per concern, every value from an environment variable with a safe local default."""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

from config.secret_key import secret_key_load, secret_key_path

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# ---------------------------------------------------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# DJANGO_SECRET_KEY, else var/secret_key (written once per installation by scripts/setup.sh); never a key in the
# repository. Sessions, CSRF and the JWT signing key all follow it (config/secret_key.py says why and how).
SECRET_KEY = secret_key_load(
    environ_value=env.str("DJANGO_SECRET_KEY", default=""), path=secret_key_path(BASE_DIR), debug=DEBUG
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver", "[::1]"])
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
USE_TZ = True
TIME_ZONE = "UTC"
# Korean first for the people it serves; English is the API's default; Japanese and Chinese for visitors. The language
# comes from Accept-Language (django.middleware.locale), and catalogues live in locale/ (compiled by scripts/setup.sh).
USE_I18N = True
LANGUAGE_CODE = "en"
LANGUAGES = [("ko", "한국어"), ("en", "English"), ("ja", "日本語"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "core",
    "geo",
    "accounts",
    "merchants",
    "webhooks",
    "coupons",
    "checkins",
    "social",
    "stats",
    "api",
    "dashboard",
    "demo",
]

MIDDLEWARE = [
    "api.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "api.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Early, so that every answer below it (the 413, the query-text 400) is in the request's language.
    "django.middleware.locale.LocaleMiddleware",
    "api.middleware.PrivateAnswerCacheMiddleware",  # outside the 413 and the 400 below: they are answers too
    "api.middleware.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Dashboard pages only: a signed-in user's saved language wins over the cookie and Accept-Language.
    "dashboard.language.SavedLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "api.middleware.QueryTextMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # config/templates overrides third-party templates (ReDoc's page without web fonts, for offline use).
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------------------------------
# Database (PostGIS) and cache/broker (Redis)
# ---------------------------------------------------------------------------------------------------------------------
DATABASES = {"default": env.db_url("DATABASE_URL", default="postgis://checkin:checkin@127.0.0.1:5432/checkin")}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int("DATABASE_CONNECT_TIMEOUT", default=5)
# JIT compiles for tens of milliseconds whenever a plan's cost estimate is high, as a KNN scan's is at a million
# merchants; our queries are short, so JIT only ever adds latency.
DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env.str("CACHE_URL", default=REDIS_URL),
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="checkin"),
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            # Only rate-limit counters live here: with Redis down they fail open (logged) rather than turn every
            # request, a check-in included, into a 500.
            "IGNORE_EXCEPTIONS": env.bool("CACHE_IGNORE_EXCEPTIONS", default=True),
        },
    }
}

# ---------------------------------------------------------------------------------------------------------------------
# Celery
# ---------------------------------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
# A task is acknowledged only after it ran, and re-queued if its worker dies: tasks are written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=300),
    # How often a worker looks for messages left unacknowledged by a dead worker (older than the visibility timeout)
    # and puts them back in the queue; kombu's default would scan only every 100 s.
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 1,
    # Publishing (a web request's on_commit kick, the relay) must fail fast when Redis is down, never hang: a short
    # socket timeout, and one connection attempt bounded by connect_retries_timeout instead of retrying for ever.
    "socket_connect_timeout": env.float("CELERY_BROKER_SOCKET_CONNECT_TIMEOUT", default=1.0),
    "socket_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=5.0),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
    "connect_retries_timeout": env.float("CELERY_BROKER_CONNECT_RETRIES_TIMEOUT", default=1.0),
}
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=1.0)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    # Coupons read as expired from expires_at on anyway; the task records it (expired_at) for statistics.
    "coupons-expire": {"task": "coupons.expire", "schedule": 300.0},
    "idempotency-purge": {"task": "api.idempotency_purge", "schedule": 3600.0},
    # The outbox relay publishes whatever a commit's kick did not (broker down, web process killed after commit).
    "outbox-relay": {"task": "core.outbox_relay", "schedule": env.float("OUTBOX_RELAY_INTERVAL_S", default=2.0)},
    "outbox-purge": {"task": "core.outbox_purge", "schedule": 86400.0},
    "refresh-tokens-purge": {"task": "accounts.refresh_tokens_purge", "schedule": 86400.0},
    "location-log-purge": {"task": "accounts.location_log_purge", "schedule": 86400.0},
    # Raw GPS fixes older than LOCATION_RAW_RETENTION_DAYS are erased (checkins/retention.py).
    "raw-fixes-purge": {"task": "checkins.raw_fixes_purge", "schedule": 86400.0},
    # Statistics are read from rollups this task keeps up to date: figures are at most about a minute behind.
    "stats-rollups-fold": {"task": "stats.rollups_fold", "schedule": env.float("STATS_FOLD_INTERVAL_S", default=30.0)},
    # Webhook deliveries due (first attempts whose kick was lost, retries after their backoff), kicked to workers.
    "webhooks-deliveries-sweep": {
        "task": "webhooks.deliveries_sweep",
        "schedule": env.float("WEBHOOK_SWEEP_INTERVAL_S", default=5.0),
    },
    # Campaigns that reached ends_at are announced (campaign.ended) to subscribed webhooks, once.
    "coupons-campaigns-ended-announce": {"task": "coupons.campaigns_ended_announce", "schedule": 60.0},
    "webhooks-messages-purge": {"task": "webhooks.messages_purge", "schedule": 86400.0},
}

# ---------------------------------------------------------------------------------------------------------------------
# Outbox (core/outbox.py): events written in the writer's transaction, relayed to the task named for their topic
# ---------------------------------------------------------------------------------------------------------------------
OUTBOX_TOPIC_TASKS = {
    "checkin.created": "social.fanout_checkin",
    # Merchants' webhook events (webhooks/events.py): the consumer makes the message and its deliveries.
    "webhook.event": "webhooks.messages_create",
}
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=500)
# A published event still unprocessed after this long (doubling per attempt, at most 64x) is published again.
OUTBOX_REPUBLISH_AFTER_S = env.float("OUTBOX_REPUBLISH_AFTER_S", default=30.0)
OUTBOX_KICK_EXPIRES_S = 60
# A web process kicks the relay at most once per this many seconds: the first commit at once, later ones in one
# trailing kick (publishing costs ~1.3 ms of CPU, a fifth of a check-in's). 0 kicks on every commit.
OUTBOX_KICK_INTERVAL_S = env.float("OUTBOX_KICK_INTERVAL_S", default=0.1)
OUTBOX_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=7)

# ---------------------------------------------------------------------------------------------------------------------
# Webhooks (webhooks/): merchants' endpoints get signed events (Standard Webhooks), retried with backoff
# ---------------------------------------------------------------------------------------------------------------------
# Requests to private, loopback, link-local and other non-public addresses are refused (at registration and again at
# every attempt, on the address actually connected to) unless this is on: scripts/run.sh and the tests turn it on for
# receivers on this machine; production leaves it off, so no merchant can make us call into our own network.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)
# Plain http endpoints are refused at registration when on (the default follows DJANGO_SECURE, read under Security).
WEBHOOK_REQUIRE_HTTPS = env.bool("WEBHOOK_REQUIRE_HTTPS", default=env.bool("DJANGO_SECURE", default=False))
WEBHOOK_CONNECT_TIMEOUT_S = env.float("WEBHOOK_CONNECT_TIMEOUT_S", default=5.0)
# The certificate authorities https endpoints are checked against: a PEM file, or empty for the system's store.
WEBHOOK_CA_BUNDLE = env.str("WEBHOOK_CA_BUNDLE", default="")
# An attempt gives up after this many seconds of connecting and waiting for the answer (urllib3's total timeout).
WEBHOOK_TIMEOUT_S = env.float("WEBHOOK_TIMEOUT_S", default=10.0)
# The delay before each attempt, the first one's included (Standard Webhooks' / Svix's schedule: at once, 5 s, 5 min,
# 30 min, 2 h, 5 h, 10 h, 10 h: about 27.6 h in all); after the last one fails the delivery is failed.
WEBHOOK_RETRY_SCHEDULE_S = [
    int(s) for s in env.list("WEBHOOK_RETRY_SCHEDULE_S", default=[0, 5, 300, 1800, 7200, 18000, 36000, 36000])
]
# An endpoint whose attempts failed this many times in a row, over at least this many hours (any success resets both),
# is disabled: it keeps failing, not merely was down for a busy hour.
WEBHOOK_DISABLE_AFTER_FAILURES = env.int("WEBHOOK_DISABLE_AFTER_FAILURES", default=15)
WEBHOOK_DISABLE_AFTER_HOURS = env.float("WEBHOOK_DISABLE_AFTER_HOURS", default=24.0)
# After a secret's rotation the old secret signs too (a second signature) for this long: time to update the receiver.
WEBHOOK_SECRET_GRACE_HOURS = env.float("WEBHOOK_SECRET_GRACE_HOURS", default=24.0)
# A worker owns an attempt this long (it must exceed a whole attempt: name resolution and WEBHOOK_TIMEOUT_S); one that
# died mid-attempt is retried after it.
WEBHOOK_ATTEMPT_LEASE_S = env.float("WEBHOOK_ATTEMPT_LEASE_S", default=120.0)
WEBHOOK_SWEEP_BATCH_SIZE = env.int("WEBHOOK_SWEEP_BATCH_SIZE", default=200)
# Of a receiver's answer only this much is read (the rest is dropped with the connection).
WEBHOOK_RESPONSE_MAX_BYTES = 4096
# Finished deliveries (succeeded, failed) and their messages are deleted this many days later (daily beat task).
WEBHOOK_KEEP_DAYS = env.int("WEBHOOK_KEEP_DAYS", default=30)
# campaign.ended for campaigns that reached ends_at is announced by a beat task looking this far back (keep it well
# under WEBHOOK_KEEP_DAYS: an announcement is known to have been made while its message is kept).
WEBHOOK_CAMPAIGN_ENDED_LOOKBACK_S = env.int("WEBHOOK_CAMPAIGN_ENDED_LOOKBACK_S", default=86400)

# ---------------------------------------------------------------------------------------------------------------------
# Push notifications (accounts/push.py): "logging" (default) or "webhook" (POST JSON to PUSH_WEBHOOK_URL)
# ---------------------------------------------------------------------------------------------------------------------
PUSH_BACKEND = env.str("PUSH_BACKEND", default="logging")
PUSH_WEBHOOK_URL = env.str("PUSH_WEBHOOK_URL", default="")
PUSH_WEBHOOK_TIMEOUT_S = env.float("PUSH_WEBHOOK_TIMEOUT_S", default=3.0)
PUSH_MAX_RETRIES = env.int("PUSH_MAX_RETRIES", default=8)
PUSH_BATCH_SIZE = 500

# ---------------------------------------------------------------------------------------------------------------------
# Privacy (location consent, the location access log, retention of raw fixes, erasure)
# ---------------------------------------------------------------------------------------------------------------------
# The version of the location terms a user consents to; recorded with each grant or withdrawal (accounts/consents.py).
LOCATION_TERMS_VERSION = env.str("LOCATION_TERMS_VERSION", default="2026-12")
# Raw GPS fixes (position and accuracy of check-ins and refused attempts) are erased after this many days by a daily
# beat task (checkins/retention.py), keeping merchant, time and distance; the travel-speed rule needs only the last one.
LOCATION_RAW_RETENTION_DAYS = env.int("LOCATION_RAW_RETENTION_DAYS", default=30)
# The location access log (accounts/location_log.py) is kept this many days, then purged by a daily beat task. The
# Location Information Act asks for at least six months: a shorter setting refuses to start rather than break the law.
LOCATION_LOG_RETENTION_DAYS = env.int("LOCATION_LOG_RETENTION_DAYS", default=183)
if LOCATION_LOG_RETENTION_DAYS < 183:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("LOCATION_LOG_RETENTION_DAYS must be at least 183 (six months of access records).")
LOCATION_LOG_PURGE_BATCH_SIZE = 5000
# An erased account's username (DELETE /me, social/privacy.py) is held from new registrations this many days, so that
# no one takes over a name friends knew at once.
USERNAME_HOLD_DAYS = env.int("USERNAME_HOLD_DAYS", default=30)

# ---------------------------------------------------------------------------------------------------------------------
# Auth, JWT
# ---------------------------------------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["username", "email", "display_name", "first_name", "last_name"]},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# axes' backend first: it refuses a locked account before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Refresh tokens are single-use: each refresh returns a new one and blacklists the one sent (token_blacklist app);
# logout and a password change revoke them (api/v1/accounts.py, accounts.services.user_refresh_tokens_revoke).
# Access tokens are not checked against the blacklist: a revoked session's access token lives out its few minutes.
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=30)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    # The token view sends user_logged_in instead (axes clears the failures; Django's receiver sets last_login).
    "UPDATE_LAST_LOGIN": False,
}
LOGIN_URL = "/dashboard/login/"
# The client's address (api.throttling.client_ip, for the rate limits and the login lockout) is the TCP peer, unless
# the peer is one of these proxies (addresses or networks, comma-separated: "10.0.0.5,172.16.0.0/12"); then it is
# read from X-Forwarded-For past every trusted proxy. None by default: the header is ignored. A typo fails at start.
TRUSTED_PROXIES = [str(ipaddress.ip_network(proxy, strict=False)) for proxy in env.list("TRUSTED_PROXIES", default=[])]
# Failed logins per account (django-axes, on POST /api/v1/auth/token and the dashboard's login page): after
# LOGIN_FAILURE_LIMIT failures the account's password login is locked, whatever the address, until
# LOGIN_LOCKOUT_MINUTES after the last counted failure. Tries during the lock are refused without being counted, so
# nobody can keep an account locked by retrying; a successful login clears the account's failures.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]  # per client address: THROTTLE_RATES["auth"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "api.throttling.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login (addresses are personal data)
AXES_VERBOSE = False  # no banner on every start; lockouts are answered (and logged) by our own views

# ---------------------------------------------------------------------------------------------------------------------
# REST framework, schema, CORS
# ---------------------------------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON only, UTF-8, nested at most 32 deep, no NUL or lone surrogate in any string (api/parsers.py).
    "DEFAULT_PARSER_CLASSES": ["api.parsers.ApiJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.OffsetPagination",
    # drf-spectacular's, plus DELETE bodies and rate limit scopes (api/schema.py).
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
    # Read NaN/Infinity literals so that the field that carries one is named in the 400 (never rendered back).
    "STRICT_JSON": False,
}
# Per-user (or per-IP for anonymous callers) limits, "<count>/<sec|min|hour|day>"; 429 with Retry-After past them.
THROTTLE_RATES = {
    "auth": env.str("THROTTLE_AUTH", default="30/min"),
    "checkin": env.str("THROTTLE_CHECKIN", default="30/min"),
    "redemption": env.str("THROTTLE_REDEMPTION", default="120/min"),
    # Test events and redeliveries: each makes us call the merchant's URL (api/v1/webhooks.py).
    "webhook_send": env.str("THROTTLE_WEBHOOK_SEND", default="30/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Check-in and coupon platform API",
    "DESCRIPTION": (
        "Find shops near you, check in, get a coupon on the spot and share it with friends; merchants run campaigns, "
        "redeem coupons and measure what each campaign achieved.\n\n"
        "Authenticate with `Authorization: Bearer <access>` from `POST /api/v1/auth/token`. Every error is an "
        "RFC 9457 problem details document (`application/problem+json`) with a stable `code`.\n\n"
        "Rules every operation shares: text is Unicode without NUL characters or unpaired surrogates, in any string "
        "of a body or query (else a 400 naming where); dates and times lie between 2000-01-01 and 2100-12-31; ids are "
        "positive integers of at most 18 digits. Every answer carries `X-Request-ID` and `Content-Language`; "
        "rate-limited operations carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (IETF draft "
        "RateLimit header fields), and every 429 a `Retry-After`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Docs load nothing from elsewhere: Swagger UI and ReDoc from the sidecar's static files (ReDoc's bundle through
    # api/docs.py, without its CDN logo), and no online validator badge.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CampaignStatusEnum": "coupons.models.Campaign.Status",
        "CouponStatusEnum": "coupons.models.Coupon.Status",
        "NotificationTypeEnum": "accounts.models.Notification.Type",
        "ProgressReasonEnum": "checkins.progress.REASONS",
        "StaffRoleEnum": "merchants.models.MerchantStaff.Role",
        "TypeEnum": "coupons.triggers.TRIGGER_TYPES",
        "VisibilityEnum": "accounts.models.Visibility",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.unify_path_ids",
        "api.schema.document_local_times",
        "api.schema.add_problem_responses",
        "api.schema.add_response_headers",
        "api.schema.add_links",
    ],
    "SERVERS": [{"url": "/", "description": "This server"}],
    # Operation ids (and so generated SDK function names) start after the version: `merchants_nearby_list`.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = env.bool("CORS_ALLOW_ALL_ORIGINS", default=True)
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])

# ---------------------------------------------------------------------------------------------------------------------
# Requests, static files, security
# ---------------------------------------------------------------------------------------------------------------------
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=64 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Behind TLS, DJANGO_SECURE=true turns on HSTS, secure cookies and the redirect to HTTPS. The TLS proxy in front must
# set X-Forwarded-Proto (and overwrite whatever a client sent), which SECURE_PROXY_SSL_HEADER then trusts; the health
# probes stay reachable over plain HTTP for load balancers.
SECURE = env.bool("DJANGO_SECURE", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("DJANGO_TLS_PROXY", default=SECURE) else None
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=SECURE)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=365 * 24 * 3600 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=SECURE)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
# Pages (dashboard, API docs) load only what this server serves; inline scripts and styles only with the request's
# nonce. API answers carry a fixed deny-all policy instead (api/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# ---------------------------------------------------------------------------------------------------------------------
# Domain limits (the API contract: "All limits are settings")
# ---------------------------------------------------------------------------------------------------------------------
NEARBY_DEFAULT_RADIUS_M = 1000
NEARBY_MAX_RADIUS_M = env.int("NEARBY_MAX_RADIUS_M", default=50_000)
CHECKIN_MAX_ACCURACY_M = env.float("CHECKIN_MAX_ACCURACY_M", default=200.0)
CHECKIN_COOLDOWN_MINUTES = env.int("CHECKIN_COOLDOWN_MINUTES", default=60)
CHECKIN_MAX_SPEED_KMH = env.float("CHECKIN_MAX_SPEED_KMH", default=300.0)
CHECKIN_SPEED_EXEMPT_M = env.float("CHECKIN_SPEED_EXEMPT_M", default=1000.0)
IDEMPOTENCY_TTL_HOURS = env.int("IDEMPOTENCY_TTL_HOURS", default=24)
# How long after a redemption an owner or manager may still void it (the coupon is active again).
REDEMPTION_VOID_MINUTES = env.int("REDEMPTION_VOID_MINUTES", default=10)

# ---------------------------------------------------------------------------------------------------------------------
# Logging: one JSON line per event (structlog), request lines from api.middleware.RequestLogMiddleware
# ---------------------------------------------------------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.request": {"level": "ERROR"}, "django.server": {"level": "WARNING"}},
}
import structlog  # noqa: E402  (configured here so that every process, web or worker, logs the same way)

structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        structlog.processors.JSONRenderer(),
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)

# Debian 12's GDAL 3.6 cannot block spatial-reference lookups from files or the network (gis.W001). We never let a
# client send WKT, GeoJSON geometries or SRIDs: only numeric lat/lng, so no client input reaches GDAL's SRS parser.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
# axes.W002: axes' middleware only swaps a lockout for axes' own page; our two login views answer it themselves (a
# 429 login_locked problem, the login page with its message). axes.W006: lockouts are per account on purpose; per
# address, the "auth" rate limit applies.
SILENCED_SYSTEM_CHECKS += ["axes.W002", "axes.W006"]
