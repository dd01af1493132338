import { usePopupStore, type View } from './store';

/** A session's chats and a chat's messages. (Being built.) */
export default function ChatsScreen({ view }: { view: Extract<View, { name: 'chats' | 'chat' }> }) {
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel" aria-label={`Chats of ${view.sessionId}`}>
      <h2>Chats of “{view.sessionId}”</h2>
      <button type="button" onClick={() => show({ name: 'list' })}>Back to sessions</button>
    </section>
  );
}
