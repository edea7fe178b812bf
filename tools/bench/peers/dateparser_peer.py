#!/usr/bin/python3
# Debian's python3-dateparser as a benchmark peer: search_dates over each text, timed.
# Reads a JSON list of {"text", "date", "lang"} on stdin; prints {"seconds", "found": [[[start, end, "YYYY-MM-DD"], ...], ...]}.
import datetime
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from dateparser.search import search_dates  # noqa: E402

documents = json.load(sys.stdin)
found = []
seconds = 0.0
for doc in documents:
    settings = {}
    if doc.get("date"):
        settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(doc["date"][:10] if len(doc["date"]) >= 10 else doc["date"] + "-01")
    started = time.perf_counter()
    results = search_dates(doc["text"], languages=[doc["lang"]], settings=settings) or []
    seconds += time.perf_counter() - started
    spans = []
    at = 0
    for text, value in results:
        start = doc["text"].find(text, at)
        if start < 0:
            start = doc["text"].find(text)
        if start < 0:
            continue
        at = start + len(text)
        spans.append([start, start + len(text), value.date().isoformat()])
    found.append(spans)
json.dump({"seconds": seconds, "found": found}, sys.stdout)
