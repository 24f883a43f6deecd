import { findSObject } from '../data/sobject-schema.js';
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
};

/** GET /services/data/vXX.X/sobjects/{sobject}/describe: the fields leadscore reads (a subset of describe's keys). */
export const describeSObject: Handler = ({ params, apiVersion }) => {
  const sobject = findSObject(params.sobject ?? '');
  if (!sobject) throw new ApiError(404, NOT_FOUND);
  const base = `/services/data/${apiVersion}/sobjects/${sobject.name}`;
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
      createable: sobject.name !== 'User',
      updateable: true,
      deletable: sobject.name !== 'User',
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
      fields: sobject.fields.map((field) => ({
        name: field.name,
        label: field.label,
        type: field.type,
        length: LENGTHS[field.type] ?? (field.type === 'textarea' ? 32_000 : 0),
        custom: false,
        nillable: field.nillable,
        createable: field.updateable,
        updateable: field.updateable,
        filterable: field.type !== 'textarea',
        sortable: field.type !== 'textarea',
        idLookup: field.type === 'id' || field.name === 'Email',
        referenceTo: field.referenceTo ? [...field.referenceTo] : [],
        relationshipName: field.relationshipName ?? null,
        picklistValues: (field.picklistValues ?? []).map((value) => ({
          active: true,
          defaultValue: false,
          label: value,
          validFor: null,
          value,
        })),
      })),
    },
  };
};
