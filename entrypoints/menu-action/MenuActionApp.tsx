import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { handoffKey, readMenuRequest, type MenuAction, type MenuRequest } from '@/lib/menu-handoff';
import { JoinGroupView } from './JoinGroupView';
import { NumbersView } from './NumbersView';
import { PictureView } from './PictureView';
import { QuickSendView } from './QuickSendView';
import { SendView } from './SendView';
import { useServerChoice } from './use-server-choice';
import { textsOf } from '@/lib/i18n';

const t = textsOf('menuaction');

const TITLES = {
  'join-group': 'titleJoinGroup',
  'check-numbers': 'titleCheckNumbers',
  'add-to-group': 'titleAddToGroup',
  'send-message': 'titleSendMessage',
  'group-picture': 'titleGroupPicture',
  'send-selection': 'titleSendSelection',
  'send-link': 'titleSendLink',
  'send-image': 'titleSendImage',
  'send-text': 'titleSendMessage',
} as const satisfies Record<MenuAction, Parameters<typeof t>[0]>;

type Loaded = { request: MenuRequest } | { problem: string };

/** The click's data, handed over by the background under the id in this window's address. */
async function loadRequest(): Promise<Loaded> {
  const key = handoffKey(new URLSearchParams(location.search).get('id'));
  if (!key) return { problem: t('noRequest') };
  const stored = await browser.storage.session.get(key);
  const request = readMenuRequest(stored[key]);
  return request ? { request } : { problem: t('requestGone') };
}

/** The small window a right-click menu (or the `wa` address-bar keyword) opens: pick the server, session and target, then confirm. */
export function MenuActionApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const choice = useServerChoice();
  useEffect(() => void loadRequest().then(setLoaded), []);
  const request = loaded && 'request' in loaded ? loaded.request : undefined;
  const title = request ? t(TITLES[request.action]) : t('appName');
  useEffect(() => {
    document.title = t('windowTitle', { title });
  }, [title]);

  if (!loaded || !choice.loaded) return <main className="menu-action" aria-busy="true" />;
  return (
    <main className="menu-action">
      <h1>{title}</h1>
      {request?.pageTitle && <p className="hint source">{t('fromPage', { title: request.pageTitle })}</p>}
      {'problem' in loaded ? (
        <p className="banner error" role="alert">{loaded.problem}</p>
      ) : choice.profiles.length === 0 ? (
        <>
          <p className="banner warn" role="alert">{t('noServer')}</p>
          <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>{t('addServer')}</button>
        </>
      ) : (
        <Action request={loaded.request} choice={choice} />
      )}
      <div className="actions footer">
        <button type="button" onClick={() => window.close()}>{t('close')}</button>
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
