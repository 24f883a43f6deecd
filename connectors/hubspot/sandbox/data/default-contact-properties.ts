import {
  EMPLOYEE_RANGES,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  OWNER_IDS,
  SENIORITIES,
  optionLabel,
} from './contact-options.js';
import type { FieldType, PropertyDefinition, PropertyGroup, PropertyType } from './property-types.js';

const CREATED_AT = '2019-08-06T02:43:01.000Z';

export const DEFAULT_CONTACT_GROUPS: PropertyGroup[] = [
  { name: 'contactinformation', label: 'Contact information', displayOrder: 0, archived: false },
  { name: 'emailinformation', label: 'Email information', displayOrder: 1, archived: false },
  { name: 'conversioninformation', label: 'Conversion information', displayOrder: 2, archived: false },
  { name: 'analyticsinformation', label: 'Web analytics history', displayOrder: 3, archived: false },
  { name: 'sales_properties', label: 'Sales properties', displayOrder: 4, archived: false },
];

interface Spec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  group: string;
  readOnly?: boolean;
  unique?: boolean;
  options?: readonly string[];
}

const text = (name: string, label: string, group = 'contactinformation'): Spec => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
  group,
});
const select = (
  name: string,
  label: string,
  options: readonly string[],
  fieldType: FieldType = 'select',
): Spec => ({
  name,
  label,
  type: 'enumeration',
  fieldType,
  group: 'contactinformation',
  options,
});
const stamp = (name: string, label: string, group: string): Spec => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
  group,
  readOnly: true,
});
const count = (name: string, label: string, group: string): Spec => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  group,
  readOnly: true,
});

/** The contact properties that mappings/hubspot.yaml reads (fields, rollups) with HubSpot's types. */
const SPECS: Spec[] = [
  { ...text('email', 'Email'), unique: true },
  text('firstname', 'First Name'),
  text('lastname', 'Last Name'),
  text('jobtitle', 'Job Title'),
  select('hs_seniority', 'Seniority', SENIORITIES),
  text('industry', 'Industry'),
  select('numemployees', 'Number of Employees', EMPLOYEE_RANGES),
  text('annualrevenue', 'Annual Revenue'),
  text('country', 'Country/Region'),
  text('state', 'State/Region'),
  text('city', 'City'),
  select('hs_lead_status', 'Lead Status', LEAD_STATUSES, 'radio'),
  select('lifecyclestage', 'Lifecycle Stage', LIFECYCLE_STAGES, 'radio'),
  { ...select('hubspot_owner_id', 'Contact owner', OWNER_IDS), group: 'sales_properties' },
  {
    name: 'hs_email_optout',
    label: 'Unsubscribed from all email',
    type: 'bool',
    fieldType: 'booleancheckbox',
    group: 'emailinformation',
    options: ['true', 'false'],
  },
  stamp('createdate', 'Create Date', 'contactinformation'),
  stamp('lastmodifieddate', 'Last Modified Date', 'contactinformation'),
  count('hs_analytics_num_page_views', 'Number of Pageviews', 'analyticsinformation'),
  stamp('hs_analytics_first_visit_timestamp', 'Time of First Session', 'analyticsinformation'),
  stamp('hs_analytics_last_visit_timestamp', 'Time of Last Session', 'analyticsinformation'),
  { ...text('hs_analytics_last_url', 'Last Page Seen', 'analyticsinformation'), readOnly: true },
  count('hs_email_open', 'Marketing emails opened', 'emailinformation'),
  stamp('hs_email_last_open_date', 'Last marketing email open date', 'emailinformation'),
  count('hs_email_click', 'Marketing emails clicked', 'emailinformation'),
  stamp('hs_email_last_click_date', 'Last marketing email click date', 'emailinformation'),
  count('hs_email_replied', 'Marketing emails replied', 'emailinformation'),
  stamp('hs_email_last_reply_date', 'Last marketing email reply date', 'emailinformation'),
  count('hs_email_bounce', 'Marketing emails bounced', 'emailinformation'),
  stamp('hs_email_last_send_date', 'Last marketing email send date', 'emailinformation'),
  count('num_conversion_events', 'Number of Form Submissions', 'conversioninformation'),
  stamp('first_conversion_date', 'First Conversion Date', 'conversioninformation'),
  stamp('recent_conversion_date', 'Recent Conversion Date', 'conversioninformation'),
  count('hs_object_id', 'Record ID', 'contactinformation'),
];

export function defaultContactProperties(): PropertyDefinition[] {
  return SPECS.map((spec, index) => ({
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    groupName: spec.group,
    description: '',
    options: (spec.options ?? []).map((value, order) => ({
      label: spec.type === 'bool' ? (value === 'true' ? 'Yes' : 'No') : optionLabel(value),
      value,
      displayOrder: order,
      hidden: false,
    })),
    displayOrder: index,
    hidden: false,
    hubspotDefined: true,
    formField: !spec.readOnly,
    calculated: false,
    externalOptions: spec.name === 'hubspot_owner_id',
    hasUniqueValue: spec.unique ?? false,
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyValue: spec.readOnly ?? false,
    },
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    archived: false,
  }));
}
