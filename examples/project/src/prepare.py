"""Stage `prepare`: split scikit-learn's bundled 8x8 digits into train, validation and test CSVs.

The data ships inside scikit-learn, so nothing is downloaded. Each CSV row holds the 64 pixel
intensities (0-16) followed by the label, and the files are byte-for-byte reproducible.
"""

from pathlib import Path

import numpy as np
import yaml
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

OUT_DIR = Path("data/prepared")


def write_split(path: Path, features: np.ndarray, labels: np.ndarray) -> None:
    """Writes one split as CSV with a header row: pixel_0..pixel_63,label."""
    header = ",".join([f"pixel_{i}" for i in range(features.shape[1])] + ["label"])
    rows = np.column_stack([features, labels]).astype(int)
    np.savetxt(path, rows, fmt="%d", delimiter=",", header=header, comments="")


def main() -> None:
    params = yaml.safe_load(Path("params.yaml").read_text())["prepare"]
    seed = int(params["seed"])
    val_fraction = float(params["split"]["val"])
    test_fraction = float(params["split"]["test"])
    if not (0 < val_fraction and 0 < test_fraction and val_fraction + test_fraction < 1):
        raise SystemExit("prepare.split.val and prepare.split.test must be positive and sum below 1")

    digits = load_digits()
    features, labels = digits.data, digits.target
    rest_x, test_x, rest_y, test_y = train_test_split(
        features, labels, test_size=test_fraction, random_state=seed, stratify=labels
    )
    # The validation fraction is of the whole set, so rescale it to the remainder.
    train_x, val_x, train_y, val_y = train_test_split(
        rest_x,
        rest_y,
        test_size=val_fraction / (1 - test_fraction),
        random_state=seed,
        stratify=rest_y,
    )

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, x, y in [("train", train_x, train_y), ("val", val_x, val_y), ("test", test_x, test_y)]:
        write_split(OUT_DIR / f"{name}.csv", x, y)
        print(f"prepare: {name}.csv has {len(y)} images")


if __name__ == "__main__":
    main()
