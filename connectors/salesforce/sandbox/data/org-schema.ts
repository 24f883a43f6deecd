import { SandboxError } from '../sandbox-error.js';
import type { FieldDef, SObjectDef } from './field-types.js';
import { findField, SOBJECTS } from './sobject-schema.js';

/**
 * One org's object definitions. Each sandbox gets its own copy, so a custom field created through the
 * Tooling API exists in that org only. Names are case-insensitive, as in SOQL and request bodies.
 */
export class OrgSchema {
  private readonly sobjects = new Map<string, SObjectDef>();

  constructor(definitions: readonly SObjectDef[] = SOBJECTS) {
    for (const sobject of definitions) {
      this.sobjects.set(sobject.name.toLowerCase(), {
        ...sobject,
        fields: sobject.fields.map((field) => ({ ...field })),
      });
    }
  }

  all(): readonly SObjectDef[] {
    return [...this.sobjects.values()];
  }

  find(name: string): SObjectDef | undefined {
    return this.sobjects.get(name.toLowerCase());
  }

  /** The object whose key prefix starts the id. */
  forId(id: string): SObjectDef | undefined {
    return this.all().find((s) => id.startsWith(s.keyPrefix));
  }

  /** Adds a field (a custom field just created); the object's definition is replaced, never mutated. */
  addField(sobjectName: string, field: FieldDef): void {
    const sobject = this.require(sobjectName);
    if (findField(sobject, field.name)) {
      throw new SandboxError('SANDBOX_SCHEMA', `${sobject.name}.${field.name} already exists`);
    }
    this.sobjects.set(sobject.name.toLowerCase(), { ...sobject, fields: [...sobject.fields, field] });
  }

  /** Replaces an existing field's definition (a custom field updated through the Tooling API). */
  replaceField(sobjectName: string, field: FieldDef): void {
    const sobject = this.require(sobjectName);
    const lower = field.name.toLowerCase();
    if (!findField(sobject, field.name)) {
      throw new SandboxError('SANDBOX_SCHEMA', `${sobject.name}.${field.name} does not exist`);
    }
    const fields = sobject.fields.map((f) => (f.name.toLowerCase() === lower ? field : f));
    this.sobjects.set(sobject.name.toLowerCase(), { ...sobject, fields });
  }

  private require(name: string): SObjectDef {
    const sobject = this.find(name);
    if (!sobject) throw new SandboxError('SANDBOX_SCHEMA', `Unknown sObject type ${name}`);
    return sobject;
  }
}
