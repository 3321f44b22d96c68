# The Makefile only delegates to the scripts in deploy/local (see README.md).
.PHONY: run stop test infra-up infra-down status

run:
	@deploy/local/run.sh

stop:
	@deploy/local/stop.sh

test:
	@deploy/local/test.sh

status:
	@deploy/local/run.sh status

infra-up:
	@deploy/local/infra.sh up

infra-down:
	@deploy/local/infra.sh down
