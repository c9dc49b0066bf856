// spec: {"cols":10,"kind":"softmax","rows":2}
// softmax: workgroup size 64x1x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, y:read_write:f32
// softmax 2x10
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let row = 0u * 64u + lid.x;
  if (row >= 2u) { return; }
  let base = row * 10u;
  var mx = x[base];
  for (var j = 1u; j < 10u; j++) {
    mx = max(mx, x[base + j]);
  }
  var sum = 0.0f;
  for (var j = 0u; j < 10u; j++) {
    let e = exp(x[base + j] - mx);
    y[base + j] = e;
    sum += e;
  }
  for (var j = 0u; j < 10u; j++) {
    y[base + j] = y[base + j] / sum;
  }
}
