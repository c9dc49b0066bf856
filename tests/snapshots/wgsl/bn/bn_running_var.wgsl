// bn_running var 6
@group(0) @binding(0) var<storage, read> old: array<f32>;
@group(0) @binding(1) var<storage, read> stats: array<f32>;
@group(0) @binding(2) var<storage, read_write> updated: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 6u) {
    updated[i0] = 0.8999999761581421f * old[i0] + 0.10000000149011612f * stats[2u * i0 + 1u] * 1.0322580337524414f;
  }
  let i1 = base + 256u;
  if (i1 < 6u) {
    updated[i1] = 0.8999999761581421f * old[i1] + 0.10000000149011612f * stats[2u * i1 + 1u] * 1.0322580337524414f;
  }
  let i2 = base + 512u;
  if (i2 < 6u) {
    updated[i2] = 0.8999999761581421f * old[i2] + 0.10000000149011612f * stats[2u * i2 + 1u] * 1.0322580337524414f;
  }
  let i3 = base + 768u;
  if (i3 < 6u) {
    updated[i3] = 0.8999999761581421f * old[i3] + 0.10000000149011612f * stats[2u * i3 + 1u] * 1.0322580337524414f;
  }
}
