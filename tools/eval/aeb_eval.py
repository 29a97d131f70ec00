#!/usr/bin/env python3
"""Score Pipeline's HTML body extraction on the article-extraction benchmark pages with the shared scorer.

Usage (from the repository root, after `dotnet build -c Release src/Pipeline.Host`):
  python3 tools/eval/aeb_eval.py [--data ../shared/eval/aeb-dev] [--cmd 'COMMAND {dir}'] [--keep pred.json]

It unpacks every html/<id>.html.gz into a fresh folder as <id>.html, runs COMMAND on the folder (it must print
one JSON object per file with source.path and body, as `pipeline extract DIR --json` does), writes the bodies
as {"<id>": {"articleBody": ...}} and runs aeb_score.py from the data's parent folder. Pages the command
rejected or skipped count as empty, as the benchmark does; their ids are listed on standard error.
"""
import argparse
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile

DEFAULT_CMD = "dotnet src/Pipeline.Host/bin/Release/net10.0/pipeline.dll extract {dir} --json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/eval/aeb-dev")
    ap.add_argument("--cmd", default=DEFAULT_CMD)
    ap.add_argument("--keep", help="also write the predictions to this file")
    a = ap.parse_args()
    gold_path = os.path.join(a.data, "ground-truth.json")
    scorer = os.path.join(os.path.dirname(os.path.abspath(a.data)), "aeb_score.py")
    with tempfile.TemporaryDirectory() as d:
        pages = os.path.join(d, "pages")
        os.mkdir(pages)
        html_dir = os.path.join(a.data, "html")
        for name in sorted(os.listdir(html_dir)):
            if name.endswith(".html.gz"):
                with gzip.open(os.path.join(html_dir, name)) as src, open(os.path.join(pages, name[:-3]), "wb") as dst:
                    dst.write(src.read())
        run = subprocess.run(a.cmd.replace("{dir}", shlex.quote(pages)), shell=True, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"extractor failed ({run.returncode}): {run.stderr[-2000:]}", file=sys.stderr)
            return 2
        pred = {}
        for line in run.stdout.splitlines():
            if line.startswith("{"):
                obj = json.loads(line)
                page_id = os.path.basename(obj["source"]["path"]).removesuffix(".html")
                pred[page_id] = {"articleBody": obj.get("body", "")}
        gold = json.load(open(gold_path, encoding="utf-8"))
        missing = sorted(set(gold) - set(pred))
        if missing:
            print(f"no output for {len(missing)} pages: {' '.join(missing)}", file=sys.stderr)
        pred_path = a.keep or os.path.join(d, "pred.json")
        with open(pred_path, "w", encoding="utf-8") as f:
            json.dump(pred, f, ensure_ascii=False)
        return subprocess.run([sys.executable, scorer, "--gold", gold_path, "--pred", pred_path]).returncode


if __name__ == "__main__":
    sys.exit(main())
