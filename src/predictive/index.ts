// The predictive scoring API that commands (train, evaluate, and later suggest, backtest, report) build on.
export { readTrainingData, withOutcomes } from './read-training-data.js';
export type { ReadTrainingOptions, TrainingData } from './read-training-data.js';
export { readLeadRecords } from './lead-records.js';
export type { LeadRecord } from './lead-records.js';
export { leadRow, leadsToTable, latestActivity } from './lead-rows.js';
export type { DataTable } from './data-table.js';
export { planColumns } from './column-plan.js';
export type { ColumnPlan, SkippedColumn } from './column-plan.js';
export { DEFAULT_FOLDS, DEFAULT_SEED, trainPredictive } from './train-model.js';
export type { TrainOptions, Training } from './train-model.js';
export { crossValidate } from './cross-validate.js';
export type { CrossValidation } from './cross-validate.js';
export { stratifiedFolds } from './folds.js';
export { fitLogistic } from './logistic-regression.js';
export { rocAuc, rocCurve } from './auc.js';
export type { RocPoint } from './auc.js';
export {
  DEFAULT_MODEL_FILE,
  loadPredictiveModel,
  parsePredictiveModel,
  savePredictiveModel,
} from './model-artifact.js';
export type { PredictiveModel } from './model-artifact.js';
export type { Feature, FeatureKind } from './feature.js';
export { predict, predictTable, predictiveScore, rowsDesign, tableDesign } from './predict.js';
export { modelActivityTypes, predictLeads } from './predict-leads.js';
export type { LeadPrediction } from './predict-leads.js';
export type { PredictRow } from './predict.js';
export { scoreDesign } from './score-design.js';
export { DEFAULT_PREDICTIVE_THRESHOLD, evaluateSavedModel, evaluateTraining } from './evaluate-predictive.js';
export { evaluateRules } from './evaluate-rules.js';
export { outcomeMetrics } from './evaluation.js';
export type { EvaluatedModel, Evaluation, ScoredOutcomes } from './evaluation.js';
export type { Band, CalibrationBin, GradeRow, ScoreHistogram, ThresholdMetrics } from './score-metrics.js';
export type { Factor } from './top-factors.js';
export { topFactors } from './top-factors.js';
export type { ColumnSignal } from './column-signals.js';
export type { TimeHoldout } from './time-holdout.js';
export { PredictiveModelError, TrainingDataError } from './predictive-errors.js';
