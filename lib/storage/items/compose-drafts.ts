import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedRecord, MB } from '../limits';

/** What a person has typed in the composer, per profile and session (the popup's composer). */

export const COMPOSE_TYPES = ['text', 'files', 'media', 'audio', 'document', 'sticker', 'gif', 'contact', 'location', 'poll', 'buttons', 'list'] as const;
export type ComposeType = (typeof COMPOSE_TYPES)[number];

const composeButtonSchema = v.object({
  kind: v.picklist(['reply', 'url', 'call']),
  text: v.string(),
  /** The link for `url`, the phone number for `call`; unused for `reply`. */
  value: v.string(),
});

const composeSectionSchema = v.object({
  title: v.string(),
  rows: v.array(v.object({ title: v.string(), description: v.string() })),
});

/**
 * What a person has typed in the composer, per profile and session, so closing the popup loses
 * nothing. Picked files are not kept (their bytes can be large): the composer says to re-pick them.
 */
const composeDraftSchema = v.object({
  type: v.picklist(COMPOSE_TYPES),
  recipient: v.object({
    mode: v.picklist(['number', 'contact', 'group']),
    text: v.string(),
    jid: v.optional(v.string()),
    label: v.optional(v.string()),
  }),
  replyMessageId: v.string(),
  presence: v.boolean(),
  message: v.string(),
  mentions: v.string(),
  caption: v.string(),
  source: v.picklist(['file', 'url']),
  url: v.string(),
  viewOnce: v.boolean(),
  compress: v.boolean(),
  isVN: v.boolean(),
  filename: v.string(),
  /** Names of the files that were picked when the draft was saved, to say which to re-pick. */
  pickedNames: v.array(v.string()),
  contactName: v.string(),
  contactPhone: v.string(),
  contactOrganization: v.string(),
  contactEmail: v.string(),
  latitude: v.string(),
  longitude: v.string(),
  placeName: v.string(),
  address: v.string(),
  question: v.string(),
  pollOptions: v.array(v.string()),
  multipleAnswers: v.boolean(),
  maxSelection: v.string(),
  bodyText: v.string(),
  footer: v.string(),
  buttons: v.array(composeButtonSchema),
  listTitle: v.string(),
  listButtonText: v.string(),
  sections: v.array(composeSectionSchema),
  savedAt: num(),
});
export type ComposeDraft = v.InferOutput<typeof composeDraftSchema>;

/** Drafts keyed by `composeDraftKey(profileId, sessionId)`; a draft is removed once sent. */
export const composeDraftsItem = defineCheckedItem<Record<string, ComposeDraft>>(
  'local:composeDrafts',
  boundedRecord(composeDraftSchema, 2000),
  {},
  'itemDrafts',
  { version: 1, maxBytes: 6 * MB }, // a text may be 64K characters
);

export function composeDraftKey(profileId: string, sessionId: string): string {
  return `${profileId}/${sessionId}`; // session ids never hold a "/"
}
