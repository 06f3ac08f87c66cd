// Which way a metric should move, told by its name when the name says it (loss, error: lower;
// accuracy, f1, auc: higher), else undefined so that init asks.

/** The direction the report's metrics-better input takes. */
export type Direction = 'higher' | 'lower';

const LOWER = new Set([
  'loss',
  'error',
  'err',
  'mse',
  'rmse',
  'mae',
  'mape',
  'smape',
  'wer',
  'cer',
  'perplexity',
  'latency',
  'duration',
  'time',
  'seconds',
  'fpr',
  'fnr',
  'brier',
  'nll',
  'logloss',
  'hamming',
]);

const HIGHER = new Set([
  'accuracy',
  'acc',
  'f1',
  'fbeta',
  'precision',
  'recall',
  'auc',
  'roc',
  'pr_auc',
  'ap',
  'map',
  'r2',
  'iou',
  'miou',
  'dice',
  'bleu',
  'rouge',
  'meteor',
  'kappa',
  'mcc',
  'tpr',
  'tnr',
  'specificity',
  'sensitivity',
  'throughput',
  'coverage',
]);

// Words that qualify a metric without changing its direction (f1_macro, latency_ms, error_rate).
const QUALIFIERS = new Set([
  'macro',
  'micro',
  'weighted',
  'mean',
  'avg',
  'average',
  'median',
  'ms',
  's',
  'sec',
  'pct',
  'percent',
  'rate',
  'score',
  'val',
  'valid',
  'test',
  'train',
  'overall',
  'total',
]);

/** directionOf tells the direction a metric's name implies, or undefined when it does not tell. */
export function directionOf(name: string): Direction | undefined {
  const last = name.split('.').pop() ?? name;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // The last word that is not a qualifier decides: "coverage_gap" is a gap, not a coverage.
  while (words.length > 1 && QUALIFIERS.has(words[words.length - 1]!)) words.pop();
  const word = words[words.length - 1] ?? '';
  if (LOWER.has(word)) return 'lower';
  if (HIGHER.has(word) || /^(top\d+|rouge\w*|auc\w*)$/.test(word)) return 'higher';
  return undefined;
}
