import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { GRADES, STATUSES, type Status } from '../../src/model/lead.js';

/** Describe types (`fields[].type` in a describe result) the score fields may have. */
export type DescribeType = 'double' | 'picklist' | 'textarea' | 'string' | 'datetime';

/**
 * Tooling API CustomFieldMetadata for one field: Number (precision, scale), Picklist (a restricted local
 * value set), LongTextArea (length, visibleLines), Text (length), DateTime.
 */
export interface CustomFieldMetadata {
  label: string;
  description: string;
  inlineHelpText: string;
  type: 'Number' | 'Picklist' | 'LongTextArea' | 'Text' | 'DateTime';
  required: false;
  precision?: number;
  scale?: number;
  length?: number;
  visibleLines?: number;
  valueSet?: {
    restricted: boolean;
    valueSetDefinition: { sorted: boolean; value: { valueName: string; label: string; default: boolean }[] };
  };
}

export interface ScoreFieldSpec {
  /** The API name from the mapping's scoreProperties, e.g. `LeadScore_Score__c`. */
  name: string;
  metadata: CustomFieldMetadata;
  /** The describe types an existing field may have and still take leadscore's values; the first is what setup creates. */
  accepts: readonly DescribeType[];
  /** Picklist values leadscore writes (picklists only). */
  values?: readonly string[];
}

/** Long enough for every reason line of a lead; Salesforce's maximum for a long text area is 131,072. */
const REASONS_LENGTH = 32_768;

/** Scores are whole points (roundPoints); 18 digits is Salesforce's maximum precision, so no score is cut. */
const number = (label: string, description: string, precision = 18): CustomFieldMetadata => ({
  label,
  description,
  inlineHelpText: description,
  type: 'Number',
  required: false,
  precision,
  scale: 0,
});

const STATUS_LABELS: Record<Status, string> = {
  mql: 'MQL',
  nurture: 'Nurture',
  disqualified: 'Disqualified',
  sales_accepted: 'Sales accepted',
  sales_rejected: 'Sales rejected',
};

/** The API value is what leadscore writes; the label is what a rep sees. */
const picklist = (
  label: string,
  description: string,
  values: readonly string[],
  labelOf: (value: string) => string = (value) => value,
): CustomFieldMetadata => ({
  label,
  description,
  inlineHelpText: description,
  type: 'Picklist',
  required: false,
  valueSet: {
    // Restricted: a write of any other value fails instead of quietly adding a value.
    restricted: true,
    valueSetDefinition: {
      sorted: false,
      value: values.map((value) => ({ valueName: value, label: labelOf(value), default: false })),
    },
  },
});

/**
 * The LeadScore fields of an object, named by the mapping (renames work), typed for what leadscore writes.
 * Grade and status may also be Text fields, and the model a long text area, in an org that made them so.
 */
export function scoreFieldSpecs(mapping: Mapping): ScoreFieldSpec[] {
  const p = mapping.scoreProperties;
  const NUMBER = ['double'] as const;
  const specs: ScoreFieldSpec[] = [
    {
      name: p.score,
      accepts: NUMBER,
      metadata: number('Lead Score', 'Fit plus engagement, 0–100, from leadscore.'),
    },
    {
      name: p.fit,
      accepts: NUMBER,
      metadata: number('Lead Fit', 'How well the lead matches the ideal customer profile.'),
    },
    {
      name: p.engagement,
      accepts: NUMBER,
      metadata: number('Lead Engagement', 'Buying intent from recent interactions, with decay.'),
    },
    {
      name: p.grade,
      accepts: ['picklist', 'string'],
      values: GRADES,
      metadata: picklist('Lead Grade', 'A (ideal customer) to D (not a fit), from fit alone.', GRADES),
    },
    {
      name: p.status,
      accepts: ['picklist', 'string'],
      values: STATUSES,
      metadata: picklist(
        'Lead MQL Status',
        'Whether leadscore handed the lead to sales.',
        STATUSES,
        (value) => STATUS_LABELS[value as Status],
      ),
    },
    {
      name: p.reasons,
      accepts: ['textarea'],
      metadata: {
        label: 'Lead Score Reasons',
        description: 'Why the score is what it is, largest points first.',
        inlineHelpText: 'Why the score is what it is, largest points first.',
        type: 'LongTextArea',
        required: false,
        length: REASONS_LENGTH,
        visibleLines: 5,
      },
    },
    {
      name: p.model,
      accepts: ['string', 'textarea'],
      metadata: {
        label: 'Lead Scoring Model',
        description: 'Model id and version that produced the score.',
        inlineHelpText: 'Model id and version that produced the score.',
        type: 'Text',
        required: false,
        length: 255,
      },
    },
    {
      name: p.scoredAt,
      accepts: ['datetime'],
      metadata: {
        label: 'Lead Scored At',
        description: 'When leadscore last computed the score.',
        inlineHelpText: 'When leadscore last computed the score.',
        type: 'DateTime',
        required: false,
      },
    },
  ];
  if (p.predictive !== undefined) {
    specs.push({
      name: p.predictive,
      accepts: NUMBER,
      metadata: number('Predictive Score', 'Likelihood to convert, 0–100, learned from outcomes.', 3),
    });
  }
  return specs;
}

/**
 * The field the MQL handoff flow writes the transition key to (settings.handoff.flow.confirmField), so that
 * an invocation whose answer was lost can be looked up: Text 255 (a transition key is well under it).
 */
export function handoffKeyFieldSpec(name: string): ScoreFieldSpec {
  const description = 'The MQL transition the leadscore handoff flow last ran for (the flow sets it).';
  return {
    name,
    accepts: ['string', 'textarea'],
    metadata: {
      label: 'LeadScore Handoff Key',
      description,
      inlineHelpText: description,
      type: 'Text',
      required: false,
      length: 255,
    },
  };
}
