/**
 * Whether an I4C figure falls short of its standard. The standard may say which way is better:
 * "≤40" (or "<=40", "max 40") — the actual should not exceed it; "≥4" (or ">=4", "min 4") — it should
 * reach it. A bare number asks for the figure itself, so any difference falls short. Figures that are
 * not numbers (Latin or Khmer digits) are never judged.
 */
export type Shortfall = "below" | "above" | null;

function toNumber(text: string): number | null {
  const latin = text.replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)).replace(/,/g, "");
  const match = /^-?\d+(\.\d+)?$/.exec(latin.trim());
  return match ? Number(match[0]) : null;
}

export function shortfall(standard: string, actual: string): Shortfall {
  const trimmed = standard.trim();
  const atMost = /^(≤|<=|max\.?\s*)/i.exec(trimmed);
  const atLeast = /^(≥|>=|min\.?\s*)/i.exec(trimmed);
  const target = toNumber(trimmed.slice((atMost ?? atLeast)?.[0].length ?? 0));
  const value = toNumber(actual);
  if (target === null || value === null) return null;
  if (atMost) return value > target ? "above" : null;
  if (atLeast) return value < target ? "below" : null;
  if (value === target) return null;
  return value > target ? "above" : "below";
}
