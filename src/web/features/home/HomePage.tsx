import {
  Anchor,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconBuildingCommunity, IconMapPin, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan, useMe } from "../auth/session";
import {
  type FacilityCountsBody,
  type FacilityReference,
  useFacilityCounts,
  useFacilityReference,
} from "./home.api";

function StatCard({ label, value, to }: { label: string; value: string; to: string }) {
  return (
    <Card component={Link} to={to} withBorder radius="md" padding="md" style={{ textDecoration: "none" }}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed" lh={1.5}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.3} c="teal.8">
          {value}
        </Text>
      </Stack>
    </Card>
  );
}

function Counts({ counts, reference }: { counts: FacilityCountsBody; reference: FacilityReference }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byKind = new Map(counts.byKind.map((row) => [row.kindCode, row.count]));
  // Kinds in the registry's order; kinds only the counts know (none expected) are kept at the end.
  const kinds = [
    ...reference.kinds.map((kind) => ({ code: kind.code, label: format.name(kind) })),
    ...counts.byKind
      .filter((row) => !reference.kinds.some((kind) => kind.code === row.kindCode))
      .map((row) => ({ code: row.kindCode, label: row.kindCode })),
  ];

  return (
    <Stack gap="xl">
      <section aria-labelledby="by-kind">
        <Title order={2} fz="h4" id="by-kind" mb="sm">
          {t("home.byKindTitle")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
          <StatCard label={t("home.total")} value={format.number(counts.total)} to="/facilities" />
          {kinds.map((kind) => (
            <StatCard
              key={kind.code}
              label={kind.label}
              value={format.number(byKind.get(kind.code) ?? 0)}
              to={`/facilities?kind=${encodeURIComponent(kind.code)}`}
            />
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="by-province">
        <Title order={2} fz="h4" id="by-province" mb="sm">
          {t("home.byProvinceTitle")}
        </Title>
        <Paper withBorder radius="md">
          <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="by-province">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("home.province")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("home.count")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.byProvince.map((row) => (
                <Table.Tr key={row.province.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/facilities?place=${row.province.code}`}>
                      {format.name(row.province)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                    {format.number(row.count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </section>
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const counts = useFacilityCounts();
  const reference = useFacilityReference();
  const error = counts.error ?? reference.error;

  return (
    <>
      <PageHeader title={t("home.welcome", { name: me.displayName })} description={t("home.intro")} />
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            void counts.refetch();
            void reference.refetch();
          }}
        />
      ) : !counts.data || !reference.data ? (
        <SimpleGrid
          cols={{ base: 2, sm: 3, lg: 4 }}
          spacing="sm"
          aria-busy="true"
          aria-label={t("states.loading")}
        >
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} h={96} radius="md" />
          ))}
        </SimpleGrid>
      ) : counts.data.total === 0 ? (
        <EmptyState
          title={t("home.emptyTitle")}
          description={t("home.emptyText")}
          icon={<IconBuildingCommunity aria-hidden size={28} />}
        >
          <Group gap="sm" justify="center">
            {can("facility:create") && (
              <Button component={Link} to="/facilities/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t("home.addFacility")}
              </Button>
            )}
            <Button
              component={Link}
              to="/places"
              variant="default"
              leftSection={<IconMapPin size={16} aria-hidden />}
            >
              {t("home.browsePlaces")}
            </Button>
          </Group>
        </EmptyState>
      ) : (
        <Counts counts={counts.data} reference={reference.data} />
      )}
    </>
  );
}
