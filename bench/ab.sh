#!/bin/bash
# Interleaved cold builds of two checkouts of the project (A, B, A, B, ...), for measuring one
# change against its parent on a shared, noisy machine. Prints wall, user and sys seconds.
#
#   git worktree add ../wt-a <parent> && git worktree add ../wt-b <commit>
#   bench/ab.sh ../wt-a ../wt-b 2 [content folder, default: the bench's 1,000-pair corpus]
#
# Run `uv run invoke bench -n 1000` once first: it generates bench/work/n1000/.
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); RUNS=${3:-2}
CONTENT=$(realpath "${4:-$(dirname "$0")/work/n1000/project/content}")
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
# Old output is moved aside, not deleted, until the end: see "Why the runner moves old output
# aside" in bench/README.md.
for run in $(seq 1 "$RUNS"); do
  for checkout in "$A" "$B"; do
    mkdir -p "$SCRATCH/trash/$run-$(basename "$checkout")"
    mv "$SCRATCH/out" "$SCRATCH/cache" "$SCRATCH"/.out-* "$SCRATCH/trash/$run-$(basename "$checkout")/" 2>/dev/null || true
    (cd "$checkout" && /usr/bin/time -f "$checkout %e wall %U user %S sys" \
      uv run python -m press build --content "$CONTENT" --output "$SCRATCH/out" \
      -e CACHE_PATH="\"$SCRATCH/cache\"" 2>&1 | grep " wall ")
  done
done
