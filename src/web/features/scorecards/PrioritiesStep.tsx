import { ActionIcon, Badge, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormat } from "../../i18n/format";
import { StepTitle } from "./StepParts";
import { type Scorecard, useCardChange } from "./scorecards.api";

type Indicator = Scorecard["issues"][number]["indicator"];

/** Step 4 (community): choose the issues to score and put them in order, with up and down buttons. */
export function PrioritiesStep({ card }: { card: Scorecard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const [chosen, setChosen] = useState<string[]>(() => card.priorities.map((p) => p.indicator.id));
  const [confirming, setConfirming] = useState<string | null>(null);
  const raised = new Map<string, { indicator: Indicator; times: number }>();
  for (const issue of card.issues) {
    const entry = raised.get(issue.indicator.id) ?? { indicator: issue.indicator, times: 0 };
    entry.times += issue.count;
    raised.set(issue.indicator.id, entry);
  }
  for (const priority of card.priorities) {
    if (!raised.has(priority.indicator.id))
      raised.set(priority.indicator.id, { indicator: priority.indicator, times: 0 });
  }
  const notChosen = [...raised.values()]
    .filter((entry) => !chosen.includes(entry.indicator.id))
    .sort((a, b) => b.times - a.times);
  const changed = chosen.join() !== card.priorities.map((p) => p.indicator.id).join();
  const move = (index: number, by: -1 | 1) =>
    setChosen((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });

  const save = (discardScores: boolean) =>
    change.mutate(
      {
        method: "PUT",
        path: "/priorities",
        body: { indicatorIds: chosen, discardScores, version: card.version },
      },
      {
        onError: (error) => {
          if (isApiError(error, "priorities_have_scores")) setConfirming(error.detail);
        },
        onSuccess: () => setConfirming(null),
      },
    );

  if (raised.size === 0)
    return (
      <Stack>
        <StepTitle>{t("steps.priorities")}</StepTitle>
        <EmptyState title={t("priorities.noIssues")} description={t("priorities.noIssuesHelp")} />
      </Stack>
    );

  return (
    <Stack>
      <StepTitle help={t("priorities.help")}>{t("steps.priorities")}</StepTitle>
      <Title order={3} fz="h4">
        {t("priorities.chosen")}
      </Title>
      {chosen.length === 0 ? (
        <Text c="dimmed">{t("priorities.noneChosen")}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          aria-label={t("priorities.chosen")}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {chosen.map((id, index) => {
            const indicator = raised.get(id)!.indicator;
            const name = format.name(indicator);
            return (
              <Card key={id} component="li" withBorder padding="xs">
                <Group gap="xs" wrap="nowrap">
                  <Badge size="lg" circle>
                    {format.number(index + 1)}
                  </Badge>
                  <Text style={{ flex: 1, minWidth: 0 }}>{name}</Text>
                  {card.can.edit && (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="light"
                        size="lg"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={t("priorities.up", { name })}
                      >
                        <IconArrowUp size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="light"
                        size="lg"
                        disabled={index === chosen.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={t("priorities.down", { name })}
                      >
                        <IconArrowDown size={18} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        onClick={() => setChosen((list) => list.filter((other) => other !== id))}
                        aria-label={t("priorities.remove", { name })}
                      >
                        <IconX size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {card.can.edit && notChosen.length > 0 && (
        <>
          <Title order={3} fz="h4">
            {t("priorities.raised")}
          </Title>
          <Stack
            gap="xs"
            component="ul"
            aria-label={t("priorities.raised")}
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {notChosen.map(({ indicator, times }) => (
              <Card key={indicator.id} component="li" withBorder padding="xs">
                <Group gap="xs" wrap="nowrap">
                  <Text style={{ flex: 1, minWidth: 0 }}>{format.name(indicator)}</Text>
                  <Badge variant="light">{t("issues.raisedTimes", { n: format.number(times) })}</Badge>
                  <ActionIcon
                    variant="filled"
                    size="lg"
                    onClick={() => setChosen((list) => [...list, indicator.id])}
                    aria-label={t("priorities.add", { name: format.name(indicator) })}
                  >
                    <IconPlus size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
      {change.error !== null && !confirming && <ErrorAlert error={change.error} withFieldErrors />}
      {card.can.edit && (
        <Button
          size="md"
          disabled={!changed}
          loading={change.isPending && !confirming}
          onClick={() => save(false)}
        >
          {t("priorities.save")}
        </Button>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("priorities.discardTitle")}
        centered
      >
        <Stack>
          <Text>{confirming}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
              {t("common:actions.cancel")}
            </Button>
            <Button color="red" loading={change.isPending} onClick={() => save(true)}>
              {t("priorities.discard")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
