import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { usePublicPlaces } from "./feedback.api";

/** A province, one of its districts, one of that district's communes; each may still be unchosen. */
export interface PlacePath {
  province: string | null;
  district: string | null;
  commune: string | null;
}

export const NO_PLACE: PlacePath = { province: null, district: null, commune: null };

/** The path down to a place code (2, 4 or 6 digits). */
export function pathTo(code: string): PlacePath {
  return {
    province: code.slice(0, 2),
    district: code.length >= 4 ? code.slice(0, 4) : null,
    commune: code.length >= 6 ? code.slice(0, 6) : null,
  };
}

/**
 * The three lists a citizen picks a commune from (the public form, the figures), from the public
 * place lists. Choosing a level clears the levels below. Rendered without a wrapper, so that the page
 * lays them out (a column on the form, a row on the figures).
 */
export function PlacePicker({
  value,
  onChange,
  required = false,
  placeholders,
  communeError,
}: {
  value: PlacePath;
  onChange: (next: PlacePath) => void;
  required?: boolean;
  placeholders: { province: string; below: string };
  communeError?: string;
}) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const provinces = usePublicPlaces(null);
  const districts = usePublicPlaces(value.province, Boolean(value.province));
  const communes = usePublicPlaces(value.district, Boolean(value.district));
  const options = (items: { code: string; nameKm: string; nameEn: string }[] | undefined) =>
    (items ?? []).map((place) => ({ value: place.code, label: format.name(place) }));
  const common = { searchable: true, required, clearable: !required };
  return (
    <>
      <Select
        label={t("form.province")}
        placeholder={placeholders.province}
        data={options(provinces.data?.items)}
        value={value.province}
        onChange={(province) => onChange({ province, district: null, commune: null })}
        {...common}
      />
      <Select
        label={t("form.district")}
        placeholder={placeholders.below}
        data={options(districts.data?.items)}
        value={value.district}
        onChange={(district) => onChange({ ...value, district, commune: null })}
        disabled={!value.province}
        {...common}
      />
      <Select
        label={t("form.commune")}
        placeholder={placeholders.below}
        data={options(communes.data?.items)}
        value={value.commune}
        onChange={(commune) => onChange({ ...value, commune })}
        disabled={!value.district}
        error={communeError}
        {...common}
      />
    </>
  );
}
