import { z } from 'zod';
import type { ProvisionChange, ProvisionReport } from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError, ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { provisionPermissionSet } from './provision-permissions.js';
import type { SalesforceApi } from './salesforce-api.js';
import { scoreFieldSpecs, type ScoreFieldSpec } from './score-field-specs.js';
import { soqlString } from './soql.js';

export interface SalesforceProvisionOptions {
  /** The objects that get the score fields: Lead by default, Contact too when contacts are scored. */
  objects?: readonly string[];
  /** Fields beyond the score fields the deployment needs on each object (the flow's confirmation field). */
  extraFields?: readonly ScoreFieldSpec[];
}

const describeSchema = z.object({
  fields: z.array(
    z
      .object({
        name: z.string(),
        type: z.string(),
        updateable: z.boolean(),
        custom: z.boolean().optional(),
        picklistValues: z.array(z.object({ value: z.string(), active: z.boolean().optional() })).optional(),
      })
      .passthrough(),
  ),
});
type DescribedField = z.infer<typeof describeSchema>['fields'][number];

const customFieldRowsSchema = z.object({
  records: z.array(z.object({ Id: z.string(), DeveloperName: z.string() }).passthrough()),
});

/** What GET /tooling/sobjects/CustomField/{id} gives back: the field's full Metadata, kept as sent. */
const customFieldSchema = z.object({
  Metadata: z
    .object({
      valueSet: z
        .object({
          valueSetName: z.string().nullish(),
          valueSetDefinition: z
            .object({ value: z.array(z.object({}).passthrough()) })
            .passthrough()
            .nullish(),
        })
        .passthrough()
        .nullish(),
    })
    .passthrough(),
});
type CustomFieldMetadata = z.infer<typeof customFieldSchema>['Metadata'];

type Step =
  | { kind: 'create'; object: string; spec: ScoreFieldSpec }
  | { kind: 'unchanged'; object: string; spec: ScoreFieldSpec; detail?: string }
  | {
      kind: 'add-values';
      object: string;
      spec: ScoreFieldSpec;
      id: string;
      metadata: CustomFieldMetadata;
      missing: string[];
    };

/**
 * Creates the score fields that are missing on each object (Tooling API CustomField), adds picklist values
 * leadscore writes but a field lacks, then grants the fields through the "Lead Scoring" permission set
 * assigned to the integration user. Every conflict (a field of another type, read-only, a standard field
 * name that does not exist) is found before anything is written. A second run reports every change unchanged.
 */
export async function provisionSalesforce(
  api: SalesforceApi,
  mapping: Mapping,
  options: SalesforceProvisionOptions = {},
): Promise<ProvisionReport> {
  const objects = options.objects ?? ['Lead'];
  const specs = [...scoreFieldSpecs(mapping), ...(options.extraFields ?? [])];
  const steps: Step[] = [];
  const conflicts: string[] = [];
  for (const object of objects) {
    const plan = await planObject(api, object, specs);
    steps.push(...plan.steps);
    conflicts.push(...plan.conflicts);
  }
  if (conflicts.length > 0) {
    throw new ConnectorConfigError(
      'salesforce',
      `cannot set up the score fields: ${conflicts.join('; ')}. Rename them in the mapping's scoreProperties or change the fields in Salesforce — leadscore never overwrites a field; nothing was changed`,
    );
  }
  const changes: ProvisionChange[] = [];
  for (const step of steps) changes.push(await apply(api, step));
  const fields = objects.flatMap((object) => specs.map((spec) => `${object}.${spec.name}`));
  changes.push(...(await provisionPermissionSet(api, fields)));
  return { changes };
}

async function planObject(api: SalesforceApi, object: string, specs: ScoreFieldSpec[]) {
  const described = describeSchema.parse(
    await api.call(`GET /sobjects/${object}/describe`, (conn) =>
      conn.request({ method: 'GET', url: `/sobjects/${encodeURIComponent(object)}/describe` }),
    ),
  );
  const byName = new Map(described.fields.map((field) => [field.name.toLowerCase(), field]));
  const customIds = await customFieldIds(api, object, specs);
  const steps: Step[] = [];
  const conflicts: string[] = [];
  for (const spec of specs) {
    const field = byName.get(spec.name.toLowerCase());
    const customId = customIds.get(developerName(spec.name).toLowerCase());
    const target = `${object}.${spec.name}`;
    if (!field) {
      if (customId) {
        // Field-level security hides a field from a user without access; the permission set below grants it.
        steps.push({
          kind: 'unchanged',
          object,
          spec,
          detail: 'exists; not visible to this user before the permission set',
        });
      } else if (!spec.name.endsWith('__c')) {
        conflicts.push(`${target} does not exist, and only custom fields (ending in __c) can be created`);
      } else steps.push({ kind: 'create', object, spec });
      continue;
    }
    const conflict = conflictOf(target, field, spec);
    if (conflict) {
      conflicts.push(conflict);
      continue;
    }
    const missing = missingValues(field, spec);
    if (missing.length === 0) {
      steps.push({ kind: 'unchanged', object, spec });
    } else if (!customId) {
      conflicts.push(
        `${target} lacks the picklist values ${missing.join(', ')}, and only custom picklists can be changed`,
      );
    } else {
      const metadata = await readMetadata(api, customId);
      if (metadata.valueSet?.valueSetName || !metadata.valueSet?.valueSetDefinition) {
        conflicts.push(
          `${target} takes its values from a global value set; add ${missing.join(', ')} to it in Setup`,
        );
      } else steps.push({ kind: 'add-values', object, spec, id: customId, metadata, missing });
    }
  }
  return { steps, conflicts };
}

