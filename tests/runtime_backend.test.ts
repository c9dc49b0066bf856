// The backend choice of runtime/backend.ts: Vulkan alone where a Vulkan driver is installed, so
// that libglvnd's EGL (whose thread-exit destructor corrupts the heap at process exit, aborting
// `deno test` after its summary) is never loaded.
import assert from "node:assert/strict";
import { vulkanDrivers } from "../runtime/backend.ts";
import { getAdapter } from "../runtime/device.ts";

const envOf = (vars: Record<string, string>) => (k: string): string | undefined => vars[k];

Deno.test("vulkanDrivers: VK_DRIVER_FILES / VK_ICD_FILENAMES list the manifests, missing ones dropped", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const a = `${dir}/a_icd.json`, b = `${dir}/b_icd.json`;
    Deno.writeTextFileSync(a, "{}");
    Deno.writeTextFileSync(b, "{}");
    const missing = `${dir}/missing.json`;
    assert.deepEqual(vulkanDrivers(envOf({ VK_DRIVER_FILES: `${a}:${missing}:${b}` })), [a, b]);
    assert.deepEqual(vulkanDrivers(envOf({ VK_ICD_FILENAMES: `${missing}` })), []);
    // The newer variable wins, as in the Vulkan loader.
    assert.deepEqual(vulkanDrivers(envOf({ VK_DRIVER_FILES: b, VK_ICD_FILENAMES: a })), [b]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("vulkanDrivers: without the variables, the .json manifests of the loader's folders", () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/lvp_icd.x86_64.json`, "{}");
    Deno.writeTextFileSync(`${dir}/README`, "not a manifest");
    assert.deepEqual(vulkanDrivers(envOf({}), [`${dir}/absent`, dir]), [
      `${dir}/lvp_icd.x86_64.json`,
    ]);
    assert.deepEqual(vulkanDrivers(envOf({}), [`${dir}/absent`]), []);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

// The environment is the process's: in the parallel suite another test file's getAdapter() may
// have made the choice already, which is fine, as the test asks of the whole process.
const userChoice = Deno.env.get("DENO_WEBGPU_BACKEND");
Deno.test({
  name: "with a Vulkan driver installed, the adapter comes from Vulkan and EGL is never loaded",
  ignore: Deno.build.os !== "linux" || (userChoice !== undefined && userChoice !== "vulkan") ||
    vulkanDrivers((k) => Deno.env.get(k)).length === 0,
  async fn() {
    const adapter = await getAdapter().catch(() => undefined);
    assert.ok(adapter, "a Vulkan driver is installed but no adapter came");
    assert.equal(Deno.env.get("DENO_WEBGPU_BACKEND"), "vulkan");
    const maps = Deno.readTextFileSync("/proc/self/maps");
    assert.ok(!maps.includes("libEGL"), "libEGL is mapped: the OpenGL backend was loaded");
  },
});
