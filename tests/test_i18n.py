"""Translations: every message marked for translation has its Korean, the API's messages have their Japanese and
Simplified Chinese, every error the API can answer with is worded in all four languages, and the API answers in the
language asked for (`Accept-Language`, default English) with `Content-Language`, its `code` never translated."""

import ast
import importlib
import json
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from api import problems
from core.errors import DomainError
from tests import factories
from tests.project import APPLICATION_PACKAGES, ROOT

TRANSLATED = ("ko", "ja", "zh-hans")
# Messages whose translation is rightly the same text as the English, per language (none yet).
IDENTICAL: dict[str, set[str]] = {"ko": set(), "ja": set(), "zh-hans": set()}
# The translation functions whose first (pgettext: second) literal argument, and for the plural ones the next, are
# msgids: by name, whether imported as is, aliased to `_`, or called as `translation.gettext`.
_SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop", "pgettext", "pgettext_lazy"}
_PLURAL = {"ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy"}
_TEMPLATE = re.compile(r"""{%\s*(?:translate|trans)\s+"([^"]+)"\s*%}""")
# The script a language is written in (Japanese uses kana in every sentence of ours; Chinese neither kana nor Hangul).
_SCRIPT = {
    "ko": re.compile("[\uac00-\ud7a3]"),
    "ja": re.compile("[\u3040-\u30ff]"),
    "zh-hans": re.compile("^(?!.*[\u3040-\u30ff\uac00-\ud7a3]).*[\u4e00-\u9fff]", re.DOTALL),
}
# A title may be a single word: in Japanese that may be kanji alone (競合).
_TITLE_SCRIPT = {**_SCRIPT, "ja": re.compile("^(?!.*[\uac00-\ud7a3]).*[\u3040-\u30ff\u4e00-\u9fff]", re.DOTALL)}


# --- the catalogues ------------------------------------------------------------------------------------------------


def _catalogue_path(language: str):
    return ROOT / "locale" / translation.to_locale(language) / "LC_MESSAGES" / "django.po"


def _unquote(lines: str) -> str:
    return "".join(ast.literal_eval(part) for part in re.findall(r'^".*"$', lines, re.M))


