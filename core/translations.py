"""Translations of a record's texts (a merchant's name, a campaign's title), one rule for every model that has them.

A model keeps its original texts in their columns and their translations in a `translations` JSON column:
`{"en": {"name": "..."}, "ja": {"name": "...", "address": "..."}}`. Here, once:
- which languages (settings.LANGUAGES, all of them: the original's language is not recorded, so none is excluded),
  and how a code is matched (`zh-Hans` is `zh-hans`);
- which fields of a model may be translated and how long each may be (the model field's own max_length):
  `TranslatedTexts.of(Merchant, "name", "address")`, declared beside the model's writes;
- what a valid `translations` object is (TranslatedTexts.clean: errors under `translations.<language>.<field>`);
- the read rule: the field in the requested language if there is a translation, else the original, per field; in
  Python (translated), as an ORM expression (translated_expression) and as SQL for hand-written queries
  (translated_sql, with the language bound as the `lang` parameter).

Error messages never quote what the client sent: an unknown language or field is reported under its parent.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.errors import ValidationFailed

# Characters a multi-line text (a description) may hold although they are control characters.
_MULTILINE_CONTROLS = frozenset("\n\t")


def translation_languages() -> tuple[str, ...]:
    """The language codes a translation may be given in (settings.LANGUAGES, lower case: `zh-hans`)."""
    return tuple(code.lower() for code, _name in settings.LANGUAGES)


def language_supported(code: str | None) -> str | None:
    """The supported language a code names (`zh-Hans` -> `zh-hans`, `ja-JP` -> `ja`), or None."""
    if not code:
        return None
    languages = translation_languages()
    code = code.lower().replace("_", "-")
    if code in languages:
        return code
    generic = code.split("-", 1)[0]
    return generic if generic in languages else None


def language_current() -> str | None:
    """The active language (Django's get_language(): Accept-Language or the user's choice) as a supported code."""
    return language_supported(get_language())


def translated(translations: Mapping | None, field: str, original: str, language: str | None = None) -> str:
    """The field in `language` (default: the active one) if it is translated there, else the original."""
    language = language_supported(language) if language else language_current()
    texts = (translations or {}).get(language) if language else None
    text = texts.get(field) if isinstance(texts, Mapping) else None
    return text if isinstance(text, str) and text else original


def translated_sql(*, alias: str, field: str) -> str:
    """The read rule as SQL for a row aliased `alias`, with the language bound as the named parameter `lang`
    (`"lang": language_current()`); a NULL language reads the original."""
    return f"coalesce(nullif({alias}.translations -> %(lang)s::text ->> '{field}', ''), {alias}.{field})"


def translated_expression(field: str, *, prefix: str = "", language: str | None = None) -> Combinable:
    """The read rule as an ORM expression: `translated_expression("title", prefix="campaign__")` for a coupon's
    campaign title in the active language (or `language`)."""
    language = language_supported(language) if language else language_current()
    original = F(f"{prefix}{field}")
    if language is None:
        return original
    text = KeyTextTransform(field, KeyTransform(language, f"{prefix}translations"))
    return Coalesce(NullIf(text, Value("")), original, output_field=TextField())


@dataclass(frozen=True)
class TranslatedTexts:
    """The translatable fields of one model and the longest text each takes."""

    max_lengths: Mapping[str, int]
    multiline: frozenset[str] = frozenset()

    @classmethod
    def of(cls, model, *fields: str) -> "TranslatedTexts":
        """The given fields of a model, each as long as its column allows (a TextField is multi-line)."""
        columns = [model._meta.get_field(name) for name in fields]
        return cls(
            max_lengths={column.name: column.max_length for column in columns},
            multiline=frozenset(column.name for column in columns if isinstance(column, TextField)),
        )

    @property
    def fields(self) -> tuple[str, ...]:
        """The field names, in declaration order."""
        return tuple(self.max_lengths)

    def clean(self, value) -> dict:
        """A valid `translations` object, normalised (language codes in lower case, texts stripped), or
        ValidationFailed with each problem under `translations`, `translations.<language>` or
        `translations.<language>.<field>`."""
        if not isinstance(value, Mapping):
            raise ValidationFailed(errors={"translations": [_("Must be an object keyed by language code.")]})
        errors: dict[str, list] = {}
        cleaned: dict[str, dict[str, str]] = {}
        languages = ", ".join(translation_languages())
        for code, texts in value.items():
            language = code.lower() if isinstance(code, str) else None
            path = f"translations.{language}"
            if language not in translation_languages():
                errors["translations"] = [_("Not a supported language; use: %(languages)s.") % {"languages": languages}]
            elif language in cleaned or path in errors:
                errors[path] = [_("This language is given twice (language codes ignore case).")]
            elif not isinstance(texts, Mapping):
                errors[path] = [_("Must be an object of translated texts.")]
            else:
                cleaned[language] = self._texts_clean(texts, path=path, errors=errors)
        if errors:
            raise ValidationFailed(errors=errors)
        return {language: texts for language, texts in cleaned.items() if texts}

    def _texts_clean(self, texts: Mapping, *, path: str, errors: dict) -> dict[str, str]:
        """One language's texts, cleaned; problems are added to `errors` under `<path>.<field>`."""
        cleaned = {}
        for field, text in texts.items():
            if field not in self.max_lengths:
                errors[path] = [_("Not a translatable field; use: %(fields)s.") % {"fields": ", ".join(self.fields)}]
            elif (error := self._text_error(field, text)) is not None:
                errors[f"{path}.{field}"] = [error]
            else:
                cleaned[field] = text.strip()
        return cleaned

    def _text_error(self, field: str, text) -> str | None:
        """Why one translated text is refused, or None."""
        if not isinstance(text, str):
            return _("Must be a string.")
        if not text.strip():
            return _("Must not be empty; leave the field out to show the original.")
        if len(text.strip()) > self.max_lengths[field]:
            return _("Must be at most %(limit)d characters.") % {"limit": self.max_lengths[field]}
        allowed = _MULTILINE_CONTROLS if field in self.multiline else frozenset()
        if any(unicodedata.category(char) in ("Cc", "Cs") and char not in allowed for char in text):
            return _("Must not contain control characters.")
        return None
