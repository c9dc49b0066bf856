/**
 * One image file to one network input: read, size from the header, the sample's plan (random for
 * training, fixed for testing), decode of the crop alone, then CHW floats with flip, colour shift
 * and mean subtraction in one pass. Runs in the decode workers and, with `--workers 0`, in the
 * calling thread; the result depends only on the file, the seed and the settings.
 */
import { cropToCHW, type PipelineSettings, testPlan, trainPlan } from "./augment.ts";
import { readFileBytes } from "./files.ts";
import { decodeRegion, imageSize, type Kernel } from "./image_decode.ts";
import { makeRng } from "./rng.ts";

/**
 * The data pipeline's resampling: libvips' linear kernel, a triangle filter that widens when it
 * shrinks (antialiased, as PIL's bilinear in torchvision's transforms; the paper's Caffe rescaled
 * bilinearly too). Measured with bench/data_stages.ts, it costs about 20% less per sample than
 * Lanczos-3, which predict, eval and the browser page keep.
 */
export const PIPELINE_KERNEL: Kernel = "linear";

/** Writes crop*crop*3 floats for `path` into `out` at `offset` (a DataError if unreadable). */
export async function loadSample(
  path: string,
  seed: number,
  augment: boolean,
  cfg: PipelineSettings,
  out: Float32Array,
  offset: number,
): Promise<void> {
  const bytes = await readFileBytes(path);
  const { width, height } = await imageSize(bytes, path);
  const plan = augment
    ? trainPlan(width, height, cfg, makeRng(seed))
    : testPlan(width, height, cfg);
  const img = await decodeRegion(bytes, path, plan.size, plan.box, PIPELINE_KERNEL);
  const whole = { left: 0, top: 0, width: cfg.crop, height: cfg.crop };
  cropToCHW(
    img.data,
    img.width,
    img.height,
    img.channels,
    whole,
    plan.flip,
    plan.bias,
    out,
    offset,
  );
}
