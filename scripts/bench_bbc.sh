#!/bin/sh
# Benchmark factx against bare spaCy on the BBC corpus beside the repository (../shared/corpus/bbc).
#   scripts/bench_bbc.sh [--limit N] [--jobs N] [--format json] [--model NAME]
# The full corpus (2,225 articles, duplicates skipped) takes several minutes on 2 cores.
# SHARED=/path/to/shared overrides the location; PYTHON=/path/to/python the interpreter.
# Skips with a message and exit status 0 when the corpus is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-"$ROOT/../shared"}
PYTHON=${PYTHON:-python3}
if [ ! -d "$SHARED/corpus/bbc" ]; then
    echo "bench_bbc: $SHARED/corpus/bbc not found; skipping the benchmark" >&2
    exit 0
fi
cd "$ROOT"
exec "$PYTHON" -m factx.bench "$SHARED/corpus/bbc" "$@"
