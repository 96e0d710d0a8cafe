.PHONY: run test mutation schema sdk bench-nearby

run:  ## set up everything missing, load the demo once, serve API + worker + beat
	bash scripts/run.sh

test:  ## set up everything missing, then ruff, import-linter, openapi.yaml and SDK drift checks and pytest
	bash scripts/test.sh

mutation:  ## mutation testing of issuance, check-ins, idempotency and holdout (tens of minutes; not part of test)
	bash scripts/mutation.sh

schema:  ## regenerate openapi.yaml from the code
	.venv/bin/python manage.py spectacular --validate --fail-on-warn --file openapi.yaml

sdk:  ## regenerate the Python SDK in clients/python/ from openapi.yaml (openapi-python-client, default configuration)
	bash scripts/sdk.sh

bench-nearby:
	.venv/bin/python bench/nearby.py
