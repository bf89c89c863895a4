import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTwiml, type TwimlReply } from '../../src/twilio/twiml.js';
import { renderTwiml } from '../../src/twilio/twiml-writer.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const twiml = (messages: string[], redirect?: string): TwimlReply => ({ kind: 'twiml', messages, ...(redirect === undefined ? {} : { redirect }) });

describe('parseTwiml: silence', () => {
  it.each([
    ['an empty body', ''],
    ['only whitespace', ' \r\n\t'],
    ['<Response/>', '<Response/>'],
    ['with the XML declaration', `${DECL}<Response/>`],
    ['an empty <Response></Response>', '<Response></Response>'],
    ['whitespace and comments inside', `${DECL}\n<Response>\n  <!-- nothing to say -->\n</Response>\n`],
    ['a byte-order mark first', `\uFEFF${DECL}<Response/>`],
    ['an empty <Message/>, which Twilio refuses to send', '<Response><Message/><Message>  </Message></Response>'],
  ])('%s', (_, body) => {
    expect(parseTwiml(body)).toEqual(twiml([]));
  });
});

describe('parseTwiml: messages', () => {
  it.each([
    ['a bare <Message>', '<Response><Message>You are unsubscribed.</Message></Response>', ['You are unsubscribed.']],
    ['a <Body> child', `${DECL}<Response><Message><Body>Hi</Body></Message></Response>`, ['Hi']],
    ['to/from/action attributes, ignored', `<Response><Message to="+14155550100" from='+14155550199' action="/s">Hi</Message></Response>`, ['Hi']],
    ['two messages', '<Response><Message>one</Message><Message>two</Message></Response>', ['one', 'two']],
    ['pretty-printed, trimmed', '<Response>\n  <Message>\n    Hello\n    there\n  </Message>\n</Response>', ['Hello\n    there']],
    ['predefined entities', '<Response><Message>Msg &amp; data rates &lt;may&gt; apply &quot;&apos;</Message></Response>', [`Msg & data rates <may> apply "'`]],
    ['character references', '<Response><Message>Arr&#234;t &#x1F6D1;</Message></Response>', ['Arrêt 🛑']],
    ['CDATA', '<Response><Message><![CDATA[Tom & Jerry <3]]></Message></Response>', ['Tom & Jerry <3']],
    ['CDATA and text mixed', '<Response><Message><Body>a<![CDATA[&]]>b</Body></Message></Response>', ['a&b']],
    ['a comment inside the text', '<Response><Message>a<!-- x -->b</Message></Response>', ['ab']],
    ['<Body> with <Media>', '<Response><Message><Body>Look</Body><Media>https://img.example/a.png</Media></Message></Response>', ['Look']],
    ['<Media> only (an MMS without text)', '<Response><Message><Media>https://img.example/a.png</Media></Message></Response>', ['']],
    ['spaces inside tags', '<Response ><Message\n to = "x" >Hi</Message ></Response\t>', ['Hi']],
    ['a comment and a processing instruction around the root', `${DECL}<!-- a --><?php echo 1 ?><Response><Message>Hi</Message></Response><!-- b -->\n`, ['Hi']],
  ])('%s', (_, body, messages) => {
    expect(parseTwiml(body)).toEqual(twiml(messages));
  });

  it('a <Redirect> hands over; messages before it are sent, those after it never are', () => {
    expect(parseTwiml('<Response><Message>first</Message><Redirect method="POST"> https://store.example/next </Redirect><Message>never</Message></Response>')).toEqual(
      twiml(['first'], 'https://store.example/next'),
    );
  });
});

