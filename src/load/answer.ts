import { readJsonPath } from '../journey/json-path.js';

/** An answer as captures and expectations read it: the JSON is parsed once, on first use. */
export class Answer {
  #json: { value: unknown } | undefined;

  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[]>,
    readonly body: string,
  ) {}

  /** The body as JSON, or undefined when it is not JSON. */
  get json(): unknown {
    if (this.#json === undefined) {
      try {
        this.#json = { value: JSON.parse(this.body) as unknown };
      } catch {
        this.#json = { value: undefined };
      }
    }
    return this.#json.value;
  }

  /** The value at a JSON path of the body (`token`, `items[0].key`; a leading `$.` as JSONPath writes it is allowed). */
  at(path: string): unknown {
    return readJsonPath(this.json, path.replace(/^\$\.?/, ''));
  }

  header(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  setCookies(): string[] {
    const value = this.headers['set-cookie'];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
}
