// elementwise 192 [batchnorm, relu]
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> ep0_stats: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_scale: array<f32>;
@group(0) @binding(3) var<storage, read> ep0_shift: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 192u) {
    var r = x[i0];
    r = (r - ep0_stats[((i0 / 16u) % 6u) * 2u]) * inverseSqrt(ep0_stats[(((i0 / 16u) % 6u) * 2u) + 1u] + 0.000009999999747378752f) * ep0_scale[(i0 / 16u) % 6u] + ep0_shift[(i0 / 16u) % 6u];
    r = select(r, 0.0f, r < 0.0f);
    y[i0] = r;
  }
  let i1 = base + 256u;
  if (i1 < 192u) {
    var r = x[i1];
    r = (r - ep0_stats[((i1 / 16u) % 6u) * 2u]) * inverseSqrt(ep0_stats[(((i1 / 16u) % 6u) * 2u) + 1u] + 0.000009999999747378752f) * ep0_scale[(i1 / 16u) % 6u] + ep0_shift[(i1 / 16u) % 6u];
    r = select(r, 0.0f, r < 0.0f);
    y[i1] = r;
  }
  let i2 = base + 512u;
  if (i2 < 192u) {
    var r = x[i2];
    r = (r - ep0_stats[((i2 / 16u) % 6u) * 2u]) * inverseSqrt(ep0_stats[(((i2 / 16u) % 6u) * 2u) + 1u] + 0.000009999999747378752f) * ep0_scale[(i2 / 16u) % 6u] + ep0_shift[(i2 / 16u) % 6u];
    r = select(r, 0.0f, r < 0.0f);
    y[i2] = r;
  }
  let i3 = base + 768u;
  if (i3 < 192u) {
    var r = x[i3];
    r = (r - ep0_stats[((i3 / 16u) % 6u) * 2u]) * inverseSqrt(ep0_stats[(((i3 / 16u) % 6u) * 2u) + 1u] + 0.000009999999747378752f) * ep0_scale[(i3 / 16u) % 6u] + ep0_shift[(i3 / 16u) % 6u];
    r = select(r, 0.0f, r < 0.0f);
    y[i3] = r;
  }
}
