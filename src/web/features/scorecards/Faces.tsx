import { Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { audioLanguage, playAudio, type RatingPoint } from "./scorecards.api";

/** The five faces, very sad red (1) to very happy green (5). */
export const FACE_COLOURS = ["#d7301f", "#f28e2b", "#e9c22e", "#8cc152", "#2e9e44"] as const;
/** How far the mouth bends: down for a frown, up for a smile. */
const MOUTH_BEND = [-16, -8, 0, 9, 18] as const;

/** One face drawn as SVG: a coloured disc, two eyes and a mouth. */
export function FaceIcon({ value, size = 48 }: { value: number; size?: number }) {
  const index = Math.min(Math.max(value, 1), 5) - 1;
  const bend = MOUTH_BEND[index]!;
  const mouthY = bend < 0 ? 72 : 64;
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={FACE_COLOURS[index]} stroke="#00000033" strokeWidth="3" />
      <circle cx="34" cy="38" r="7" fill="#222" />
      <circle cx="66" cy="38" r="7" fill="#222" />
      {index === 0 && (
        <path d="M22 24 L40 30 M78 24 L60 30" stroke="#222" strokeWidth="5" strokeLinecap="round" />
      )}
      {index === 0 && <path d="M30 48 q-5 10 0 14 q5 -4 0 -14" fill="#4aa3df" />}
      <path
        d={`M28 ${mouthY} Q50 ${mouthY + bend * 1.6} 72 ${mouthY}`}
        fill="none"
        stroke="#222"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}

interface FacePickerProps {
  /** Names the group for screen readers (the indicator being scored). */
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  scale: RatingPoint[];
  disabled?: boolean;
}

/** Five large face buttons; the chosen one is marked. Tapping plays the scale point's audio when there is some. */
export function FacePicker({ label, value, onChange, scale, disabled }: FacePickerProps) {
  const { t } = useTranslation("scorecards");
  const format = useFormat();
  return (
    <Group role="radiogroup" aria-label={label} gap={4} wrap="nowrap" justify="space-between">
      {[1, 2, 3, 4, 5].map((score) => {
        const point = scale.find((entry) => entry.value === score);
        const name = point ? (format.language === "km" ? point.labelKm : point.labelEn) : t(`faces.${score}`);
        const chosen = value === score;
        return (
          <UnstyledButton
            key={score}
            role="radio"
            aria-checked={chosen}
            aria-label={`${format.number(score)} ${name}`}
            disabled={disabled}
            onClick={() => {
              onChange(score);
              const language = point ? audioLanguage(point.audioLanguages, format.language) : null;
              if (language) playAudio(`/api/v1/rating-scale/${score}/audio/${language}`);
            }}
            style={{
              flex: "1 1 0",
              minWidth: 0,
              padding: 4,
              borderRadius: 12,
              textAlign: "center",
              border: chosen ? `3px solid ${FACE_COLOURS[score - 1]}` : "3px solid transparent",
              background: chosen ? "var(--mantine-color-gray-1)" : undefined,
              opacity: value !== null && !chosen ? 0.55 : 1,
            }}
          >
            <FaceIcon value={score} size={52} />
            <Text size="xs" lh={1.3} mt={2} style={{ overflowWrap: "anywhere" }}>
              {name}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
