import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Saved artifacts let a run be judged again offline: an agency re-renders a report, a test replays a
 * recorded case, a bug report carries its evidence. One JSON file per check, named by its id.
 */
export const artifactFile = (dir: string, checkId: string): string => path.join(dir, `${checkId}.json`);

export const saveArtifact = async (dir: string, checkId: string, artifact: unknown, redact: (text: string) => string) => {
  await mkdir(dir, { recursive: true });
  await writeFile(artifactFile(dir, checkId), `${redact(JSON.stringify(artifact, null, 2))}\n`);
};

/** A gather that failed is saved too, so a replay shows the same error instead of a missing file. */
interface SavedFailure {
  gatherError: string;
  cause?: string;
}

/** A saved failure replayed: the same reason and the same cause as when it was gathered. */
export class ReplayedGatherError extends Error {
  constructor(
    message: string,
    readonly findingCause: string | undefined,
  ) {
    super(message);
  }
}

export const saveGatherError = (dir: string, checkId: string, reason: string, cause: string, redact: (text: string) => string) =>
  saveArtifact(dir, checkId, { gatherError: reason, cause } satisfies SavedFailure, redact);

const isSavedFailure = (value: unknown): value is SavedFailure =>
  typeof value === 'object' && value !== null && typeof (value as SavedFailure).gatherError === 'string' && Object.keys(value).every((key) => key === 'gatherError' || key === 'cause');

export const loadArtifact = async (dir: string, checkId: string): Promise<unknown> => {
  const file = artifactFile(dir, checkId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`no saved artifact ${path.basename(file)} in the artifacts folder`);
  }
  let artifact: unknown;
  try {
    artifact = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`saved artifact ${path.basename(file)} is not valid JSON (${(error as Error).message})`);
  }
  if (isSavedFailure(artifact)) throw new ReplayedGatherError(artifact.gatherError, artifact.cause);
  return artifact;
};
