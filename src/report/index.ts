import type { Format } from '../cli/outputs.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';
import type { Renderer } from './text.js';

export const renderers: Readonly<Record<Format, Renderer>> = {
  terminal: renderTerminal,
  json: renderJson,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
  sarif: renderSarif,
};

export const FILE_EXTENSIONS: Record<Format, string> = { terminal: 'txt', json: 'json', junit: 'xml', markdown: 'md', html: 'html', sarif: 'sarif' };
