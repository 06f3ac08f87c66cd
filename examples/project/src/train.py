"""Stage `train`: fit a small neural network on the digits, one epoch at a time.

Training calls `partial_fit` once per epoch, so `model/training_history.json` records the real
train and validation loss and accuracy after every pass. The fitted scaler and network are saved
as one scikit-learn pipeline (`model/model.joblib`, read by `evaluate`) and exported as a BentoML
model archive (`model/digits_classifier.bentomodel`, imported by whoever builds the service).
"""

import json
import os
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.metrics import accuracy_score, log_loss
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

DATA_DIR = Path("data/prepared")
MODEL_DIR = Path("model")
MODEL_NAME = "digits_classifier"
# BentoML needs a model store to save into before it can export; training uses a private,
# git-ignored one inside the project so a run never touches the user's own store.
BENTOML_HOME = Path(".bentoml").resolve()


def load_split(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Reads one CSV written by `prepare` into (pixels, labels)."""
    table = np.loadtxt(DATA_DIR / f"{name}.csv", delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1].astype(int)


def scores(model: MLPClassifier, x: np.ndarray, y: np.ndarray, classes: np.ndarray) -> dict:
    """Loss and accuracy of the network on one (already scaled) split."""
    probabilities = model.predict_proba(x)
    predicted = classes[probabilities.argmax(axis=1)]
    return {
        "loss": float(log_loss(y, probabilities, labels=classes)),
        "accuracy": float(accuracy_score(y, predicted)),
    }


def export_bentomodel(pipeline: Pipeline, metadata: dict) -> None:
    """Saves the pipeline into the private BentoML store and exports it next to the model."""
    os.environ["BENTOML_HOME"] = str(BENTOML_HOME)
    os.environ.setdefault("BENTOML_DO_NOT_TRACK", "True")
    import bentoml  # imported late: BentoML reads BENTOML_HOME when it is first imported

    # Only the newest version matters; the exported archive is the artifact DVC tracks.
    try:
        stale_models = bentoml.models.list(MODEL_NAME)
    except bentoml.exceptions.NotFound:
        stale_models = []
    for stale in stale_models:
        bentoml.models.delete(stale.tag)
    saved = bentoml.sklearn.save_model(
        MODEL_NAME,
        pipeline,
        signatures={"predict": {"batchable": True}, "predict_proba": {"batchable": True}},
        metadata=metadata,
    )
    target = MODEL_DIR / f"{MODEL_NAME}.bentomodel"
    bentoml.models.export_model(saved.tag, str(target.resolve()))
    print(f"train: saved {saved.tag} and exported it to {target}")


def main() -> None:
    params = yaml.safe_load(Path("params.yaml").read_text())["train"]
    epochs = int(params["epochs"])

    train_x, train_y = load_split("train")
    val_x, val_y = load_split("val")
    classes = np.unique(np.concatenate([train_y, val_y]))

    scaler = StandardScaler().fit(train_x)
    train_xs, val_xs = scaler.transform(train_x), scaler.transform(val_x)
    network = MLPClassifier(
        hidden_layer_sizes=tuple(int(n) for n in params["model"]["hidden_layers"]),
        activation=params["model"]["activation"],
        solver="adam",
        learning_rate_init=float(params["optimizer"]["learning_rate"]),
        alpha=float(params["optimizer"]["alpha"]),
        batch_size=int(params["batch_size"]),
        random_state=int(params["seed"]),
    )

    history = []
    for epoch in range(1, epochs + 1):
        network.partial_fit(train_xs, train_y, classes=classes)
        train_scores = scores(network, train_xs, train_y, classes)
        val_scores = scores(network, val_xs, val_y, classes)
        history.append(
            {
                "epoch": epoch,
                "train_loss": round(train_scores["loss"], 6),
                "val_loss": round(val_scores["loss"], 6),
                "train_accuracy": round(train_scores["accuracy"], 6),
                "val_accuracy": round(val_scores["accuracy"], 6),
            }
        )
    last = history[-1]
    print(
        f"train: {epochs} epochs, val_loss={last['val_loss']:.4f}"
        f" val_accuracy={last['val_accuracy']:.4f}"
    )

    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / "training_history.json").write_text(json.dumps(history, indent=2) + "\n")
    pipeline = Pipeline([("scale", scaler), ("network", network)])
    joblib.dump(pipeline, MODEL_DIR / "model.joblib")
    export_bentomodel(pipeline, {"epochs": epochs, "val_accuracy": last["val_accuracy"]})


if __name__ == "__main__":
    main()
