#!/usr/bin/env bash
# Entity F1 of `pipeline extract` on both Indonesian NER dev sets, with the shared scorer.
# Usage from the repository root, after `dotnet build -c Release src/Pipeline.Host`:
#   tools/eval/ner_eval.sh ['COMMAND {dir}']
# The default command is the host's `pipeline extract {dir} --json`; any command printing the same JSON Lines works.
set -euo pipefail
# Not "${1:-...}": the closing brace of {dir} would end the expansion there.
default_cmd='dotnet src/Pipeline.Host/bin/Release/net10.0/pipeline.dll extract {dir} --json'
cmd="${1:-$default_cmd}"
eval_dir="${EVAL_DIR:-../shared/eval}"
for set in idner-news-2k/dev.txt nergrit/valid_preprocess.txt; do
  echo "== $set"
  python3 "$eval_dir/ner_score.py" --conll "$eval_dir/ner/$set" --cmd "$cmd"
done
