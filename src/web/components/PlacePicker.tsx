import { Group, Loader, Select, type SelectProps, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { levelOfCode } from "../../domain/places";
import {
  childLevel,
  type Place,
  type PlaceLevel,
  usePlace,
  usePlaceChildren,
  usePlaceSearch,
} from "../api/places";
import { useFormat } from "../i18n/format";
import { PlaceTypeBadge, usePlacePath } from "./PlaceLabels";

type PassedSelectProps = Omit<
  SelectProps,
  "data" | "value" | "defaultValue" | "onChange" | "searchable" | "searchValue" | "onSearchChange" | "filter"
>;

export interface PlacePickerProps extends PassedSelectProps {
  /** The chosen place code, or null. */
  value: string | null;
  onChange: (code: string | null, place: Place | null) => void;
  /** Only places of this level. */
  level?: PlaceLevel;
  /** Only places inside this one (e.g. villages of the chosen commune). */
  within?: string | null;
}

/**
 * Chooses a place from the gazetteer by typing its name (Khmer or Latin) or code. Each option shows
 * the name, the kind of place and its path; the value is the place code.
 * With `within` one level above `level`, the places below it are offered before anything is typed.
 */
export function PlacePicker({ value, onChange, level, within, ...selectProps }: PlacePickerProps) {
  const { t } = useTranslation("places");
  const format = useFormat();
  const pathOf = usePlacePath();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);

  const selected = usePlace(value);
  const selectedLabel = selected.data ? format.name(selected.data) : "";
  const typed = debounced.trim() !== "" && debounced !== selectedLabel ? debounced : "";

  const withinLevel = within ? levelOfCode(within) : undefined;
  const listsChildren = Boolean(within && withinLevel && level && childLevel(withinLevel) === level);
  const children = usePlaceChildren(listsChildren && !typed ? (within ?? null) : null);
  const results = usePlaceSearch({ q: typed, level, within: within ?? undefined });

  const offered: Place[] = useMemo(() => {
    const list = typed ? (results.data ?? []) : listsChildren ? (children.data ?? []) : [];
    const byCode = new Map(list.map((place) => [place.code, place]));
    if (selected.data && !byCode.has(selected.data.code)) byCode.set(selected.data.code, selected.data);
    return [...byCode.values()];
  }, [typed, results.data, listsChildren, children.data, selected.data]);

  const byCode = useMemo(() => new Map(offered.map((place) => [place.code, place])), [offered]);
  const data = offered.map((place) => ({ value: place.code, label: format.name(place) }));
  const loading = results.isFetching || children.isFetching || selected.isFetching;

  return (
    <Select
      placeholder={t("picker.placeholder")}
      nothingFoundMessage={typed ? (loading ? t("picker.loading") : t("picker.nothingFound")) : undefined}
      clearable
      {...selectProps}
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched names in both scripts and codes; show what it sent.
      filter={({ options }) => options}
      onChange={(code) => onChange(code, code ? (byCode.get(code) ?? null) : null)}
      rightSection={loading ? <Loader size="xs" /> : undefined}
      renderOption={({ option }) => {
        const place = byCode.get(option.value);
        if (!place) return option.label;
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500}>
                {format.name(place)}
              </Text>
              <PlaceTypeBadge place={place} size="xs" />
              <Text size="xs" c="dimmed" ff="monospace">
                {place.code}
              </Text>
            </Group>
            {place.path.length > 0 && (
              <Text size="xs" c="dimmed">
                {pathOf(place, place.path, false)}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
