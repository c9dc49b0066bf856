// spec: {"alpha":0.0001,"beta":0.75,"c":8,"h":32,"k":2,"kind":"lrn","n":2,"size":5,"w":32}
// lrn: workgroup size 256x1x1, 16x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, y:read_write:f32
// lrn 2x8x32x32 size 5
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

fn denom(base: u32, c: i32) -> f32 {
  var sum = 0.0f;
  for (var j = max(c - 2i, 0i); j <= min(c + 2i, 7i); j++) {
    let v = x[base + u32(j) * 1024u];
    sum += v * v;
  }
  return 2.0f + 0.00009999999747378752f * sum;
}

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = wg.x * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 16384u) {
    let ch = i32((i0 / 1024u) % 8u);
    let base = (i0 / 8192u) * 8192u + i0 % 1024u;
    y[i0] = x[i0] * pow(denom(base, ch), -0.75f);
  }
  let i1 = base + 256u;
  if (i1 < 16384u) {
    let ch = i32((i1 / 1024u) % 8u);
    let base = (i1 / 8192u) * 8192u + i1 % 1024u;
    y[i1] = x[i1] * pow(denom(base, ch), -0.75f);
  }
  let i2 = base + 512u;
  if (i2 < 16384u) {
    let ch = i32((i2 / 1024u) % 8u);
    let base = (i2 / 8192u) * 8192u + i2 % 1024u;
    y[i2] = x[i2] * pow(denom(base, ch), -0.75f);
  }
  let i3 = base + 768u;
  if (i3 < 16384u) {
    let ch = i32((i3 / 1024u) % 8u);
    let base = (i3 / 8192u) * 8192u + i3 % 1024u;
    y[i3] = x[i3] * pow(denom(base, ch), -0.75f);
  }
}
