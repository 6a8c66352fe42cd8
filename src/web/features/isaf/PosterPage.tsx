import { Anchor, Button, Group, SegmentedControl, Skeleton } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/PageHeader";
import { useFormat } from "../../i18n/format";
import { shortfall } from "./i4c-compare";
import { type CycleBody, type PackBody, useCycle, useI4c } from "./isaf.api";
import classes from "./Poster.module.css";

/** /cycles/:id/i4c/poster?size=A4|A3 — the I4C pack as a printable poster (Chromium's print to PDF). */
export function PosterPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const size = params.get("size") === "A3" ? "A3" : "A4";
  const cycle = useCycle(id);
  const pack = useI4c(id);
  const error = cycle.error ?? pack.error;
  if (error) return <ErrorAlert error={error} />;
  if (!cycle.data || !pack.data) return <Skeleton h={600} />;
  return (
    <Poster
      cycle={cycle.data}
      pack={pack.data}
      size={size}
      onSize={(next) => setParams({ size: next }, { replace: true })}
    />
  );
}

function Poster({
  cycle,
  pack,
  size,
  onSize,
}: {
  cycle: CycleBody;
  pack: PackBody;
  size: "A4" | "A3";
  onSize: (size: string) => void;
}) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const name = format.name(cycle.facility);
  usePageTitle(`${t("poster.title")} · ${name}`);
  const place = [...cycle.facility.path]
    .reverse()
    .map((p) => format.name(p))
    .join(" › ");

  return (
    <>
      <style>{`@page { size: ${size} portrait; margin: 12mm; }`}</style>
      <Group className={classes.toolbar} justify="space-between" mb="md" wrap="wrap">
        <Anchor component={Link} to={`/cycles/${cycle.id}/i4c`}>
          ‹ {t("i4c.title")}
        </Anchor>
        <Group gap="xs">
          <SegmentedControl
            value={size}
            onChange={onSize}
            data={["A4", "A3"]}
            aria-label={t("poster.size")}
          />
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t("poster.print")}
          </Button>
        </Group>
      </Group>
      <article className={classes.poster} data-size={size} aria-label={t("poster.title")}>
        <header className={classes.header}>
          <p className={classes.kicker}>
            {t("poster.title")} · {format.digits(String(cycle.year))}
          </p>
          <h1 className={classes.name}>{name}</h1>
          <p className={classes.place}>{place}</p>
        </header>
        <table className={classes.table}>
          <thead>
            <tr>
              <th scope="col">{t("poster.what")}</th>
              <th scope="col">{t("i4c.standard")}</th>
              <th scope="col">{t("poster.here")}</th>
            </tr>
          </thead>
          <tbody>
            {pack.items.map((item) => {
              const short = shortfall(item.standardValue, item.actualValue);
              return (
                <tr key={item.id} className={short ? classes.short : undefined}>
                  <th scope="row">{format.language === "km" ? item.labelKm : item.labelEn}</th>
                  <td>
                    {format.digits(item.standardValue)} {item.unit}
                  </td>
                  <td>
                    {format.digits(item.actualValue)} {item.unit}
                    {short && <span className={classes.flag}>⚠ {t("poster.shortfall")}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pack.budgetSummary && (
          <section className={classes.block}>
            <h2>{t("i4c.budget")}</h2>
            <p>{pack.budgetSummary}</p>
          </section>
        )}
        {pack.notes && (
          <section className={classes.block}>
            <h2>{t("i4c.notes")}</h2>
            <p>{pack.notes}</p>
          </section>
        )}
        <footer className={classes.footer}>
          {pack.publishedAt
            ? t("i4c.publishedOn", { date: format.date(pack.publishedAt) })
            : t("i4c.notPublished")}{" "}
          · {format.name(cycle.programme)}
        </footer>
      </article>
    </>
  );
}
