#!/usr/bin/env bash
# The cost of batch norm: E against E-BN (nets/e.ts, nets/e_bn.ts), alternating in one run, one
# process per measurement: the training step at batch 64 and the forward pass at batch 64,
# ROUNDS times (default 3). Prints one tab-separated line per measurement: round, mode, net,
# images/s, ms/batch, planned peak bytes, kernels. Usage: bench/bn_cost.sh [ROUNDS] [VARIANT...]
# (variant flags default to the software adapter's: --width 8 --size 32 --classes 10).
set -euo pipefail
rounds=${1:-3}
shift $(($# >= 1 ? 1 : 0))
variant=("$@")
[ ${#variant[@]} -eq 0 ] && variant=(--width 8 --size 32 --classes 10)
cd "$(dirname "$0")/.."
printf 'round\tmode\tnet\timages/s\tms/batch\tpeak bytes\tkernels\n'
for round in $(seq 1 "$rounds"); do
  for mode in "--batch 64 --train --iters 5" "--batch 64 --iters 10"; do
    for net in nets/e.ts nets/e_bn.ts; do
      # shellcheck disable=SC2086
      deno task bench "$net" "${variant[@]}" $mode --json 2>/dev/null | tail -1 |
        python3 -c "import json, sys
j = json.load(sys.stdin)
print('$round', '$mode', '$net', j['images_per_s'], j['ms_per_batch'], j['peak_memory_bytes'], j['kernel_count'], sep='\t')"
    done
  done
done
