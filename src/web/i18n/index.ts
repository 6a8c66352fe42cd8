import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import adminEn from "./locales/en/admin.json";
import commonEn from "./locales/en/common.json";
import dashboardsEn from "./locales/en/dashboards.json";
import facilitiesEn from "./locales/en/facilities.json";
import feedbackEn from "./locales/en/feedback.json";
import fieldEn from "./locales/en/field.json";
import isafEn from "./locales/en/isaf.json";
import jaapEn from "./locales/en/jaap.json";
import placesEn from "./locales/en/places.json";
import publicEn from "./locales/en/public.json";
import scorecardsEn from "./locales/en/scorecards.json";
import adminKm from "./locales/km/admin.json";
import commonKm from "./locales/km/common.json";
import dashboardsKm from "./locales/km/dashboards.json";
import facilitiesKm from "./locales/km/facilities.json";
import feedbackKm from "./locales/km/feedback.json";
import fieldKm from "./locales/km/field.json";
import isafKm from "./locales/km/isaf.json";
import jaapKm from "./locales/km/jaap.json";
import placesKm from "./locales/km/places.json";
import publicKm from "./locales/km/public.json";
import scorecardsKm from "./locales/km/scorecards.json";

/** The languages of the app. Khmer is the default. */
export const LANGUAGES = ["km", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "samleng.language";

export function isLanguage(value: unknown): value is Language {
  return value === "km" || value === "en";
}

/** The language remembered on this device (used while nobody is signed in). */
function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : "km";
  } catch {
    return "km";
  }
}

/** Remembers the language on this device, so the sign-in page opens in it next time. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing can refuse storage; the language then lasts only for this page.
  }
}

/** The language the app shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "km";
}

export const resources = {
  km: {
    common: commonKm,
    places: placesKm,
    facilities: facilitiesKm,
    admin: adminKm,
    isaf: isafKm,
    scorecards: scorecardsKm,
    jaap: jaapKm,
    dashboards: dashboardsKm,
    public: publicKm,
    field: fieldKm,
    feedback: feedbackKm,
  },
  en: {
    common: commonEn,
    places: placesEn,
    facilities: facilitiesEn,
    admin: adminEn,
    isaf: isafEn,
    scorecards: scorecardsEn,
    jaap: jaapEn,
    dashboards: dashboardsEn,
    public: publicEn,
    field: fieldEn,
    feedback: feedbackEn,
  },
} as const;

// Resources are bundled, so initialisation finishes synchronously and no Suspense is needed.
i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: "km",
  supportedLngs: [...LANGUAGES],
  ns: [
    "common",
    "places",
    "facilities",
    "admin",
    "isaf",
    "scorecards",
    "jaap",
    "dashboards",
    "public",
    "field",
    "feedback",
  ],
  defaultNS: "common",
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});

function syncDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}
syncDocumentLanguage(currentLanguage());
i18n.on("languageChanged", syncDocumentLanguage);

export default i18n;
