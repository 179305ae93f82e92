#!/usr/bin/env bash
# Compares the paper's problems with SymSeq's, task by task: what the data looks like (symseq stats) and how well a
# model solves each (symseq evaluate), on a sample of the paper's generator output against SymSeq's test set.
#
# Usage: tools/paper-reference/compare.sh SAMPLE_DIR [--model PATH] [--limit N] [--beam K[,K]]
#   SAMPLE_DIR  files made by gen.py, named TASK.sSEED.prefix (TASK: prim_bwd, prim_fwd, prim_ibp, ode1, ode2)
#   --model     the model to evaluate (default: the bundled ones, as `symseq evaluate` picks them)
#   --limit     problems of each file (default 100); --beam: beam sizes (default 1,10)
# Needs a built symseq (dotnet build -c Release) or SYMSEQ="dotnet path/to/symseq.dll".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
samples=${1:?usage: compare.sh SAMPLE_DIR [--model PATH] [--limit N] [--beam K[,K]]}; shift
model=() limit=100 beam=1,10
while [[ $# -gt 0 ]]; do
  case $1 in
    --model) model=(--model "$2"); shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --beam) beam=$2; shift 2 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
symseq=${SYMSEQ:-dotnet $repo/src/SymSeq.Cli/bin/Release/net10.0/symseq.dll}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
declare -A ours=([prim_bwd]=bwd [prim_fwd]=fwd [prim_ibp]=ibp [ode1]=ode1 [ode2]=ode2)
paper_files=() ours_files=()
for f in "$samples"/*.prefix; do
  task=$(basename "$f" | cut -d. -f1); mine=${ours[$task]:-}
  [[ -n "$mine" && -f "$repo/models/test/$mine.test" ]] || { echo "skipping $f (no SymSeq test set for task '$task')" >&2; continue; }
  ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$work/paper-$mine.test"   # evaluate names a column by its file
  ln -s "$repo/models/test/$mine.test" "$work/symseq-$mine.test"
  paper_files+=("$work/paper-$mine.test"); ours_files+=("$work/symseq-$mine.test")
  echo "== $task: the paper's sample against SymSeq's test set (first $limit lines each)"
  $symseq stats --data "$work/paper-$mine.test,$work/symseq-$mine.test" --limit "$limit" --operators 8
  echo
done
[[ ${#paper_files[@]} -gt 0 ]] || { echo "compare.sh: no TASK.*.prefix sample in $samples" >&2; exit 1; }
join() { local IFS=,; echo "$*"; }
echo "== accuracy (verified, model alone, beam $beam, first $limit problems of each)"
$symseq evaluate "${model[@]}" --data "$(join "${paper_files[@]}" "${ours_files[@]}")" --beam "$beam" --limit "$limit" --threads 1
