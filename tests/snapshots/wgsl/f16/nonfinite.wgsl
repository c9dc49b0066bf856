// spec: {"kind":"nonfinite","size":216}
// nonfinite: workgroup size 256x1x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: g:read:f32, flag:read_write:atomic<u32>
// nonfinite 216
@group(0) @binding(0) var<storage, read> g: array<f32>;
@group(0) @binding(1) var<storage, read_write> flag: array<atomic<u32>>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 216u) {
    if ((bitcast<u32>(g[i0]) & 0x7f800000u) == 0x7f800000u) {
      atomicOr(&flag[0], 1u);
    }
  }
  let i1 = base + 256u;
  if (i1 < 216u) {
    if ((bitcast<u32>(g[i1]) & 0x7f800000u) == 0x7f800000u) {
      atomicOr(&flag[0], 1u);
    }
  }
  let i2 = base + 512u;
  if (i2 < 216u) {
    if ((bitcast<u32>(g[i2]) & 0x7f800000u) == 0x7f800000u) {
      atomicOr(&flag[0], 1u);
    }
  }
  let i3 = base + 768u;
  if (i3 < 216u) {
    if ((bitcast<u32>(g[i3]) & 0x7f800000u) == 0x7f800000u) {
      atomicOr(&flag[0], 1u);
    }
  }
}
