import type { ConnectorRegistry } from '../src/connector/connector-registry.js';
import { hubSpotConnector } from './hubspot/hubspot-factory.js';
import { salesforceConnector } from './salesforce/salesforce-factory.js';

/** Every connector leadscore ships, by name. */
export const CONNECTORS: ConnectorRegistry = new Map([
  [hubSpotConnector.name, hubSpotConnector],
  [salesforceConnector.name, salesforceConnector],
]);
