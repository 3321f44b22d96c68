#!/usr/bin/env bash
# Runs a module's benchmarks from its test classpath (never part of `make test`):
#
#   deploy/local/bench.sh <module> jmh [JMH options]        JMH benchmarks, e.g. "TaggingBenchmark -f 1 -wi 3 -i 5"
#   deploy/local/bench.sh <module> <main class> [args]      a benchmark command that prints its numbers
#
# Benchmarks that need Kafka or Elasticsearch read KAFKA_BOOTSTRAP_SERVERS and ELASTICSEARCH_URL;
# start them with `deploy/local/infra.sh up --profile test` first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jdk.sh"
cd "$here/../.."

module=${1:?usage: bench.sh <module> jmh|<main class> [args]}
target=${2:?usage: bench.sh <module> jmh|<main class> [args]}
shift 2
main=$target
[ "$target" = jmh ] && main=org.openjdk.jmh.Main

mvn -B -q -ntp install -DskipTests -Dspring-javaformat.skip=true -pl "$module" -am
mvn -B -q -ntp test-compile exec:exec -Dspring-javaformat.skip=true -pl "$module" \
	-Dexec.executable="$JAVA_HOME/bin/java" -Dexec.classpathScope=test \
	-Dexec.args="-Xmx${BENCH_HEAP:-1g} -cp %classpath $main $*"
