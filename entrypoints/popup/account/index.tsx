import type { ReactNode } from 'react';
import { AccountBusiness } from './AccountBusiness';
import { AccountCheckNumbers } from './AccountCheckNumbers';
import { AccountContacts } from './AccountContacts';
import { AccountInfo, ProfilePrivacy } from './AccountInfo';
import { AccountPicture } from './AccountPicture';
import { usePopupStore } from '../shared/store';
import '../shared/sections.css';
import { textsOf } from '@/lib/i18n';

const t = textsOf('account');

export type AccountView = { name: 'profile'; sessionId: string };

/**
 * A session's WhatsApp profile: who it is, its picture, privacy, contacts, and number lookups.
 * Its own chunk, loaded when first shown (../features.ts).
 */
export default function AccountScreen({ view }: { view: AccountView }): ReactNode {
  const { sessionId } = view;
  const show = usePopupStore((s) => s.show);
  return (
    <section className="panel profile-panel" aria-label={t('profileOf', { session: sessionId })}>
      <div className="view-head">
        <button type="button" className="small" onClick={() => show({ name: 'list' })}><span aria-hidden="true">← </span>{t('backToSessions')}</button>
      </div>
      <h2>{t('profileHeading', { session: sessionId })}</h2>
      <AccountInfo sessionId={sessionId} />
      <AccountPicture sessionId={sessionId} />
      <ProfilePrivacy sessionId={sessionId} />
      <AccountContacts sessionId={sessionId} />
      <AccountCheckNumbers sessionId={sessionId} />
      <AccountBusiness sessionId={sessionId} />
    </section>
  );
}
