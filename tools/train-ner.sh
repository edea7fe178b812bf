#!/usr/bin/env bash
# Trains the named-entity models from KIND and writes them to assets/models/ (see the model card,
# assets/models/README.md). Needs the native build (tools/run build, which also installs the
# npm name lists) and ../shared/data/kind. About three minutes on two cores.
#   tools/train-ner.sh [SEED]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
kind=${KIND_DIR:-../shared/data/kind}
seed=${1:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node tools/ner/person_names.mjs > "$work/persons.txt"

common=(--train "$kind/WN_train.tsv" --dev "$kind/WN_dev.tsv" --names "$kind/it-ORG-wikipedia.txt" --names "$work/persons.txt"
        --learner crf --epochs 10 --rate 0.05 --l2 3e-4 --l1 2e-6 --dropout 0.2 --stages 2 --window 40 --min-weight 2,8 --seed "$seed")

echo "== Italian model (every feature)" >&2
build/bin/cronaca-train-ner "${common[@]}" --lang it --features full --out assets/models/ner-it.bin
echo "== language-neutral model (for English)" >&2
build/bin/cronaca-train-ner "${common[@]}" --lang it --features neutral --out assets/models/ner-neutral.bin
