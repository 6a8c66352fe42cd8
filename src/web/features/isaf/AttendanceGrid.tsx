import { NumberInput, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AGE_BANDS, type AgeBand, SEXES, type Sex } from "../../../domain/isaf-cycle";
import { useFormat } from "../../i18n/format";

export type Attendance = Record<Sex, Record<AgeBand, number>>;

export const emptyAttendance = (): Attendance =>
  Object.fromEntries(
    SEXES.map((sex) => [sex, Object.fromEntries(AGE_BANDS.map((band) => [band, 0]))]),
  ) as Attendance;

/**
 * Who came to an outreach session, by sex and age band, with the running total (used by the I4C page
 * online and by the field app's session form offline).
 */
export function AttendanceGrid({
  value: attendance,
  onChange: setAttendance,
}: {
  value: Attendance;
  onChange: (next: Attendance) => void;
}) {
  const { t } = useTranslation("isaf");
  const format = useFormat();
  const total = SEXES.reduce(
    (sum, sex) => sum + AGE_BANDS.reduce((s, band) => s + attendance[sex][band], 0),
    0,
  );
  return (
    <>
      <Table.ScrollContainer minWidth={300}>
        <Table aria-label={t("sessions.attendance")} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("sessions.ageBand")}</Table.Th>
              {SEXES.map((sex) => (
                <Table.Th scope="col" key={sex}>
                  {t(`sexes.${sex}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {AGE_BANDS.map((band) => (
              <Table.Tr key={band}>
                <Table.Th scope="row" fw={500}>
                  {t(`ageBands.${band}`)}
                </Table.Th>
                {SEXES.map((sex) => (
                  <Table.Td key={sex}>
                    <NumberInput
                      aria-label={`${t(`sexes.${sex}`)} ${t(`ageBands.${band}`)}`}
                      min={0}
                      max={100000}
                      allowDecimal={false}
                      allowNegative={false}
                      value={attendance[sex][band]}
                      onChange={(value) =>
                        setAttendance({
                          ...attendance,
                          [sex]: { ...attendance[sex], [band]: Number(value) || 0 },
                        })
                      }
                      size="xs"
                      miw={70}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={600} role="status">
        {t("sessions.total", { count: total, n: format.number(total) })}
      </Text>
    </>
  );
}
