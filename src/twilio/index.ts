export { SIGNATURE_HEADER, signTwilioRequest, validateTwilioSignature } from './signature.js';
export { decodeForm, encodeForm, type FormParams } from './form.js';
export { buildInboundSms, type Geo, type InboundForm, type InboundSms } from './inbound.js';
export { isSid, makeSid, randomSidDigits, type SidDigits } from './sid.js';
export { parseTwiml, type TwimlReply } from './twiml.js';
export { countSegments, type SegmentCount } from './segments.js';
export { renderTwiml } from './twiml-writer.js';
export { optOutTypeOf, type OptOutType } from './opt-out-type.js';
