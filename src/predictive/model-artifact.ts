import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { asInputError } from '../input/lead-file.js';
import { formatPath } from '../util/errors.js';
import { featureSchema } from './feature.js';
import { PredictiveModelError } from './predictive-errors.js';

export const PREDICTIVE_FORMAT = 'leadscore-predictive';
export const PREDICTIVE_VERSION = 1;
export const DEFAULT_MODEL_FILE = 'model.predictive.json';

const skippedSchema = z
  .object({
    column: z.string(),
    reason: z.enum(['excluded', 'identifier', 'constant', 'empty', 'date']),
    note: z.string(),
  })
  .strict();

/** The file `leadscore train` writes: everything scoring needs, and how the model was made. */
export const predictiveModelSchema = z
  .object({
    format: z.literal(PREDICTIVE_FORMAT),
    version: z.literal(PREDICTIVE_VERSION),
    label: z.string(),
    trainedAt: z.iso.datetime(),
    seed: z.number().int(),
    /** Training file and its kind (a CSV of columns, or a lead file whose leads became rows). */
    source: z.object({ file: z.string(), format: z.enum(['csv', 'jsonl']) }).strict(),
    /** Lead files: the moment recency was measured from. */
    asOf: z.iso.datetime().optional(),
    rows: z.number().int().positive(),
    positives: z.number().int().nonnegative(),
    regularisation: z
      .object({ penalty: z.literal('l2'), C: z.number().positive(), intercept: z.literal('unpenalised') })
      .strict(),
    features: z.array(featureSchema),
    intercept: z.number(),
    coefficients: z.array(z.number()),
    metrics: z
      .object({
        cvAuc: z.number().nullable(),
        cvAucStd: z.number().nullable(),
        folds: z.number().int().nonnegative(),
      })
      .strict(),
    excluded: z.array(skippedSchema),
    warnings: z.array(z.string()),
  })
  .strict()
  .refine((model) => model.coefficients.length === model.features.length, {
    message: 'expected one coefficient per feature',
    path: ['coefficients'],
  });
export type PredictiveModel = z.infer<typeof predictiveModelSchema>;

/** Reads and validates a model file; every problem names the file. */
export async function loadPredictiveModel(file: string): Promise<PredictiveModel> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw asInputError(file, error);
  }
  return parsePredictiveModel(text, file);
}

export function parsePredictiveModel(text: string, file = '(inline)'): PredictiveModel {
  const hint = /\.ya?ml$/i.test(file) ? '; a rule model (YAML) is evaluated with --rules' : '';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PredictiveModelError(`${file}: not JSON (${(error as Error).message})${hint}`);
  }
  const header = z.object({ format: z.unknown(), version: z.unknown() }).partial().safeParse(json);
  const format = header.success ? header.data.format : undefined;
  if (format !== PREDICTIVE_FORMAT) {
    throw new PredictiveModelError(
      `${file}: not a leadscore predictive model (expected "format": "${PREDICTIVE_FORMAT}", made by leadscore train)${hint}`,
    );
  }
  const version = header.success ? header.data.version : undefined;
  if (version !== PREDICTIVE_VERSION) {
    throw new PredictiveModelError(
      `${file}: model version ${JSON.stringify(version)} cannot be read; this leadscore reads version ${PREDICTIVE_VERSION}`,
    );
  }
  const model = predictiveModelSchema.safeParse(json);
  if (!model.success) {
    const problems = model.error.issues.map(
      (issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`,
    );
    throw new PredictiveModelError(problems.join('\n'));
  }
  return model.data;
}

export async function savePredictiveModel(file: string, model: PredictiveModel): Promise<void> {
  await writeFile(file, `${JSON.stringify(model, null, 2)}\n`);
}
