import { useState } from 'react';
import { findImages } from '@/lib/explorer/result-images';
import { JsonNode } from './JsonTree';
import { useExplorerStore } from './store';
import { clipboardRefused, copyText } from '@/lib/ui/clipboard';

/** The last run's outcome: status and the server's words, pictures inline, the answer as JSON. */
export function ResultView() {
  const outcome = useExplorerStore((s) => s.outcome);
  // Which answer the "copied" line is about: a newer answer does not inherit it.
  const [copied, setCopied] = useState<{ about: unknown; text: string } | null>(null);
  if (!outcome) return null;
  if (!outcome.ok) {
    const { error } = outcome;
    return (
      <section className="result failed" aria-label="Result">
        <h3>Failed{error.status ? ` · HTTP ${error.status}` : ''}</h3>
        <p className="error-text" role="alert">{error.message}</p>
      </section>
    );
  }
  const { data } = outcome;
  const answer = data.result !== undefined ? data.result : data.results;
  const images = findImages(answer);
  const json = JSON.stringify(answer, null, 2) ?? 'null';
  async function copy() {
    setCopied({ about: outcome, text: (await copyText(json)) ? 'Copied the answer as JSON.' : `${clipboardRefused()} Select the answer and copy it by hand.` });
  }
  return (
    <section className="result" aria-label="Result" aria-live="polite">
      <h3>
        Done · HTTP {data.status} · {Math.round(data.latencyMs)} ms
      </h3>
      {data.message && <p>The server said: “{data.message}”</p>}
      {images.length > 0 && (
        <div className="result-images">
          {images.map((image) => (
            <figure key={image.path}>
              <img src={image.src} alt={`Image in the answer at ${image.path}`} />
              <figcaption className="hint">{image.path}</figcaption>
            </figure>
          ))}
        </div>
      )}
      <div className="actions compact">
        <button type="button" onClick={() => void copy()}>Copy JSON</button>
        {copied?.about === outcome && <span className="hint" role="status">{copied.text}</span>}
      </div>
      <div className="json-tree" aria-label="Answer">
        <JsonNode name="" value={answer} />
      </div>
    </section>
  );
}
