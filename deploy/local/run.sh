#!/usr/bin/env bash
# `make run`: starts Kafka and Elasticsearch (deploy/local/infra.sh), builds the services when
# their sources changed, starts ingest-service, analysis-service and search-service in the
# background and returns once all are ready. `run.sh status` shows what runs.
#
# Configuration (environment, with the defaults of the local run):
#   NEWSMON_API_KEY            the key that API writes need        (default: newsmon-local-key)
#   NEWSMON_ALLOWED_NETWORKS   CIDRs exempt from the private-address rule (default: 127.0.0.0/8)
#   NEWSMON_DEMO_FEEDS         serve and register the bundled demo feeds  (default: true)
#   NEWSMON_HEAP               heap of each service                      (default: 256m)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/jdk.sh"
cd "$repo"

services_dir=$repo/.local/run/services
version=0.1.0-SNAPSHOT
services=(ingest-service analysis-service search-service)
declare -A ports=([search-service]=8080 [ingest-service]=8081 [analysis-service]=8082)

export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}
export ELASTICSEARCH_URL=${ELASTICSEARCH_URL:-http://127.0.0.1:9200}
export NEWSMON_API_KEY=${NEWSMON_API_KEY:-newsmon-local-key}
export NEWSMON_ALLOWED_NETWORKS=${NEWSMON_ALLOWED_NETWORKS:-127.0.0.0/8}
export NEWSMON_DEMO_FEEDS=${NEWSMON_DEMO_FEEDS:-true}
heap=${NEWSMON_HEAP:-256m}

jar_of() { echo "$repo/$1/target/$1-$version-exec.jar"; }

service_alive() {
	local pidfile=$services_dir/$1.pid pid
	[ -f "$pidfile" ] || return 1
	pid=$(cat "$pidfile")
	kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$1-$version-exec.jar"
}

status() {
	"$here/infra.sh" status --profile run || true
	local s
	for s in "${services[@]}"; do
		if service_alive "$s"; then
			printf '%-17s running  pid %s  http://127.0.0.1:%s  log %s\n' "$s" "$(cat "$services_dir/$s.pid")" "${ports[$s]}" "$services_dir/$s.log"
		else
			printf '%-17s stopped\n' "$s"
		fi
	done
}

if [ "${1:-}" = status ]; then
	status
	exit 0
fi

# Build when a jar is missing or any source, resource or pom is newer than it.
needs_build=false
for s in "${services[@]}"; do
	jar=$(jar_of "$s")
	if [ ! -f "$jar" ] || [ -n "$(find "$s" news-events web-problems pom.xml -newer "$jar" -not -path '*/target/*' -type f -print -quit)" ]; then
		needs_build=true
	fi
done
if $needs_build; then
	echo "[run] building the services (tests are skipped here; make test runs them)"
	mvn -B -ntp -q package -DskipTests -Dspring-javaformat.skip=true -pl news-events,ingest-service,analysis-service,search-service -am
fi

"$here/infra.sh" up --profile run

mkdir -p "$services_dir"
for s in "${services[@]}"; do
	if service_alive "$s"; then
		echo "[run] $s is already running (pid $(cat "$services_dir/$s.pid"))"
		continue
	fi
	echo "[run] starting $s on port ${ports[$s]}"
	SERVER_PORT=${ports[$s]} nohup java -Xms64m -Xmx"$heap" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
		-jar "$(jar_of "$s")" >"$services_dir/$s.log" 2>&1 </dev/null &
	echo $! >"$services_dir/$s.pid"
done

for s in "${services[@]}"; do
	url="http://127.0.0.1:${ports[$s]}/actuator/health/readiness"
	for i in $(seq 1 240); do
		if curl -fsS -m 2 "$url" >/dev/null 2>&1; then
			break
		fi
		if ! service_alive "$s"; then
			echo "[run] $s exited while starting; the end of its log ($services_dir/$s.log):" >&2
			tail -n 40 "$services_dir/$s.log" >&2
			exit 1
		fi
		if [ "$i" -eq 240 ]; then
			echo "[run] $s was not ready within 120 s; see $services_dir/$s.log" >&2
			exit 1
		fi
		sleep 0.5
	done
	echo "[run] $s ready"
done

cat <<EOF

newsmon is running.
  search API      http://127.0.0.1:8080/api/search?q=NATO
  OpenAPI         http://127.0.0.1:8080/swagger-ui.html
  feeds API       http://127.0.0.1:8081/api/feeds
  analysis API    http://127.0.0.1:8082/api/analyze
  API key         $NEWSMON_API_KEY   (Authorization: Bearer <key> on writes)
  logs            $services_dir/*.log, .local/run/kafka/logs, .local/run/elasticsearch/logs
Stop everything with: make stop
EOF
