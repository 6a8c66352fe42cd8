import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text } from "@mantine/core";
import { IconCopy, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton";
import { ListStates } from "../../components/ListStates";
import { PageHeader } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { useCan } from "../auth/session";
import { AudioButtons, AudioUpload } from "./CatalogueAudio";
import { DuplicateModal, IndicatorModal } from "./IndicatorModals";
import { type IndicatorBody, useIndicatorChange, useIndicators, useRatingScale } from "./isaf.api";
import { IndicatorStatusBadge, SECTORS } from "./labels";

/** /catalogue — the indicators citizens score, per sector, with review of proposed ones and audio. */
export function CataloguePage() {
  const { t } = useTranslation("isaf");
  const can = useCan();
  const manage = can("catalogue:manage");
  const indicators = useIndicators();
  const [tab, setTab] = useState<string | null>("PS");
  const [adding, setAdding] = useState(false);
  const proposed = (indicators.data ?? []).filter((i) => i.status === "proposed");

  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t("catalogue.add")}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {SECTORS.map((sector) => (
            <Tabs.Tab key={sector} value={sector}>
              {t(`sectors.${sector}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab
            value="proposed"
            rightSection={
              proposed.length ? (
                <Badge size="xs" color="yellow">
                  {proposed.length}
                </Badge>
              ) : undefined
            }
          >
            {t("catalogue.proposed")}
          </Tabs.Tab>
          <Tabs.Tab value="scale">{t("catalogue.scale")}</Tabs.Tab>
        </Tabs.List>
        {[...SECTORS, "proposed"].map((value) => (
          <Tabs.Panel key={value} value={value}>
            <ListStates
              query={indicators}
              rowHeight={64}
              isEmpty={(items) =>
                !items.some((i) => (value === "proposed" ? i.status === "proposed" : i.sectorCode === value))
              }
              empty={
                <Alert color="gray">
                  {value === "proposed" ? t("catalogue.noProposed") : t("catalogue.empty")}
                </Alert>
              }
            >
              {(items) => (
                <Stack
                  gap="xs"
                  component="ul"
                  m={0}
                  p={0}
                  style={{ listStyle: "none" }}
                  aria-label={t(value === "proposed" ? "catalogue.proposed" : `sectors.${value}`)}
                >
                  {items
                    .filter((i) => (value === "proposed" ? i.status === "proposed" : i.sectorCode === value))
                    .map((indicator) => (
                      <IndicatorRow key={indicator.id} indicator={indicator} all={items} manage={manage} />
                    ))}
                </Stack>
              )}
            </ListStates>
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="scale">
          <RatingScalePanel manage={manage} />
        </Tabs.Panel>
      </Tabs>
      {adding && (
        <IndicatorModal
          sector={SECTORS.includes(tab as "PS") ? (tab as string) : "PS"}
          onClose={() => setAdding(false)}
        />
      )}
    </>
  );
}

function IndicatorRow({
  indicator,
  all,
  manage,
}: {
  indicator: IndicatorBody;
  all: IndicatorBody[];
  manage: boolean;
}) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const change = useIndicatorChange();
  const [modal, setModal] = useState<"edit" | "duplicate" | null>(null);
  const setStatus = (status: string) =>
    change.mutateAsync({ id: indicator.id, path: "status", body: { status, version: indicator.version } });
  const dimmed = indicator.status === "retired" || indicator.status === "duplicate";

  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={dimmed ? "gray.0" : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text ff="monospace" size="sm" fw={700}>
            {indicator.code}
          </Text>
          <IndicatorStatusBadge status={indicator.status} />
          {indicator.nameEnIsTranslation && format.language === "en" && (
            <Badge variant="outline" color="gray" size="xs" tt="none">
              {t("catalogue.ourTranslation")}
            </Badge>
          )}
        </Group>
        <Text fw={600} lang="km">
          {indicator.nameKm}
        </Text>
        <Text size="sm" c="dimmed" lang="en">
          {indicator.nameEn}
        </Text>
        {indicator.duplicateOf && (
          <Alert color="orange" variant="light" p="xs" icon={<IconCopy size={16} aria-hidden />}>
            <Text size="sm">
              {t("catalogue.duplicateOf", {
                code: indicator.duplicateOf.code,
                name: format.name(indicator.duplicateOf),
              })}
            </Text>
            {indicator.sourceNote && (
              <Text size="xs" c="dimmed">
                {indicator.sourceNote}
              </Text>
            )}
          </Alert>
        )}
        {!indicator.duplicateOf && indicator.sourceNote && (
          <Text size="xs" c="dimmed">
            {indicator.sourceNote}
          </Text>
        )}
        <AudioButtons
          owner="indicator"
          ownerKey={indicator.id}
          languages={indicator.audioLanguages}
          label={indicator.code}
        />
        {manage && (
          <Group gap="xs" wrap="wrap">
            {indicator.status === "proposed" && (
              <Button size="xs" color="green" onClick={() => setStatus("active")} loading={change.isPending}>
                {t("catalogue.accept")}
              </Button>
            )}
            {(indicator.status === "retired" || indicator.status === "duplicate") && (
              <Button
                size="xs"
                variant="light"
                onClick={() => setStatus("active")}
                loading={change.isPending}
              >
                {t("catalogue.reactivate")}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setModal("edit")}>
              {t("actions.edit")}
            </Button>
            {indicator.status !== "duplicate" && (
              <Button size="xs" variant="default" onClick={() => setModal("duplicate")}>
                {t("catalogue.markDuplicate")}
              </Button>
            )}
            {indicator.status !== "retired" && (
              <ConfirmButton
                size="xs"
                variant="light"
                message={t("catalogue.retireConfirm", { code: indicator.code })}
                onConfirm={() => setStatus("retired")}
              >
                {t("catalogue.retire")}
              </ConfirmButton>
            )}
            <AudioUpload owner="indicator" ownerKey={indicator.id} label={indicator.code} />
          </Group>
        )}
        {change.error !== null && (
          <Text c="red" size="sm" role="alert">
            {(change.error as Error).message}
          </Text>
        )}
      </Stack>
      {modal === "edit" && <IndicatorModal indicator={indicator} onClose={() => setModal(null)} />}
      {modal === "duplicate" && (
        <DuplicateModal indicator={indicator} all={all} onClose={() => setModal(null)} />
      )}
    </Paper>
  );
}

function RatingScalePanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const scale = useRatingScale();
  return (
    <ListStates query={scale} rowHeight={48} isEmpty={(items) => items.length === 0} empty={null}>
      {(items) => (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: "none" }}
          aria-label={t("catalogue.scale")}
        >
          {items.map((point) => (
            <Paper component="li" key={point.value} withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="wrap">
                <Group gap="sm">
                  <Text fz={28} aria-hidden>
                    {["😠", "🙁", "😐", "🙂", "😀"][point.value - 1]}
                  </Text>
                  <Stack gap={0}>
                    <Text fw={700}>
                      {format.number(point.value)} ·{" "}
                      {format.language === "km" ? point.labelKm : point.labelEn}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {format.language === "km" ? point.labelEn : point.labelKm}
                    </Text>
                  </Stack>
                </Group>
                <Group gap="xs">
                  <AudioButtons
                    owner="rating"
                    ownerKey={String(point.value)}
                    languages={point.audioLanguages}
                    label={point.labelEn}
                  />
                  {manage && (
                    <AudioUpload owner="rating" ownerKey={String(point.value)} label={point.labelEn} />
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </ListStates>
  );
}
