// spec: {"cols":10,"kind":"softmax_xent","rows":2}
// softmax_xent: workgroup size 64x1x1, 1x1x1 workgroups, 256 bytes of workgroup memory
// bindings: z:read:f32, labels:read:i32, loss:read_write:f32
// softmax_xent 2x10
@group(0) @binding(0) var<storage, read> z: array<f32>;
@group(0) @binding(1) var<storage, read> labels: array<i32>;
@group(0) @binding(2) var<storage, read_write> loss: array<f32>;
var<workgroup> parts_loss: array<f32, 64>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  var part_loss = 0.0f;
  for (var row = lid.x; row < 2u; row += 64u) {
    let base = row * 10u;
    var mx = z[base];
    for (var j = 1u; j < 10u; j++) {
      mx = max(mx, z[base + j]);
    }
    let lab = u32(clamp(labels[row], 0i, 9i));
    var sum = 0.0f;
    for (var j = 0u; j < 10u; j++) {
      sum += exp(z[base + j] - mx);
    }
    part_loss += log(sum) + mx - z[base + lab];
  }
  parts_loss[lid.x] = part_loss;
  workgroupBarrier();
  if (lid.x == 0u) {
    var total_loss = 0.0f;
    for (var t = 0u; t < 64u; t++) {
      total_loss += parts_loss[t];
    }
    loss[0] = total_loss / 2.0f;
  }
}
