#!/usr/bin/env python3
"""Convert HttpParamsDataset's test split into the recall benchmark's files.

    python3 gen.py payload_test.csv

payload_test.csv is Morzeux/HttpParamsDataset's (MIT, (c) 2016 Morzeux),
commit 926670a. Every row becomes one GET /search?q=VALUE (the value
percent-encoded as a browser would) from its own source address, answered
200 with a browser User-Agent and no Referer: the harder case for benign
values, which on a real site come from the search page with its Referer.
Rows keep their order, one second apart.
"""
import csv
import sys
import urllib.parse

UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
]


def address(base, i):
    return f"{base}.{(i >> 8) & 255}.{i & 255}"


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    n = {"anom": 0, "norm": 0}
    with open("attacks.log", "w") as al, open("attacks.labels", "w") as alab, \
            open("benign.log", "w") as bl, open("benign.labels", "w") as blab:
        for t, row in enumerate(rows):
            label = row["label"]
            src = address("100.80" if label == "anom" else "100.90", n[label])
            n[label] += 1
            ts = "16/Nov/2025:%02d:%02d:%02d +0000" % (t // 3600 % 24, t // 60 % 60, t % 60)
            q = urllib.parse.quote(row["payload"], safe="")
            line = f'{src} - - [{ts}] "GET /search?q={q} HTTP/1.1" 200 512 "-" "{UAS[t % 3]}"\n'
            if label == "anom":
                al.write(line)
                alab.write(f"{src}\tattack\t{row['attack_type']}\thttpparams-{row['attack_type']}\n")
            else:
                bl.write(line)
                blab.write(f"{src}\tbenign\tform-value\n")


if __name__ == "__main__":
    main(sys.argv[1])
