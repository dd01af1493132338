import { useState } from 'react';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

/**
 * A readable, collapsible view of any JSON value: objects and arrays fold (the first three
 * levels open), long strings are cut with a way to see all, huge lists show their start.
 */

const LONG_STRING = 240;
const MANY_ITEMS = 100;
/** WARest answers are `results[i].data.…`: open that far, fold what is deeper. */
const OPEN_DEPTH = 3;

function StringValue({ text }: { text: string }) {
  const [full, setFull] = useState(false);
  if (text.length <= LONG_STRING || full) return <span className="json-string">"{text}"</span>;
  return (
    <span className="json-string">
      "{text.slice(0, LONG_STRING)}…"{' '}
      <button type="button" className="link" onClick={() => setFull(true)}>{t('showAllCharacters', { count: text.length.toLocaleString() })}</button>
    </span>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === 'string') return <StringValue text={value} />;
  if (value === null || value === undefined) return <span className="json-null">{String(value)}</span>;
  return <span className={`json-${typeof value}`}>{String(value)}</span>;
}

function Branch({ name, value, depth }: { name: string; value: object; depth: number }) {
  const [all, setAll] = useState(false);
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  const shown = all ? entries : entries.slice(0, MANY_ITEMS);
  const summary = t.count(Array.isArray(value) ? 'items' : 'fields', entries.length);
  return (
    <details open={depth < OPEN_DEPTH}>
      <summary>
        {name && <span className="json-key">{name}: </span>}
        <span className="hint">{summary}</span>
      </summary>
      <ul>
        {shown.map(([key, item]) => (
          <li key={key}>
            <JsonNode name={key} value={item} depth={depth + 1} />
          </li>
        ))}
        {shown.length < entries.length && (
          <li>
            <button type="button" className="link" onClick={() => setAll(true)}>{t('showOthers', { count: entries.length - shown.length })}</button>
          </li>
        )}
      </ul>
    </details>
  );
}

export function JsonNode({ name, value, depth = 0 }: { name: string; value: unknown; depth?: number }) {
  if (value && typeof value === 'object') return <Branch name={name} value={value} depth={depth} />;
  return (
    <span>
      {name && <span className="json-key">{name}: </span>}
      <Primitive value={value} />
    </span>
  );
}
