import { Button, Card, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { type RecordedCard, useCardChange } from "./scorecards.api";
import { AGE_BAND_ORDER } from "./scorecards.labels";

const SEXES = ["female", "male"] as const;
const COLUMNS = ["count", "disability", "ethnicMinority", "idPoor"] as const;
type Cell = Record<(typeof COLUMNS)[number], number>;
type Grid = Record<string, Cell>;

function gridOf(card: RecordedCard): Grid {
  const grid: Grid = {};
  for (const sex of SEXES) {
    for (const band of AGE_BAND_ORDER)
      grid[`${sex}|${band}`] = { count: 0, disability: 0, ethnicMinority: 0, idPoor: 0 };
  }
  for (const row of card.tallies) grid[`${row.sex}|${row.ageBand}`] = { ...row };
  return grid;
}

/** Tally mode: people counted by sex × age band, with how many of them have each profile. */
export function TallyGrid({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const [grid, setGrid] = useState<Grid>(() => gridOf(card));
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors : {};
  const rows = Object.entries(grid).map(([key, cell]) => {
    const [sex, ageBand] = key.split("|");
    return { sex, ageBand, ...cell };
  });
  const total = (sex: string) =>
    rows.filter((row) => row.sex === sex).reduce((sum, row) => sum + row.count, 0);
  const set = (key: string, column: (typeof COLUMNS)[number], value: number | string) =>
    setGrid((current) => ({
      ...current,
      [key]: { ...current[key]!, [column]: typeof value === "number" ? value : 0 },
    }));

  return (
    <Stack>
      {SEXES.map((sex) => (
        <Card key={sex} withBorder padding="sm">
          <Title order={3} fz="h4" mb="xs">
            {t(`tally.${sex}`)} · {format.number(total(sex))}
          </Title>
          <SimpleGrid cols={4} spacing={6} mb={4} aria-hidden>
            {COLUMNS.map((column) => (
              <Text key={column} size="xs" c="dimmed" lh={1.2}>
                {t(`tally.columns.${column}`)}
              </Text>
            ))}
          </SimpleGrid>
          <Stack gap={8}>
            {AGE_BAND_ORDER.map((band) => {
              const key = `${sex}|${band}`;
              const index = rows.findIndex((row) => row.sex === sex && row.ageBand === band);
              return (
                <div key={band}>
                  <Text size="sm" fw={500}>
                    {t(`ageBands.${band}`)}
                  </Text>
                  <SimpleGrid cols={4} spacing={6}>
                    {COLUMNS.map((column) => {
                      const cell = grid[key]!;
                      const tooMany = column !== "count" && cell[column] > cell.count;
                      return (
                        <NumberInput
                          key={column}
                          size="sm"
                          min={0}
                          allowDecimal={false}
                          allowNegative={false}
                          hideControls
                          inputMode="numeric"
                          aria-label={`${t(`tally.${sex}`)} ${t(`ageBands.${band}`)}: ${t(`tally.columns.${column}`)}`}
                          value={cell[column]}
                          onChange={(value) => set(key, column, value)}
                          disabled={!card.can.edit}
                          error={tooMany || Boolean(fieldErrors[`rows.${index}.${column}`])}
                        />
                      );
                    })}
                  </SimpleGrid>
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t("tally.profileHelp")}
      </Text>
      {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
      {card.can.edit && (
        <Button
          size="md"
          loading={change.isPending}
          onClick={() =>
            change.mutate({ method: "PUT", path: "/tallies", body: { rows, version: card.version } })
          }
        >
          {t("tally.save")}
        </Button>
      )}
      {change.isSuccess && (
        <Text role="status" c="green" size="sm">
          {t("saved")}
        </Text>
      )}
    </Stack>
  );
}