function conflictOf(target: string, field: DescribedField, spec: ScoreFieldSpec): string | undefined {
  if (!(spec.accepts as readonly string[]).includes(field.type)) {
    return `${target} exists as type "${field.type}" but leadscore needs ${spec.accepts.map((t) => `"${t}"`).join(' or ')}`;
  }
  if (!field.updateable) return `${target} is read-only (a formula or system field)`;
  return undefined;
}

function missingValues(field: DescribedField, spec: ScoreFieldSpec): string[] {
  if (field.type !== 'picklist' || !spec.values) return [];
  const have = new Set((field.picklistValues ?? []).filter((v) => v.active !== false).map((v) => v.value));
  return spec.values.filter((value) => !have.has(value));
}

/** CustomField ids by lower-cased DeveloperName, from the Tooling API: it sees fields describe may hide. */
async function customFieldIds(api: SalesforceApi, object: string, specs: ScoreFieldSpec[]) {
  const names = specs.filter((spec) => spec.name.endsWith('__c')).map((spec) => developerName(spec.name));
  if (names.length === 0) return new Map<string, string>();
  const soql =
    `SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = ${soqlString(object)} ` +
    `AND DeveloperName IN (${names.map(soqlString).join(', ')})`;
  const rows = customFieldRowsSchema.parse(
    await api.call('GET /tooling/query', (conn) =>
      conn.request({ method: 'GET', url: `/tooling/query?q=${encodeURIComponent(soql)}` }),
    ),
  );
  return new Map(rows.records.map((row) => [row.DeveloperName.toLowerCase(), row.Id]));
}

/** `LeadScore_Score__c` → `LeadScore_Score`, as the Tooling API's CustomField names it. */
const developerName = (name: string) => name.replace(/__c$/i, '');

async function readMetadata(api: SalesforceApi, id: string): Promise<CustomFieldMetadata> {
  const field = await api.call('GET /tooling/sobjects/CustomField/{id}', (conn) =>
    conn.request({ method: 'GET', url: `/tooling/sobjects/CustomField/${id}` }),
  );
  return customFieldSchema.parse(field).Metadata;
}

async function apply(api: SalesforceApi, step: Step): Promise<ProvisionChange> {
  const target = `field ${step.object}.${step.spec.name}`;
  switch (step.kind) {
    case 'unchanged':
      return step.detail
        ? { target, outcome: 'unchanged', detail: step.detail }
        : { target, outcome: 'unchanged' };
    case 'create': {
      const saved = await api.call(
        'POST /tooling/sobjects/CustomField',
        (conn) =>
          conn.request({
            method: 'POST',
            url: '/tooling/sobjects/CustomField',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              FullName: `${step.object}.${step.spec.name}`,
              Metadata: step.spec.metadata,
            }),
          }),
        { idempotent: false },
      );
      const id = z.object({ id: z.string() }).safeParse(saved);
      if (!id.success) {
        throw new ConnectorRequestError(
          'salesforce',
          'POST /tooling/sobjects/CustomField',
          201,
          undefined,
          'no id in the answer',
        );
      }
      return { target, outcome: 'created', detail: step.spec.metadata.type };
    }
    case 'add-values': {
      const labels = new Map(
        (step.spec.metadata.valueSet?.valueSetDefinition.value ?? []).map((v) => [v.valueName, v.label]),
      );
      const definition = step.metadata.valueSet?.valueSetDefinition;
      const value = [
        ...(definition?.value ?? []),
        ...step.missing.map((v) => ({ valueName: v, label: labels.get(v) ?? v, default: false })),
      ];
      const metadata = {
        ...step.metadata,
        valueSet: { ...step.metadata.valueSet, valueSetDefinition: { ...definition, value } },
      };
      await api.call('PATCH /tooling/sobjects/CustomField/{id}', (conn) =>
        conn.request({
          method: 'PATCH',
          url: `/tooling/sobjects/CustomField/${step.id}`,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ Metadata: metadata }),
        }),
      );
      return { target, outcome: 'updated', detail: `added picklist values ${step.missing.join(', ')}` };
    }
  }
}
