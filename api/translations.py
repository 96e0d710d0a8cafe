"""Serializer fields for translated texts (the rule itself: core/translations.py).

- `translations_field(texts, "Merchant")`: the whole `translations` object, written as given (the service validates
  it, so that every caller gets the same rule and messages) and read in full; documented as a typed object, one
  optional object per language with the model's optional texts and their maximum lengths.
- `TranslatedCharField()`: a model's text in the request's language, falling back to the original.
"""

from django.core.validators import RegexValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import StrictCharField
from api.schema import ClosedSerializer
from core.translations import TranslatedTexts, translated, translation_languages

# What TranslatedTexts.clean takes as a text: something besides spaces, and no control character (a multi-line text
# may hold line feeds and tabs).
_TEXT_PATTERN = "^[^\\x00-\\x1f\\x7f-\\x9f]*[^\\s\\x00-\\x1f\\x7f-\\x9f][^\\x00-\\x1f\\x7f-\\x9f]*$"
_MULTILINE_TEXT_PATTERN = "^[^\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]*\\S[^\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]*$"


def _texts_serializer(texts: TranslatedTexts, name: str) -> type[serializers.Serializer]:
    """A documentation-only serializer of one language's texts (each optional, not blank, within its length, without
    control characters; no other member)."""
    fields = {
        field: StrictCharField(
            required=False,
            min_length=1,
            max_length=length,
            validators=[RegexValidator(_MULTILINE_TEXT_PATTERN if field in texts.multiline else _TEXT_PATTERN)],
            help_text=f"`{field}` in this language.",
        )
        for field, length in texts.max_lengths.items()
    }
    return type(f"{name}TextsSerializer", (ClosedSerializer,), {"__doc__": f"{name} texts in one language.", **fields})


def _translations_serializer(texts: TranslatedTexts, name: str) -> type[serializers.Serializer]:
    """A documentation-only serializer of the whole object: one optional entry per supported language (no other)."""
    language_texts = _texts_serializer(texts, name)
    fields = {language: language_texts(required=False) for language in translation_languages()}
    doc = (
        f"Translations of the {name.lower()}'s {', '.join(texts.fields)} by language code (codes ignore case). "
        "A text left out falls back to the original."
    )
    return type(f"{name}TranslationsSerializer", (ClosedSerializer,), {"__doc__": doc, **fields})


class _TranslationsField(serializers.Field):
    """The `translations` object as the client sent it (the service validates it) and as stored."""

    def to_internal_value(self, data):
        return data

    def to_representation(self, value):
        return value


# One field class (and one documented component) per model, however many serializers use it.
_FIELD_CLASSES: dict[str, type[_TranslationsField]] = {}


def translations_field(texts: TranslatedTexts, name: str, **kwargs) -> serializers.Field:
    """A `translations` field for a model's texts, documented as a typed object named `<name>Translations`."""
    field_class = _FIELD_CLASSES.get(name)
    if field_class is None:
        field_class = _FIELD_CLASSES[name] = extend_schema_field(_translations_serializer(texts, name))(
            type(f"{name}TranslationsField", (_TranslationsField,), {})
        )
    help_text = (
        f"Translations by language ({', '.join(f'`{code}`' for code in translation_languages())}): each an object "
        "of the texts translated. "
        "Texts are non-empty strings within the original field's length, without control characters. "
        "On PATCH the object replaces the stored one as a whole (`{}` removes every translation)."
    )
    kwargs.setdefault("help_text", help_text)
    return field_class(**kwargs)


class TranslatedCharField(serializers.CharField):
    """A model's text (the field of the same name) in the request's language, else the original (read-only)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", "In the request's language (`Accept-Language`) when translated, else the original."
        )
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return translated(value.translations, self.field_name, getattr(value, self.field_name))
