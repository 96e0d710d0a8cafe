"""Serializer fields for translated texts (the rule itself: core/translations.py).

- `translations_field(texts, "Merchant")`: the whole `translations` object, written as given (the service validates
  it, so that every caller gets the same rule and messages) and read in full; documented as a typed object, one
  optional object per language with the model's optional texts and their maximum lengths.
- `TranslatedCharField()`: a model's text in the request's language, falling back to the original.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import StrictCharField
from core.translations import TranslatedTexts, translated, translation_languages


def _texts_serializer(texts: TranslatedTexts, name: str) -> type[serializers.Serializer]:
    """A documentation-only serializer of one language's texts (each optional, not empty, within its length)."""
    fields = {
        field: StrictCharField(
            required=False, min_length=1, max_length=length, help_text=f"`{field}` in this language."
        )
        for field, length in texts.max_lengths.items()
    }
    return type(
        f"{name}TextsSerializer", (serializers.Serializer,), {"__doc__": f"{name} texts in one language.", **fields}
    )


def _translations_serializer(texts: TranslatedTexts, name: str) -> type[serializers.Serializer]:
    """A documentation-only serializer of the whole object: one optional entry per supported language."""
    language_texts = _texts_serializer(texts, name)
    fields = {language: language_texts(required=False) for language in translation_languages()}
    doc = (
        f"Translations of the {name.lower()}'s {', '.join(texts.fields)} by language code (codes ignore case). "
        "A text left out falls back to the original."
    )
    return type(f"{name}TranslationsSerializer", (serializers.Serializer,), {"__doc__": doc, **fields})


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
