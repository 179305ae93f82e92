#!/usr/bin/env bash
# Queues SHARDS generation tasks and a merge that starts when all of them succeeded.
#   TASK=ode2 COUNT=2000000 SEED=5 SHARDS=32 OUT=/scratch/symseq ./submit.sh
set -euo pipefail
cd "$(dirname "$0")"
SHARDS=${SHARDS:-16}
export TASK=${TASK:-bwd} COUNT=${COUNT:-10000000} SEED=${SEED:-0} MAX_OPS=${MAX_OPS:-15} OUT=${OUT:-$PWD/data} SYMSEQ=${SYMSEQ:-symseq}
array=$(sbatch --parsable --export=ALL --array=0-$((SHARDS - 1)) generate.sbatch)
merge=$(sbatch --parsable --export=ALL --dependency=afterok:"$array" merge.sbatch)
echo "generation: job array $array ($SHARDS shards of $TASK); merge: job $merge (after all shards succeed)"
