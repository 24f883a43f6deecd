import type { ActivityType } from '../model/activity.js';

/** Rule ids are cut to about this many characters. */
const MAX_ID = 40;
/** Labels may hold at most this many characters (the model schema's limit). */
const MAX_LABEL = 80;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `jobTitle` → "Job title", `custom.plan_tier` → "Plan tier", `page_view` → "Page view". */
export function humanize(name: string): string {
  const words = name
    .replace(/^custom\./, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return capitalize(words);
}

export function activityLabel(type: ActivityType): string {
  return humanize(type);
}

/** A page path segment as a label: `pricing` → "Pricing page visit", `case-studies` → "Case studies page visit". */
export function pageLabel(segment: string): string {
  return `${humanize(segment)} page visit`;
}

/** `whitepaper` → "Whitepaper download", `case_study` → "Case study download". */
export function assetLabel(assetType: string): string {
  return `${humanize(assetType)} download`;
}

/** "Employees 250 or more", with thousands separated. */
export function atLeastLabel(fieldLabel: string, cut: number): string {
  return `${fieldLabel} ${cut.toLocaleString('en-US')} or more`;
}

/** A label cut to the schema's limit, with an ellipsis when cut. */
export function fitLabel(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

/** A rule id from a label: lower case, letters and digits joined by "-", at most 40 characters. */
export function slug(label: string): string {
  const text = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (text.length <= MAX_ID) return text || 'rule';
  // Cut at a word boundary: "what-matters-most-to-you", not "what-matters-most-to-you-in-choosing-a-c".
  const cut = text.slice(0, MAX_ID + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : text.slice(0, MAX_ID);
}

/** Ids made unique in order of use: a second "industry-software" becomes "industry-software-2". */
export function uniqueIds(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base = slug(label);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
