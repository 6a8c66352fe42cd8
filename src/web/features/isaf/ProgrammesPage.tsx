import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { ResponsiveList } from "../../components/ResponsiveList";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { type ProgrammeSummary, useProgrammes } from "./isaf.api";

/** /programmes — the social-accountability programmes, and a way to start one. */
export function ProgrammesPage() {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const can = useCan();
  const programmes = useProgrammes();
  const manage = can("programme:manage");
  const years = (p: ProgrammeSummary) => format.digits(`${p.startYear}–${p.endYear}`);
  const name = (p: ProgrammeSummary) => (
    <Stack gap={0}>
      <Anchor component={Link} to={`/programmes/${p.id}`} fw={600}>
        {format.name(p)}
      </Anchor>
      <Text size="xs" c="dimmed" lang={format.language === "km" ? "en" : "km"}>
        {format.otherName(p)}
      </Text>
    </Stack>
  );
  const newButton = manage && (
    <Button component={Link} to="/programmes/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t("programmes.new")}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t("programmes.title")}
        description={t("programmes.description")}
        actions={newButton}
      />
      <ListStates
        query={programmes}
        rowHeight={56}
        isEmpty={(items) => items.length === 0}
        empty={
          <EmptyState title={t("programmes.emptyTitle")} description={t("programmes.empty")}>
            {newButton}
          </EmptyState>
        }
      >
        {(items) => (
          <ResponsiveList
            items={items}
            itemKey={(p) => p.id}
            label={t("programmes.title")}
            minWidth={720}
            columns={[
              { key: "name", header: t("programmes.name"), cell: name },
              { key: "years", header: t("programmes.years"), cell: years },
              {
                key: "lead",
                header: t("programmes.lead"),
                cell: (p) => (p.leadOrganisation ? format.name(p.leadOrganisation) : "—"),
              },
              {
                key: "communes",
                header: t("programmes.communes"),
                cell: (p) => format.number(p.communeCount),
              },
              { key: "cycles", header: t("programmes.cycles"), cell: (p) => format.number(p.cycleCount) },
            ]}
            card={(p) => (
              <Stack gap={4}>
                {name(p)}
                <Group gap="xs">
                  <Badge variant="light" tt="none">
                    {years(p)}
                  </Badge>
                  <Text size="sm">
                    {t("programmes.countLine", {
                      communes: format.number(p.communeCount),
                      cycles: format.number(p.cycleCount),
                    })}
                  </Text>
                </Group>
                {p.leadOrganisation && <Text size="sm">{format.name(p.leadOrganisation)}</Text>}
              </Stack>
            )}
          />
        )}
      </ListStates>
    </>
  );
}
