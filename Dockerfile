# The one image behind web, worker and beat (docker-compose.yml): Debian bookworm's GDAL/PROJ for GeoDjango and the
# Python packages pinned in pyproject.toml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends gdal-bin libgdal32 binutils libproj25 postgresql-client gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The pinned dependencies alone first, so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
RUN pip install --no-deps . \
    && DJANGO_DEBUG=true python manage.py collectstatic --no-input -v 0 \
    && for po in locale/*/LC_MESSAGES/django.po; do msgfmt -o "${po%.po}.mo" "$po"; done \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app/var \
    && chown -R app:app /app/var

USER app
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "--bind", "0.0.0.0:8000"]
