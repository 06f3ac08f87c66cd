"""BentoML service: classify 8x8 digit images with the model that `train` exported.

Import the archive first (`bentoml models import "$PWD/model/digits_classifier.bentomodel"`;
the path must be absolute), then `bentoml serve src.serve:DigitsClassifier` runs it locally and
`bentoml build -f bentofile.yaml .` packages it into a Bento.
"""

from typing import Annotated

import bentoml
import numpy as np
from pydantic import Field

# One image: the 64 pixel intensities (0-16) of an 8x8 digit, row by row.
Image = Annotated[list[float], Field(min_length=64, max_length=64)]


@bentoml.service(
    resources={"cpu": "1"},
    traffic={"timeout": 10},
)
class DigitsClassifier:
    """Serves the digits pipeline (scaler + neural network) saved by the train stage."""

    model_ref = bentoml.models.BentoModel("digits_classifier:latest")

    def __init__(self) -> None:
        self.model = bentoml.sklearn.load_model(self.model_ref)

    @bentoml.api
    def predict(self, images: Annotated[list[Image], Field(min_length=1)]) -> list[int]:
        """Returns the predicted digit (0-9) of each image, in order."""
        batch = np.asarray(images, dtype=float)
        return [int(label) for label in self.model.predict(batch)]
