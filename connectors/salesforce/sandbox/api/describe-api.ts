import type { FieldDef } from '../data/field-types.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND } from '../http/error-bodies.js';
import type { Handler } from './handler-types.js';

const LENGTHS: Record<string, number> = {
  id: 18,
  reference: 18,
  string: 255,
  email: 80,
  phone: 40,
  picklist: 255,
  textarea: 32_000,
};

/** GET /services/data/vXX.X/sobjects/{sobject}/describe: the fields leadscore reads (a subset of describe's keys). */
export const describeSObject: Handler = ({ params, apiVersion, store }) => {
  const sobject = store.schema.find(params.sobject ?? '');
  if (!sobject || sobject.tooling) throw new ApiError(404, NOT_FOUND);
  const base = `/services/data/${apiVersion}/sobjects/${sobject.name}`;
  const createable = sobject.createable !== false;
  return {
    status: 200,
    body: {
      name: sobject.name,
      label: sobject.label,
      labelPlural: sobject.labelPlural,
      keyPrefix: sobject.keyPrefix,
      custom: false,
      queryable: true,
      retrieveable: true,
      createable,
      updateable: true,
      deletable: createable,
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
      fields: sobject.fields.map(describeField),
    },
  };
};

function describeField(field: FieldDef) {
  const double = field.type === 'double';
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    length: field.length ?? LENGTHS[field.type] ?? 0,
    // Describe gives precision and scale for doubles, `digits` for ints, 0 for everything else.
    precision: double ? (field.precision ?? 18) : 0,
    scale: double ? (field.scale ?? 0) : 0,
    digits: field.type === 'int' ? 9 : 0,
    custom: field.custom === true,
    nillable: field.nillable,
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate: field.defaultValue !== undefined,
    filterable: field.type !== 'textarea',
    sortable: field.type !== 'textarea',
    idLookup: field.type === 'id' || field.name === 'Email',
    referenceTo: field.referenceTo ? [...field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    restrictedPicklist: field.restrictedPicklist === true,
    picklistValues: (field.picklistValues ?? []).map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      validFor: null,
      value,
    })),
  };
}
