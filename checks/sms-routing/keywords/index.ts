export { CORPUS_SOURCE, KEYWORD_CORPUS, entriesFor } from './corpus.js';
export { gradeFor, type EntryKind, type Grade, type Intent, type KeywordEntry, type SourceRef } from './entry.js';
export { variantsOf } from './variants.js';
export { isCanadian } from '../../../src/nanp/canada.js';
export { CANADIAN_NPAS } from '../../../src/nanp/canadian-npas.js';
export { classifyReply, type HelpElements, type ReplyClassification, type ReplyKind } from './classify-reply.js';
