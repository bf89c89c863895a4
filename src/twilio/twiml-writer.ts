const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const escapeText = (text: string): string => text.replace(/[&<>]/g, (character) => ENTITIES[character] ?? character);

/** One `<Message>` per text; none is the empty `<Response/>` Twilio reads as "send nothing". */
export const renderTwiml = (messages: readonly string[]): string =>
  messages.length === 0
    ? `${DECLARATION}<Response/>`
    : `${DECLARATION}<Response>${messages.map((message) => `<Message>${escapeText(message)}</Message>`).join('')}</Response>`;
