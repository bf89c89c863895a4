import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import type { LoadedProfile } from '../profile/load.js';
import { profileNames } from './profile-names.js';
import { secrets } from './session.js';

/**
 * Saved evidence is kept one folder per profile, so one client's artifacts never stand in for
 * another's: `DIR/<profile name>/<check>.json` beside a manifest saying whose they are.
 */
export const MANIFEST_FILE = 'q4check-manifest.json';

export interface ArtifactManifest {
  store: string;
  /** The profile's path as it was given when the artifacts were saved. */
  profile: string;
  q4checkVersion: string;
  /** When the evidence was gathered (ISO 8601): the CLI's clock, never a check's. */
  savedAt: string;
}

/** Where each profile's artifacts are saved: one folder each, named as its reports are. */
export const saveFolders = (root: string, loaded: readonly LoadedProfile[]): string[] =>
  profileNames(loaded.map((profile) => profile.file)).map((name) => path.join(root, name));

export const writeManifest = async (folder: string, manifest: ArtifactManifest): Promise<void> => {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, MANIFEST_FILE), `${secrets.redact(JSON.stringify(manifest, null, 2))}\n`);
};

const readManifest = async (folder: string): Promise<ArtifactManifest | undefined> => {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as Partial<ArtifactManifest>;
    if (typeof manifest.store === 'string' && typeof manifest.profile === 'string') return manifest as ArtifactManifest;
  } catch {
    // An unreadable manifest is reported below, as a folder whose owner is unknown.
  }
  throw new UsageError(`--from-artifacts: ${path.join(folder, MANIFEST_FILE)} is not a q4check manifest`);
};

const subfolders = async (root: string): Promise<string[]> => {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new UsageError(`--from-artifacts ${root}: no such folder`);
  });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(root, entry.name));
};

/** A profile's folder saved in another run, where another set of profiles gave it another name. */
const folderSavedFor = async (root: string, file: string): Promise<string | undefined> => {
  for (const folder of await subfolders(root)) {
    const manifest = await readManifest(folder);
    if (manifest !== undefined && path.resolve(manifest.profile) === path.resolve(file)) return folder;
  }
  return undefined;
};

/** Artifacts saved before folders per profile existed: `DIR/<check>.json`, one profile's only. */
const isFlatLayout = async (root: string): Promise<boolean> => {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile() && entry.name.endsWith('.json'));
};

/**
 * The folder holding each profile's saved artifacts, found before anything is judged: a folder whose
 * manifest names another store is refused, never judged as this one.
 */
export const findSavedFolders = async (root: string, loaded: readonly LoadedProfile[]): Promise<string[]> => {
  const names = profileNames(loaded.map((profile) => profile.file));
  const folders: string[] = [];
  for (const [index, profile] of loaded.entries()) {
    const named = path.join(root, names[index]!);
    const manifest = await readManifest(named);
    const folder = manifest !== undefined ? named : await folderSavedFor(root, profile.file);
    if (folder === undefined) {
      if (loaded.length === 1 && (await isFlatLayout(root))) return [root];
      throw new UsageError(`--from-artifacts ${root}: no artifacts saved for ${profile.file} (expected in ${named})`);
    }
    const owner = (await readManifest(folder))!;
    if (owner.store !== profile.profile.store.name) {
      throw new UsageError(`--from-artifacts ${folder}: these artifacts are ${owner.store}'s (${owner.profile}), not ${profile.profile.store.name}'s`);
    }
    folders.push(folder);
  }
  return folders;
};
