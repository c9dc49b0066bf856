// spec: {"kind":"sgd","lossScale":true,"momentum":0.9,"size":216,"weightDecay":0.0005}
// sgd: workgroup size 256x1x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: w:read_write:f32, m:read_write:f32, g:read:f32, flag:read:u32, step_params:uniform:u32
// sgd 216 momentum 0.9 weight decay 0.0005
struct Step { seed: u32, lr: f32, scale: f32, pad: u32 };
@group(0) @binding(0) var<storage, read_write> w: array<f32>;
@group(0) @binding(1) var<storage, read_write> m: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read> flag: array<u32>;
@group(0) @binding(4) var<uniform> step_params: Step;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 216u) {
    if (flag[0] != 0u) { return; }
    let wi = w[i0];
    let gi = g[i0] * step_params.scale + 0.0005000000237487257f * wi;
    let mi = 0.8999999761581421f * m[i0] + gi;
    m[i0] = mi;
    w[i0] = wi - step_params.lr * mi;
  }
  let i1 = base + 256u;
  if (i1 < 216u) {
    if (flag[0] != 0u) { return; }
    let wi = w[i1];
    let gi = g[i1] * step_params.scale + 0.0005000000237487257f * wi;
    let mi = 0.8999999761581421f * m[i1] + gi;
    m[i1] = mi;
    w[i1] = wi - step_params.lr * mi;
  }
  let i2 = base + 512u;
  if (i2 < 216u) {
    if (flag[0] != 0u) { return; }
    let wi = w[i2];
    let gi = g[i2] * step_params.scale + 0.0005000000237487257f * wi;
    let mi = 0.8999999761581421f * m[i2] + gi;
    m[i2] = mi;
    w[i2] = wi - step_params.lr * mi;
  }
  let i3 = base + 768u;
  if (i3 < 216u) {
    if (flag[0] != 0u) { return; }
    let wi = w[i3];
    let gi = g[i3] * step_params.scale + 0.0005000000237487257f * wi;
    let mi = 0.8999999761581421f * m[i3] + gi;
    m[i3] = mi;
    w[i3] = wi - step_params.lr * mi;
  }
}
