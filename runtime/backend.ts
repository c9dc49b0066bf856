// Which wgpu backend Deno's WebGPU loads. Deno creates its wgpu instance on the first
// requestAdapter() with every backend of the platform, so on Linux the OpenGL one (EGL through
// libglvnd) is loaded next to Vulkan even when Vulkan serves the adapter. libglvnd's EGL frees
// per-thread state from a thread-exit destructor that races with its own library destructor
// at process exit (gfx-rs/wgpu#4285): a `deno test` run, whose test modules each run on a
// thread of their own, then aborts after its summary with "corrupted size vs. prev_size" or
// "double free or corruption" (measured here: 2 runs in 30 of six small GPU test modules with
// both backends loaded; 21 in 60 on OpenGL alone; none in 100 on Vulkan alone). So where a
// Vulkan driver is installed and the user has not chosen, only the Vulkan backend is loaded.
// DENO_WEBGPU_BACKEND (read by Deno when it creates the instance) overrides this either way.

/** The folders the Vulkan loader searches for driver manifests on Linux. */
const ICD_DIRS = [
  "/etc/vulkan/icd.d",
  "/usr/local/etc/vulkan/icd.d",
  "/usr/share/vulkan/icd.d",
  "/usr/local/share/vulkan/icd.d",
];

/** What chooseBackend() decided, for error messages: undefined when it left Deno's default. */
export let chosenBackend: string | undefined;

/**
 * Restricts Deno's WebGPU to the Vulkan backend on Linux when a Vulkan driver manifest exists
 * and DENO_WEBGPU_BACKEND is unset, and sets XDG_RUNTIME_DIR where it is missing. Must run
 * before the process's first requestAdapter().
 * Does nothing outside Deno, off Linux, or without permission to read the environment.
 */
export function chooseBackend(): void {
  const deno = denoGlobal();
  if (!deno || deno.build.os !== "linux") return;
  try {
    // Without XDG_RUNTIME_DIR (a headless machine, a container) libwayland, loaded by the
    // drivers, prints "error: XDG_RUNTIME_DIR is invalid or not set" twice while the adapter is
    // made: noise that reads like a failure. It only looks for a compositor socket there.
    if (!deno.env.get("XDG_RUNTIME_DIR")) deno.env.set("XDG_RUNTIME_DIR", "/tmp");
    if (deno.env.get("DENO_WEBGPU_BACKEND")) return;
    if (vulkanDrivers((k) => deno.env.get(k)).length === 0) return;
    deno.env.set("DENO_WEBGPU_BACKEND", "vulkan");
    chosenBackend = "vulkan";
  } catch {
    // No --allow-env or --allow-read: leave Deno's default.
  }
}

/** Whether this process's WebGPU runs on wgpu's OpenGL backend: chosen with DENO_WEBGPU_BACKEND,
 *  or Deno's default on Linux without a Vulkan driver (the bare-machine case). Call after
 *  chooseBackend(). Where it cannot tell (no Deno, no permission), false. */
export function openGlBackend(): boolean {
  const deno = denoGlobal();
  if (!deno) return false;
  try {
    const chosen = deno.env.get("DENO_WEBGPU_BACKEND")?.toLowerCase();
    if (chosen) return chosen === "gl" || chosen === "opengl";
    return deno.build.os === "linux" && vulkanDrivers((k) => deno.env.get(k)).length === 0;
  } catch {
    return false;
  }
}

/** The Vulkan driver manifests the loader would find: VK_DRIVER_FILES / VK_ICD_FILENAMES
 *  when set (as the loader does), the standard folders otherwise. */
export function vulkanDrivers(
  env: (name: string) => string | undefined,
  dirs: readonly string[] = ICD_DIRS,
): string[] {
  const deno = denoGlobal();
  if (!deno) return [];
  const listed = env("VK_DRIVER_FILES") ?? env("VK_ICD_FILENAMES");
  if (listed !== undefined) return listed.split(":").filter((f) => f && isFile(deno, f));
  const found: string[] = [];
  for (const dir of dirs) {
    try {
      for (const e of deno.readDirSync(dir)) {
        if (e.name.endsWith(".json")) found.push(`${dir}/${e.name}`);
      }
    } catch {
      // Folder absent.
    }
  }
  return found;
}

/** Deno's namespace, reached through globalThis: this module is also bundled into the web page,
 *  where the bundle check refuses any direct reference to Deno. */
function denoGlobal(): typeof Deno | undefined {
  return (globalThis as { Deno?: typeof Deno }).Deno;
}

function isFile(deno: typeof Deno, path: string): boolean {
  try {
    return deno.statSync(path).isFile;
  } catch {
    return false;
  }
}
