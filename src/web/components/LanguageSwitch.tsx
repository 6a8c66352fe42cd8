import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "../features/auth/session";
import { LANGUAGES, type Language } from "../i18n";

/** Two buttons, ខ្មែរ and EN; the one pressed is the language shown. Signed in, the choice is saved for the user. */
export function LanguageSwitch({ size = "xs" }: { size?: "xs" | "sm" }) {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const current = i18n.resolvedLanguage;

  const choose = async (language: Language) => {
    if (language === current) return;
    try {
      await changeLanguage(language);
    } catch {
      notifications.show({ color: "red", message: t("language.saveFailed") });
    }
  };

  return (
    <Button.Group aria-label={t("language.label")}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size={size}
          variant={language === current ? "filled" : "default"}
          aria-pressed={language === current}
          aria-label={t(`language.${language}Label`)}
          lang={language}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </Button.Group>
  );
}
