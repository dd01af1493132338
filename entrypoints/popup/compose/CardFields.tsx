import { TextField, type FieldsProps } from './fields';

/** A contact card: built from friendly fields into WARest's `contact` object. */
export function ContactFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <TextField label="Contact name" value={form.contactName} onChange={(contactName) => set({ contactName })} error={errors.contactName} />
      <TextField label="Contact phone number" value={form.contactPhone} onChange={(contactPhone) => set({ contactPhone })} error={errors.contactPhone} inputMode="tel" placeholder="+62 812 3456 7890" />
      <TextField label="Organization (optional)" value={form.contactOrganization} onChange={(contactOrganization) => set({ contactOrganization })} />
      <TextField label="E-mail (optional)" value={form.contactEmail} onChange={(contactEmail) => set({ contactEmail })} error={errors.contactEmail} inputMode="email" />
    </>
  );
}

/** A location pin: latitude and longitude in decimal degrees, with an optional name and address. */
export function LocationFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <div className="compose-pair">
        <TextField label="Latitude" value={form.latitude} onChange={(latitude) => set({ latitude })} error={errors.latitude} inputMode="decimal" placeholder="-6.1754" />
        <TextField label="Longitude" value={form.longitude} onChange={(longitude) => set({ longitude })} error={errors.longitude} inputMode="decimal" placeholder="106.8272" />
      </div>
      <TextField label="Place name (optional)" value={form.placeName} onChange={(placeName) => set({ placeName })} />
      <TextField label="Address (optional)" value={form.address} onChange={(address) => set({ address })} />
    </>
  );
}
