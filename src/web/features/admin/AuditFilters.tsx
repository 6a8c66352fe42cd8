import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "../../../contracts/audit-actions";
import { PlacePicker } from "../../components/PlacePicker";
import type { AuditFilters as AuditQuery, User } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { FilterPanel } from "./FilterPanel";
import type { ListParams } from "./search-params";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAMES = ["action", "entityType", "entityId", "actorId", "place", "from", "to"] as const;

/** The audit log's filters as they stand in the address ("" when not set). */
export type AuditFilterValues = Record<(typeof NAMES)[number], string>;

export function readAuditFilters(params: ListParams): AuditFilterValues {
  return Object.fromEntries(NAMES.map((name) => [name, params.get(name)])) as AuditFilterValues;
}

/** How many filters are set. */
export function auditFilterCount(values: AuditFilterValues): number {
  return NAMES.filter((name) => values[name]).length;
}

/** The filters as the API's query; a date that is not yyyy-mm-dd is left out. */
export function auditQuery(values: AuditFilterValues): Omit<AuditQuery, "limit" | "offset"> {
  return {
    action: values.action || undefined,
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    actorId: values.actorId || undefined,
    place: values.place || undefined,
    from: DATE.test(values.from) ? values.from : undefined,
    to: DATE.test(values.to) ? values.to : undefined,
  };
}

interface AuditFilterPanelProps {
  values: AuditFilterValues;
  params: ListParams;
  /** The users to choose an actor from; null when the user may not list users (no actor filter then). */
  actors: User[] | null;
}

/** Filters of the audit log: action, record type, actor, place, dates, and the record when one was chosen. */
export function AuditFilterPanel({ values, params, actors }: AuditFilterPanelProps) {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const { update } = params;
  const { action, entityType, entityId, actorId, place, from, to } = values;

  const actionOptions = [
    ...AUDIT_ACTIONS.map((value) => ({ value, label: labels.action(value) })),
    ...(action && !(AUDIT_ACTIONS as readonly string[]).includes(action)
      ? [{ value: action, label: action }]
      : []),
  ];

  return (
    <FilterPanel activeCount={auditFilterCount(values)} columns={4} onClear={params.clear}>
      <Select
        label={t("audit.filters.action")}
        placeholder={t("audit.filters.anyAction")}
        searchable
        clearable
        nothingFoundMessage={t("common:states.noResults")}
        data={actionOptions}
        value={action || null}
        onChange={(value) => update({ action: value })}
      />
      <Select
        label={t("audit.filters.entityType")}
        placeholder={t("audit.filters.anyEntity")}
        clearable
        data={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: labels.entity(value) }))}
        value={entityType || null}
        onChange={(value) => update({ entityType: value, entityId: null })}
      />
      {actors && (
        <Select
          label={t("audit.filters.actor")}
          placeholder={t("audit.filters.anyActor")}
          searchable
          clearable
          nothingFoundMessage={t("common:states.noResults")}
          data={actors.map((user) => ({
            value: user.id,
            label: `${user.displayName} (${user.username})`,
          }))}
          value={actorId || null}
          onChange={(value) => update({ actorId: value })}
        />
      )}
      <PlacePicker
        label={t("audit.filters.place")}
        placeholder={t("audit.filters.anyPlace")}
        value={place || null}
        onChange={(code) => update({ place: code })}
      />
      <TextInput
        type="date"
        label={t("audit.filters.from")}
        value={from}
        max={to || undefined}
        onChange={(event) => update({ from: event.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t("audit.filters.to")}
        value={to}
        min={from || undefined}
        onChange={(event) => update({ to: event.currentTarget.value })}
      />
      {entityId && (
        <TextInput
          label={t("audit.filters.entityId")}
          value={entityId}
          onChange={(event) => update({ entityId: event.currentTarget.value.trim() })}
          ff="monospace"
        />
      )}
    </FilterPanel>
  );
}
