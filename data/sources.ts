/** Turns a `--data` spec string into a loaded Dataset, and says which data was actually used. */
import { loadCifar10 } from "./cifar10.ts";
import type { Dataset } from "./dataset.ts";
import { DataError } from "./errors.ts";
import { hasFashionMnist, loadFashionMnist } from "./fashion_mnist.ts";
import type { ImageFolderOptions } from "./imagefolder.ts";
import { DEFAULT_SOURCE_DIR, EMBEDDED_DIR } from "./make_embedded.ts";

export const DATA_SPEC_FORMS = [
  "fashion-mnist",
  "fashion-mnist:DIR",
  "fashion-mnist-embedded",
  "cifar10:DIR",
  "imagefolder:DIR",
];

export type DataKind = "fashion-mnist" | "fashion-mnist-embedded" | "cifar10" | "imagefolder";

export interface DataSpec {
  kind: DataKind;
  /** Directory for the forms that take one (for plain `fashion-mnist`: chosen at load time). */
  dir?: string;
}

export interface LoadedData {
  dataset: Dataset;
  kind: DataKind;
  /** Directory the data was read from. */
  dir: string;
  /** One line for the user, e.g. "fashion-mnist embedded subset (6000 train / 1000 test)". */
  description: string;
}

export interface LoadDataOptions {
  /** Fashion-MNIST output side (>= 28); default 32. */
  size?: number;
  imagefolder?: ImageFolderOptions;
  /** Where plain `fashion-mnist` looks for the full set first. */
  fullFashionMnistDir?: string;
}

/** Parse a spec; anything unrecognised is a DataError that lists the accepted forms. */
export function parseDataSpec(spec: string | undefined): DataSpec {
  const s = (spec ?? "fashion-mnist").trim();
  if (s === "fashion-mnist") return { kind: "fashion-mnist" };
  if (s === "fashion-mnist-embedded") return { kind: "fashion-mnist-embedded" };
  const colon = s.indexOf(":");
  const scheme = colon >= 0 ? s.slice(0, colon) : s;
  const dir = colon >= 0 ? s.slice(colon + 1) : "";
  if ((scheme === "fashion-mnist" || scheme === "cifar10" || scheme === "imagefolder") && dir) {
    return { kind: scheme, dir };
  }
  const why = colon >= 0 && !dir ? "missing directory" : "unknown data source";
  throw new DataError(
    `--data ${JSON.stringify(s)}: ${why}; accepted: ${DATA_SPEC_FORMS.join(", ")}`,
  );
}

function counts(d: Dataset) {
  return `${d.train.count} train / ${d.test.count} test`;
}

/**
 * Load the data named by `spec`. Plain `fashion-mnist` uses the full set when it is installed
 * and otherwise falls back to the subset shipped in the repository; `description` tells which.
 */
export async function loadData(
  spec: string | undefined,
  opts: LoadDataOptions = {},
): Promise<LoadedData> {
  const parsed = parseDataSpec(spec);
  switch (parsed.kind) {
    case "fashion-mnist": {
      const fullDir = opts.fullFashionMnistDir ?? DEFAULT_SOURCE_DIR;
      if (parsed.dir || (await hasFashionMnist(fullDir))) {
        const dir = parsed.dir ?? fullDir;
        const dataset = await loadFashionMnist(dir, { size: opts.size });
        const description = `fashion-mnist from ${dir} (${counts(dataset)})`;
        return { dataset, kind: "fashion-mnist", dir, description };
      }
      const loaded = await loadEmbedded(opts);
      return {
        ...loaded,
        description: `${loaded.description}; full set not found at ${fullDir}`,
      };
    }
    case "fashion-mnist-embedded":
      return await loadEmbedded(opts);
    case "cifar10": {
      const dataset = await loadCifar10(parsed.dir!);
      const description = `cifar10 from ${parsed.dir} (${counts(dataset)})`;
      return { dataset, kind: "cifar10", dir: parsed.dir!, description };
    }
    case "imagefolder": {
      // Imported on demand so the Fashion-MNIST and CIFAR paths never load sharp's native code.
      const { loadImageFolder } = await import("./imagefolder.ts");
      const dataset = await loadImageFolder(parsed.dir!, opts.imagefolder);
      const s = dataset.height, scale = dataset.scale, q = dataset.testScale;
      const description = `imagefolder ${parsed.dir} (${counts(dataset)}, ` +
        `${dataset.classes.length} classes, val labels from ${dataset.valLabels}, colour stats ` +
        `${dataset.statsSource}; S ${typeof scale === "number" ? scale : scale.join("-")}, ` +
        `Q ${q}, ${s}x${s} crops, ${dataset.workers} decode workers)`;
      return { dataset, kind: "imagefolder", dir: parsed.dir!, description };
    }
  }
}

async function loadEmbedded(opts: LoadDataOptions): Promise<LoadedData> {
  const dataset = await loadFashionMnist(EMBEDDED_DIR, {
    size: opts.size,
    name: "fashion-mnist-embedded",
  });
  return {
    dataset,
    kind: "fashion-mnist-embedded",
    dir: EMBEDDED_DIR,
    description: `fashion-mnist embedded subset (${counts(dataset)})`,
  };
}
