import {
  Badge,
  Button,
  Collapse,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconSearch, IconX } from "@tabler/icons-react";
import { useIsFetching } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { PlacePicker } from "../../components/PlacePicker";
import { useIsDesktop } from "../../components/useIsDesktop";
import { useFormat } from "../../i18n/format";
import { type FacilityReference, facilityKeys, type StatusFilter } from "./facilities.api";
import { type ListState, NO_FILTERS } from "./list-state";

interface FacilityFiltersProps {
  state: ListState;
  update: (patch: Partial<ListState>, options?: { replace?: boolean }) => void;
  reference: FacilityReference | undefined;
}

/**
 * Search box and filters of the facilities page. On a phone the filters other than the search box
 * fold away behind a button that says how many are set.
 */
export function FacilityFilters({ state, update, reference }: FacilityFiltersProps) {
  const { t } = useTranslation("facilities");
  const format = useFormat();
  const wide = useIsDesktop();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const busy = useIsFetching({ queryKey: facilityKeys.all }) > 0;

  // The search box has its own state so typing stays quick; the address follows after a pause.
  const [text, setText] = useState(state.q ?? "");
  const [debounced] = useDebouncedValue(text.trim(), 350);
  // Only a change of the typed text goes to the address; when the address changes from elsewhere
  // (Back, "Clear filters"), a stale debounced value must not put the old query back.
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if (debounced !== (state.q ?? "")) update({ q: debounced || undefined }, { replace: true });
  }, [debounced, state.q, update]);
  // Follow the address when it changes from elsewhere (Back, "Clear filters").
  const [seenQ, setSeenQ] = useState(state.q);
  if (seenQ !== state.q) {
    setSeenQ(state.q);
    if ((state.q ?? "") !== debounced) setText(state.q ?? "");
  }

  const setCount = [
    state.place,
    state.kind,
    state.serviceType,
    state.status !== "active" ? state.status : undefined,
  ].filter(Boolean).length;

  const kindOptions = (reference?.kinds ?? []).map((kind) => ({
    value: kind.code,
    label: format.name(kind),
  }));
  const serviceOptions = (reference?.serviceTypes ?? []).map((type) => ({
    value: type.code,
    label: format.name(type),
  }));
  const statusOptions: { value: StatusFilter; label: string }[] = [
    { value: "active", label: t("filters.statusActive") },
    { value: "inactive", label: t("filters.statusInactive") },
    { value: "all", label: t("filters.statusAll") },
  ];

  const panel = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
        <PlacePicker
          label={t("filters.place")}
          placeholder={t("filters.placePlaceholder")}
          value={state.place ?? null}
          onChange={(code) => update({ place: code ?? undefined })}
        />
        <Select
          label={t("filters.kind")}
          placeholder={t("filters.anyKind")}
          data={kindOptions}
          value={state.kind ?? null}
          onChange={(value) => update({ kind: value ?? undefined })}
          clearable
        />
        <Select
          label={t("filters.service")}
          placeholder={t("filters.anyService")}
          data={serviceOptions}
          value={state.serviceType ?? null}
          onChange={(value) => update({ serviceType: value ?? undefined })}
          clearable
          searchable
        />
        <Select
          label={t("filters.status")}
          data={statusOptions}
          value={state.status}
          onChange={(value) => update({ status: (value as StatusFilter | null) ?? "active" })}
          allowDeselect={false}
        />
      </SimpleGrid>
      {setCount > 0 || state.q ? (
        <Group justify="flex-end">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setText("");
              update(NO_FILTERS);
            }}
          >
            {t("filters.clear")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );

  return (
    <Paper withBorder radius="md" p="sm" component="search" aria-label={t("filters.label")}>
      <Stack gap="sm">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="search"
            label={t("filters.search")}
            placeholder={t("filters.searchPlaceholder")}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={busy ? <Loader size="xs" /> : undefined}
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 1, minWidth: 0 }}
          />
          {!wide && (
            <Button
              variant="default"
              onClick={toggle}
              aria-expanded={opened}
              aria-controls={panelId}
              leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
              rightSection={
                setCount > 0 ? (
                  <Badge size="sm" circle>
                    {format.number(setCount)}
                  </Badge>
                ) : undefined
              }
              px="sm"
            >
              {t("filters.toggle")}
            </Button>
          )}
        </Group>
        {wide ? (
          panel
        ) : (
          <Collapse expanded={opened} id={panelId}>
            {panel}
          </Collapse>
        )}
      </Stack>
    </Paper>
  );
}
