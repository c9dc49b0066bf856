#!/usr/bin/env bash
# A/B throughput of two trees in one run: bench/ab.sh REV [ROUNDS] [NET ARGS...]
# Checks REV out into a temporary git worktree, then alternates `deno task bench` between it and
# this working tree, one process per measurement, forward at batch 8 and 64 and the training
# step at batch 64, ROUNDS times (default 3). Prints one tab-separated line per measurement:
# round, mode, tree, images/s, ms/batch, planned peak bytes, kernels. Benchmarks, not tests.
set -euo pipefail
rev=${1:?usage: bench/ab.sh REV [ROUNDS] [NET ARGS...]}
rounds=${2:-3}
shift $(($# >= 2 ? 2 : 1))
net=("$@")
[ ${#net[@]} -eq 0 ] && net=(nets/e.ts --width 8 --size 32 --classes 10)
here=$(cd "$(dirname "$0")/.." && pwd)
base=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || rm -rf "$base"' EXIT
git -C "$here" worktree add -q --detach "$base" "$rev"
printf 'round\tmode\ttree\timages/s\tms/batch\tpeak bytes\tkernels\n'
for round in $(seq 1 "$rounds"); do
  for mode in "--batch 8 --iters 10" "--batch 64 --iters 10" "--batch 64 --train --iters 5"; do
    for tree in "$base" "$here"; do
      name=$([ "$tree" = "$here" ] && echo "working tree" || echo "$rev")
      # shellcheck disable=SC2086
      (cd "$tree" && deno task bench "${net[@]}" $mode --json 2>/dev/null | tail -1) |
        python3 -c "import json, sys
j = json.load(sys.stdin)
print('$round', '$mode', '$name', j['images_per_s'], j['ms_per_batch'], j['peak_memory_bytes'], j['kernel_count'], sep='\t')"
    done
  done
done
