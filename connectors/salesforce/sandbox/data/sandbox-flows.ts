import type { OrgStore } from './org-store.js';

export type FlowVariableType = 'String' | 'Number' | 'Id';

/** An input variable of a flow ("Available for input"). */
export interface FlowVariable {
  type: FlowVariableType;
  required?: boolean;
}

/** One error of an action result, as the Action API words them. */
export interface FlowError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type InterviewOutcome = { outputs: Record<string, unknown> } | { errors: FlowError[] };

/** An active autolaunched flow of the org. */
export interface SandboxFlow {
  apiName: string;
  inputs: Readonly<Record<string, FlowVariable>>;
  /** The interview for inputs already checked against `inputs`. */
  run(inputs: Record<string, unknown>, store: OrgStore): InterviewOutcome;
}

const flowError = (statusCode: string, message: string): FlowError => ({ statusCode, message, fields: [] });

/** What the seeded flow's Update Records element sets to its transitionKey input, when the org has it. */
export const HANDOFF_KEY_FIELD = 'LeadScore_Handoff_Key__c';

/**
 * The seeded MQL handoff flow: takes the record and the score, and finishes when the record exists. A
 * missing record makes the interview fault, as a Get Records element followed by an update would. Given a
 * transitionKey and an org with the LeadScore_Handoff_Key__c field (leadscore setup with a flow
 * confirmField), it writes the key to the record, as an admin's flow built for exactly-once handoff does.
 */
const LEADSCORE_MQL_HANDOFF: SandboxFlow = {
  apiName: 'LeadScore_MQL_Handoff',
  inputs: {
    recordId: { type: 'Id', required: true },
    score: { type: 'Number' },
    grade: { type: 'String' },
    reasons: { type: 'String' },
    model: { type: 'String' },
    email: { type: 'String' },
    ownerId: { type: 'Id' },
    transitionKey: { type: 'String' },
    at: { type: 'String' },
  },
  run(inputs, store) {
    if (!store.get(String(inputs.recordId))) {
      return {
        errors: [flowError('UNKNOWN_EXCEPTION', 'An unhandled fault has occurred in this flow')],
      };
    }
    const id = String(inputs.recordId);
    const sobject = store.schema.forId(id);
    const key = inputs.transitionKey;
    if (typeof key === 'string' && sobject?.fields.some((f) => f.name === HANDOFF_KEY_FIELD))
      store.update(id, { [HANDOFF_KEY_FIELD]: key });
    return { outputs: { Flow__InterviewStatus: 'Finished' } };
  },
};

export const SANDBOX_FLOWS: readonly SandboxFlow[] = [LEADSCORE_MQL_HANDOFF];

/** Flow API names are matched ignoring case, as other API names are. */
export function findFlow(name: string): SandboxFlow | undefined {
  const lower = name.toLowerCase();
  return SANDBOX_FLOWS.find((flow) => flow.apiName.toLowerCase() === lower);
}

/** What is wrong with one input before any interview starts: unknown, missing or mistyped variables. */
export function checkFlowInputs(flow: SandboxFlow, input: unknown): FlowError[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return [flowError('INVALID_INPUT', 'Each input must be a JSON object')];
  }
  const values = input as Record<string, unknown>;
  const errors: FlowError[] = [];
  for (const name of Object.keys(values)) {
    if (!(name in flow.inputs)) errors.push(flowError('INVALID_INPUT', `Invalid input parameter: ${name}`));
  }
  for (const [name, variable] of Object.entries(flow.inputs)) {
    const value = values[name];
    if (value === undefined || value === null) {
      if (variable.required) {
        errors.push(flowError('REQUIRED_FIELD_MISSING', `Missing required input parameter: ${name}`));
      }
    } else if (variable.type === 'Number' ? typeof value !== 'number' : typeof value !== 'string') {
      errors.push(flowError('INVALID_TYPE', `Invalid value for ${name}: expected ${variable.type}`));
    }
  }
  return errors;
}
