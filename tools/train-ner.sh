#!/usr/bin/env bash
# Trains the named-entity models from KIND and writes them to assets/models/ (see the model card,
# assets/models/README.md). Needs the native build (tools/run build) and ../shared/data/kind.
#   tools/train-ner.sh [SEED]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
kind=${KIND_DIR:-../shared/data/kind}
seed=${1:-1}
common=(--train "$kind/WN_train.tsv" --dev "$kind/WN_dev.tsv" --organisations "$kind/it-ORG-wikipedia.txt"
        --epochs 20 --dropout 0.2 --seed "$seed")

echo "== Italian model (every feature)" >&2
build/bin/cronaca-train-ner "${common[@]}" --lang it --features full --out assets/models/ner-it.bin
echo "== language-neutral model (for English)" >&2
build/bin/cronaca-train-ner "${common[@]}" --lang it --features neutral --out assets/models/ner-neutral.bin
