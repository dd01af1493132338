import * as z from 'zod/mini';
import { defineCheckedItem } from '../define';
import { boundedRecord, MB } from '../limits';

/** What a person has typed in the composer, per profile and session (the popup's composer). */

export const COMPOSE_TYPES = ['text', 'files', 'media', 'audio', 'document', 'sticker', 'gif', 'contact', 'location', 'poll', 'buttons', 'list'] as const;
export type ComposeType = (typeof COMPOSE_TYPES)[number];

const composeButtonSchema = z.object({
  kind: z.union([z.literal('reply'), z.literal('url'), z.literal('call')]),
  text: z.string(),
  /** The link for `url`, the phone number for `call`; unused for `reply`. */
  value: z.string(),
});

const composeSectionSchema = z.object({
  title: z.string(),
  rows: z.array(z.object({ title: z.string(), description: z.string() })),
});

/**
 * What a person has typed in the composer, per profile and session, so closing the popup loses
 * nothing. Picked files are not kept (their bytes can be large): the composer says to re-pick them.
 */
const composeDraftSchema = z.object({
  type: z.enum(COMPOSE_TYPES),
  recipient: z.object({
    mode: z.union([z.literal('number'), z.literal('contact'), z.literal('group')]),
    text: z.string(),
    jid: z.optional(z.string()),
    label: z.optional(z.string()),
  }),
  replyMessageId: z.string(),
  presence: z.boolean(),
  message: z.string(),
  mentions: z.string(),
  caption: z.string(),
  source: z.union([z.literal('file'), z.literal('url')]),
  url: z.string(),
  viewOnce: z.boolean(),
  compress: z.boolean(),
  isVN: z.boolean(),
  filename: z.string(),
  /** Names of the files that were picked when the draft was saved, to say which to re-pick. */
  pickedNames: z.array(z.string()),
  contactName: z.string(),
  contactPhone: z.string(),
  contactOrganization: z.string(),
  contactEmail: z.string(),
  latitude: z.string(),
  longitude: z.string(),
  placeName: z.string(),
  address: z.string(),
  question: z.string(),
  pollOptions: z.array(z.string()),
  multipleAnswers: z.boolean(),
  maxSelection: z.string(),
  bodyText: z.string(),
  footer: z.string(),
  buttons: z.array(composeButtonSchema),
  listTitle: z.string(),
  listButtonText: z.string(),
  sections: z.array(composeSectionSchema),
  savedAt: z.number(),
});
export type ComposeDraft = z.infer<typeof composeDraftSchema>;

/** Drafts keyed by `composeDraftKey(profileId, sessionId)`; a draft is removed once sent. */
export const composeDraftsItem = defineCheckedItem<Record<string, ComposeDraft>>(
  'local:composeDrafts',
  boundedRecord(composeDraftSchema, 2000),
  {},
  'your unsent messages (composer drafts)',
  { version: 1, maxBytes: 6 * MB }, // a text may be 64K characters
);

export function composeDraftKey(profileId: string, sessionId: string): string {
  return `${profileId}/${sessionId}`; // session ids never hold a "/"
}
