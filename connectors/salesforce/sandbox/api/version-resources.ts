import { INTEGRATION_USER_ID, ORG_ID } from '../auth/token-authority.js';
import type { Handler } from './handler-types.js';

/**
 * GET /services/data/vXX.X: the resources of a version by name. `identity` is the session user's identity
 * URL (`…/id/{orgId}/{userId}`), which is how a client learns who it is signed in as without another call.
 */
export const versionResources: Handler = ({ apiVersion, headers }) => {
  const base = `/services/data/${apiVersion}`;
  const names = ['tooling', 'sobjects', 'query', 'composite', 'limits'];
  return {
    status: 200,
    body: {
      ...Object.fromEntries(names.map((name) => [name, `${base}/${name}`])),
      identity: `http://${headers.host ?? '127.0.0.1'}/id/${ORG_ID}/${INTEGRATION_USER_ID}`,
    },
  };
};
