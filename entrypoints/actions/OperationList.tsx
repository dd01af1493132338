import { useMemo, useRef } from 'react';
import { CATEGORIES, OPERATIONS, type Operation } from '@/lib/warest/catalog';
import { rankOperations, searchWords } from '@/lib/explorer/search';
import { useExplorerStore } from './store';
import { textsOf } from '@/lib/i18n';

const t = textsOf('actions');

/**
 * Every WARest operation by category, with a search over names, ids and paths. While searching,
 * the matches are one list, best first (lib/explorer/search.ts), and Enter opens the first and
 * moves to its form. The list is one tab stop: the arrow keys, Home and End move in it.
 */
export function OperationList() {
  const { search, setSearch, operation: chosen, choose } = useExplorerStore();
  const words = searchWords(search);
  const shown = useMemo(() => rankOperations(OPERATIONS, search), [words.join(' ')]);
  const listRef = useRef<HTMLDivElement>(null);
  // The one button reachable by Tab: the chosen operation when shown, else the first.
  const tabStop = shown.some((o) => o.id === chosen?.id) ? chosen!.id : shown[0]?.id;

  function moveFocus(event: React.KeyboardEvent) {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-op]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    buttons.forEach((b) => (b.tabIndex = b === target ? 0 : -1));
    target?.focus();
  }

  const button = (operation: Operation) => (
    <li key={operation.id}>
      <button type="button" data-op={operation.id} tabIndex={operation.id === tabStop ? 0 : -1} aria-current={chosen?.id === operation.id ? 'true' : undefined} onClick={() => choose(operation.id)}>
        <span>{operation.label}</span>
        <span className={`method method-${operation.method.toLowerCase()}`} aria-hidden="true">{operation.method}</span>
      </button>
    </li>
  );

  return (
    <nav className="operation-list" aria-label={t('operations')}>
      <input
        type="search"
        aria-label={t('searchOperations')}
        aria-describedby="search-help"
        placeholder={t('searchPlaceholder', { count: OPERATIONS.length })}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !shown[0] || words.length === 0) return;
          e.preventDefault();
          choose(shown[0].id, { focusForm: true });
        }}
      />
      <p className="hint" id="search-help" aria-live="polite">
        {words.length ? t('matchCount', { shown: shown.length, total: OPERATIONS.length }) : t('totalCount', { total: OPERATIONS.length })}
      </p>
      {shown.length === 0 && <p className="empty">{t('noMatch', { search })}</p>}
      <div ref={listRef} onKeyDown={moveFocus}>
        {words.length > 0 ? (
          shown.length > 0 && (
            <section aria-labelledby="category-matches">
              <h2 id="category-matches">{t('bestMatches')}</h2>
              <ul>{shown.map(button)}</ul>
            </section>
          )
        ) : (
          CATEGORIES.map((category) => {
            const inCategory = shown.filter((operation) => operation.category === category);
            if (inCategory.length === 0) return null;
            const headingId = `category-${category.replace(/\W+/g, '-')}`;
            return (
              <section key={category} aria-labelledby={headingId}>
                <h2 id={headingId}>{category}</h2>
                <ul>{inCategory.map(button)}</ul>
              </section>
            );
          })
        )}
      </div>
    </nav>
  );
}
