import type { Category, HttpMethod, InputLocation, InputType, Operation, OperationInput } from './types';

export function field(
  name: string,
  location: InputLocation,
  type: InputType,
  required: boolean,
  label: string,
  extra: Pick<OperationInput, 'options' | 'help'> = {},
): OperationInput {
  return { name, in: location, type, required, label, ...extra };
}

/** Fields that recur across many operations, written once. */
export const sessionField = (location: InputLocation, required = true) =>
  field('sessionId', location, 'string', required, 'Session');
export const groupField = (location: InputLocation) =>
  field('groupId', location, 'string', true, 'Group', { help: 'Group ID or JID, e.g. 1203630…@g.us' });
export const recipientField = field('to', 'body', 'recipients', true, 'Recipient', {
  help: 'Phone number, JID or LID; several separated by commas',
});
export const participantsField = field('participants', 'body', 'string[]', true, 'Participants', {
  help: 'Phone numbers or JIDs',
});
/** Options every send route accepts. */
export const sendOptionFields: readonly OperationInput[] = [
  field('presence', 'body', 'boolean', false, 'Show typing first'),
  field('replyMessageId', 'body', 'string', false, 'Reply to message ID'),
  field('isForwarded', 'body', 'boolean', false, 'Mark as forwarded'),
];

export interface OperationSpec {
  id: string;
  label: string;
  method: HttpMethod;
  path: string;
  inputs: readonly OperationInput[];
  destructive?: boolean;
  adminOnly?: boolean;
  /** The route also takes multipart uploads of its file inputs. */
  multipart?: boolean;
  /** The route has body inputs but accepts an empty body. */
  bodyOptional?: boolean;
}

/** Builds a category's operations, deriving what follows from the inputs. */
export function defineOperations(category: Category, specs: readonly OperationSpec[]): readonly Operation[] {
  return specs.map((spec) => {
    const hasBody = spec.inputs.some((input) => input.in === 'body');
    return {
      id: spec.id,
      category,
      label: spec.label,
      method: spec.method,
      path: spec.path,
      inputs: spec.inputs,
      needsSession: spec.inputs.some((input) => input.name === 'sessionId' && input.required),
      destructive: spec.destructive ?? false,
      adminOnly: spec.adminOnly ?? false,
      bodyEncodings: hasBody ? (spec.multipart ? ['json', 'multipart'] : ['json']) : [],
      bodyRequired: hasBody && !spec.bodyOptional,
    };
  });
}
