/**
 * Webhook parameters as a name → value map. A name Twilio sends more than once (rare for SMS, but
 * the signature algorithm defines it) carries its values in order.
 */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * application/x-www-form-urlencoded as Twilio sends it: space as `+`, everything but ASCII letters,
 * digits and `*-._` percent-encoded as UTF-8 (`+14155550100` → `%2B14155550100`). This is the WHATWG
 * serializer, which encodes the same set as the Java URLEncoder of captured Twilio payloads.
 */
export const encodeForm = (params: FormParams): string => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') form.append(name, value);
    else for (const item of value) form.append(name, item);
  }
  return form.toString();
};

/**
 * The decoded parameters of a form body, in order of first appearance; a repeated name becomes an
 * array. The map has no prototype, so a field called `__proto__` is data like any other.
 */
export const decodeForm = (body: string): Record<string, string | string[]> => {
  const params = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    if (seen === undefined) params[name] = value;
    else if (typeof seen === 'string') params[name] = [seen, value];
    else seen.push(value);
  }
  return params;
};
