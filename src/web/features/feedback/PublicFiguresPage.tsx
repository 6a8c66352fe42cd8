import {
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { FeedbackFigures } from "../../../contracts/feedback";
import { withQuery } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { PublicFrame } from "../public/PublicFrame";
import { useFeedbackFigures } from "./feedback.api";
import { NO_PLACE, type PlacePath, PlacePicker, pathTo } from "./PlacePicker";

type Figures = z.infer<typeof FeedbackFigures>;
type Counts = Figures["totals"];

/** Cambodia's year now, and the five before it. */
const THIS_YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(THIS_YEAR - i));

/**
 * /public/feedback/figures — how many messages each place received and how fast they were answered,
 * for anyone: never a message's words, never the child-protection queue (issue 5, part 8).
 */
export function PublicFiguresPage() {
  const { t } = useTranslation("feedback");
  usePageTitle(t("figures.title"));
  const format = useFormat();
  const [where, setWhere] = useState<PlacePath>(NO_PLACE);
  const [year, setYear] = useState(String(THIS_YEAR));
  const figures = useFeedbackFigures(where.commune ?? where.district ?? where.province, Number(year));
  /** A row's place below the one shown: pick it in the lists. */
  const openArea = (code: string) => setWhere(pathTo(code));

  return (
    <PublicFrame>
      <Stack gap="md">
        <Title order={1} fz="h2">
          {t("figures.title")}
        </Title>
        <Text>{t("figures.intro")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <PlacePicker
            value={where}
            onChange={setWhere}
            placeholders={{ province: t("figures.wholeCountry"), below: t("figures.all") }}
          />
          <Select
            label={t("figures.year")}
            data={YEARS.map((value) => ({ value, label: format.digits(value) }))}
            value={year}
            onChange={(value) => setYear(value ?? String(THIS_YEAR))}
            allowDeselect={false}
          />
        </SimpleGrid>
        {figures.error && <ErrorAlert error={figures.error} />}
        {figures.data && <FiguresView figures={figures.data} onOpen={openArea} />}
      </Stack>
    </PublicFrame>
  );
}

function FiguresView({ figures, onOpen }: { figures: Figures; onOpen: (code: string) => void }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const where = figures.place ? format.name(figures.place) : t("figures.cambodia");
  const csv = withQuery("/api/public/v1/feedback/figures.csv", {
    place: figures.place?.code,
    year: figures.year,
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="h3">
          {t("figures.heading", { place: where, year: format.digits(String(figures.year)) })}
        </Title>
        <Button
          component="a"
          href={csv}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
        >
          {t("figures.csv")}
        </Button>
      </Group>
      {figures.totals.received === 0 && figures.totals.overdueNow === 0 ? (
        <Text c="dimmed">{t("figures.none")}</Text>
      ) : (
        <Totals counts={figures.totals} />
      )}
      {figures.areas.length > 0 && (
        <Card withBorder padding="sm">
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover aria-label={t("figures.areas")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("figures.place")}</Table.Th>
                  <Table.Th ta="right">{t("figures.received")}</Table.Th>
                  <Table.Th ta="right">{t("figures.onTime")}</Table.Th>
                  <Table.Th ta="right">{t("figures.meanDays")}</Table.Th>
                  <Table.Th ta="right">{t("figures.overdueNow")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.areas.map((area) => (
                  <Table.Tr key={area.place.code}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => onOpen(area.place.code)}>
                        {format.name(area.place)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(area.received)}</Table.Td>
                    <Table.Td ta="right">{share(area, format.number)}</Table.Td>
                    <Table.Td ta="right">
                      {area.meanDaysToAnswer === null ? "–" : format.number(area.meanDaysToAnswer)}
                    </Table.Td>
                    <Table.Td ta="right">{format.number(area.overdueNow)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="sm">
          <Title order={3} fz="h5" mb="xs">
            {t("figures.bySector")}
          </Title>
          <Stack gap={6}>
            {figures.bySector.map((row) => (
              <Bar
                key={row.sectorCode ?? "none"}
                label={t(`form.sectors.${row.sectorCode ?? "none"}`)}
                value={row.received}
                of={figures.totals.received}
              />
            ))}
          </Stack>
        </Card>
        <Card withBorder padding="sm">
          <Title order={3} fz="h5" mb="xs">
            {t("figures.byTopic")}
          </Title>
          <Stack gap={6}>
            {figures.byTopic.map((row) => (
              <Bar
                key={row.topic}
                label={t(`topics.${row.topic}`)}
                value={row.received}
                of={figures.totals.received}
              />
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t("figures.note")}
      </Text>
    </Stack>
  );
}

/** "83 %" of messages answered on time, or a dash before any answer. */
function share(counts: Counts, number: (n: number, options?: Intl.NumberFormatOptions) => string) {
  return counts.answered === 0 ? "–" : number(counts.answeredOnTime / counts.answered, { style: "percent" });
}

function Totals({ counts }: { counts: Counts }) {
  const { t } = useTranslation("feedback");
  const format = useFormat();
  const tiles = [
    [t("figures.received"), format.number(counts.received)],
    [t("figures.answered"), format.number(counts.answered)],
    [t("figures.onTime"), share(counts, format.number)],
    [t("figures.meanDays"), counts.meanDaysToAnswer === null ? "–" : format.number(counts.meanDaysToAnswer)],
    [t("figures.escalated"), format.number(counts.escalated)],
    [t("figures.overdueNow"), format.number(counts.overdueNow)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
      {tiles.map(([label, value]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fz="xl" fw={700}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Bar({ label, value, of }: { label: string; value: number; of: number }) {
  const format = useFormat();
  return (
    <div>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {format.number(value)}
        </Text>
      </Group>
      <Progress value={of === 0 ? 0 : (value / of) * 100} aria-hidden size="sm" />
    </div>
  );
}
