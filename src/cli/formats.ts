/** Every output format. A module of its own, with no imports, so the CLI's start-up can list them cheaply. */
export const FORMATS = ['terminal', 'json', 'junit', 'markdown', 'html', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
