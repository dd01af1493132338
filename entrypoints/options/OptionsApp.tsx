import { useOptionsStore } from './store';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { ManyServersSettings } from './ManyServersSettings';
import { SettingsForm } from './SettingsForm';
import { TransferSection } from './TransferSection';
import { ScheduledSettings } from './ScheduledSettings';
import { FirstRunGuide } from './FirstRunGuide';
import { HistorySection } from './HistorySection';
// Not a lazy chunk: a dynamic import here would move the preload helper out of the popup's first
// chunk into a shared one, and the popup's first load would grow by it.
import TemplatesSection from './templates/TemplatesSection';
import { textsOf } from '@/lib/i18n';

const t = textsOf('options');
const common = textsOf('common');

export function OptionsApp() {
  const { loaded, profiles, selected, notices, dismissNotices } = useOptionsStore();
  if (!loaded) return <main className="options" aria-busy="true" />;
  const profile = profiles.profiles.find((p) => p.id === selected);
  return (
    <main className="options">
      <header className="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('appName')}</h1>
      </header>
      {notices.length > 0 && (
        <div className="banner warn" role="alert">
          {notices.map((notice) => (
            <p key={`${notice.key}-${notice.at}`}>{notice.message}</p>
          ))}
          <button type="button" onClick={() => void dismissNotices()}>{common('dismiss')}</button>
        </div>
      )}
      <FirstRunGuide />
      <section className="servers" aria-labelledby="servers-heading">
        <h2 id="servers-heading">{t('servers')}</h2>
        <div className="servers-layout">
          <ProfileList />
          {selected === 'new' || profile ? (
            <ProfileForm key={selected ?? 'none'} profile={profile} isDefault={profile?.id === profiles.defaultProfileId} />
          ) : null}
        </div>
      </section>
      <SettingsForm />
      <ManyServersSettings />
      <TransferSection />
      <ScheduledSettings />
      <TemplatesSection />
      <HistorySection />
    </main>
  );
}
