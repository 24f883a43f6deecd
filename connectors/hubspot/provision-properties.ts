import type { ProvisionChange, ProvisionReport } from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import type { HubSpotApi } from './hubspot-api.js';

type PropertyType = 'number' | 'enumeration' | 'string' | 'datetime';
type FieldType = 'number' | 'select' | 'textarea' | 'text' | 'date';

interface PropertySpec {
  name: string;
  label: string;
  description: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: { label: string; value: string }[];
}

/** What a sales rep sees: numbers for the scores, readable picklists, a text area for the reasons. */
function propertySpecs(mapping: Mapping): PropertySpec[] {
  const p = mapping.scoreProperties;
  const number = (name: string, label: string, description: string): PropertySpec => ({
    name,
    label,
    description,
    type: 'number',
    fieldType: 'number',
  });
  const specs: PropertySpec[] = [
    number(p.score, 'Lead score', 'Fit plus engagement, 0–100, from leadscore.'),
    number(p.fit, 'Lead fit', 'How well the contact matches the ideal customer profile.'),
    number(p.engagement, 'Lead engagement', 'Buying intent from recent interactions, with decay.'),
    {
      name: p.grade,
      label: 'Lead grade',
      description: 'A (ideal customer) to D (not a fit), from fit alone.',
      type: 'enumeration',
      fieldType: 'select',
      options: ['A', 'B', 'C', 'D'].map((g) => ({ label: g, value: g })),
    },
    {
      name: p.status,
      label: 'MQL status',
      description: 'Whether leadscore handed the contact to sales.',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'MQL', value: 'mql' },
        { label: 'Nurture', value: 'nurture' },
        { label: 'Disqualified', value: 'disqualified' },
        { label: 'Sales accepted', value: 'sales_accepted' },
        { label: 'Sales rejected', value: 'sales_rejected' },
      ],
    },
    {
      name: p.reasons,
      label: 'Score reasons',
      description: 'Why the score is what it is, largest points first.',
      type: 'string',
      fieldType: 'textarea',
    },
    {
      name: p.model,
      label: 'Scoring model',
      description: 'Model id and version that produced the score.',
      type: 'string',
      fieldType: 'text',
    },
    {
      name: p.scoredAt,
      label: 'Scored at',
      description: 'When leadscore last computed the score.',
      type: 'datetime',
      fieldType: 'date',
    },
  ];
  if (p.predictive)
    specs.push(
      number(p.predictive, 'Predictive score', 'Likelihood to convert, 0–100, learned from outcomes.'),
    );
  return specs;
}

/**
 * Creates the property group and the score properties that are missing; adds missing picklist options.
 * A second run changes nothing. An existing property of another type is an error, never overwritten.
 */
export async function provisionHubSpot(api: HubSpotApi, mapping: Mapping): Promise<ProvisionReport> {
  const changes: ProvisionChange[] = [];
  const group = mapping.scoreProperties.group ?? 'leadscore';
  const specs = propertySpecs(mapping);
  const existing = await api.call('GET /crm/v3/properties/contacts', (c) =>
    c.crm.properties.coreApi.getAllWithHttpInfo('contacts'),
  );
  const byName = new Map(existing.results.map((p) => [p.name, p]));
  // Every conflict is found before anything is created: a failed setup leaves the portal as it was.
  for (const spec of specs) {
    const current = byName.get(spec.name);
    if (current && current.type !== spec.type) {
      throw new ConnectorConfigError(
        'hubspot',
        `contact property ${spec.name} exists as type "${current.type}" but leadscore needs "${spec.type}"; rename it in mappings/hubspot.yaml (scoreProperties) or change the property in HubSpot — it is never overwritten`,
      );
    }
  }

  const groups = await api.call('GET /crm/v3/properties/contacts/groups', (c) =>
    c.crm.properties.groupsApi.getAllWithHttpInfo('contacts'),
  );
  if (groups.results.some((g) => g.name === group))
    changes.push({ target: `group ${group}`, outcome: 'unchanged' });
  else {
    await api.call('POST /crm/v3/properties/contacts/groups', (c) =>
      c.crm.properties.groupsApi.createWithHttpInfo('contacts', {
        name: group,
        label: mapping.scoreProperties.groupLabel ?? 'Lead scoring',
      }),
    );
    changes.push({ target: `group ${group}`, outcome: 'created' });
  }

  for (const spec of specs) {
    const current = byName.get(spec.name);
    const target = `property ${spec.name}`;
    if (!current) {
      await api.call('POST /crm/v3/properties/contacts', (c) =>
        c.crm.properties.coreApi.createWithHttpInfo('contacts', { ...spec, groupName: group } as never),
      );
      changes.push({ target, outcome: 'created' });
      continue;
    }
    const have = new Set((current.options ?? []).map((o) => o.value));
    const missing = (spec.options ?? []).filter((o) => !have.has(o.value));
    if (missing.length) {
      const options = [
        ...(current.options ?? []),
        ...missing.map((o, i) => ({ ...o, displayOrder: have.size + i, hidden: false })),
      ];
      await api.call('PATCH /crm/v3/properties/contacts/{name}', (c) =>
        c.crm.properties.coreApi.updateWithHttpInfo('contacts', spec.name, { options } as never),
      );
      changes.push({
        target,
        outcome: 'updated',
        detail: `added options ${missing.map((o) => o.value).join(', ')}`,
      });
    } else changes.push({ target, outcome: 'unchanged' });
  }
  return { changes };
}

/**
 * Throws a clear error when the score properties are missing or unusable, so that a run against a portal
 * nobody has set up stops at once instead of dead-lettering every contact.
 */
export async function checkProvisioned(api: HubSpotApi, mapping: Mapping): Promise<void> {
  const existing = await api.call('GET /crm/v3/properties/contacts', (c) =>
    c.crm.properties.coreApi.getAllWithHttpInfo('contacts'),
  );
  const byName = new Map(existing.results.map((p) => [p.name, p]));
  const problems: string[] = [];
  for (const spec of propertySpecs(mapping)) {
    const current = byName.get(spec.name);
    if (!current) problems.push(`${spec.name} is missing`);
    else if (current.type !== spec.type)
      problems.push(`${spec.name} is a ${current.type}, not a ${spec.type}`);
    // A missing enumeration option is left to the write: HubSpot refuses just those records (dead letters).
  }
  if (problems.length)
    throw new ConnectorConfigError(
      'hubspot',
      `the score properties are not set up (${problems.join('; ')}): run \`leadscore setup --connector hubspot\` first`,
    );
}
