#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests (failsafe) against a real Kafka
# broker and a real Elasticsearch that this script starts on test ports (19092, 19200) from a
# clean state, and stops afterwards. Extra arguments go to Maven (for example -pl search-service -am).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/jdk.sh"
cd "$repo"

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
