/**
 * Reads a webhook's reply the way Twilio would act on it (research §2.1): which messages it sends
 * back. Only the messaging subset is understood: `<Response>` holding `<Message>` (text, or `<Body>`
 * and `<Media>` children) and `<Redirect>`. A reply Twilio would refuse, or that is not XML at all
 * (an HTML page, JSON, plain text), is `not-twiml` with the reason. Never throws.
 */

export type TwimlReply =
  | {
      kind: 'twiml';
      /** The text of each message Twilio would send, trimmed; an MMS without text is `''`. */
      messages: string[];
      /** Where a `<Redirect>` hands over; Twilio ignores the verbs after it. */
      redirect?: string;
    }
  | { kind: 'not-twiml'; reason: string };

/** Twilio error 11750: a TwiML response over 64 kB is not executed. */
const MAX_BYTES = 64 * 1024;

const notTwiml = (reason: string): TwimlReply => ({ kind: 'not-twiml', reason });

export const parseTwiml = (body: string): TwimlReply => {
  if (Buffer.byteLength(body, 'utf8') > MAX_BYTES) return notTwiml('the reply is over 64 kB (Twilio error 11750)');
  const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
  const trimmed = text.trim();
  // An empty 200 is how many frameworks say "nothing to send"; Twilio sends nothing.
  if (trimmed === '') return { kind: 'twiml', messages: [] };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return notTwiml('the reply is JSON, not TwiML');
  if (!trimmed.startsWith('<')) return notTwiml('the reply is plain text, not XML');
  const bad = INVALID_CHARACTER.exec(text);
  if (bad) return notTwiml(`the reply has a character XML forbids (U+${codePoint(bad[0])})`);
  return new TwimlReader(text).read();
};

// XML 1.0 Char production; with the u flag a lone surrogate is one code point and matches here.
const INVALID_CHARACTER = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u;
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const XML_SPACE = /^[ \t\r\n]*$/;
const TRIM = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][-A-Za-z0-9_:.]*))?(;?)/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const codePoint = (character: string): string => (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

const isXmlChar = (point: number): boolean =>
  point === 0x9 || point === 0xa || point === 0xd || (point >= 0x20 && point <= 0xd7ff) || (point >= 0xe000 && point <= 0xfffd) || (point >= 0x10000 && point <= 0x10ffff);

/** Replaces character and entity references; a bare `&` or an entity XML does not predefine is an error. */
const decode = (raw: string): { text: string } | { error: string } => {
  let error: string | undefined;
  const text = raw.replace(REFERENCE, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined, semicolon: string) => {
    if (error !== undefined) return '';
    if (semicolon !== ';' || (hex === undefined && decimal === undefined && name === undefined)) {
      error = `a bare "&" (${JSON.stringify(whole)}) is not well-formed XML`;
      return '';
    }
    if (name !== undefined) {
      const value = PREDEFINED[name];
      if (value === undefined) error = `the entity &${name}; is not defined in XML (an HTML entity?)`;
      return value ?? '';
    }
    const digits = hex ?? decimal ?? '';
    const point = digits.length > 8 ? Number.NaN : Number.parseInt(digits, hex === undefined ? 10 : 16);
    if (!isXmlChar(point)) {
      error = `the character reference ${whole} is not an XML character`;
      return '';
    }
    return String.fromCodePoint(point);
  });
  return error === undefined ? { text } : { error };
};

/** Where the reader is in the TwiML tree; each level accepts different children. */
type Place = 'Response' | 'Message' | 'Body' | 'Media' | 'Redirect';

interface OpenMessage {
  direct: string;
  body: string;
  hasBody: boolean;
  media: number;
}

class ReadError {
  constructor(readonly reason: string) {}
}

/**
 * A single pass over the document: markup is checked for well-formedness and the element tree for
 * the TwiML subset at once, so the first problem found is the reason reported.
 */
class TwimlReader {
  readonly #text: string;
  #at = 0;
  readonly #open: Place[] = [];
  #rootSeen = false;
  #message: OpenMessage | undefined;
  #redirect: string | undefined;
  #redirectText = '';
  readonly #messages: string[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  read(): TwimlReply {
    try {
      this.#document();
    } catch (error) {
      if (error instanceof ReadError) return notTwiml(error.reason);
      throw error;
    }
    const redirect = this.#redirect;
    return { kind: 'twiml', messages: this.#messages, ...(redirect === undefined ? {} : { redirect }) };
  }

