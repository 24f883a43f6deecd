import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { KEY_PREFIXES, makeId } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, soql, start } from './sandbox-fixture.js';

let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const USER = makeId(KEY_PREFIXES.User, 1);
const post = (s: SalesforceSandbox, type: string, body: unknown) =>
  call(s, 'POST', `${API}/sobjects/${type}`, { body });
const permissionSet = async (s: SalesforceSandbox): Promise<string> =>
  (await post(s, 'PermissionSet', { Name: 'Lead_Scoring', Label: 'Lead Scoring' })).body.id;
const fieldPermission = (parentId: string, field: string, extra: Record<string, unknown> = {}) => ({
  ParentId: parentId,
  SobjectType: 'Lead',
  Field: `Lead.${field}`,
  PermissionsRead: true,
  ...extra,
});

describe('PermissionSet', () => {
  it('is created with key prefix 0PS and found by Name', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const id = await permissionSet(sandbox);
    expect(id).toMatch(/^0PS\w{15}$/);
    const found = await soql(sandbox, "SELECT Id, Label FROM PermissionSet WHERE Name = 'Lead_Scoring'");
    expect(found.body.records).toEqual([expect.objectContaining({ Id: id, Label: 'Lead Scoring' })]);
  });

  it('refuses a second permission set of the same Name with DUPLICATE_DEVELOPER_NAME', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    await permissionSet(sandbox);
    const again = await post(sandbox, 'PermissionSet', { Name: 'lead_scoring', Label: 'Again' });
    expect(again.status).toBe(400);
    expect(again.body[0]).toMatchObject({ errorCode: 'DUPLICATE_DEVELOPER_NAME', fields: ['Name'] });
  });

  it('needs Name and Label', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await post(sandbox, 'PermissionSet', {});
    expect(reply.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name', 'Label'] });
  });
});

describe('FieldPermissions', () => {
  it('grants a field to a permission set, queryable through the Parent relationship', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const parent = await permissionSet(sandbox);
    const reply = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(parent, 'Rating', { PermissionsEdit: true }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.id).toMatch(/^01k/);
    const rows = await soql(
      sandbox,
      "SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE Parent.Name = 'Lead_Scoring'",
    );
    expect(rows.body.records).toEqual([
      expect.objectContaining({ Field: 'Lead.Rating', PermissionsRead: true, PermissionsEdit: true }),
    ]);
  });

  it('defaults PermissionsEdit to false', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const { body } = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(await permissionSet(sandbox), 'Rating'),
    );
    expect(sandbox.store.get(body.id)).toMatchObject({ PermissionsRead: true, PermissionsEdit: false });
  });

  it('refuses a field the object does not have as a bad restricted picklist value', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(await permissionSet(sandbox), 'Nope__c'),
    );
    expect(reply.status).toBe(400);
    expect(reply.body[0]).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['Field'],
    });
  });

  it('refuses a required standard field, which field-level security cannot hide', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const reply = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(await permissionSet(sandbox), 'LastName'),
    );
    expect(reply.body[0].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });

  it('refuses Edit without Read', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const parent = await permissionSet(sandbox);
    const reply = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(parent, 'Rating', { PermissionsRead: false, PermissionsEdit: true }),
    );
    expect(reply.body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('refuses a second permission for the same field of the same set with DUPLICATE_VALUE', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const parent = await permissionSet(sandbox);
    await post(sandbox, 'FieldPermissions', fieldPermission(parent, 'Rating'));
    const again = await post(sandbox, 'FieldPermissions', fieldPermission(parent, 'Rating'));
    expect(again.body[0].errorCode).toBe('DUPLICATE_VALUE');
  });

  it('updates PermissionsEdit through PATCH, but not Field, which is set once', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const { body } = await post(
      sandbox,
      'FieldPermissions',
      fieldPermission(await permissionSet(sandbox), 'Rating'),
    );
    const edit = await call(sandbox, 'PATCH', `${API}/sobjects/FieldPermissions/${body.id}`, {
      body: { PermissionsEdit: true },
    });
    expect(edit.status).toBe(204);
    const field = await call(sandbox, 'PATCH', `${API}/sobjects/FieldPermissions/${body.id}`, {
      body: { Field: 'Lead.Title' },
    });
    expect(field.body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});

describe('PermissionSetAssignment', () => {
  it('assigns a permission set to a user once; a second assignment is DUPLICATE_VALUE', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const assignment = { AssigneeId: USER, PermissionSetId: await permissionSet(sandbox) };
    const first = await post(sandbox, 'PermissionSetAssignment', assignment);
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^0Pa/);
    const again = await post(sandbox, 'PermissionSetAssignment', assignment);
    expect(again.body[0].errorCode).toBe('DUPLICATE_VALUE');
  });

  it('refuses an assignee that is not a user', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const lead = String(sandbox.store.list('Lead')[0]?.Id);
    const reply = await post(sandbox, 'PermissionSetAssignment', {
      AssigneeId: lead,
      PermissionSetId: await permissionSet(sandbox),
    });
    expect(reply.body[0]).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['AssigneeId'] });
  });
});
