// spec: {"c":64,"epilogue":[{"op":"relu_grad"}],"h":2,"kind":"maxpool_grad","n":2,"w":2}
// maxpool_grad+mask: workgroup size 256x1x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, g:read:f32, ep0_mask:read:f32, dx:read_write:f32
// maxpool_grad 2x64x2x2 [mask]
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 128u) {
    let plane = i0 / 1u;
    let wy = (i0 % 1u) / 1u;
    let wx = i0 % 1u;
    let b = plane * 4u + wy * 4u + wx * 2u;
    if (wy < 1u && wx < 1u) {
      let v0 = x[b + 0u];
      let v1 = x[b + 1u];
      let v2 = x[b + 2u];
      let v3 = x[b + 3u];
      var best = v0;
      var arg = 0u;
      if (v1 > best) { best = v1; arg = 1u; }
      if (v2 > best) { best = v2; arg = 2u; }
      if (v3 > best) { best = v3; arg = 3u; }
      let gv = g[plane * 1u + wy * 1u + wx];
      let at = b + (arg & 1u) + (arg >> 1u) * 2u;
      var r = gv;
      r = select(0.0f, r, ep0_mask[at] > 0.0f);
      dx[b + 0u] = select(0.0f, r, arg == 0u);
      dx[b + 1u] = select(0.0f, r, arg == 1u);
      dx[b + 2u] = select(0.0f, r, arg == 2u);
      dx[b + 3u] = select(0.0f, r, arg == 3u);
    }
    else {
      dx[b] = 0.0f;
      if (2u * wx + 1u < 2u) { dx[b + 1u] = 0.0f; }
      if (2u * wy + 1u < 2u) { dx[b + 2u] = 0.0f; }
      if (2u * wx + 1u < 2u && 2u * wy + 1u < 2u) { dx[b + 3u] = 0.0f; }
    }
  }
  let i1 = base + 256u;
  if (i1 < 128u) {
    let plane = i1 / 1u;
    let wy = (i1 % 1u) / 1u;
    let wx = i1 % 1u;
    let b = plane * 4u + wy * 4u + wx * 2u;
    if (wy < 1u && wx < 1u) {
      let v0 = x[b + 0u];
      let v1 = x[b + 1u];
      let v2 = x[b + 2u];
      let v3 = x[b + 3u];
      var best = v0;
      var arg = 0u;
      if (v1 > best) { best = v1; arg = 1u; }
      if (v2 > best) { best = v2; arg = 2u; }
      if (v3 > best) { best = v3; arg = 3u; }
      let gv = g[plane * 1u + wy * 1u + wx];
      let at = b + (arg & 1u) + (arg >> 1u) * 2u;
      var r = gv;
      r = select(0.0f, r, ep0_mask[at] > 0.0f);
      dx[b + 0u] = select(0.0f, r, arg == 0u);
      dx[b + 1u] = select(0.0f, r, arg == 1u);
      dx[b + 2u] = select(0.0f, r, arg == 2u);
      dx[b + 3u] = select(0.0f, r, arg == 3u);
    }
    else {
      dx[b] = 0.0f;
      if (2u * wx + 1u < 2u) { dx[b + 1u] = 0.0f; }
      if (2u * wy + 1u < 2u) { dx[b + 2u] = 0.0f; }
      if (2u * wx + 1u < 2u && 2u * wy + 1u < 2u) { dx[b + 3u] = 0.0f; }
    }
  }
  let i2 = base + 512u;
  if (i2 < 128u) {
    let plane = i2 / 1u;
    let wy = (i2 % 1u) / 1u;
    let wx = i2 % 1u;
    let b = plane * 4u + wy * 4u + wx * 2u;
    if (wy < 1u && wx < 1u) {
      let v0 = x[b + 0u];
      let v1 = x[b + 1u];
      let v2 = x[b + 2u];
      let v3 = x[b + 3u];
      var best = v0;
      var arg = 0u;
      if (v1 > best) { best = v1; arg = 1u; }
      if (v2 > best) { best = v2; arg = 2u; }
      if (v3 > best) { best = v3; arg = 3u; }
      let gv = g[plane * 1u + wy * 1u + wx];
      let at = b + (arg & 1u) + (arg >> 1u) * 2u;
      var r = gv;
      r = select(0.0f, r, ep0_mask[at] > 0.0f);
      dx[b + 0u] = select(0.0f, r, arg == 0u);
      dx[b + 1u] = select(0.0f, r, arg == 1u);
      dx[b + 2u] = select(0.0f, r, arg == 2u);
      dx[b + 3u] = select(0.0f, r, arg == 3u);
    }
    else {
      dx[b] = 0.0f;
      if (2u * wx + 1u < 2u) { dx[b + 1u] = 0.0f; }
      if (2u * wy + 1u < 2u) { dx[b + 2u] = 0.0f; }
      if (2u * wx + 1u < 2u && 2u * wy + 1u < 2u) { dx[b + 3u] = 0.0f; }
    }
  }
  let i3 = base + 768u;
  if (i3 < 128u) {
    let plane = i3 / 1u;
    let wy = (i3 % 1u) / 1u;
    let wx = i3 % 1u;
    let b = plane * 4u + wy * 4u + wx * 2u;
    if (wy < 1u && wx < 1u) {
      let v0 = x[b + 0u];
      let v1 = x[b + 1u];
      let v2 = x[b + 2u];
      let v3 = x[b + 3u];
      var best = v0;
      var arg = 0u;
      if (v1 > best) { best = v1; arg = 1u; }
      if (v2 > best) { best = v2; arg = 2u; }
      if (v3 > best) { best = v3; arg = 3u; }
      let gv = g[plane * 1u + wy * 1u + wx];
      let at = b + (arg & 1u) + (arg >> 1u) * 2u;
      var r = gv;
      r = select(0.0f, r, ep0_mask[at] > 0.0f);
      dx[b + 0u] = select(0.0f, r, arg == 0u);
      dx[b + 1u] = select(0.0f, r, arg == 1u);
      dx[b + 2u] = select(0.0f, r, arg == 2u);
      dx[b + 3u] = select(0.0f, r, arg == 3u);
    }
    else {
      dx[b] = 0.0f;
      if (2u * wx + 1u < 2u) { dx[b + 1u] = 0.0f; }
      if (2u * wy + 1u < 2u) { dx[b + 2u] = 0.0f; }
      if (2u * wx + 1u < 2u && 2u * wy + 1u < 2u) { dx[b + 3u] = 0.0f; }
    }
  }
}
