#!/usr/bin/env bash
# Real Kafka (KRaft, single node) and real Elasticsearch on this machine, without Docker.
#
#   deploy/local/infra.sh up|down|status|clean [--profile run|test|fault|bench]
#   deploy/local/infra.sh start|stop|kill kafka|elasticsearch [--profile run|test|fault|bench]
#
# Both come from Maven Central: the Kafka broker jars through deploy/local/kafka-server.pom.xml,
# Elasticsearch as its integ-test-zip distribution. Everything downloaded or written lives under
# .local/ in the repository (git-ignored). The "run" profile listens on Kafka 9092 and
# Elasticsearch 9200 (make run); the "test" profile on 19092 and 19200, so tests never touch a
# running stack. The "fault" profile (29092, 29200, a 512 MB Elasticsearch heap) belongs to the
# failure tests of system-tests alone: they stop, kill and restart its processes one at a time with
# start, stop (SIGTERM) and kill (SIGKILL) of one component, and never touch the other profiles.
# The "bench" profile (39092, 39200, state in .local/bench) is the end-to-end benchmark's own
# quiet infrastructure (system-tests' EndToEndBenchmark), so its figures are not disturbed by
# tests running on the test profile.
# `up` is idempotent; `down` stops exactly the processes it started, by pid file.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/jdk.sh"

KAFKA_VERSION=4.1.2
ES_VERSION=9.2.4
ES_USER=${NEWSMON_ES_USER:-newsmon-es}

command=${1:-status}
shift || true
profile=${NEWSMON_INFRA_PROFILE:-run}
component=
while [ $# -gt 0 ]; do
	case "$1" in
	--profile) profile=$2; shift 2 ;;
	--profile=*) profile=${1#--profile=}; shift ;;
	kafka|elasticsearch)
		if [ -n "$component" ]; then echo "one component at a time" >&2; exit 2; fi
		component=$1
		shift
		;;
	*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
case "$command" in
start | stop | kill) ;;
*) if [ -n "$component" ]; then echo "'$command' takes no component" >&2; exit 2; fi ;;
esac
case "$profile" in
run) kafka_port=9092 ctl_port=9093 es_port=9200 es_transport=9300 ;;
test) kafka_port=19092 ctl_port=19093 es_port=19200 es_transport=19300 ;;
fault) kafka_port=29092 ctl_port=29093 es_port=29200 es_transport=29300 ;;
bench) kafka_port=39092 ctl_port=39093 es_port=39200 es_transport=39300 ;;
*) echo "unknown profile '$profile' (run, test, fault or bench)" >&2; exit 2 ;;
esac

local_dir=$repo/.local
kafka_libs=$local_dir/kafka/libs
state=$local_dir/$profile
kafka_dir=$state/kafka
# Elasticsearch runs as another user when this script runs as root; if that user cannot traverse
# the repository's path (a clone under /root, say), its files go to a folder it can reach.
es_base=$local_dir
if [ "$(id -u)" -eq 0 ] && id "$ES_USER" >/dev/null 2>&1 \
	&& ! setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups test -x "$repo" 2>/dev/null; then
	es_base=/var/tmp/newsmon-$(echo "$repo" | md5sum | cut -c1-8)
	mkdir -p "$es_base"
fi
es_home=$es_base/elasticsearch-$ES_VERSION
es_dir=$es_base/$profile/elasticsearch

log() { echo "[infra:$profile] $*"; }

# A pid is ours when the process is alive and its command line has the marker we gave it.
alive() {
	local pidfile=$1 marker=$2 pid
	[ -f "$pidfile" ] || return 1
	pid=$(cat "$pidfile" 2>/dev/null) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$marker"
}

stop_pid() {
	local name=$1 pidfile=$2 marker=$3 pid i
	if ! alive "$pidfile" "$marker"; then
		rm -f "$pidfile"
		log "$name is not running"
		return 0
	fi
	pid=$(cat "$pidfile")
	kill -TERM "$pid"
	for i in $(seq 1 60); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$pid" 2>/dev/null; then
		log "$name did not stop within 30 s: killing $pid"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
	log "$name stopped"
}

fetch_kafka() {
	if [ -f "$kafka_libs/.complete-$KAFKA_VERSION" ]; then return 0; fi
	log "fetching the Kafka $KAFKA_VERSION broker jars through Maven"
	rm -rf "$kafka_libs"
	mvn -B -q -f "$here/kafka-server.pom.xml" \
		org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies \
		-DincludeScope=runtime -DoutputDirectory="$kafka_libs"
	touch "$kafka_libs/.complete-$KAFKA_VERSION"
}

