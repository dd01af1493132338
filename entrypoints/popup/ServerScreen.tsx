import { usePopupStore } from './store';

/** The server's health, info and CPU history. (Being built.) */
export default function ServerScreen() {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel" aria-label="Server">
      <h2>Server</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
    </section>
  );
}
