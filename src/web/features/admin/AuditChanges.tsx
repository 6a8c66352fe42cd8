import { Code, Table, Text } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { useOrganisations } from "./admin.api";
import { useAdminLabels } from "./admin.labels";
import { PlaceName } from "./PlaceName";

interface FieldChange {
  from: unknown;
  to: unknown;
}

function isFieldChange(value: unknown): value is FieldChange {
  return (
    typeof value === "object" &&
    value !== null &&
    "from" in value &&
    "to" in value &&
    Object.keys(value).length === 2
  );
}

function isArea(value: unknown): value is { national: boolean; codes: string[] } {
  return typeof value === "object" && value !== null && "national" in value && "codes" in value;
}

/** Place codes as their names, separated by commas. */
function PlaceNames({ codes }: { codes: string[] }) {
  return (
    <>
      {codes.map((code, index) => (
        <Fragment key={code}>
          {index > 0 && ", "}
          <PlaceName code={code} />
        </Fragment>
      ))}
    </>
  );
}

/**
 * A value of a changed field in words: role, kind, organisation and place names, yes/no, or JSON for
 * anything else.
 */
function useValueText() {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const format = useFormat();
  const organisations = useOrganisations();
  const organisationName = (id: string) => {
    const organisation = organisations.data?.find((item) => item.id === id);
    return organisation ? format.name(organisation) : id;
  };
  return (field: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === "") return t("audit.empty");
    if (typeof value === "boolean") return value ? t("audit.yes") : t("audit.no");
    if (field === "roles" && Array.isArray(value))
      return value.map((role) => labels.role(String(role))).join(", ");
    if (field === "kind" && typeof value === "string") return labels.kind(value);
    if (field === "locale" && (value === "km" || value === "en")) return t(`common:language.${value}Label`);
    if (field === "organisationId" && typeof value === "string") return organisationName(value);
    if (field === "placeCode" && typeof value === "string") return <PlaceName code={value} />;
    if (field === "area" && isArea(value))
      return value.national ? t("area.national") : <PlaceNames codes={value.codes.map(String)} />;
    if (typeof value === "string" || typeof value === "number") return String(value);
    return JSON.stringify(value);
  };
}

/**
 * What an audit event changed: field changes ({field: {from, to}}) as a small before → after table,
 * anything else as formatted JSON.
 */
export function AuditChanges({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation("admin");
  const labels = useAdminLabels();
  const valueText = useValueText();

  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("audit.noChanges")}
      </Text>
    );
  }
  const fieldChanges = entries.filter((entry): entry is [string, FieldChange] => isFieldChange(entry[1]));
  const rest = Object.fromEntries(entries.filter(([, value]) => !isFieldChange(value)));

  return (
    <>
      {fieldChanges.length > 0 && (
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          fz="sm"
          aria-label={t("audit.changesTable")}
        >
          <Table.Thead>
            {/* Headings stay on one line: on a phone, Khmer would otherwise break "before" between syllables. */}
            <Table.Tr style={{ whiteSpace: "nowrap" }}>
              <Table.Th scope="col">{t("audit.field")}</Table.Th>
              <Table.Th scope="col">{t("audit.before")}</Table.Th>
              <Table.Th scope="col">{t("audit.after")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fieldChanges.map(([field, change]) => (
              <Table.Tr key={field}>
                <Table.Th scope="row" fw={500}>
                  {labels.field(field)}
                </Table.Th>
                <Table.Td c="dimmed">{valueText(field, change.from)}</Table.Td>
                <Table.Td>{valueText(field, change.to)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {Object.keys(rest).length > 0 && (
        <Code
          block
          mt={fieldChanges.length > 0 ? "sm" : 0}
          aria-label={t("audit.rawChanges")}
          style={{ whiteSpace: "pre-wrap" }}
        >
          {JSON.stringify(rest, null, 2)}
        </Code>
      )}
    </>
  );
}
