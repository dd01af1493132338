import * as v from 'valibot';
import { num } from '../../schema';
import { defineCheckedItem } from '../define';
import { boundedArray, MB } from '../limits';

/**
 * Saved message templates (the templates page), with variables like `{{name}}` or
 * `{{name|there}}` (lib/campaigns/template.ts renders them). Used from the composer, the address
 * bar (`wa <number> /<template name>`) and the right-click send windows. Only pages write it.
 */
const templateSchema = v.object({
  id: v.string(),
  /** Unique without regard to case (lib/templates.ts checks it). */
  name: v.string(),
  text: v.string(),
  createdAt: num(),
  updatedAt: num(),
});
export type MessageTemplate = v.InferOutput<typeof templateSchema>;

/** MAX_TEMPLATES (lib/templates.ts) are ever written; twice that is damage. */
export const templatesItem = /* @__PURE__ */ defineCheckedItem<MessageTemplate[]>(
  'local:templates',
  boundedArray(templateSchema, 400),
  [],
  'itemTemplates',
  { version: 1, maxBytes: 2 * MB }, // 200 templates of up to 4,096 characters each, with room
);
