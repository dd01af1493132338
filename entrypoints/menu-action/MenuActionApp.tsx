import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { handoffKey, readMenuRequest, type MenuAction, type MenuRequest } from '@/lib/menu-handoff';
import { JoinGroupView } from './JoinGroupView';
import { NumbersView } from './NumbersView';
import { PictureView } from './PictureView';
import { QuickSendView } from './QuickSendView';
import { SendView } from './SendView';
import { useServerChoice } from './use-server-choice';

const TITLES: Record<MenuAction, string> = {
  'join-group': 'Join a group',
  'check-numbers': 'Check numbers on WhatsApp',
  'add-to-group': 'Add numbers to a group',
  'send-message': 'Send a message',
  'group-picture': 'Set a group picture',
  'send-selection': 'Send the selected text',
  'send-link': 'Send a link',
  'send-image': 'Send an image',
  'send-text': 'Send a message',
};

type Loaded = { request: MenuRequest } | { problem: string };

/** The click's data, handed over by the background under the id in this window's address. */
async function loadRequest(): Promise<Loaded> {
  const key = handoffKey(new URLSearchParams(location.search).get('id'));
  if (!key) return { problem: 'This window was opened without a right-click action. Close it and use the menu again.' };
  const stored = await browser.storage.session.get(key);
  const request = readMenuRequest(stored[key]);
  return request ? { request } : { problem: 'This action is no longer available (the browser was restarted, or it is too old). Close this window and use the menu again.' };
}

/** The small window a right-click menu (or the `wa` address-bar keyword) opens: pick the server, session and target, then confirm. */
export function MenuActionApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const choice = useServerChoice();
  useEffect(() => void loadRequest().then(setLoaded), []);
  const request = loaded && 'request' in loaded ? loaded.request : undefined;
  const title = request ? TITLES[request.action] : 'WARest Companion';
  useEffect(() => {
    document.title = `${title} · WARest Companion`;
  }, [title]);

  if (!loaded || !choice.loaded) return <main className="menu-action" aria-busy="true" />;
  return (
    <main className="menu-action">
      <h1>{title}</h1>
      {request?.pageTitle && <p className="hint source">From “{request.pageTitle}”</p>}
      {'problem' in loaded ? (
        <p className="banner error" role="alert">{loaded.problem}</p>
      ) : choice.profiles.length === 0 ? (
        <>
          <p className="banner warn" role="alert">No WARest server is set up yet. Add your server (its URL and API key) in the options, then use the menu again.</p>
          <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>Add a server</button>
        </>
      ) : (
        <Action request={loaded.request} choice={choice} />
      )}
      <div className="actions footer">
        <button type="button" onClick={() => window.close()}>Close</button>
      </div>
    </main>
  );
}

function Action({ request, choice }: { request: MenuRequest; choice: ReturnType<typeof useServerChoice> }) {
  switch (request.action) {
    case 'join-group':
      return <JoinGroupView url={request.url ?? ''} choice={choice} />;
    case 'group-picture':
      return <PictureView url={request.url ?? ''} choice={choice} />;
    case 'send-selection':
    case 'send-link':
    case 'send-image':
      return <SendView action={request.action} request={request} choice={choice} />;
    case 'send-text':
      return <QuickSendView typed={request.text ?? ''} choice={choice} />;
    default:
      return <NumbersView action={request.action} text={request.text ?? ''} choice={choice} />;
  }
}
