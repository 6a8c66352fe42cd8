import { Button, Card, SegmentedControl, Skeleton, Stack, Text } from "@mantine/core";
import { IconClipboardList } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { NotFoundPage } from "../../app/shell";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { type Kind, useCreateCard, useCycleCards } from "./scorecards.api";

/** /scorecards/cycle/:cycleId/:kind — opens the cycle's card of that kind, or creates it when the user may. */
export function OpenCardPage() {
  const { cycleId = "", kind = "" } = useParams();
  if (kind !== "community" && kind !== "self") return <NotFoundPage />;
  return <OpenCard cycleId={cycleId} kind={kind} />;
}

function OpenCard({ cycleId, kind }: { cycleId: string; kind: Kind }) {
  const { t } = useTranslation("scorecards");
  const cards = useCycleCards(cycleId);
  const create = useCreateCard(cycleId);
  const navigate = useNavigate();
  const [mode, setMode] = useState<"individual" | "tally">("individual");
  const existing = cards.data?.[kind];
  const mayCreate = kind === "community" ? cards.data?.can.createCommunity : cards.data?.can.createSelf;

  useEffect(() => {
    if (create.data) navigate(`/scorecards/${create.data.id}`, { replace: true });
  }, [create.data, navigate]);

  if (cards.error) return <ErrorAlert error={cards.error} onRetry={() => cards.refetch()} />;
  if (!cards.data) {
    return (
      <Stack aria-busy="true" aria-label={t("common:states.loading")}>
        <Skeleton h={36} w={260} />
        <Skeleton h={160} />
      </Stack>
    );
  }
  if (existing) return <Navigate to={`/scorecards/${existing.id}`} replace />;

  return (
    <>
      <PageHeader title={t(`kind.${kind}`)} />
      {mayCreate ? (
        <Card withBorder maw={520}>
          <Stack>
            <Text>{t(`open.createIntro.${kind}`)}</Text>
            <Stack gap={4}>
              <Text fw={500} id="mode-label">
                {t("meeting.mode")}
              </Text>
              <SegmentedControl
                aria-labelledby="mode-label"
                fullWidth
                value={mode}
                onChange={(value) => setMode(value as typeof mode)}
                data={[
                  { value: "individual", label: t("mode.individual") },
                  { value: "tally", label: t("mode.tally") },
                ]}
              />
              <Text size="sm" c="dimmed">
                {t(`mode.${mode}Help`)}
              </Text>
            </Stack>
            {create.error && <ErrorAlert error={create.error} />}
            <Button size="md" loading={create.isPending} onClick={() => create.mutate({ kind, mode })}>
              {t(`open.create.${kind}`)}
            </Button>
          </Stack>
        </Card>
      ) : (
        <EmptyState
          icon={<IconClipboardList aria-hidden size={28} />}
          title={t(`open.none.${kind}`)}
          description={
            kind === "self" && !cards.data.community ? t("open.selfNeedsCommunity") : t("open.notAllowed")
          }
        >
          <Button component={Link} to={`/cycles/${cycleId}`} variant="default">
            {t("open.toCycle")}
          </Button>
        </EmptyState>
      )}
    </>
  );
}
