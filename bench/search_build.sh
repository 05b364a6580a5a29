#!/bin/sh
# Build the search benchmark's corpora incrementally: 1k -> 10k -> 100k -> 300k chunks, each
# size a copy of the one before grown by the real ingest (bench/search_corpus.py), one torch
# thread at the lowest priority. Usage: bench/search_build.sh DIR [SIZES...]
set -eu
dir=${1:?usage: bench/search_build.sh DIR [SIZES...]}
shift
[ $# -gt 0 ] || set -- 1000 10000 100000 300000
python=${PYTHON:-python}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
mkdir -p "$dir"
previous=""
for size in "$@"; do
    store="$dir/s$size"
    if [ ! -d "$store" ] && [ -n "$previous" ]; then
        cp -a "$previous" "$store"
    fi
    echo "$(date -u +%H:%M:%S) building $store" >&2
    nice -n 19 "$python" -m bench.search_corpus build --store "$store" --to "$size"
    previous=$store
done
echo "$(date -u +%H:%M:%S) done" >&2
