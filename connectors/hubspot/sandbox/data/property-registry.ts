import { DEFAULT_CONTACT_GROUPS, defaultContactProperties } from './default-contact-properties.js';
import type { PropertyDefinition, PropertyGroup } from './property-types.js';

/** Contact property definitions and groups: what exists, and so what reads, search and writes accept. */
export class PropertyRegistry {
  private readonly properties = new Map<string, PropertyDefinition>();
  private readonly groups = new Map<string, PropertyGroup>();

  constructor() {
    for (const group of DEFAULT_CONTACT_GROUPS) this.groups.set(group.name, { ...group });
    for (const property of defaultContactProperties()) this.properties.set(property.name, property);
  }

  get(name: string): PropertyDefinition | undefined {
    const found = this.properties.get(name);
    return found && !found.archived ? found : undefined;
  }

  list(): PropertyDefinition[] {
    return [...this.properties.values()].filter((p) => !p.archived);
  }

  /** Archived definitions too: what a snapshot keeps. */
  listAll(): PropertyDefinition[] {
    return [...this.properties.values()];
  }

  put(property: PropertyDefinition): void {
    this.properties.set(property.name, property);
  }

  getGroup(name: string): PropertyGroup | undefined {
    return this.groups.get(name);
  }

  listGroups(): PropertyGroup[] {
    return [...this.groups.values()];
  }

  putGroup(group: PropertyGroup): void {
    this.groups.set(group.name, group);
  }
}
