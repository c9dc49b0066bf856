// spec: {"c":64,"flip":true,"k":3,"kind":"conv_pack","o":64}
// conv_pack flip: workgroup size 64x1x1, 144x1x1 workgroups, 0 bytes of workgroup memory
// bindings: wt:read:f32, wp:read_write:f32
// conv_pack 64x64 k3 flip
@group(0) @binding(0) var<storage, read> wt: array<f32>;
@group(0) @binding(1) var<storage, read_write> wp: array<vec4<f32>>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = wg.x * 64u + lid.x;
  let grp = i % 16u;
  let c = i / 144u;
  let tap = (i / 16u) % 9u;
  let o0 = grp * 4u + 0u;
  let o1 = grp * 4u + 1u;
  let o2 = grp * 4u + 2u;
  let o3 = grp * 4u + 3u;
  wp[i] = vec4<f32>(select(0.0f, wt[(c * 64u + min(o0, 63u)) * 9u + 8u - tap], o0 < 64u), select(0.0f, wt[(c * 64u + min(o1, 63u)) * 9u + 8u - tap], o1 < 64u), select(0.0f, wt[(c * 64u + min(o2, 63u)) * 9u + 8u - tap], o2 < 64u), select(0.0f, wt[(c * 64u + min(o3, 63u)) * 9u + 8u - tap], o3 < 64u));
}
