import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ProfileError, type SourcePosition } from '../lib/errors.js';

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
    const [first] = document.errors;
    if (first) {
      throw new ProfileError(`malformed YAML: ${firstSentence(first.message)}`, source.positionOfOffset(first.pos[0]));
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

  /** The position of a key inside the mapping at `path` (for unknown keys). */
  positionOfKey(path: FieldPath, key: string): SourcePosition {
    const map = this.deepestNode(path);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair && isScalar(pair.key)) return this.positionOfNode(pair.key);
    }
    return this.positionOfNode(map);
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
