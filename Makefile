.PHONY: run test schema bench-nearby

run:  ## set up everything missing, load the demo once, serve API + worker + beat
	bash scripts/run.sh

test:  ## set up everything missing, then ruff, import-linter, openapi drift check and pytest
	bash scripts/test.sh

schema:  ## regenerate openapi.yaml from the code
	.venv/bin/python manage.py spectacular --validate --fail-on-warn --file openapi.yaml

bench-nearby:
	.venv/bin/python bench/nearby.py
