import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { SourcePosition } from '../lib/errors.js';
import { atPosition, ProfileProblems } from './problems.js';

export type FieldPath = readonly PropertyKey[];

/** A parsed YAML file that can say where any field of it was written. */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static parse(file: string, text: string): YamlSource {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, document, lines);
    if (document.errors.length > 0) {
      throw new ProfileProblems(
        file,
        document.errors.map((error) => ({ where: atPosition(source.positionOfOffset(error.pos[0])), problem: `malformed YAML: ${describeYamlError(error, text)}` })),
      );
    }
    return source;
  }

  positionOfOffset(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  positionOfNode(node: Node | null | undefined): SourcePosition {
    return this.positionOfOffset(node?.range?.[0] ?? 0);
  }

  /** The position of the value at `path`, or of the deepest ancestor that exists. */
  positionOf(path: FieldPath): SourcePosition {
    return this.positionOfNode(this.deepestNode(path));
  }

  /** How a plain (unquoted) scalar at exactly `path` was written: `+13035550142` where YAML read a number. */
  plainTextAt(path: FieldPath): string | undefined {
    let node = this.document.contents as Node | null | undefined;
    for (const segment of path) node = childOf(node ?? null, segment);
    return isScalar(node) && node.type === 'PLAIN' ? node.source : undefined;
  }

  /** The position of a key inside the mapping at `path` (for unknown keys). */
  positionOfKey(path: FieldPath, key: string): SourcePosition {
    const map = this.deepestNode(path);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair && isScalar(pair.key)) return this.positionOfNode(pair.key);
    }
    return this.positionOfNode(map);
  }

  /** The shortest part of `path` that is not written in the file but was added since (by a --set). */
  addedAlong(path: FieldPath): FieldPath | undefined {
    for (let end = 1; end <= path.length; end += 1) {
      const node: unknown = this.document.getIn(path.slice(0, end), true);
      if (node === undefined) return undefined;
      if (!isNode(node) || !node.range) return path.slice(0, end);
    }
    return undefined;
  }

  private deepestNode(path: FieldPath): Node | null {
    let node = this.document.contents as Node | null;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) break;
      node = child;
    }
    return node;
  }
}

const childOf = (node: Node | null, segment: PropertyKey): Node | undefined => {
  if (isSeq(node) && typeof segment === 'number') return asNode(node.items[segment]);
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    return asNode(pair?.value);
  }
  return undefined;
};

const asNode = (value: unknown): Node | undefined =>
  value && typeof value === 'object' && 'range' in value ? (value as Node) : undefined;

/** yaml's messages end with "at line N, column M:" and a code excerpt; the position is printed separately. */
const firstSentence = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

// What yaml says when a plain value holds ": " (`name: Acme: Outdoor`): it read a nested key.
const NESTED_KEY_ERRORS = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW']);

const describeYamlError = (error: YAMLError, text: string): string => {
  const restOfLine = text.slice(error.pos[0]).split('\n')[0] ?? '';
  if (NESTED_KEY_ERRORS.has(error.code) && restOfLine.includes(': ')) {
    return 'a plain value with ": " in it reads as a nested key; quote this value';
  }
  return firstSentence(error.message);
};
