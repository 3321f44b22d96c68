#!/usr/bin/env bash
# Runs Maven with a JDK 21+ (see jdk.sh), from the repository root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/jdk.sh"
cd "$here/../.."
exec mvn -B "$@"
