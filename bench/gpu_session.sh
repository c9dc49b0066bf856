#!/usr/bin/env bash
# Every measurement issue #7 asks of a GPU, in one command, most important first, so that one
# device call (15 minutes in all, start included) brings back whatever it reached:
#   1. D (VGG-16), 224x224, batch 64: training and forward, f32 (against PyTorch's 651 / 1578
#      img/s), per-kernel GPU times included (the bench's `kernels`);
#   2. E's first training step (pipelines created up front; the target is under 3 s);
#   3. the same as 1 under --precision f16;
#   4. what a readback waited for costs (Deno's 10 ms poll sleep: bench/readback.ts), seconds;
#   5. `deno task tune` for D's training shapes, then D again with the new table.
# On the GPU machine, after `../shared/gpu/prepare` here (carry [".gpu"]):
#   bash bench/gpu_session.sh                 (results in $OUT, else bench/out)
# Dry run on any adapter (TUNE=0 leaves tuning/ alone):
#   TUNE=0 DENO=deno NET_ARGS="--width 8 --size 32 --classes 10" bash bench/gpu_session.sh
set -u
cd "$(dirname "$0")/.."
OUT="${OUT:-bench/out}"
DENO="${DENO:-bash .gpu/run deno}"
NET_ARGS="${NET_ARGS:-}"
STEP_TIMEOUT="${STEP_TIMEOUT:-150}"
mkdir -p "$OUT"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"

run() {
  local name=$1
  shift
  local t0=$SECONDS
  # shellcheck disable=SC2086 # DENO and NET_ARGS are word lists on purpose
  timeout "$STEP_TIMEOUT" $DENO "$@" >"$OUT/$name.json" 2>"$OUT/$name.err"
  echo "$name: exit $?, $((SECONDS - t0)) s" | tee -a "$OUT/summary.txt"
  tail -c 600 "$OUT/$name.json"
  echo
}

# shellcheck disable=SC2086
{
  run d_train_f32 task bench nets/d.ts $NET_ARGS --batch 64 --train --json
  run d_forward_f32 task bench nets/d.ts $NET_ARGS --batch 64 --json
  run e_first_step task bench nets/e.ts $NET_ARGS --batch 64 --train --iters 2 --warmup 1 --json
  run d_train_f16 task bench nets/d.ts $NET_ARGS --batch 64 --train --precision f16 --json
  run d_forward_f16 task bench nets/d.ts $NET_ARGS --batch 64 --precision f16 --json
  run readback run -A bench/readback.ts
  if [ "${TUNE:-1}" = 1 ]; then
    run d_tune task tune nets/d.ts $NET_ARGS --batch 64 --train
    cp tuning/*.json "$OUT/" 2>/dev/null
    run d_train_f32_tuned task bench nets/d.ts $NET_ARGS --batch 64 --train --json
  fi
}
