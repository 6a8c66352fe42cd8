import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import type { User } from "./admin.api";
import { PlaceName } from "./PlaceName";
import { Tag } from "./Tag";

/** A user's full name, linked to their page, over their user name. */
export function UserName({ user }: { user: User }) {
  return (
    <>
      <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
        {user.displayName}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        {user.username}
      </Text>
    </>
  );
}

/** Where a user works: the whole country, or the names of the first places of the area. */
export function AreaSummary({ area }: { area: User["area"] }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  if (area.national)
    return (
      <Tag color="gray" wrap={false}>
        {t("area.national")}
      </Tag>
    );
  const shown = area.codes.slice(0, 2);
  const more = area.codes.length - shown.length;
  return (
    <Text size="sm" component="span">
      {shown.map((code, index) => (
        <span key={code}>
          {index > 0 && ", "}
          <PlaceName code={code} />
        </span>
      ))}
      {more > 0 && ` ${t("area.more", { n: format.number(more) })}`}
    </Text>
  );
}

export function LastSignIn({ user }: { user: User }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <Text size="sm" c="dimmed" component="span">
      {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t("users.neverSignedIn")}
    </Text>
  );
}

/** The name of a user's organisation in the language shown (in the other language if that one is missing). */
export function useOrganisationName(): (user: User) => string | null {
  const { language } = useFormat();
  return (user) =>
    language === "km"
      ? (user.organisationNameKm ?? user.organisationName)
      : (user.organisationName ?? user.organisationNameKm);
}
