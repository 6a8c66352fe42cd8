import { Loader, MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useFacilityList } from "../facilities/facilities.api";

/** A facility as the user form shows it. */
export interface LinkedFacility {
  id: string;
  code: string;
  nameKm: string;
  nameEn: string;
}

interface FacilitiesFieldProps {
  value: LinkedFacility[];
  onChange: (facilities: LinkedFacility[]) => void;
  /** Search within this place (the user's area when it is one place); otherwise the admin's area. */
  within: string | null;
  error?: string;
  disabled?: boolean;
}

/**
 * The facilities a service provider runs: citizens' messages about them reach her. Found by typing a
 * name (Khmer or Latin) or a code; the server does the matching.
 */
export function FacilitiesField({ value, onChange, within, error, disabled }: FacilitiesFieldProps) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const [search, setSearch] = useState("");
  const [typed] = useDebouncedValue(search.trim(), 250);
  const results = useFacilityList({
    q: typed || undefined,
    place: within ?? undefined,
    status: "active",
    sort: "name",
    limit: 20,
    offset: 0,
  });

  const byId = useMemo(() => {
    const map = new Map(value.map((facility) => [facility.id, facility]));
    for (const item of results.data?.items ?? []) if (!map.has(item.id)) map.set(item.id, item);
    return map;
  }, [value, results.data]);
  const data = [...byId.values()].map((facility) => ({
    value: facility.id,
    label: `${format.name(facility)} · ${facility.code}`,
  }));

  return (
    <MultiSelect
      label={t("userForm.facilities")}
      description={t("userForm.facilitiesHint")}
      placeholder={value.length ? undefined : t("userForm.facilitiesPlaceholder")}
      searchable
      clearable
      data={data}
      value={value.map((facility) => facility.id)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(ids) => onChange(ids.map((id) => byId.get(id)).filter((f): f is LinkedFacility => !!f))}
      nothingFoundMessage={results.isFetching ? t("common:states.loading") : t("common:states.noResults")}
      rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
      maxValues={20}
      error={error}
      disabled={disabled}
    />
  );
}
