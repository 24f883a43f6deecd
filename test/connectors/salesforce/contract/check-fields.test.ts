/**
 * missingFields (the adapter's pre-flight check) against nock answering describe as Salesforce does: an
 * object's fields, or 404 NOT_FOUND for an object the org lacks (EmailMessageRelation without Enhanced
 * Email) or the user cannot see. No request leaves the process.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { missingFields } from '../../../../connectors/salesforce/check-fields.js';
import { api, INSTANCE } from './query-harness.js';

const NOT_FOUND = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];

/** Describe answers: the objects given (their fields, lookups as `Name→Parent`), 404 for every other. */
function org(objects: Record<string, string[]>): string[] {
  const described: string[] = [];
  nock(INSTANCE)
    .persist()
    .get(/\/sobjects\/\w+\/describe$/)
    .reply((uri) => {
      const name = /sobjects\/(\w+)\/describe/.exec(uri)?.[1] ?? '';
      described.push(name);
      const fields = objects[name];
      if (!fields) return [404, NOT_FOUND];
      return [
        200,
        {
          name,
          fields: fields.map((spec) => {
            const [field, parent] = spec.split('→');
            const relationshipName = parent ? field!.replace(/Id$/, '') : null;
            return { name: field, relationshipName, referenceTo: parent ? [parent] : [] };
          }),
        },
      ];
    });
  return described;
}

const REPLY_FIELDS = ['RelationId', 'EmailMessage.MessageDate', 'RelationType', 'EmailMessage.Incoming'];

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('missingFields', () => {
  it('names an object the org does not have once, not with each field read from it', async () => {
    const described = org({ Lead: ['Id', 'Email'] });
    const uses = [
      { object: 'Lead', fields: ['Email', 'Rating__c'] },
      { object: 'EmailMessageRelation', fields: REPLY_FIELDS },
    ];
    expect(await missingFields(api(), uses)).toEqual([
      'EmailMessageRelation does not exist',
      'Lead has no field Rating__c',
    ]);
    expect(described.sort()).toEqual(['EmailMessageRelation', 'Lead']);
  });

  it('names a parent the paths go through that the user cannot see', async () => {
    org({ EmailMessageRelation: ['Id', 'RelationId', 'RelationType', 'EmailMessageId→EmailMessage'] });
    const uses = [{ object: 'EmailMessageRelation', fields: REPLY_FIELDS }];
    expect(await missingFields(api(), uses)).toEqual(['EmailMessage does not exist']);
  });

  it('finds nothing missing when the objects and fields exist', async () => {
    org({
      EmailMessageRelation: ['Id', 'RelationId', 'RelationType', 'EmailMessageId→EmailMessage'],
      EmailMessage: ['Id', 'MessageDate', 'Incoming'],
    });
    const uses = [{ object: 'EmailMessageRelation', fields: REPLY_FIELDS }];
    expect(await missingFields(api(), uses)).toEqual([]);
  });
});
