import type { ContactCipher } from "../../platform/contact-cipher";
import type { SmsChannelRow, SmsOutboundRow } from "./sms.repo";

/**
 * The HTTP request that hands one SMS to a channel's gateway, from the channel's templates. The
 * placeholders {{to}} (+855…), {{to_digits}} (855…), {{from}}, {{text}} and {{id}} are escaped for
 * where they stand: URL-encoded in the URL and in a form body, JSON-escaped in a JSON body. With no
 * body template a POST sends {id, to, from, text} in the chosen content type (RapidPro's external
 * channel sends the same fields).
 */
export interface GatewayRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: string | undefined;
}

type Values = Record<"to" | "to_digits" | "from" | "text" | "id", string>;

function fill(template: string, values: Values, escapeValue: (value: string) => string): string {
  return template.replace(/\{\{\s*(to|to_digits|from|text|id)\s*\}\}/g, (_, name: keyof Values) =>
    escapeValue(values[name]),
  );
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

export function gatewayRequest(
  channel: SmsChannelRow,
  sms: Pick<SmsOutboundRow, "id" | "text">,
  phone: string,
  cipher: ContactCipher,
): GatewayRequest {
  if (!channel.sendUrl) throw new Error(`channel ${channel.id} has no send URL`);
  const values: Values = {
    to: `+${phone}`,
    to_digits: phone,
    from: channel.sender,
    text: sms.text,
    id: sms.id,
  };
  const headers: Record<string, string> = {};
  if (channel.sendAuthorizationSealed) headers.authorization = cipher.open(channel.sendAuthorizationSealed);
  const url = fill(channel.sendUrl, values, encodeURIComponent);
  if (channel.sendMethod === "GET") return { url, method: "GET", headers, body: undefined };
  headers["content-type"] =
    channel.sendContentType === "application/json"
      ? "application/json; charset=utf-8"
      : channel.sendContentType;
  const json = channel.sendContentType === "application/json";
  const body = channel.sendBody
    ? fill(channel.sendBody, values, json ? jsonEscape : encodeURIComponent)
    : json
      ? JSON.stringify({ id: values.id, to: values.to, from: values.from, text: values.text })
      : new URLSearchParams({
          id: values.id,
          to: values.to,
          from: values.from,
          text: values.text,
        }).toString();
  return { url, method: "POST", headers, body };
}
