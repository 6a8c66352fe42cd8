import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  NumberInput,
  Radio,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconTrash, IconVolume } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ListStates } from "../../components/ListStates";
import { useFormat } from "../../i18n/format";
import { useOnline } from "../../offline/useOnline";
import { StepTitle } from "./StepParts";
import {
  audioLanguage,
  playAudio,
  type RecordedCard,
  type Scorecard,
  useCardChange,
  useCatalogue,
} from "./scorecards.api";

/** Step 3 (community): the issues people raise, from the catalogue or in their own words, each with who raised it. */
export function IssuesStep({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  return (
    <Stack>
      <StepTitle help={t("issues.help")}>{t("steps.issues")}</StepTitle>
      {card.can.edit && <RaiseIssue card={card} />}
      <RaisedList card={card} />
    </Stack>
  );
}

function RaiseIssue({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const catalogue = useCatalogue(card.cycle.sectorCode, card.cycle.programme.id);
  const change = useCardChange(card.id);
  const online = useOnline();
  const [source, setSource] = useState<"catalogue" | "words">("catalogue");
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [words, setWords] = useState("");
  const [raisedBy, setRaisedBy] = useState<string[]>([]);
  const [count, setCount] = useState<number | string>(1);
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors : {};
  const chosen = source === "catalogue" ? Boolean(indicatorId) : words.trim().length > 0;
  const who = card.mode === "individual" ? raisedBy.length > 0 : typeof count === "number" && count > 0;

  const record = async () => {
    const body = {
      ...(source === "catalogue" ? { indicatorId } : { ownWords: { nameKm: words.trim() } }),
      ...(card.mode === "individual" ? { participantNumbers: raisedBy.map(Number) } : { count }),
    };
    await change.mutateAsync({ method: "POST", path: "/issues", body });
    setIndicatorId(null);
    setWords("");
    setRaisedBy([]);
    setCount(1);
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          aria-label={t("issues.sourceLabel")}
          value={source}
          onChange={(value) => setSource(value as typeof source)}
          data={[
            { value: "catalogue", label: t("issues.fromCatalogue") },
            // Own words add an indicator to the catalogue on the server: they need a connection.
            { value: "words", label: t("issues.ownWords"), disabled: !online },
          ]}
        />
        {!online && (
          <Text size="sm" c="dimmed">
            {t("issues.ownWordsOffline")}
          </Text>
        )}
        {source === "catalogue" ? (
          <ListStates
            query={catalogue}
            rowHeight={40}
            isEmpty={(data) => data.items.length === 0}
            empty={<Text c="dimmed">{t("issues.catalogueEmpty")}</Text>}
          >
            {(data) => (
              <Radio.Group
                value={indicatorId}
                onChange={setIndicatorId}
                label={t("issues.indicator")}
                error={fieldErrors.indicatorId}
              >
                <ScrollArea.Autosize mah={360} type="auto" mt={4}>
                  <Stack gap={6}>
                    {data.items.map((indicator) => {
                      const language = audioLanguage(indicator.audioLanguages, format.language);
                      return (
                        <Group key={indicator.id} gap={6} wrap="nowrap" align="flex-start">
                          <Radio
                            value={indicator.id}
                            label={`${indicator.code} · ${format.name(indicator)}`}
                            style={{ flex: 1 }}
                          />
                          {language && (
                            <ActionIcon
                              variant="light"
                              size="lg"
                              aria-label={t("issues.play", { name: format.name(indicator) })}
                              onClick={() =>
                                playAudio(`/api/v1/indicators/${indicator.id}/audio/${language}`)
                              }
                            >
                              <IconVolume size={18} aria-hidden />
                            </ActionIcon>
                          )}
                        </Group>
                      );
                    })}
                  </Stack>
                </ScrollArea.Autosize>
              </Radio.Group>
            )}
          </ListStates>
        ) : (
          <TextInput
            label={t("issues.wordsLabel")}
            description={t("issues.wordsHelp")}
            value={words}
            onChange={(event) => setWords(event.currentTarget.value)}
            maxLength={200}
            size="md"
            error={fieldErrors["ownWords.nameKm"]}
          />
        )}
        {card.mode === "individual" ? (
          card.participants.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("issues.registerFirst")}
            </Text>
          ) : (
            <Stack gap={4}>
              <Text fw={500} size="sm" id="raised-by">
                {t("issues.raisedBy")}
              </Text>
              <Chip.Group multiple value={raisedBy} onChange={setRaisedBy}>
                <Group gap={6} role="group" aria-labelledby="raised-by">
                  {card.participants.map((participant) => (
                    <Chip key={participant.number} value={String(participant.number)}>
                      #{format.number(participant.number)} {t(`sexShort.${participant.sex}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
          )
        ) : (
          <NumberInput
            label={t("issues.count")}
            min={1}
            allowDecimal={false}
            value={count}
            onChange={setCount}
            size="md"
          />
        )}
        {change.error !== null && <ErrorAlert error={change.error} withFieldErrors />}
        <Button
          size="md"
          disabled={!chosen || !who}
          loading={change.isPending}
          onClick={() => void record().catch(() => {})}
        >
          {t("issues.record")}
        </Button>
      </Stack>
    </Card>
  );
}

function RaisedList({ card }: { card: RecordedCard }) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  const change = useCardChange(card.id);
  const byIndicator = new Map<string, Scorecard["issues"]>();
  for (const issue of card.issues)
    byIndicator.set(issue.indicator.id, [...(byIndicator.get(issue.indicator.id) ?? []), issue]);
  if (byIndicator.size === 0)
    return <EmptyState title={t("issues.empty")} description={t("issues.emptyHelp")} />;
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={t("issues.listLabel")}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {[...byIndicator.values()].map((issues) => {
        const indicator = issues[0]!.indicator;
        const total = issues.reduce((sum, issue) => sum + issue.count, 0);
        return (
          <Card key={indicator.id} component="li" withBorder padding="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ minWidth: 0 }}>
                {indicator.code} · {format.name(indicator)}
              </Text>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {t("issues.raisedTimes", { n: format.number(total) })}
              </Badge>
            </Group>
            {indicator.status === "proposed" && (
              <Text size="xs" c="dimmed">
                {t("issues.proposed")}
              </Text>
            )}
            <Group gap={6} mt={6}>
              {issues.map((issue) => (
                <Group key={issue.id} gap={2} wrap="nowrap">
                  <Text size="sm">
                    {issue.participantNumber !== null
                      ? `#${format.number(issue.participantNumber)}`
                      : t("issues.counted", { n: format.number(issue.count) })}
                  </Text>
                  {card.can.edit && (
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t("issues.removeLabel", { name: format.name(indicator) })}
                      message={t("issues.removeConfirm", { name: format.name(indicator) })}
                      confirmLabel={t("issues.remove")}
                      onConfirm={() =>
                        change.mutateAsync({ method: "POST", path: `/issues/${issue.id}/remove` })
                      }
                    >
                      <IconTrash size={14} aria-hidden />
                    </ConfirmButton>
                  )}
                </Group>
              ))}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
