# Entry points; the scripts do the work so CI (.ci/run) and people run the same thing.
.PHONY: setup test run lint

setup:
	bash -c 'source scripts/setup-venv.sh'

test:
	bash scripts/test $(ARGS)

run:
	bash scripts/run

lint:
	bash -c 'source scripts/setup-venv.sh && ruff check .'
