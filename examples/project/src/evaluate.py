"""Stage `evaluate`: score the trained pipeline on the held-out test split.

Writes `evaluation/metrics.json` (DVC metrics), `evaluation/plots/confusion_matrix.json`
(one {actual, predicted} record per test image, for DVC's confusion template) and
`evaluation/plots/pred_preview.png` (a grid of test digits with their predicted labels).
"""

import json
import math
from pathlib import Path

import joblib
import matplotlib
import numpy as np
import yaml
from sklearn.metrics import accuracy_score, f1_score, log_loss

matplotlib.use("Agg")  # headless: no display on CI runners
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

DATA_DIR = Path("data/prepared")
MODEL_PATH = Path("model/model.joblib")
OUT_DIR = Path("evaluation")
PLOTS_DIR = OUT_DIR / "plots"


def load_split(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Reads one CSV written by `prepare` into (pixels, labels)."""
    table = np.loadtxt(DATA_DIR / f"{name}.csv", delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1].astype(int)


def save_preview(
    images: np.ndarray, actual: np.ndarray, predicted: np.ndarray, count: int, columns: int
) -> Path:
    """Draws the first `count` test digits with their predictions; wrong ones in red."""
    count = min(count, len(images))
    rows = math.ceil(count / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(columns * 1.2, rows * 1.4))
    for index, axis in enumerate(np.atleast_1d(axes).ravel()):
        axis.set_axis_off()
        if index >= count:
            continue
        axis.imshow(images[index].reshape(8, 8), cmap="gray_r", interpolation="nearest")
        right = actual[index] == predicted[index]
        label = f"{predicted[index]}" if right else f"{predicted[index]} (is {actual[index]})"
        axis.set_title(label, fontsize=9, color="tab:green" if right else "tab:red")
    figure.suptitle("Test digits and predicted labels", fontsize=10)
    figure.tight_layout()
    path = PLOTS_DIR / "pred_preview.png"
    # No metadata, so the same predictions give the same bytes.
    figure.savefig(path, dpi=80, metadata={"Software": None})
    plt.close(figure)
    return path


def main() -> None:
    params = yaml.safe_load(Path("params.yaml").read_text())["evaluate"]
    pipeline = joblib.load(MODEL_PATH)
    test_x, test_y = load_split("test")

    probabilities = pipeline.predict_proba(test_x)
    classes = pipeline.classes_
    predicted = classes[probabilities.argmax(axis=1)]

    metrics = {
        "accuracy": round(float(accuracy_score(test_y, predicted)), 6),
        "f1_macro": round(float(f1_score(test_y, predicted, average="macro")), 6),
        "log_loss": round(float(log_loss(test_y, probabilities, labels=classes)), 6),
        "test_images": len(test_y),
    }
    PLOTS_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")

    records = [{"actual": int(a), "predicted": int(p)} for a, p in zip(test_y, predicted)]
    (PLOTS_DIR / "confusion_matrix.json").write_text(json.dumps(records, indent=1) + "\n")

    preview = params["preview"]
    save_preview(test_x, test_y, predicted, int(preview["count"]), int(preview["columns"]))
    print(f"evaluate: accuracy={metrics['accuracy']:.4f} f1_macro={metrics['f1_macro']:.4f}")


if __name__ == "__main__":
    main()
