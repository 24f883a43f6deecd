/** The activity histories of the synthetic leads. */
import type { Activity, ActivityType } from '../../src/model/activity.js';
import {
  ACTIVITY_MIX,
  ASSETS,
  BLOG,
  BLOG_SLUGS,
  CAMPAIGNS,
  FORMS,
  PAGES,
  WEBINARS,
} from './synthetic-activity-vocabulary.js';
import { pick, weighted } from './synthetic-random.js';
import type { Random } from './synthetic-random.js';

export const DAY_MS = 86_400_000;
/** Activities are spread over this many days before `now`. */
export const HISTORY_DAYS = 180;

const pickActivityType = weighted(ACTIVITY_MIX);
const pickPage = weighted(PAGES);

function activityAt(random: Random, type: ActivityType, at: Date): Activity {
  switch (type) {
    case 'page_view': {
      const page = pickPage(random);
      return { type, at, url: page === BLOG ? BLOG + pick(random, BLOG_SLUGS) : page };
    }
    case 'content_download': {
      const [asset, assetType] = pick(random, ASSETS);
      return { type, at, asset, assetType };
    }
    case 'form_submission':
      return { type, at, form: pick(random, FORMS) };
    case 'newsletter_signup':
      return { type, at, form: 'newsletter' };
    case 'webinar_registration':
    case 'webinar_attended':
      return { type, at, webinar: pick(random, WEBINARS) };
    case 'email_open':
    case 'email_click':
    case 'email_reply':
    case 'email_bounce':
    case 'unsubscribe':
      return { type, at, campaign: pick(random, CAMPAIGNS) };
    case 'ad_click':
      return {
        type,
        at,
        campaign: pick(random, CAMPAIGNS),
        channel: pick(random, ['linkedin', 'google', 'meta']),
      };
    case 'social_engagement':
      return { type, at, channel: pick(random, ['linkedin', 'x', 'youtube']) };
    case 'meeting':
    case 'call':
      return { type, at, outcome: pick(random, ['connected', 'connected', 'voicemail', 'no_show']) };
    default:
      return { type, at };
  }
}

/** Exactly `count` activities between `HISTORY_DAYS` ago and the lead's most recent day of activity, oldest first. */
export function activitiesFor(random: Random, count: number, nowMs: number): Activity[] {
  // A quarter of the leads were active in the last week, most within two months, some have gone quiet.
  const r = random();
  const recentDays = r < 0.25 ? random() * 7 : r < 0.75 ? random() * 60 : 30 + random() * 120;
  const spanDays = HISTORY_DAYS - recentDays;
  // Intent varies by lead: hot leads look at pricing, ask for demos and talk to sales more often.
  const hot = random() < 0.1;
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(nowMs - (recentDays + random() * spanDays) * DAY_MS);
  times.sort((a, b) => a - b);
  const activities: Activity[] = [];
  for (let i = 0; i < count; i++) {
    let type = pickActivityType(random);
    if (hot && type === 'email_open' && random() < 0.5)
      type = pick(random, ['demo_request', 'meeting', 'call', 'webinar_attended'] as const);
    const activity = activityAt(random, type, new Date(Math.round(times[i]!)));
    if (hot && type === 'page_view' && random() < 0.3) activity.url = '/pricing';
    activities.push(activity);
  }
  return activities;
}
