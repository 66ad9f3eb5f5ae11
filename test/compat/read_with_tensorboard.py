"""Load a log directory with real TensorBoard's EventAccumulator and print what it saw as JSON.

Used by test/compat/tensorboard.test.ts when the `tensorboard` Python package is installed.
"""
import json
import sys

from tensorboard.backend.event_processing import event_accumulator as ea

acc = ea.EventAccumulator(sys.argv[1], size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0})
acc.Reload()
tags = acc.Tags()
graph = acc.Graph() if tags["graph"] else None
out = {
    "scalars": {t: [[e.step, e.value] for e in acc.Scalars(t)] for t in tags["scalars"]},
    "histograms": {t: len(acc.Histograms(t)) for t in tags["histograms"]},
    "nodes": [[n.name, n.op, list(n.input)] for n in graph.node] if graph is not None else None,
}
json.dump(out, sys.stdout)
