import { z } from 'zod';
import { builtinChecks } from '../../engine/registry.js';
import { buildProfileSchema } from '../../profile/schema.js';
import { writeOutput } from '../write-output.js';

export const profileJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(buildProfileSchema(builtinChecks), { io: 'input', unrepresentable: 'any' }),
  title: 'q4check store profile',
});

/** The JSON Schema, generated from the zod schema that validates profiles: one source, no drift. */
export const schemaCommand = async (): Promise<void> => {
  await writeOutput(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`, undefined);
};