def _catalogue(language: str = "ko") -> dict[str, tuple[str, bool]]:
    """msgid (and msgid_plural) -> (msgstr, fuzzy) of a language's catalogue, obsolete entries left out."""
    entries = {}
    for block in _catalogue_path(language).read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n)+)', block, re.M)
        plural = re.search(r'^msgid_plural ((?:".*"\n)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            entry = (_unquote(msgstr.group(1)), re.search(r"^#,.*\bfuzzy\b", block, re.M) is not None)
            entries[_unquote(msgid.group(1))] = entry
            if plural:
                entries[_unquote(plural.group(1))] = entry
    return entries


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _marked_in_python(source: str) -> set[str]:
    """The msgids of a module's translation calls (implicitly concatenated literals joined, as gettext sees them)."""
    marked = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        arguments = node.args[1:] if name and name.startswith(("pgettext", "npgettext")) else node.args
        count = 1 if name in _SINGULAR else 2 if name in _PLURAL else 0
        marked |= {text for text in map(_literal, arguments[:count]) if text}
    return marked


def _marked(*, templates: bool = True, exclude: tuple[str, ...] = ()) -> set[str]:
    """Every message marked for translation in the application's code (and templates), outside `exclude`."""
    marked = set()
    for package in APPLICATION_PACKAGES:
        if package in exclude:
            continue
        for path in (ROOT / package).rglob("*"):
            if path.suffix == ".py" and "migrations" not in path.parts:
                marked |= _marked_in_python(path.read_text(encoding="utf-8"))
            elif templates and path.suffix == ".html":
                marked |= set(_TEMPLATE.findall(path.read_text(encoding="utf-8")))
    assert marked, "no marked message found: the scan is broken"
    return marked


def test_every_catalogue_entry_has_its_korean():
    untranslated = [msgid for msgid, (msgstr, fuzzy) in _catalogue("ko").items() if msgid and (not msgstr or fuzzy)]
    assert untranslated == []


def test_every_marked_message_is_in_the_korean_catalogue():
    """A message marked for translation in the code or a template but missing from locale/ko (run makemessages)."""
    catalogue = _catalogue("ko")
    assert sorted(message for message in _marked() if message not in catalogue) == []


def test_the_scan_sees_plurals_and_concatenated_literals():
    source = 'x = ngettext("one %(n)d", "many %(n)d", n)\ny = gettext("a " "b")\nz = _(f"{x}")\nw = pgettext("c", "m")'
    assert _marked_in_python(source) == {"one %(n)d", "many %(n)d", "a b", "m"}


@pytest.mark.parametrize("language", ["ja", "zh-hans"])
def test_every_api_message_is_translated(language):
    """Everything the API can say (all marked messages outside the Korean/English dashboard) has this language's
    translation in our catalogue: present, not empty, not fuzzy."""
    catalogue = _catalogue(language)
    missing = sorted(
        message
        for message in _marked(templates=False, exclude=("dashboard",))
        if not catalogue.get(message, ("", True))[0] or catalogue[message][1]
    )
    assert missing == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_keeps_placeholders_and_compiles(language, tmp_path):
    """msgfmt --check-format: every %(name)d / {name} of a msgid is in its translation; the header is complete."""
    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt is missing: scripts/setup.sh installs gettext")
    path = _catalogue_path(language)
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", str(tmp_path / "django.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header


def test_every_supported_language_has_a_catalogue_where_django_looks():
    """zh-hans lives in locale/zh_Hans (django.utils.translation.to_locale), not zh_hans or zh-hans."""
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == ["ko", "en", "ja", "zh-hans"]
    assert [_catalogue_path(code).exists() for code in TRANSLATED] == [True, True, True]
    assert _catalogue_path("zh-hans").parent.parent.name == "zh_Hans"


# --- the error catalogue -------------------------------------------------------------------------------------------


def _domain_errors() -> list[type[DomainError]]:
    """Every DomainError class of every application package (their errors.py imported first)."""
    for package in APPLICATION_PACKAGES:
        if (ROOT / package / "errors.py").exists():
            importlib.import_module(f"{package}.errors")
    found, pending = [], [DomainError]
    while pending:
        klass = pending.pop()
        found.append(klass)
        pending.extend(klass.__subclasses__())
    return [klass for klass in found if klass.__module__.split(".")[0] in APPLICATION_PACKAGES]


def _english(message) -> str:
    with translation.override("en"):
        return str(message)


def _untranslated(messages, language: str) -> list[str]:
    """The messages (lazy or msgid) whose text in `language` is still the English one (and not meant to be)."""
    left = []
    for message in messages:
        english = _english(message)
        with translation.override(language):
            text = str(message) if not isinstance(message, str) else translation.gettext(message)
        if text == english and english not in IDENTICAL[language]:
            left.append(english)
    return left


def test_the_error_walk_finds_every_package():
    modules = {klass.__module__ for klass in _domain_errors()}
    expected = {f"{package}.errors" for package in APPLICATION_PACKAGES if (ROOT / package / "errors.py").exists()}
    assert expected <= modules and "core.errors" in modules


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_domain_error_has_its_title_and_default_detail_translated(language):
    """Walks the error-code catalogue: every error class's title and default sentence, in every language."""
    messages = [klass.title for klass in _domain_errors()]
    messages += [klass.default_detail for klass in _domain_errors() if klass.default_detail is not None]
    assert _untranslated(messages, language) == []


def test_error_codes_are_stable_machine_words():
    """`code` is never a translatable text: a plain snake_case string on every error class and DRF mapping."""
    codes = [klass.code for klass in _domain_errors()] + [code for code, _title in problems._DRF_CODES.values()]
    assert all(isinstance(code, str) and re.fullmatch(r"[a-z][a-z0-9_]*", code) for code in codes)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_problem_title_of_the_http_layer_is_translated(language):
    """The titles api/problems.py gives DRF's exceptions (and the fallback)."""
    titles = [title for _code, title in problems._DRF_CODES.values()] + [problems._DRF_FALLBACK_TITLE]
    assert _untranslated(titles, language) == []


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("handler", ["handler400", "handler403", "handler404", "handler500"])
def test_url_level_problems_are_translated(language, handler):
    """Django's 400/403/404/500 under /api/ answer in the request's language with the same code."""
    request = RequestFactory().get("/api/v1/nowhere")
    call = getattr(problems, handler)
    with translation.override("en"):
        english = call(request) if handler == "handler500" else call(request, None)
    with translation.override(language):
        translated = call(request) if handler == "handler500" else call(request, None)
    english, translated = _json(english), _json(translated)
    assert translated["code"] == english["code"] and translated["status"] == english["status"]
    assert translated["title"] != english["title"] and _TITLE_SCRIPT[language].search(translated["title"])
    assert translated["detail"] != english["detail"] and _SCRIPT[language].search(translated["detail"])


def _json(response) -> dict:
    return json.loads(response.content)


# --- answers over HTTP ---------------------------------------------------------------------------------------------

# Accept-Language as a client sends it -> the language of the answer.
ACCEPT = {
    "ko-KR,ko;q=0.9,en;q=0.5": "ko",
    "ja": "ja",
    "zh-Hans": "zh-hans",
    "zh-CN,zh;q=0.9": "zh-hans",
    "en-US": "en",
    "fr-FR,fr;q=0.9": "en",
}


def _validation(client, user):
    return client.post("/api/v1/auth/register", {}, format="json")


def _unauthenticated(client, user):
    return client.get("/api/v1/me")


def _not_found(client, user):
    return client.get("/api/v1/merchants/987654321")


def _conflict(client, user):
    body = {"username": user.username, "password": "a-long-enough-pass-2026"}
    return client.post("/api/v1/auth/register", body, format="json")


def _refused(client, user):
    """A check-in with a GPS fix too imprecise to accept: 422 poor_accuracy (the sentence names the figures)."""
    merchant = factories.MerchantFactory()
    body = {"merchant_id": merchant.pk, "lat": merchant.location.y, "lng": merchant.location.x, "accuracy_m": 250}
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client.post("/api/v1/checkins", body, format="json")


def _throttled(client, user):
    client.post("/api/v1/auth/register", {}, format="json")
    return client.post("/api/v1/auth/register", {}, format="json")


def _bad_token(client, user):
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    return client.get("/api/v1/me")


def _no_route(client, user):
    return client.get("/api/v1/no-such-path")


def _wrong_method(client, user):
    return client.delete("/api/v1/auth/register")


def _wrong_media_type(client, user):
    return client.post("/api/v1/auth/register", "username=x", content_type="application/x-www-form-urlencoded")


def _not_acceptable(client, user):
    return client.get("/api/v1/merchants/nearby?lat=37.5&lng=127", HTTP_ACCEPT="application/xml")


# name -> (request, status, code, title msgid)
PROBLEMS = {
    "validation": (_validation, 400, "validation_error", "Invalid input"),
    "unauthenticated": (_unauthenticated, 401, "not_authenticated", "Authentication required"),
    "not_found": (_not_found, 404, "merchant_not_found", "Not found"),
    "conflict": (_conflict, 409, "username_taken", "Conflict"),
    "refused": (_refused, 422, "poor_accuracy", "Check-in refused"),
    "throttled": (_throttled, 429, "rate_limited", "Too many requests"),
    "bad_token": (_bad_token, 401, "token_not_valid", "Invalid or expired token"),
    "no_route": (_no_route, 404, "not_found", "Not found"),
    "wrong_method": (_wrong_method, 405, "method_not_allowed", "Method not allowed"),
    "wrong_media_type": (_wrong_media_type, 415, "unsupported_media_type", "Unsupported media type"),
    "not_acceptable": (_not_acceptable, 406, "not_acceptable", "Not acceptable"),
}


@pytest.fixture
def answers(db, settings, fast_passwords):
    """The problem each request yields, asked in a given Accept-Language (and in English, to compare)."""
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "1/min"}
    user = factories.UserFactory(username="taken-name")

    def ask(name: str, accept: str):
        from django.core.cache import cache

        cache.delete_pattern("*")  # a fresh throttle for every ask
        return PROBLEMS[name][0](APIClient(HTTP_ACCEPT_LANGUAGE=accept), user)

    return ask


