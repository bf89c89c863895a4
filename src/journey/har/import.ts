import type { Entry } from 'har-format';
import { UsageError } from '../../lib/errors.js';
import { checkoutPathKind, isPaymentRequest } from '../../shopify/checkout-paths.js';
import { checkoutFromOf } from '../consistency.js';
import type { Journey, JourneyStep } from '../types.js';
import { dropReason, storeOrigin, type DropReason } from './classify.js';
import { correlate, type Correlation } from './correlate.js';
import { draftPath, draftStrings, mapDraftStrings, type DraftStep } from './draft.js';
import { scrubPersonalData, type PersonalKind } from './personal-data.js';
import { parseHar } from './read-har.js';
import { requestParts, type DroppedHeader } from './request-parts.js';
import { stepNames } from './step-names.js';

/** What the import kept, dropped and replaced: counts and names, never a recorded value. */
export interface ImportSummary {
  origin: string;
  dropped: Partial<Record<DropReason, number>>;
  droppedHeaders: Partial<Record<DroppedHeader, number>>;
  personal: Partial<Record<PersonalKind, number>>;
  /** `POST /cart/add` for each CSRF value no earlier answer held: dropped, to be captured by hand. */
  uncorrelatedCsrf: string[];
  correlations: Correlation[];
}

export interface ImportResult {
  journey: Journey;
  summary: ImportSummary;
}

const increment = <K extends string>(counts: Partial<Record<K, number>>, key: K): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const CSRF_FIELD = /^(authenticity_token|_csrf|csrf_token|csrfmiddlewaretoken)$/i;
const isReference = (text: string): boolean => /^\{\{[^{}]+\}\}$/.test(text);

/** A CSRF value that is not captured live is a stale secret: drop it, and say where. */
const dropStaleCsrf = (draft: DraftStep): { draft: DraftStep; dropped: number } => {
  let dropped = 0;
  const stale = (isCsrf: boolean, text: string): boolean => {
    if (!isCsrf || isReference(text)) return false;
    dropped += 1;
    return true;
  };
  const headers = Object.fromEntries(Object.entries(draft.headers).filter(([key, text]) => !stale(key === 'x-csrf-token', text)));
  const body = draft.body;
  let kept = body;
  if (body && 'form' in body) kept = { form: Object.fromEntries(Object.entries(body.form).filter(([key, text]) => !stale(CSRF_FIELD.test(key), text))) };
  if (body && 'json' in body && body.json !== null && typeof body.json === 'object' && !Array.isArray(body.json)) {
    kept = { json: Object.fromEntries(Object.entries(body.json).filter(([key, text]) => !(typeof text === 'string' && stale(CSRF_FIELD.test(key), text)))) };
  }
  const query = draft.query.filter(([key, text]) => !stale(CSRF_FIELD.test(key), text));
  return { draft: { ...draft, headers, query, ...(kept ? { body: kept } : {}) }, dropped };
};

const hasCardFields = (draft: DraftStep): boolean =>
  draftStrings(draft).some(({ place }) => {
    const key = place.kind === 'form' || place.kind === 'query' ? place.key : place.kind === 'json' ? place.keys.join('.') : '';
    return /credit_?card|card\]?\[?number|cardnumber|verification_value|\bcvv\b|\bcvc\b/i.test(key);
  });

const startsCheckout = (draft: DraftStep): boolean => {
  if (draft.method === 'GET' || draft.method === 'HEAD') return false;
  const kind = checkoutPathKind(draft.pathname);
  if (kind === 'entry' || kind === 'cart-link' || kind === 'wallet') return true;
  // Themes submit the cart form to /cart with a `checkout` button.
  return draft.pathname === '/cart' && draft.body !== undefined && 'form' in draft.body && 'checkout' in draft.body.form;
};

const startedMs = (entry: Entry): number => Date.parse(entry.startedDateTime);

/** The pause a shopper took before a request: from the end of the previous kept one, rounded, at most 30 s. */
const thinkTime = (entry: Entry, previous: Entry | undefined): number | undefined => {
  if (!previous) return undefined;
  const gap = startedMs(entry) - (startedMs(previous) + Math.max(0, previous.time));
  if (!Number.isFinite(gap) || gap < 500) return undefined;
  return Math.min(30_000, Math.round(gap / 100) * 100);
};

const toStep = (draft: DraftStep, name: string, flags: { payment: boolean; checkout: boolean }, thinkMs: number | undefined): JourneyStep => ({
  name,
  method: draft.method,
  path: draftPath(draft),
  ...(Object.keys(draft.headers).length > 0 ? { headers: draft.headers } : {}),
  ...(draft.body ? { body: draft.body } : {}),
  ...(draft.capture.length > 0 ? { capture: draft.capture } : {}),
  expect: { status: draft.entry.response.status },
  ...(thinkMs !== undefined ? { thinkMs } : {}),
  ...(flags.payment ? { payment: true } : {}),
  ...(flags.checkout ? { checkout: true } : {}),
});

/**
 * A journey from a browser recording: the store's own requests in order, personal data replaced by
 * test values, values the store handed out captured live, secrets and browser noise left out.
 */
export const importHar = (text: string, options: { file: string; origin?: string; name: string }): ImportResult => {
  const entries = parseHar(text, options.file);
  const origin = storeOrigin(entries, options.file, options.origin);
  const summary: ImportSummary = { origin, dropped: {}, droppedHeaders: {}, personal: {}, uncorrelatedCsrf: [], correlations: [] };
  const kept = entries.filter((entry) => {
    const reason = dropReason(entry, origin);
    if (reason) increment(summary.dropped, reason);
    return reason === undefined;
  });
  if (kept.length === 0) {
    throw new UsageError(`${options.file} has no requests to the store at ${origin} (only third-party, assets or beacons): choose the store with --origin URL`);
  }
  const drafts = kept.map((entry) => {
    const { draft, dropped } = requestParts(entry);
    for (const header of dropped) increment(summary.droppedHeaders, header);
    // Personal data goes first, so that no typed value can be taken for a value the store handed out.
    return mapDraftStrings(draft, (value, place) => scrubPersonalData(value, place, (kind) => increment(summary.personal, kind)));
  });
  const correlated = correlate(drafts);
  summary.correlations = correlated.correlations;
  const finished = correlated.drafts.map((draft) => {
    const { draft: cleaned, dropped } = dropStaleCsrf(draft);
    for (let count = 0; count < dropped; count += 1) summary.uncorrelatedCsrf.push(`${draft.method} ${draft.pathname}`);
    return cleaned;
  });
  const names = stepNames(finished.map((draft) => ({ method: draft.method, path: draft.pathname })));
  const checkoutAt = finished.findIndex(startsCheckout);
  const steps = finished.map((draft, index) =>
    toStep(draft, names[index]!, { payment: isPaymentRequest(draft.method, draft.pathname) || hasCardFields(draft), checkout: index === checkoutAt }, thinkTime(draft.entry, kept[index - 1])),
  );
  return { journey: { name: options.name, steps, checkoutFrom: checkoutFromOf(steps) }, summary };
};
