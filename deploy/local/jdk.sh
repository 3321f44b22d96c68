# Sourced by the scripts in deploy/local: exports JAVA_HOME as a JDK 21 or newer.
# Takes JAVA_HOME when it is new enough, else the newest JDK under /usr/lib/jvm.

java_major() {
	local v
	v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
	echo "${v%%.*}"
}

find_jdk() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
		echo "$JAVA_HOME"
		return 0
	fi
	local best="" best_major=0 dir major
	for dir in /usr/lib/jvm/*/; do
		dir=${dir%/}
		[ -x "$dir/bin/javac" ] || continue
		[ -L "$dir" ] && continue
		major=$(java_major "$dir")
		if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
			best=$dir
			best_major=$major
		fi
	done
	if [ "$best_major" -ge 21 ]; then
		echo "$best"
		return 0
	fi
	return 1
}

if ! NEWSMON_JDK=$(find_jdk); then
	echo "newsmon needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, nothing newer under /usr/lib/jvm)." >&2
	echo "Install one, for example: apt-get install openjdk-21-jdk-headless (or Temurin 21+), or point JAVA_HOME at it." >&2
	exit 1
fi
export JAVA_HOME=$NEWSMON_JDK
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava warns about sun.misc.Unsafe on JDK 24+; the warning is noise here.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
	export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
