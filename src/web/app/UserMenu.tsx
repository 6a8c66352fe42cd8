import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignOut } from "../features/auth/auth.api";
import { useMe } from "../features/auth/session";
import { SignOutWarning } from "../features/field/SignOutWarning";
import { unsentCount } from "../offline/field-store";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The avatar's letters: the first grapheme of each of the first two words made of letters
 * ("Demo Provincial Officer (Pursat)" → "DP", "សុខ ចាន់ថា" → "សុចា"). Graphemes, so a Khmer consonant
 * keeps its vowel sign; a trailing coeng (U+17D2), which cannot stand alone, is dropped.
 */
function initials(name: string): string {
  return name
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) =>
      (graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? "").replace(/\u17d2$/u, ""),
    )
    .join("")
    .toUpperCase();
}

/** The signed-in user's menu in the header: who is signed in, the account page, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const [unsent, setUnsent] = useState<number | null>(null);
  // Signing out erases this user's field store: with unsent work on it, ask first.
  const requestSignOut = async () => {
    const count = await unsentCount(me.id);
    if (count > 0) setUnsent(count);
    else signOut.mutate();
  };

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t("userMenu.label", { name: me.displayName })}
            p={4}
            style={{ borderRadius: 8 }}
          >
            <Group gap={6} wrap="nowrap">
              <Avatar size={32} color="teal" radius="xl">
                {initials(me.displayName)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
                {me.displayName}
              </Text>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("userMenu.signedInAs", { username: me.username })}</Menu.Label>
          <Menu.Item component={Link} to="/account" leftSection={<IconUser size={16} aria-hidden />}>
            {t("userMenu.account")}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => void requestSignOut()}
            disabled={signOut.isPending}
          >
            {t("userMenu.signOut")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SignOutWarning
        unsent={unsent}
        onCancel={() => setUnsent(null)}
        onConfirm={() => signOut.mutate()}
        busy={signOut.isPending}
        error={signOut.error}
      />
    </>
  );
}
