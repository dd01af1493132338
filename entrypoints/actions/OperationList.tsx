import { useMemo } from 'react';
import { CATEGORIES, OPERATIONS, type Operation } from '@/lib/warest/catalog';
import { useExplorerStore } from './store';

function matches(operation: Operation, words: string[]): boolean {
  const haystack = `${operation.label} ${operation.id} ${operation.method} ${operation.path} ${operation.category}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Every WARest operation by category, with a search over names, ids and paths. */
export function OperationList() {
  const { search, setSearch, operation: chosen, choose } = useExplorerStore();
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = useMemo(() => OPERATIONS.filter((operation) => matches(operation, words)), [words.join(' ')]);
  return (
    <nav className="operation-list" aria-label="Operations">
      <input type="search" aria-label="Search operations" placeholder="Search 90 operations" value={search} onChange={(e) => setSearch(e.target.value)} />
      <p className="hint" aria-live="polite">
        {words.length ? `${shown.length} of ${OPERATIONS.length} operations match` : `${OPERATIONS.length} operations`}
      </p>
      {shown.length === 0 && <p className="empty">No operation matches “{search}”. Try a word like “group”, “send” or “picture”.</p>}
      {CATEGORIES.map((category) => {
        const inCategory = shown.filter((operation) => operation.category === category);
        if (inCategory.length === 0) return null;
        const headingId = `category-${category.replace(/\W+/g, '-')}`;
        return (
          <section key={category} aria-labelledby={headingId}>
            <h2 id={headingId}>{category}</h2>
            <ul>
              {inCategory.map((operation) => (
                <li key={operation.id}>
                  <button type="button" aria-current={chosen?.id === operation.id ? 'true' : undefined} onClick={() => choose(operation.id)}>
                    <span>{operation.label}</span>
                    <span className={`method method-${operation.method.toLowerCase()}`} aria-hidden="true">{operation.method}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