fetch_elasticsearch() {
	if [ -f "$es_home/.complete" ]; then return 0; fi
	local zip=$local_dir/dist/elasticsearch-$ES_VERSION.zip
	if [ ! -f "$zip" ]; then
		log "fetching Elasticsearch $ES_VERSION (integ-test-zip) through Maven"
		mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
			-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip \
			-DoutputDirectory="$local_dir/dist"
	fi
	rm -rf "$es_home"
	log "unpacking Elasticsearch into $es_base"
	if command -v unzip >/dev/null; then
		unzip -q "$zip" -d "$es_base"
	else
		(cd "$es_base" && jar xf "$zip")
		chmod +x "$es_home"/bin/* "$es_home"/jdk/bin/* 2>/dev/null || true
	fi
	touch "$es_home/.complete"
}

kafka_ready() {
	(exec 3<>"/dev/tcp/127.0.0.1/$kafka_port") 2>/dev/null || return 1
	java -cp "$kafka_libs/*" -Dlog4j2.configurationFile="$kafka_dir/log4j2-tools.properties" \
		org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$kafka_port" --list >/dev/null 2>&1
}

kafka_up() {
	fetch_kafka
	if alive "$kafka_dir/kafka.pid" "kafka.Kafka"; then
		log "Kafka is already running (pid $(cat "$kafka_dir/kafka.pid"))"
		return 0
	fi
	if (exec 3<>"/dev/tcp/127.0.0.1/$kafka_port") 2>/dev/null; then
		echo "port $kafka_port is taken by a process this script did not start; stop it first" >&2
		exit 1
	fi
	mkdir -p "$kafka_dir/data" "$kafka_dir/logs"
	cat >"$kafka_dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$ctl_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$ctl_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$kafka_dir/data
num.partitions=3
# the services declare their topics; a typo must not create one
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
	cat >"$kafka_dir/log4j2.properties" <<EOF
appender.file.type=File
appender.file.name=file
appender.file.fileName=$kafka_dir/logs/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.kafka.name=org.apache.kafka
logger.kafka.level=INFO
EOF
	cat >"$kafka_dir/log4j2-tools.properties" <<EOF
appender.err.type=Console
appender.err.name=err
appender.err.target=SYSTEM_ERR
appender.err.layout.type=PatternLayout
appender.err.layout.pattern=%p %m%n
rootLogger.level=WARN
rootLogger.appenderRef.err.ref=err
EOF
	if [ ! -f "$kafka_dir/data/meta.properties" ]; then
		local cluster_id
		cluster_id=$(java -cp "$kafka_libs/*" -Dlog4j2.configurationFile="$kafka_dir/log4j2-tools.properties" kafka.tools.StorageTool random-uuid)
		java -cp "$kafka_libs/*" -Dlog4j2.configurationFile="$kafka_dir/log4j2-tools.properties" \
			kafka.tools.StorageTool format -t "$cluster_id" -c "$kafka_dir/server.properties" --ignore-formatted >/dev/null
	fi
	log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$kafka_port"
	# started from this shell (not a subshell) so that $! is the JVM's pid
	nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
		-Dlog4j2.configurationFile="$kafka_dir/log4j2.properties" \
		-cp "$kafka_libs/*" kafka.Kafka "$kafka_dir/server.properties" \
		>"$kafka_dir/logs/stdout.log" 2>&1 </dev/null &
	echo $! >"$kafka_dir/kafka.pid"
}

kafka_wait() {
	local i
	for i in $(seq 1 120); do
		if kafka_ready; then
			log "Kafka ready at 127.0.0.1:$kafka_port (logs: $kafka_dir/logs)"
			return 0
		fi
		if ! alive "$kafka_dir/kafka.pid" "kafka.Kafka"; then
			echo "Kafka exited while starting; the end of its log:" >&2
			tail -n 30 "$kafka_dir/logs/server.log" "$kafka_dir/logs/stdout.log" >&2 || true
			exit 1
		fi
		sleep 0.5
	done
	echo "Kafka did not become ready within 60 s; see $kafka_dir/logs" >&2
	exit 1
}

# Elasticsearch refuses to run as root: as root, run it as an unprivileged system user.
es_run_as() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
		return
	fi
	setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups "$@"
}

es_ready() {
	curl -fsS -m 2 "http://127.0.0.1:$es_port/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null \
		| grep -Eq '"status":"(yellow|green)"'
}

es_up() {
	if [ "$(id -u)" -eq 0 ] && ! id "$ES_USER" >/dev/null 2>&1; then
		log "creating the unprivileged user $ES_USER for Elasticsearch"
		useradd -M -r -s /usr/sbin/nologin "$ES_USER"
		# the base folder depends on what the new user can reach: decide again
		exec "$0" up --profile "$profile"
	fi
	fetch_elasticsearch
	if alive "$es_dir/elasticsearch.pid" "org.elasticsearch"; then
		log "Elasticsearch is already running (pid $(cat "$es_dir/elasticsearch.pid"))"
		return 0
	fi
	if (exec 3<>"/dev/tcp/127.0.0.1/$es_port") 2>/dev/null; then
		echo "port $es_port is taken by a process this script did not start; stop it first" >&2
		exit 1
	fi
	mkdir -p "$es_dir/data" "$es_dir/logs" "$es_dir/tmp"
	if [ ! -d "$es_dir/config" ]; then
		cp -r "$es_home/config" "$es_dir/config"
	fi
	if [ "$(id -u)" -eq 0 ]; then
		chown -R "$ES_USER:$ES_USER" "$es_dir"
		if ! es_run_as test -x "$es_home/bin/elasticsearch" || ! es_run_as test -w "$es_dir/data"; then
			echo "the user $ES_USER cannot reach $es_home or $es_dir; run 'infra.sh up' again" >&2
			echo "(the first run creates the user and then picks a folder it can reach)." >&2
			exit 1
		fi
	fi
	log "starting Elasticsearch $ES_VERSION on 127.0.0.1:$es_port"
	es_run_as env ES_JAVA_HOME="$JAVA_HOME" ES_PATH_CONF="$es_dir/config" ES_TMPDIR="$es_dir/tmp" \
		ES_JAVA_OPTS="${NEWSMON_ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
		"$es_home/bin/elasticsearch" -d -p "$es_dir/elasticsearch.pid" \
		-E cluster.name="newsmon-$profile" -E node.name="newsmon-$profile" \
		-E discovery.type=single-node -E xpack.security.enabled=false \
		-E network.host=127.0.0.1 -E http.port="$es_port" -E transport.port="$es_transport" \
		-E path.data="$es_dir/data" -E path.logs="$es_dir/logs" \
		-E cluster.routing.allocation.disk.threshold_enabled=false \
		>"$es_dir/logs/stdout.log" 2>&1 </dev/null
}

es_wait() {
	local i
	for i in $(seq 1 180); do
		if es_ready; then
			log "Elasticsearch ready at http://127.0.0.1:$es_port (logs: $es_dir/logs)"
			return 0
		fi
		if [ -f "$es_dir/elasticsearch.pid" ] && ! alive "$es_dir/elasticsearch.pid" "org.elasticsearch"; then
			echo "Elasticsearch exited while starting; the end of its log:" >&2
			tail -n 30 "$es_dir/logs/stdout.log" "$es_dir/logs/newsmon-$profile.log" >&2 2>/dev/null || true
			exit 1
		fi
		sleep 0.5
	done
	echo "Elasticsearch did not become ready within 90 s; see $es_dir/logs" >&2
	exit 1
}

kill_pid() {
	local name=$1 pidfile=$2 marker=$3 pid
	if ! alive "$pidfile" "$marker"; then
		rm -f "$pidfile"
		log "$name is not running"
		return 0
	fi
	pid=$(cat "$pidfile")
	kill -KILL "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
	rm -f "$pidfile"
	log "$name killed (SIGKILL)"
}

status() {
	local rc=0
	if alive "$kafka_dir/kafka.pid" "kafka.Kafka"; then
		echo "kafka          running  pid $(cat "$kafka_dir/kafka.pid")  127.0.0.1:$kafka_port  logs $kafka_dir/logs"
	else
		echo "kafka          stopped"
		rc=3
	fi
	if alive "$es_dir/elasticsearch.pid" "org.elasticsearch"; then
		echo "elasticsearch  running  pid $(cat "$es_dir/elasticsearch.pid")  http://127.0.0.1:$es_port  logs $es_dir/logs"
	else
		echo "elasticsearch  stopped"
		rc=3
	fi
	return $rc
}

case "$command" in
up)
	mkdir -p "$local_dir"
	kafka_up
	es_up
	kafka_wait
	es_wait
	echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port"
	echo "ELASTICSEARCH_URL=http://127.0.0.1:$es_port"
	;;
down)
	stop_pid Kafka "$kafka_dir/kafka.pid" "kafka.Kafka"
	stop_pid Elasticsearch "$es_dir/elasticsearch.pid" "org.elasticsearch"
	;;
start | stop | kill)
	case "$command:$component" in
	start:kafka) mkdir -p "$local_dir"; kafka_up; kafka_wait ;;
	start:elasticsearch) mkdir -p "$local_dir"; es_up; es_wait ;;
	stop:kafka) stop_pid Kafka "$kafka_dir/kafka.pid" "kafka.Kafka" ;;
	stop:elasticsearch) stop_pid Elasticsearch "$es_dir/elasticsearch.pid" "org.elasticsearch" ;;
	kill:kafka) kill_pid Kafka "$kafka_dir/kafka.pid" "kafka.Kafka" ;;
	kill:elasticsearch) kill_pid Elasticsearch "$es_dir/elasticsearch.pid" "org.elasticsearch" ;;
	*) echo "usage: $0 $command kafka|elasticsearch [--profile run|test|fault|bench]" >&2; exit 2 ;;
	esac
	;;
status) status ;;
clean)
	stop_pid Kafka "$kafka_dir/kafka.pid" "kafka.Kafka"
	stop_pid Elasticsearch "$es_dir/elasticsearch.pid" "org.elasticsearch"
	rm -rf "$state" "$es_dir"
	log "removed $state"
	;;
*)
	echo "usage: $0 up|down|status|clean [--profile run|test|fault|bench]" >&2
	echo "       $0 start|stop|kill kafka|elasticsearch [--profile run|test|fault|bench]" >&2
	exit 2
	;;
esac
