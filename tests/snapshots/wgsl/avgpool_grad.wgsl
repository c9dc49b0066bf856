// avgpool_grad 2x2 2x4x8x8 [mask]
@group(0) @binding(0) var<storage, read> g: array<f32>;
@group(0) @binding(1) var<storage, read> ep0_mask: array<f32>;
@group(0) @binding(2) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 512u) {
    let plane = i0 / 64u;
    let oy = (i0 % 64u) / 8u / 2u;
    let ox = i0 % 8u / 2u;
    var v = 0.0f;
    if (oy < 4u && ox < 4u) {
      v = g[plane * 16u + oy * 4u + ox] / 4.0f;
    }
    var r = v;
    r = select(0.0f, r, ep0_mask[i0] > 0.0f);
    dx[i0] = r;
  }
  let i1 = base + 256u;
  if (i1 < 512u) {
    let plane = i1 / 64u;
    let oy = (i1 % 64u) / 8u / 2u;
    let ox = i1 % 8u / 2u;
    var v = 0.0f;
    if (oy < 4u && ox < 4u) {
      v = g[plane * 16u + oy * 4u + ox] / 4.0f;
    }
    var r = v;
    r = select(0.0f, r, ep0_mask[i1] > 0.0f);
    dx[i1] = r;
  }
  let i2 = base + 512u;
  if (i2 < 512u) {
    let plane = i2 / 64u;
    let oy = (i2 % 64u) / 8u / 2u;
    let ox = i2 % 8u / 2u;
    var v = 0.0f;
    if (oy < 4u && ox < 4u) {
      v = g[plane * 16u + oy * 4u + ox] / 4.0f;
    }
    var r = v;
    r = select(0.0f, r, ep0_mask[i2] > 0.0f);
    dx[i2] = r;
  }
  let i3 = base + 768u;
  if (i3 < 512u) {
    let plane = i3 / 64u;
    let oy = (i3 % 64u) / 8u / 2u;
    let ox = i3 % 8u / 2u;
    var v = 0.0f;
    if (oy < 4u && ox < 4u) {
      v = g[plane * 16u + oy * 4u + ox] / 4.0f;
    }
    var r = v;
    r = select(0.0f, r, ep0_mask[i3] > 0.0f);
    dx[i3] = r;
  }
}
