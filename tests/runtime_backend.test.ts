// The backend choice of runtime/backend.ts: Vulkan alone where a Vulkan driver is installed, so
// that libglvnd's EGL (whose thread-exit destructor corrupts the heap at process exit, aborting
// `deno test` after its summary) is never loaded.
import assert from "node:assert/strict";
import { vulkanDrivers } from "../runtime/backend.ts";
import { abortedAfterPassing } from "./run.ts";
import { getAdapter, OPENGL_WORKGROUP_BYTES } from "../runtime/device.ts";
import { emitKernel, tilePolicy } from "../compiler/kernels/mod.ts";
import { lower } from "../compiler/lower.ts";
import { trainGraph } from "../dsl/mod.ts";
import { configs } from "../nets/mod.ts";

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
const noVulkanTest = Deno.build.os !== "linux"
  ? "not Linux"
  : userChoice !== undefined && userChoice !== "vulkan"
  ? `DENO_WEBGPU_BACKEND=${userChoice}`
  : vulkanDrivers((k) => Deno.env.get(k)).length === 0
  ? "no Vulkan driver installed"
  : "";
Deno.test({
  name: "with a Vulkan driver installed, the adapter comes from Vulkan and EGL is never loaded" +
    (noVulkanTest ? ` (ignored: ${noVulkanTest})` : ""),
  ignore: noVulkanTest !== "",
  async fn() {
    const adapter = await getAdapter().catch(() => undefined);
    assert.ok(adapter, "a Vulkan driver is installed but no adapter came");
    assert.equal(Deno.env.get("DENO_WEBGPU_BACKEND"), "vulkan");
    const maps = Deno.readTextFileSync("/proc/self/maps");
    assert.ok(!maps.includes("libEGL"), "libEGL is mapped: the OpenGL backend was loaded");
  },
});

/**
 * What a child process on wgpu's OpenGL backend sees (the backend is fixed once per process):
 * its adapter traits and description, or `absent` when that backend gives no adapter on this
 * machine (no Mesa OpenGL drivers). Run once, when the module loads, so that the test below can
 * be reported as ignored, with the reason in its name, instead of passing without a check.
 */
const gl = await (async () => {
  const code = `
    import { openGpu } from "./cli/gpu.ts";
    import { getAdapterTraits } from "./runtime/device.ts";
    const g = await openGpu();
    console.log(JSON.stringify({ traits: await getAdapterTraits(g.adapter), description: g.description }));
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    cwd: new URL("..", import.meta.url).pathname,
    env: { DENO_WEBGPU_BACKEND: "gl", XDG_RUNTIME_DIR: "/tmp" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  const stderr = text.decode(out.stderr);
  return { absent: out.code !== 0 && /No WebGPU adapter/.test(stderr), out, stderr, text };
})();
if (gl.absent) {
  console.warn(
    "runtime_backend.test.ts: the OpenGL test is ignored: no adapter on wgpu's GL backend",
  );
}

Deno.test({
  name:
    "on wgpu's OpenGL backend: a 2 KiB workgroup budget every kernel keeps, and no tuning table" +
    (gl.absent ? " (ignored: this machine has no OpenGL adapter)" : ""),
  ignore: gl.absent,
  fn() {
    const { out, stderr, text } = gl;
    assert.equal(out.code, 0, stderr);
    const { traits, description } = JSON.parse(text.decode(out.stdout).trim().split("\n").at(-1)!);
    assert.equal(traits.maxWorkgroupStorage, OPENGL_WORKGROUP_BYTES);
    assert.match(description, /\(OpenGL\)/);
    assert.doesNotMatch(description, /tuned/);
    // Every kernel of E's training step stays within the budget under the policy's tiles.
    const m = configs.E({ width: 8, size: 32, classes: 10 });
    for (const k of lower(trainGraph(m, 64), { tiles: tilePolicy(traits) }).kernels) {
      const bytes = emitKernel(k.spec).workgroupStorageBytes;
      assert.ok(bytes <= OPENGL_WORKGROUP_BYTES, `${k.name}: ${bytes} bytes of workgroup memory`);
    }
  },
});

Deno.test("tests/run.ts: only SIGABRT after a passing summary on OpenGL counts as passed", () => {
  const pass = "ok | 3 passed | 0 failed (4s)\n", fail = "FAILED | 2 passed | 1 failed (4s)\n";
  const abort = { success: false, signal: "SIGABRT" as const };
  assert.ok(abortedAfterPassing(abort, `x ... ok\n\n\x1b[32m${pass}`, true));
  assert.ok(!abortedAfterPassing(abort, pass, false), "Vulkan: an abort is an abort");
  assert.ok(!abortedAfterPassing(abort, fail, true), "a failed test stays failed");
  assert.ok(!abortedAfterPassing(abort, "x ... ok\n", true), "an abort before the summary");
  assert.ok(!abortedAfterPassing({ success: false, signal: "SIGSEGV" }, pass, true));
  assert.ok(!abortedAfterPassing({ success: false, signal: null }, pass, true));
});
