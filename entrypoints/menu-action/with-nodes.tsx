import { Fragment, type ReactNode } from 'react';

/**
 * A catalog message with elements inside it (a number in monospace, a link's address): `t()`
 * fills the plain slots and leaves the others as `{name}`, which become the given nodes here,
 * so a sentence stays one message whatever its word order in a language.
 */
export function withNodes(message: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return message.split(/\{(\w+)\}/).map((part, index) => (index % 2 === 0 ? part : <Fragment key={index}>{part in nodes ? nodes[part] : `{${part}}`}</Fragment>));
}