describe('parseTwiml: not TwiML', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Welcome</body></html>', /HTML page/],
    ['HTML without a DOCTYPE', '<html><head></head><body>Welcome</body></html>', /HTML page/],
    ['HTML in capitals', '<!doctype HTML>\n<HTML></HTML>', /HTML page/],
    ['a JSON object', '{"message": "unsubscribed"}', /JSON/],
    ['a JSON array', ' ["ok"]', /JSON/],
    ['plain text', 'OK', /plain text/],
    ['another root element', '<Reply><Message>Hi</Message></Reply>', /root element is <Reply>.*12102/],
    ['a lower-case <response>', '<response><message>Hi</message></response>', /root element is <response>/],
    ['a voice verb', '<Response><Say>Hi</Say></Response>', /<Say> is not a messaging TwiML verb/],
    ['an element inside <Message>', '<Response><Message><b>Hi</b></Message></Response>', /<b> is not allowed inside <Message>/],
    ['<Redirect> inside <Message>', '<Response><Message><Redirect>/x</Redirect></Message></Response>', /not allowed inside <Message>/],
    ['text outside <Message>', '<Response>Hi</Response>', /text directly inside <Response>/],
    ['an unclosed <Message>', '<Response><Message>Hi</Response>', /<\/Response> where <\/Message> was expected/],
    ['an unclosed root', '<Response><Message>Hi</Message>', /<Response> is never closed/],
    ['an end tag that closes nothing', '</Response>', /closes nothing/],
    ['a bare ampersand', '<Response><Message>Tom & Jerry</Message></Response>', /bare "&"/],
    ['an HTML entity', '<Response><Message>a&nbsp;b</Message></Response>', /&nbsp; is not defined/],
    ['a reference to U+0000', '<Response><Message>&#0;</Message></Response>', /not an XML character/],
    ['a huge character reference', '<Response><Message>&#x110000;</Message></Response>', /not an XML character/],
    ['a raw control character', '<Response><Message>a\u0001b</Message></Response>', /U\+0001/],
    ['a lone surrogate', '<Response><Message>a\uD800b</Message></Response>', /U\+D800/],
    ['an unescaped "<"', '<Response><Message>1 < 2</Message></Response>', /does not start a tag/],
    ['"]]>" in text', '<Response><Message>a]]>b</Message></Response>', /"]]>"/],
    ['an unquoted attribute', '<Response><Message to=x>Hi</Message></Response>', /not quoted/],
    ['an attribute without value', '<Response><Message to>Hi</Message></Response>', /has no value/],
    ['a duplicated attribute', '<Response><Message to="a" to="b">Hi</Message></Response>', /appears twice/],
    ['attributes without space between them', '<Response><Message to="a"from="b">Hi</Message></Response>', /needs a space/],
    ['"<" in an attribute value', '<Response><Message to="<">Hi</Message></Response>', /contains "<"/],
    ['a tag never closed', '<Response', /never closed/],
    ['a second root', '<Response/><Response/>', /second root/],
    ['text after the root', '<Response/>trailing', /text after the root/],
    ['a DOCTYPE that is not HTML', '<!DOCTYPE Response><Response/>', /DOCTYPE/],
    ['an XML declaration after whitespace', ` ${DECL}<Response/>`, /declaration must come first/],
    ['"--" inside a comment', '<Response><!-- a -- b --></Response>', /"--"/],
    ['an unclosed comment', '<Response><!-- a', /comment is never closed/],
    ['an unclosed CDATA section', '<Response><Message><![CDATA[a</Message></Response>', /CDATA section is never closed/],
    ['CDATA outside the root', '<![CDATA[x]]><Response/>', /CDATA section outside/],
    ['only a declaration', DECL, /no root element/],
    ['over 64 kB', `<Response><Message>${'a'.repeat(64 * 1024)}</Message></Response>`, /64 kB.*11750/],
  ])('%s', (_, body, reason) => {
    const parsed = parseTwiml(body);
    expect(parsed.kind).toBe('not-twiml');
    if (parsed.kind === 'not-twiml') expect(parsed.reason).toMatch(reason);
  });
});

describe('parseTwiml never throws, and what it reads prints back to the same record', () => {
  // A fixed seed in CI, so a failure there is reproduced by running the same test.
  const RUNS = { numRuns: 1000, ...(process.env.CI ? { seed: 20261127 } : {}) };
  /**
   * Whatever the input, a reply is read as TwiML or refused with a reason; TwiML read from anywhere and
   * written again by a store reads back as the same messages (those with text: Twilio sends no empty one).
   */
  const holds = (body: string): void => {
    const parsed = parseTwiml(body);
    if (parsed.kind === 'not-twiml') {
      expect(parsed.reason.length).toBeGreaterThan(0);
      return;
    }
    const withText = parsed.messages.filter((message) => message !== '');
    expect(parseTwiml(renderTwiml(withText))).toEqual(twiml(withText));
  };

  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }));
  const piece = fc.oneof(
    fc.constantFrom(
      '<Response>', '</Response>', '<Response/>', '<Message>', '</Message>', '<Message/>', '<Body>', '</Body>', '<Media>', '</Media>',
      '<Redirect>', '</Redirect>', '<html>', '<!DOCTYPE html>', DECL, '<?', '?>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#x1F6D1;',
      '&#', '&', ';', '<', '>', '/>', '"', "'", '=', ' to="a"', ' ', '\n', '\u0000', '\uD800', '🛑', 'STOP',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 5 }),
  );
  const tagSoup = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
  const mutatedValid = fc
    .tuple(fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }), fc.nat(), fc.nat({ max: 10 }), fc.string({ unit: 'binary', maxLength: 6 }))
    .map(([messages, at, cut, insert]) => {
      const text = renderTwiml(messages);
      const where = at % (text.length + 1);
      return text.slice(0, where) + insert + text.slice(where + cut);
    });

  it('on arbitrary strings', () => fc.assert(fc.property(anyText, holds), RUNS));
  it('on tag soup', () => fc.assert(fc.property(tagSoup, holds), RUNS));
  it('on edits of valid TwiML', () => fc.assert(fc.property(mutatedValid, holds), RUNS));

  it('reads back what a store writes: every non-empty message, trimmed, in order', () => {
    const xmlText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !/[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u.test(text));
    fc.assert(
      fc.property(fc.array(xmlText, { maxLength: 5 }), (messages) => {
        const expected = messages.map((message) => message.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')).filter((message) => message !== '');
        expect(parseTwiml(renderTwiml(messages))).toEqual(twiml(expected));
      }),
      RUNS,
    );
  });
});
