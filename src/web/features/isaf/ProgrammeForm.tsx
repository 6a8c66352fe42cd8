import {
  Anchor,
  Button,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { DEFAULT_QUOTA_RULES } from "../../../domain/committee-quota";
import { ApiError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormPanel } from "../../components/FormPanel";
import { PageHeader } from "../../components/PageHeader";
import { PlacePicker } from "../../components/PlacePicker";
import { useFormat } from "../../i18n/format";
import { useOrganisations } from "../admin/admin.api";
import { type ProgrammeBody, useIndicators, useProgramme, useSaveProgramme } from "./isaf.api";
import { SECTORS } from "./labels";

interface Commune {
  code: string;
  nameKm: string;
  nameEn: string;
}

/** /programmes/new */
export function ProgrammeNewPage() {
  return <ProgrammeForm />;
}

/** /programmes/:id/edit */
export function ProgrammeEditPage() {
  const { id = "" } = useParams();
  const programme = useProgramme(id);
  if (programme.error) return <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />;
  if (!programme.data) return <Skeleton h={400} />;
  return <ProgrammeForm programme={programme.data} key={programme.data.version} />;
}

function ProgrammeForm({ programme }: { programme?: ProgrammeBody }) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const indicators = useIndicators();
  const save = useSaveProgramme(programme?.id);
  const year = new Date().getFullYear();
  const [nameKm, setNameKm] = useState(programme?.nameKm ?? "");
  const [nameEn, setNameEn] = useState(programme?.nameEn ?? "");
  const [donor, setDonor] = useState(programme?.donor ?? "");
  const [lead, setLead] = useState<string | null>(programme?.leadOrganisation?.id ?? null);
  const [partners, setPartners] = useState<string[]>(programme?.partners.map((p) => p.id) ?? []);
  const [startYear, setStartYear] = useState<number | string>(programme?.startYear ?? year);
  const [endYear, setEndYear] = useState<number | string>(programme?.endYear ?? year + 3);
  const [communes, setCommunes] = useState<Commune[]>(programme?.communes ?? []);
  const rules = programme?.quotaRules ?? DEFAULT_QUOTA_RULES;
  const [women, setWomen] = useState<number | string>(Math.round(rules.minWomenShare * 100));
  const [youth, setYouth] = useState<number | string>(rules.minYouth);
  const [minority, setMinority] = useState<number | string>(rules.minEthnicMinorityWherePresent);
  const [chosen, setChosen] = useState<string[] | null>(programme?.indicatorIds ?? null);
  const offered = (indicators.data ?? []).filter((i) => i.status === "active" || chosen?.includes(i.id));
  const selected = chosen ?? offered.filter((i) => i.status === "active").map((i) => i.id);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const error = (path: string) => fieldErrors[path];
  const orgOptions = (organisations.data ?? []).map((o) => ({ value: o.id, label: format.name(o) }));
  const title = programme ? t("programmes.edit") : t("programmes.new");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save
      .mutateAsync({
        nameKm,
        nameEn,
        donor,
        leadOrganisationId: lead,
        partnerOrganisationIds: partners,
        startYear: Number(startYear),
        endYear: Number(endYear),
        communeCodes: communes.map((c) => c.code),
        quotaRules: {
          minWomenShare: Number(women) / 100,
          minYouth: Number(youth),
          minEthnicMinorityWherePresent: Number(minority),
        },
        indicatorIds: selected,
        ...(programme ? { version: programme.version } : {}),
      })
      .catch(() => null);
    if (saved) navigate(`/programmes/${saved.id}`);
  };

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={programme ? `/programmes/${programme.id}` : "/programmes"} size="sm">
            ‹ {programme ? format.name(programme) : t("programmes.title")}
          </Anchor>
        }
        title={title}
      />
      <form onSubmit={submit} aria-label={title} noValidate>
        <Stack gap="lg">
          <FormPanel title={t("programmes.about")}>
            <TextInput
              label={t("programmes.nameKm")}
              lang="km"
              required
              value={nameKm}
              onChange={(e) => setNameKm(e.currentTarget.value)}
              error={error("nameKm")}
            />
            <TextInput
              label={t("programmes.nameEn")}
              lang="en"
              required
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={error("nameEn")}
            />
            <TextInput
              label={t("programmes.donor")}
              value={donor}
              onChange={(e) => setDonor(e.currentTarget.value)}
              error={error("donor")}
            />
            <Select
              label={t("programmes.lead")}
              data={orgOptions}
              value={lead}
              onChange={setLead}
              searchable
              clearable
              error={error("leadOrganisationId")}
            />
            <MultiSelect
              label={t("programmes.partners")}
              data={orgOptions}
              value={partners}
              onChange={setPartners}
              searchable
              clearable
            />
            <SimpleGrid cols={2}>
              <NumberInput
                label={t("programmes.startYear")}
                value={startYear}
                onChange={setStartYear}
                min={2000}
                max={2100}
                allowDecimal={false}
                error={error("startYear")}
              />
              <NumberInput
                label={t("programmes.endYear")}
                value={endYear}
                onChange={setEndYear}
                min={2000}
                max={2100}
                allowDecimal={false}
                error={error("endYear")}
              />
            </SimpleGrid>
          </FormPanel>
          <FormPanel
            title={t("programmes.targetCommunes", { count: communes.length })}
            description={t("programmes.communesHelp")}
          >
            <PlacePicker
              label={t("programmes.addCommune")}
              level="commune"
              value={null}
              onChange={(code, place) => {
                if (code && place && !communes.some((c) => c.code === code))
                  setCommunes([...communes, place]);
              }}
              error={error("communeCodes")}
            />
            <Stack
              gap={4}
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-label={t("programmes.communes")}
            >
              {communes.map((commune, index) => (
                <Paper component="li" key={commune.code} withBorder px="sm" py={4} radius="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {format.name(commune)}{" "}
                      <Text span c="dimmed" ff="monospace">
                        {commune.code}
                      </Text>
                    </Text>
                    <CloseButton
                      aria-label={t("programmes.removeCommune", { name: format.name(commune) })}
                      onClick={() => setCommunes(communes.filter((c) => c.code !== commune.code))}
                    />
                  </Group>
                  {error(`communeCodes.${index}`) && (
                    <Text c="red" size="sm">
                      {error(`communeCodes.${index}`)}
                    </Text>
                  )}
                </Paper>
              ))}
            </Stack>
          </FormPanel>
          <FormPanel title={t("programmes.quotas")} description={t("programmes.quotasHelp")}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t("programmes.minWomen")}
                suffix=" %"
                value={women}
                onChange={setWomen}
                min={0}
                max={100}
                allowDecimal={false}
              />
              <NumberInput
                label={t("programmes.minYouth")}
                value={youth}
                onChange={setYouth}
                min={0}
                max={50}
                allowDecimal={false}
              />
              <NumberInput
                label={t("programmes.minMinority")}
                value={minority}
                onChange={setMinority}
                min={0}
                max={50}
                allowDecimal={false}
              />
            </SimpleGrid>
          </FormPanel>
          <FormPanel
            title={t("programmes.indicators", { count: selected.length })}
            description={t("programmes.indicatorsHelp")}
          >
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {SECTORS.map((sector) => (
                <Checkbox.Group
                  key={sector}
                  label={t(`sectors.${sector}`)}
                  value={selected}
                  onChange={setChosen}
                >
                  <Stack gap={6} mt="xs">
                    {offered
                      .filter((indicator) => indicator.sectorCode === sector)
                      .map((indicator) => (
                        <Checkbox
                          key={indicator.id}
                          value={indicator.id}
                          label={`${indicator.code} · ${format.name(indicator)}`}
                        />
                      ))}
                  </Stack>
                </Checkbox.Group>
              ))}
            </SimpleGrid>
          </FormPanel>
          {save.error !== null && <ErrorAlert error={save.error} withFieldErrors />}
          <Group justify="flex-end">
            <Button
              variant="default"
              component={Link}
              to={programme ? `/programmes/${programme.id}` : "/programmes"}
            >
              {t("common:actions.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