  #document(): void {
    const text = this.#text;
    if (text.startsWith('<?xml') && /^<\?xml[ \t\r\n?]/.test(text)) this.#processingInstruction(true);
    while (this.#at < text.length) {
      const next = text.indexOf('<', this.#at);
      const end = next < 0 ? text.length : next;
      this.#characters(text.slice(this.#at, end));
      this.#at = end;
      if (next < 0) break;
      this.#markup();
    }
    const open = this.#open.at(-1);
    if (open !== undefined) throw new ReadError(`<${open}> is never closed`);
    if (!this.#rootSeen) throw new ReadError('the reply has no root element');
  }

  #markup(): void {
    const text = this.#text;
    if (text.startsWith('<!--', this.#at)) return this.#comment();
    if (text.startsWith('<![CDATA[', this.#at)) return this.#cdata();
    if (text.startsWith('<!', this.#at)) {
      if (/^<!doctype[ \t\r\n]+html/i.test(text.slice(this.#at, this.#at + 20))) throw new ReadError('the reply is an HTML page (<!DOCTYPE html>)');
      throw new ReadError('the reply has a DOCTYPE or other declaration; TwiML has none');
    }
    if (text.startsWith('<?', this.#at)) return this.#processingInstruction(false);
    if (text.startsWith('</', this.#at)) return this.#endTag();
    this.#startTag();
  }

  #comment(): void {
    const close = this.#text.indexOf('-->', this.#at + 4);
    if (close < 0) throw new ReadError('a comment is never closed');
    const content = this.#text.slice(this.#at + 4, close);
    if (content.includes('--') || content.endsWith('-')) throw new ReadError('a comment contains "--", which XML forbids');
    this.#at = close + 3;
  }

  #cdata(): void {
    const start = this.#at + '<![CDATA['.length;
    const close = this.#text.indexOf(']]>', start);
    if (close < 0) throw new ReadError('a CDATA section is never closed');
    if (this.#open.length === 0) throw new ReadError('a CDATA section outside the root element');
    this.#at = close + 3;
    this.#content(this.#text.slice(start, close));
  }

  #processingInstruction(declaration: boolean): void {
    const close = this.#text.indexOf('?>', this.#at + 2);
    if (close < 0) throw new ReadError('a processing instruction is never closed');
    const target = /^<\?([^ \t\r\n?]*)/.exec(this.#text.slice(this.#at, close))?.[1] ?? '';
    if (target === '') throw new ReadError('a processing instruction has no target');
    if (!declaration && target.toLowerCase() === 'xml') throw new ReadError('the XML declaration must come first, before anything else');
    this.#at = close + 2;
  }

  #name(): string {
    NAME.lastIndex = this.#at;
    const match = NAME.exec(this.#text);
    if (!match) throw new ReadError(`a "<" at offset ${this.#at} does not start a tag (an unescaped "<" in text?)`);
    this.#at = NAME.lastIndex;
    return match[0];
  }

  #space(): boolean {
    SPACE.lastIndex = this.#at;
    SPACE.exec(this.#text);
    const moved = SPACE.lastIndex > this.#at;
    this.#at = SPACE.lastIndex;
    return moved;
  }

  #startTag(): void {
    this.#at += 1;
    const name = this.#name();
    this.#attributes(name);
    const selfClosing = this.#text.startsWith('/>', this.#at);
    if (!selfClosing && this.#text[this.#at] !== '>') throw new ReadError(`the tag <${name}> is not closed with ">"`);
    this.#at += selfClosing ? 2 : 1;
    this.#enter(name);
    if (selfClosing) this.#leave(name);
  }

  /** Checked for well-formedness and then ignored: to/from/action/method change nothing about what is sent. */
  #attributes(element: string): void {
    const seen = new Set<string>();
    for (;;) {
      const spaced = this.#space();
      const next = this.#text[this.#at];
      if (next === undefined) throw new ReadError(`the tag <${element}> is never closed`);
      if (next === '>' || next === '/') return;
      if (!spaced) throw new ReadError(`the tag <${element}> needs a space before each attribute`);
      const name = this.#name();
      if (seen.has(name)) throw new ReadError(`the attribute ${name} appears twice on <${element}>`);
      seen.add(name);
      this.#space();
      if (this.#text[this.#at] !== '=') throw new ReadError(`the attribute ${name} on <${element}> has no value`);
      this.#at += 1;
      this.#space();
      const quote = this.#text[this.#at];
      if (quote !== '"' && quote !== "'") throw new ReadError(`the value of ${name} on <${element}> is not quoted`);
      const close = this.#text.indexOf(quote, this.#at + 1);
      if (close < 0) throw new ReadError(`the value of ${name} on <${element}> is never closed`);
      const value = this.#text.slice(this.#at + 1, close);
      if (value.includes('<')) throw new ReadError(`the value of ${name} on <${element}> contains "<"`);
      const decoded = decode(value);
      if ('error' in decoded) throw new ReadError(decoded.error);
      this.#at = close + 1;
    }
  }

  #endTag(): void {
    this.#at += 2;
    const name = this.#name();
    this.#space();
    if (this.#text[this.#at] !== '>') throw new ReadError(`the end tag </${name}> is not closed with ">"`);
    this.#at += 1;
    const open = this.#open.at(-1);
    if (open !== name) throw new ReadError(open === undefined ? `</${name}> closes nothing` : `</${name}> where </${open}> was expected`);
    this.#leave(name);
  }

  #characters(raw: string): void {
    if (raw === '') return;
    if (raw.includes(']]>')) throw new ReadError('"]]>" in text is not well-formed XML');
    if (this.#open.length === 0) {
      if (!XML_SPACE.test(raw)) throw new ReadError(this.#rootSeen ? 'text after the root element' : 'text before the root element');
      return;
    }
    const decoded = decode(raw);
    if ('error' in decoded) throw new ReadError(decoded.error);
    this.#content(decoded.text);
  }

  /** Text (decoded, or CDATA) inside the element on top of the stack. */
  #content(text: string): void {
    const place = this.#open.at(-1);
    if (place === 'Response') {
      if (!XML_SPACE.test(text)) throw new ReadError('text directly inside <Response>, outside any <Message>');
    } else if (place === 'Message') {
      if (this.#message) this.#message.direct += text;
    } else if (place === 'Body') {
      if (this.#message) this.#message.body += text;
    } else if (place === 'Redirect') {
      this.#redirectText += text;
    }
    // Media text is a URL: it makes the message an MMS but adds nothing to its text.
  }

  #enter(name: string): void {
    const parent = this.#open.at(-1);
    if (parent === undefined) {
      if (this.#rootSeen) throw new ReadError(`a second root element <${name}>`);
      this.#rootSeen = true;
      if (name.toLowerCase() === 'html') throw new ReadError('the reply is an HTML page (<html>)');
      if (name !== 'Response') throw new ReadError(`the root element is <${name}>; TwiML needs <Response> (Twilio error 12102)`);
      this.#open.push('Response');
      return;
    }
    if (parent === 'Response' && (name === 'Message' || name === 'Redirect')) {
      if (name === 'Message') this.#message = { direct: '', body: '', hasBody: false, media: 0 };
      else this.#redirectText = '';
      this.#open.push(name);
      return;
    }
    if (parent === 'Message' && (name === 'Body' || name === 'Media')) {
      if (this.#message && name === 'Body') this.#message.hasBody = true;
      if (this.#message && name === 'Media') this.#message.media += 1;
      this.#open.push(name);
      return;
    }
    throw new ReadError(parent === 'Response' ? `<${name}> is not a messaging TwiML verb` : `<${name}> is not allowed inside <${parent}>`);
  }

  #leave(name: string): void {
    this.#open.pop();
    // Verbs after a <Redirect> are never reached, so they send nothing (they are still checked).
    if (this.#redirect !== undefined) return;
    if (name === 'Message' && this.#message) {
      const message = this.#message;
      const text = (message.hasBody ? message.body : message.direct).replace(TRIM, '');
      // A <Message> with neither text nor media is refused by Twilio (error 14103): nothing goes out.
      if (text !== '' || message.media > 0) this.#messages.push(text);
      this.#message = undefined;
    } else if (name === 'Redirect') {
      this.#redirect = this.#redirectText.replace(TRIM, '');
    }
  }
}
