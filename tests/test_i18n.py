"""Translations: every message marked for translation has its Korean, and the API answers in the asked language."""

import re

from django.utils import translation

from tests.project import APPLICATION_PACKAGES, ROOT

CATALOGUE = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"
# A literal first argument of a translation call, or a {% translate "..." %} in a template.
_MARKED = re.compile(r"""\b(?:_|gettext|gettext_lazy|gettext_noop|ngettext|pgettext)\(\s*"((?:[^"\\]|\\.)+)"[,)]""")
_TEMPLATE = re.compile(r"""{%\s*(?:translate|trans)\s+"([^"]+)"\s*%}""")


def _catalogue() -> dict[str, str]:
    entries = {}
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            entries["".join(re.findall(r'"(.*)"', msgid.group(1)))] = "".join(re.findall(r'"(.*)"', msgstr.group(1)))
    return entries


def test_every_catalogue_entry_has_its_korean():
    untranslated = [msgid for msgid, msgstr in _catalogue().items() if msgid and not msgstr]
    assert untranslated == []


def test_every_marked_message_is_in_the_korean_catalogue():
    """A message marked for translation in the code or a template but missing from locale/ko (run makemessages)."""
    catalogue = _catalogue()
    marked = set()
    for package in APPLICATION_PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.suffix == ".py" and "migrations" not in path.parts:
                marked |= set(_MARKED.findall(path.read_text(encoding="utf-8")))
            elif path.suffix == ".html":
                marked |= set(_TEMPLATE.findall(path.read_text(encoding="utf-8")))
    assert marked, "no marked message found: the scan is broken"
    assert sorted(message for message in marked if message not in catalogue) == []


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
