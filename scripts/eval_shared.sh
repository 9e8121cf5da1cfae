#!/bin/sh
# Evaluate factx on the reference corpora beside the repository (../shared) and on data/gold/.
#   scripts/eval_shared.sh [--format json] [--limit N] [--sections quotes,dates] [--model NAME]
# SHARED=/path/to/shared overrides the location; PYTHON=/path/to/python the interpreter.
# Skips with a message and exit status 0 when the shared folder is absent (e.g. on a fresh clone).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-"$ROOT/../shared"}
PYTHON=${PYTHON:-python3}
if [ ! -d "$SHARED" ]; then
    echo "eval_shared: $SHARED not found; skipping the shared evaluation" >&2
    exit 0
fi
set -- "$ROOT/data/gold" "$@"
for corpus in "$SHARED/corpus/meantime/meantime_en.jsonl" "$SHARED/dev/quotes/polnear_train_sample.jsonl"; do
    if [ -f "$corpus" ]; then
        set -- "$corpus" "$@"
    else
        echo "eval_shared: $corpus not found; leaving it out" >&2
    fi
done
cd "$ROOT"
exec "$PYTHON" -m factx.evaluate "$@"