@pytest.mark.parametrize("accept", ACCEPT)
@pytest.mark.parametrize("name", PROBLEMS)
def test_problems_answer_in_the_asked_language(answers, name, accept):
    _request, status, code, title = PROBLEMS[name]
    language = ACCEPT[accept]
    english, response = answers(name, "en"), answers(name, accept)
    assert (response.status_code, response.json()["code"]) == (english.status_code, english.json()["code"])
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response["Content-Language"] == language and english["Content-Language"] == "en"
    body = response.json()
    assert body["status"] == status and body["type"] == english.json()["type"]
    with translation.override(language):
        assert body["title"] == translation.gettext(title)
    if language == "en":
        assert (body["title"], body["detail"]) == (english.json()["title"], english.json()["detail"])
    else:
        assert _TITLE_SCRIPT[language].search(body["title"]), body
        assert _SCRIPT[language].search(body["detail"]), body
        assert body["detail"] != english.json()["detail"]


def test_validation_errors_are_translated_per_field(answers):
    """DRF's own field messages come out in the asked language, and the summary counts the rest in it too."""
    english = answers("validation", "en").json()
    korean = answers("validation", "ko").json()
    assert english["errors"]["username"] == ["This field is required."]
    assert korean["errors"]["username"] == ["필수 항목입니다."]
    assert set(korean["errors"]) == set(english["errors"]) and len(english["errors"]) > 1
    assert korean["detail"] == f"username: 필수 항목입니다. (외 {len(english['errors']) - 1}건)"
    assert answers("validation", "ja").json()["errors"]["username"] == ["この項目は必須です。"]
    assert answers("validation", "zh-Hans").json()["errors"]["username"] == ["此字段为必填项。"]


