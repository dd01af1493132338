import { textsOf } from '@/lib/i18n';
import { TextField, type FieldsProps } from './fields';

const t = textsOf('compose');

/** A contact card: built from friendly fields into WARest's `contact` object. */
export function ContactFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <TextField label={t('contactName')} value={form.contactName} onChange={(contactName) => set({ contactName })} error={errors.contactName} />
      <TextField label={t('contactPhone')} value={form.contactPhone} onChange={(contactPhone) => set({ contactPhone })} error={errors.contactPhone} inputMode="tel" placeholder="+62 812 3456 7890" />
      <TextField label={t('organization')} value={form.contactOrganization} onChange={(contactOrganization) => set({ contactOrganization })} />
      <TextField label={t('email')} value={form.contactEmail} onChange={(contactEmail) => set({ contactEmail })} error={errors.contactEmail} inputMode="email" />
    </>
  );
}

/** A location pin: latitude and longitude in decimal degrees, with an optional name and address. */
export function LocationFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <div className="compose-pair">
        <TextField label={t('latitude')} value={form.latitude} onChange={(latitude) => set({ latitude })} error={errors.latitude} inputMode="decimal" placeholder="-6.1754" />
        <TextField label={t('longitude')} value={form.longitude} onChange={(longitude) => set({ longitude })} error={errors.longitude} inputMode="decimal" placeholder="106.8272" />
      </div>
      <TextField label={t('placeName')} value={form.placeName} onChange={(placeName) => set({ placeName })} />
      <TextField label={t('address')} value={form.address} onChange={(address) => set({ address })} />
    </>
  );
}
