import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "./index";

/** Intl locale for a language: Khmer digits when Khmer is shown. */
export function intlLocale(language: Language = currentLanguage()): string {
  return language === "km" ? "km-KH-u-nu-khmr" : "en-GB";
}

/**
 * Some browsers (Chromium built with the reduced ICU data, as in Debian) have no Khmer locale: Intl then
 * falls back to American English, Latin digits and English month names. There Samleng formats in
 * en-GB, whose day-month-year order matches Khmer, and puts in Khmer digits, separators and names.
 */
const KHMER_IN_INTL =
  Intl.NumberFormat.supportedLocalesOf(["km"]).length > 0 &&
  Intl.DateTimeFormat.supportedLocalesOf(["km"]).length > 0;

const KHMER_MONTHS = [
  "មករា",
  "កុម្ភៈ",
  "មីនា",
  "មេសា",
  "ឧសភា",
  "មិថុនា",
  "កក្កដា",
  "សីហា",
  "កញ្ញា",
  "តុលា",
  "វិច្ឆិកា",
  "ធ្នូ",
];
const KHMER_WEEKDAYS = ["អាទិត្យ", "ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍"];

function toKhmerDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x17e0 + Number(digit)));
}

function khmerNumberFallback(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat("en-GB", options)
    .formatToParts(n)
    .map((part) => (part.type === "group" ? "." : part.type === "decimal" ? "," : toKhmerDigits(part.value)))
    .join("");
}

function khmerDateFallback(date: Date, options: Intl.DateTimeFormatOptions): string {
  const formatter = new Intl.DateTimeFormat("en-GB", options);
  const timeZone = formatter.resolvedOptions().timeZone;
  const numeric = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    month: "numeric",
    weekday: "short",
  }).formatToParts(date);
  const month = Number(numeric.find((part) => part.type === "month")?.value ?? date.getMonth() + 1) - 1;
  const weekdayName = numeric.find((part) => part.type === "weekday")?.value ?? "";
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(weekdayName);
  return formatter
    .formatToParts(date)
    .map((part) => {
      if (part.type === "month" && !/^\d+$/.test(part.value)) return KHMER_MONTHS[month];
      if (part.type === "weekday") return KHMER_WEEKDAYS[weekday] ?? part.value;
      if (part.type === "dayPeriod") return /^a/i.test(part.value) ? "ព្រឹក" : "ល្ងាច";
      return toKhmerDigits(part.value);
    })
    .join("");
}

/** A number in the current language (១.២៣៤ in Khmer, 1,234 in English). */
export function formatNumber(
  n: number,
  options?: Intl.NumberFormatOptions,
  language: Language = currentLanguage(),
): string {
  if (language === "km" && !KHMER_IN_INTL) return khmerNumberFallback(n, options);
  return new Intl.NumberFormat(intlLocale(language), options).format(n);
}

/** A date (Date, ISO string or timestamp) in the current language, e.g. "២៣ វិច្ឆិកា ២០២៦". */
export function formatDate(
  d: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
  language: Language = currentLanguage(),
): string {
  const date = d instanceof Date ? d : new Date(d);
  if (language === "km" && !KHMER_IN_INTL) return khmerDateFallback(date, options);
  return new Intl.DateTimeFormat(intlLocale(language), options).format(date);
}

/** A date with the time of day. */
export function formatDateTime(d: Date | string | number, language: Language = currentLanguage()): string {
  return formatDate(d, { dateStyle: "medium", timeStyle: "short" }, language);
}

/** Digits of a string (a year, a count in a sentence) written in Khmer digits when Khmer is shown. */
export function formatDigits(text: string, language: Language = currentLanguage()): string {
  return language === "km" ? toKhmerDigits(text) : text;
}

interface Named {
  nameKm: string;
  nameEn: string;
}

/** The name of a record in the current language. */
export function localName(record: Named, language: Language = currentLanguage()): string {
  return language === "km" ? record.nameKm : record.nameEn;
}

/** The name in the other script, shown under the main one. */
export function otherName(record: Named, language: Language = currentLanguage()): string {
  return language === "km" ? record.nameEn : record.nameKm;
}

/**
 * The formatting helpers bound to the language shown now. Components use this hook rather than
 * the plain functions so that they re-render when the language changes.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === "en" ? "en" : "km";
  return {
    language,
    number: (n: number, options?: Intl.NumberFormatOptions) => formatNumber(n, options, language),
    date: (d: Date | string | number, options?: Intl.DateTimeFormatOptions) =>
      formatDate(d, options, language),
    dateTime: (d: Date | string | number) => formatDateTime(d, language),
    digits: (text: string) => formatDigits(text, language),
    name: (record: Named) => localName(record, language),
    otherName: (record: Named) => otherName(record, language),
  };
}
