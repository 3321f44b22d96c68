#!/usr/bin/env bash
# `make stop`: stops the three services that `make run` started, then Kafka and Elasticsearch.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
services_dir=$repo/.local/run/services

for s in search-service analysis-service ingest-service; do
	pidfile=$services_dir/$s.pid
	[ -f "$pidfile" ] || continue
	pid=$(cat "$pidfile")
	if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$s-"; then
		kill -TERM "$pid"
		for _ in $(seq 1 60); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
		kill -KILL "$pid" 2>/dev/null || true
		echo "[stop] $s stopped"
	fi
	rm -f "$pidfile"
done
"$here/infra.sh" down --profile run
