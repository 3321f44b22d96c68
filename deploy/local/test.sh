#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests (failsafe) against a real Kafka
# broker and a real Elasticsearch that this script starts on test ports (19092, 19200) from a
# clean state, and stops afterwards. Extra arguments go to Maven (for example -pl search-service -am).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/jdk.sh"
cd "$repo"

# The web page's browser tests drive Debian's chromium through its chromedriver; install both
# when they are missing and this user can (CI runs as root on Debian).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
		echo "[test] installing chromium and chromium-driver for the browser tests"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null
	else
		echo "[test] /usr/bin/chromium or /usr/bin/chromedriver is missing: the browser tests will fail;" \
			"install them with: sudo apt-get install chromium chromium-driver" >&2
	fi
fi

started=false
cleanup() {
	if $started; then
		"$here/infra.sh" down --profile test || true
	fi
}
trap cleanup EXIT INT TERM

if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] && [ -n "${ELASTICSEARCH_URL:-}" ]; then
	echo "[test] using KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS and ELASTICSEARCH_URL=$ELASTICSEARCH_URL"
else
	"$here/infra.sh" clean --profile test
	started=true
	"$here/infra.sh" up --profile test
	export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092
	export ELASTICSEARCH_URL=http://127.0.0.1:19200
fi

start=$(date +%s)
mvn -B -ntp verify "$@"
echo "[test] all tests passed in $(($(date +%s) - start)) s"
