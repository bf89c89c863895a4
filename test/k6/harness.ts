import vm from 'node:vm';

/**
 * The k6 APIs the exported script uses, implemented just far enough to run it in Node: `k6/http`
 * (request, CookieJar, cookiesForURL), `check`, `sleep`, `k6/execution`'s iteration number and
 * `k6/metrics` Counter and Trend. k6's http.request is synchronous, so the store here is a synchronous
 * function too: the harness checks what the script sends and counts, not how fast anything is.
 */
export interface FakeRequest {
  method: string;
  url: string;
  body: string | Record<string, string> | null;
  headers: Record<string, string>;
  params: { redirects?: number; timeout?: string; tags?: Record<string, string>; responseType?: string };
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** k6's error_code for a request without an answer (1050: timeout). */
  errorCode?: number;
}

export type FakeStore = (request: FakeRequest) => FakeAnswer;

interface Sample {
  metric: string;
  value: number;
  tags: Record<string, string>;
}

class CookieJar {
  readonly cookies = new Map<string, string>();
  cookiesForURL(): Record<string, string[]> {
    return Object.fromEntries([...this.cookies].map(([name, value]) => [name, [value]]));
  }
  header(): string | undefined {
    return this.cookies.size === 0 ? undefined : [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const canonical = (name: string): string => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

/** The script as a function of the k6 modules: import lines become parameters, exports its result. */
const asFunction = (script: string): string => {
  const exported = [...script.matchAll(/^export (?:function|const) (\w+)/gm)].map((match) => match[1]);
  const body = script.replace(/^import .* from '[^']+';$/gm, '').replace(/^export /gm, '');
  return `(function (http, check, sleep, exec, Counter, Trend, __ENV) {\n${body}\nreturn { ${exported.join(', ')} };\n})`;
};

export class K6Harness {
  readonly requests: FakeRequest[] = [];
  readonly samples: Sample[] = [];
  readonly sleeps: number[] = [];
  readonly checks: { name: string; ok: boolean }[] = [];
  readonly exports: Record<string, unknown>;
  #iteration = 0;

  constructor(script: string, store: FakeStore, env: Record<string, string> = {}) {
    // vm.Script parses the whole script first: a syntax error throws here, before anything runs.
    const factory = new vm.Script(asFunction(script), { filename: 'k6-script.js' }).runInNewContext({}) as (...modules: unknown[]) => Record<string, unknown>;
    const samples = this.samples;
    const metric = (kind: string) =>
      class {
        constructor(readonly name: string) {}
        add(value: number, tags: Record<string, string> = {}): void {
          samples.push({ metric: this.name, value, tags: { ...tags, kind } });
        }
      };
    const http = {
      CookieJar,
      request: (method: string, url: string, body: FakeRequest['body'], params: FakeRequest['params'] & { headers?: Record<string, string>; jar?: CookieJar }) => {
        const jar = params.jar;
        const headers = { ...(params.headers ?? {}) };
        const cookie = jar?.header();
        if (cookie) headers.cookie = cookie;
        const request: FakeRequest = { method, url, body, headers, params: { redirects: params.redirects, timeout: params.timeout, tags: params.tags, responseType: params.responseType } };
        this.requests.push(request);
        const answer = store(request);
        const cookies: Record<string, { value: string }[]> = {};
        const setCookie = answer.headers?.['set-cookie'];
        if (setCookie) {
          const [pair] = setCookie.split(';', 1);
          const [name, ...value] = pair!.split('=');
          cookies[name!.trim()] = [{ value: value.join('=') }];
          jar?.cookies.set(name!.trim(), value.join('='));
        }
        this.samples.push({ metric: 'http_reqs', value: 1, tags: { ...params.tags } });
        return {
          status: answer.status,
          error_code: answer.errorCode ?? 0,
          headers: Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [canonical(name), value])),
          body: answer.body ?? '',
          cookies,
          timings: { duration: 10 },
        };
      },
    };
    const check = (value: unknown, checks: Record<string, (value: unknown) => boolean>): boolean =>
      Object.entries(checks).every(([name, test]) => {
        const ok = test(value);
        this.checks.push({ name, ok });
        return ok;
      });
    const sleep = (seconds: number): void => void this.sleeps.push(seconds);
    const iteration = () => this.#iteration;
    const exec = { scenario: { get iterationInTest() { return iteration(); } } };
    this.exports = factory(http, check, sleep, exec, metric('counter'), metric('trend'), env);
  }

  /** Runs `iterations` sessions of one exported journey function, numbered from 0 as k6 numbers them, counted in `iterations` as k6 counts them. */
  run(name: string, iterations: number): void {
    const run = this.exports[name] as () => void;
    const { scenarios } = this.exports.options as { scenarios: Record<string, { exec: string }> };
    const scenario = Object.keys(scenarios).find((key) => scenarios[key]!.exec === name) ?? name;
    for (let index = 0; index < iterations; index++) {
      this.#iteration = index;
      run();
      this.samples.push({ metric: 'iterations', value: 1, tags: { scenario } });
    }
  }

  /** The sum of a metric's samples whose tags include `tags`. */
  total(metric: string, tags: Record<string, string> = {}): number {
    return this.samples
      .filter((sample) => sample.metric === metric && Object.entries(tags).every(([key, value]) => sample.tags[key] === value))
      .reduce((sum, sample) => sum + sample.value, 0);
  }
}
