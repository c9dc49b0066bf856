// avgpool 4x4 2x4x4x4
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 8u) {
    let plane = i0 / 1u;
    let rem = i0 % 1u;
    let b = plane * 16u + (rem / 1u) * 16u + (rem % 1u) * 4u;
    var sum = 0.0f;
    for (var dy = 0u; dy < 4u; dy++) {
      for (var dx = 0u; dx < 4u; dx++) {
        sum += x[b + dy * 4u + dx];
      }
    }
    y[i0] = sum / 16.0f;
  }
  let i1 = base + 256u;
  if (i1 < 8u) {
    let plane = i1 / 1u;
    let rem = i1 % 1u;
    let b = plane * 16u + (rem / 1u) * 16u + (rem % 1u) * 4u;
    var sum = 0.0f;
    for (var dy = 0u; dy < 4u; dy++) {
      for (var dx = 0u; dx < 4u; dx++) {
        sum += x[b + dy * 4u + dx];
      }
    }
    y[i1] = sum / 16.0f;
  }
  let i2 = base + 512u;
  if (i2 < 8u) {
    let plane = i2 / 1u;
    let rem = i2 % 1u;
    let b = plane * 16u + (rem / 1u) * 16u + (rem % 1u) * 4u;
    var sum = 0.0f;
    for (var dy = 0u; dy < 4u; dy++) {
      for (var dx = 0u; dx < 4u; dx++) {
        sum += x[b + dy * 4u + dx];
      }
    }
    y[i2] = sum / 16.0f;
  }
  let i3 = base + 768u;
  if (i3 < 8u) {
    let plane = i3 / 1u;
    let rem = i3 % 1u;
    let b = plane * 16u + (rem / 1u) * 16u + (rem % 1u) * 4u;
    var sum = 0.0f;
    for (var dy = 0u; dy < 4u; dy++) {
      for (var dx = 0u; dx < 4u; dx++) {
        sum += x[b + dy * 4u + dx];
      }
    }
    y[i3] = sum / 16.0f;
  }
}