def test_throttled_detail_names_the_wait_in_the_language(answers):
    """DRF formats the wait into its sentence before translating it (so never translated); ours says it in words."""
    response = answers("throttled", "ko")
    wait = int(response["Retry-After"])
    assert response.json()["detail"] == f"요청이 너무 많습니다. {wait}초 후에 다시 시도하세요."
    english = answers("throttled", "en")
    assert english.json()["detail"] == f"Too many requests; try again in {english['Retry-After']} seconds."


def test_check_in_refusal_keeps_its_figures_in_every_language(answers):
    """The translated sentence carries the same numbers as the English one; the extra members are untouched."""
    english, japanese = answers("refused", "en").json(), answers("refused", "ja").json()
    assert english["detail"] == "The GPS fix is too imprecise (250 m); at most 200 m."
    assert japanese["detail"] == "GPS の位置情報の精度が低すぎます（250 m）。誤差は200 mまでです。"
    assert japanese["max_accuracy_m"] == english["max_accuracy_m"]


def test_korean_is_active_for_ko():
    with translation.override("ko"):
        assert translation.gettext("Token is invalid") == "유효하지 않은 토큰입니다."


def test_problem_details_follow_accept_language(api_client):
    body, content_type = "[" * 100 + "]" * 100, "application/json"
    english = api_client.post("/api/v1/auth/register", body, content_type=content_type)
    korean = api_client.post("/api/v1/auth/register", body, content_type=content_type, HTTP_ACCEPT_LANGUAGE="ko-KR")
    assert english.status_code == korean.status_code == 400
    assert english.json()["code"] == korean.json()["code"] == "malformed_json"
    assert english["Content-Language"] == "en" and korean["Content-Language"] == "ko"
    assert korean.json()["detail"] == "배열과 객체는 최대 32단계까지만 중첩할 수 있습니다."
