import { Fragment, type ReactNode } from 'react';

/**
 * A catalog message whose `{slots}` hold elements (a <strong>, a <code>, a link): the words stay
 * one message, so a translation puts the elements where its own word order needs them. Give it
 * `t('key')` (string slots already filled, or none); a slot without a part stays visible.
 */
export function rich(message: string, parts: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return message.split(/\{(\w+)\}/g).map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={i}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment>));
}
