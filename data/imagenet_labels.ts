/**
 * ImageNet's label files, as the ILSVRC2012 downloads ship them:
 *
 * - `LOC_synset_mapping.txt` (Kaggle's copy): `n01440764 tench, Tinca tinca`, one class a line;
 *   gives the words for each WordNet id.
 * - `LOC_val_solution.csv` (Kaggle): `ILSVRC2012_val_00008726,n02119789 255 142 454 329 ...`;
 *   the first WordNet id of a row is the image's class.
 * - `ILSVRC2012_validation_ground_truth.txt` (the devkit's data/): line k is the class of
 *   ILSVRC2012_val_0000000k as an ILSVRC2012_ID, 1 to 1000 in the devkit's own order, which is
 *   not the sorted order of the WordNet ids; the devkit's `meta.mat` maps the ids to WordNet
 *   ids (its `synsets` struct), so both files are needed.
 *
 * They are looked for in DIR, DIR/val, DIR/ILSVRC2012_devkit_t12/data and DIR/devkit/data, and
 * up to three folders above DIR (Kaggle's DIR is ILSVRC/Data/CLS-LOC, its files at the top).
 */
import { basename, dirname, join } from "node:path";
import { DataError } from "./errors.ts";
import { exists, readFileBytes } from "./files.ts";
import { fieldNumber, fieldText, readMat } from "./matfile.ts";

export const SYNSET_MAPPING = "LOC_synset_mapping.txt";
export const LOC_VAL_SOLUTION = "LOC_val_solution.csv";
export const DEVKIT_GROUND_TRUTH = "ILSVRC2012_validation_ground_truth.txt";
export const DEVKIT_META = "meta.mat";

/** The folders searched for label files, nearest first. */
export function labelDirs(root: string): string[] {
  const up1 = dirname(root), up2 = dirname(up1), up3 = dirname(up2);
  const near = [root, join(root, "val"), join(root, "ILSVRC2012_devkit_t12", "data")];
  return [...near, join(root, "devkit", "data"), up1, up2, up3];
}

/** The first existing `name` in `dirs`. */
export async function findFile(dirs: string[], name: string): Promise<string | undefined> {
  for (const d of dirs) {
    const p = join(d, name);
    if (await exists(p)) return p;
  }
  return undefined;
}

async function lines(path: string): Promise<string[]> {
  return new TextDecoder().decode(await readFileBytes(path)).split(/\r?\n/);
}

/** LOC_synset_mapping.txt: WordNet id -> words. */
export async function readSynsetMapping(path: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [i, line] of (await lines(path)).entries()) {
    if (!line.trim()) continue;
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) throw new DataError(`${path}:${i + 1}: expected 'WNID words', got '${line}'`);
    out.set(m[1], m[2]);
  }
  return out;
}

/** LOC_val_solution.csv: image id (file name without extension) -> WordNet id. */
export async function readLocValSolution(path: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [i, line] of (await lines(path)).entries()) {
    if (!line.trim() || (i === 0 && line.startsWith("ImageId"))) continue;
    const m = /^([^,]+),\s*(\S+)/.exec(line);
    if (!m) throw new DataError(`${path}:${i + 1}: expected 'ImageId,WNID ...', got '${line}'`);
    out.set(m[1], m[2]);
  }
  return out;
}

export interface DevkitSynset {
  wnid: string;
  words: string;
}

/** meta.mat's `synsets`: ILSVRC2012_ID -> WordNet id and words (the 1000 leaves and the rest). */
export async function readDevkitMeta(path: string): Promise<Map<number, DevkitSynset>> {
  const synsets = readMat(await readFileBytes(path), path).get("synsets");
  if (synsets?.kind !== "struct") throw new DataError(`${path}: no 'synsets' struct`);
  const out = new Map<number, DevkitSynset>();
  for (const s of synsets.elements) {
    const id = fieldNumber(s.get("ILSVRC2012_ID")), wnid = fieldText(s.get("WNID"));
    if (id === undefined || !wnid) {
      throw new DataError(`${path}: a synset without ILSVRC2012_ID or WNID`);
    }
    out.set(id, { wnid, words: fieldText(s.get("words")) ?? wnid });
  }
  return out;
}

/** The devkit's ground truth: image id (ILSVRC2012_val_0000000k) -> WordNet id. */
export async function readDevkitGroundTruth(
  path: string,
  synsets: Map<number, DevkitSynset>,
  metaPath: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let k = 0;
  for (const [i, line] of (await lines(path)).entries()) {
    if (!line.trim()) continue;
    const id = Number(line.trim()), s = synsets.get(id);
    if (!s) {
      throw new DataError(`${path}:${i + 1}: class id '${line.trim()}' is not in ${metaPath}`);
    }
    out.set(`ILSVRC2012_val_${String(++k).padStart(8, "0")}`, s.wnid);
  }
  return out;
}

export interface FlatValLabels {
  /** Image id (file name without its extension) -> WordNet id. */
  byImage: Map<string, string>;
  /** Where the labels came from, for messages. */
  source: string;
  /** Words per WordNet id when the files give them. */
  words?: Map<string, string>;
}

/** The labels of a flat `val/` folder, from whichever label files are there. */
export async function flatValLabels(root: string): Promise<FlatValLabels> {
  const dirs = labelDirs(root);
  const loc = await findFile(dirs, LOC_VAL_SOLUTION);
  if (loc) return { byImage: await readLocValSolution(loc), source: loc };
  const gt = await findFile(dirs, DEVKIT_GROUND_TRUTH);
  if (gt) {
    // The devkit keeps meta.mat beside the ground truth; look there first.
    const meta = await findFile([dirname(gt), ...dirs], DEVKIT_META);
    if (!meta) {
      throw new DataError(
        `${gt} numbers the classes in the ILSVRC2012 devkit's order; its ${DEVKIT_META} ` +
          `(ILSVRC2012_devkit_t12/data/${DEVKIT_META}) is needed beside it to map them to the ` +
          `class folders`,
      );
    }
    const synsets = await readDevkitMeta(meta);
    const words = new Map([...synsets.values()].map((s) => [s.wnid, s.words]));
    return { byImage: await readDevkitGroundTruth(gt, synsets, meta), source: gt, words };
  }
  throw new DataError(
    `${join(root, "val")} holds images without class folders, and no ${LOC_VAL_SOLUTION} or ` +
      `${DEVKIT_GROUND_TRUTH} (with the devkit's ${DEVKIT_META}) was found in ` +
      `${dirs.join(", ")}`,
  );
}

/** The image id of a val file: its name without the extension. */
export function imageId(path: string): string {
  return basename(path).replace(/\.[^.]*$/, "");
}
