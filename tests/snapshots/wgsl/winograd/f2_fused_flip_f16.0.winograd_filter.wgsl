// spec: {"c":16,"f16":[0],"flip":true,"kind":"winograd_filter","m":2,"o":16}
// winograd_filter F(2,3) flip: workgroup size 64x1x1, 4x1x1 workgroups, 0 bytes of workgroup memory
// bindings: wt:read:f16, u:read_write:f32
// winograd_filter F(2,3) 16x16 flip
enable f16;
@group(0) @binding(0) var<storage, read> wt: array<f16>;
@group(0) @binding(1) var<storage, read_write> u: array<f32>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = wg.x * 64u + lid.x;
  let c = i / 16u;
  let o = i % 16u;
  let base = (c * 16u + o) * 9u;
  let g0 = f32(wt[base + 8u]);
  let g1 = f32(wt[base + 7u]);
  let g2 = f32(wt[base + 6u]);
  let g3 = f32(wt[base + 5u]);
  let g4 = f32(wt[base + 4u]);
  let g5 = f32(wt[base + 3u]);
  let g6 = f32(wt[base + 2u]);
  let g7 = f32(wt[base + 1u]);
  let g8 = f32(wt[base + 0u]);
  let t_0_0 = g0;
  let c_t_0_0_e1 = 0.5f * g3;
  let c_t_0_0_o1 = 0.5f * g0 + 0.5f * g6;
  let t_1_0 = c_t_0_0_e1 + c_t_0_0_o1;
  let t_2_0 = c_t_0_0_e1 - c_t_0_0_o1;
  let t_3_0 = -g6;
  let t_0_1 = g1;
  let c_t_0_1_e1 = 0.5f * g4;
  let c_t_0_1_o1 = 0.5f * g1 + 0.5f * g7;
  let t_1_1 = c_t_0_1_e1 + c_t_0_1_o1;
  let t_2_1 = c_t_0_1_e1 - c_t_0_1_o1;
  let t_3_1 = -g7;
  let t_0_2 = g2;
  let c_t_0_2_e1 = 0.5f * g5;
  let c_t_0_2_o1 = 0.5f * g2 + 0.5f * g8;
  let t_1_2 = c_t_0_2_e1 + c_t_0_2_o1;
  let t_2_2 = c_t_0_2_e1 - c_t_0_2_o1;
  let t_3_2 = -g8;
  let u0_0 = t_0_0;
  let c_u0_0_e1 = 0.5f * t_0_1;
  let c_u0_0_o1 = 0.5f * t_0_0 + 0.5f * t_0_2;
  let u0_1 = c_u0_0_e1 + c_u0_0_o1;
  let u0_2 = c_u0_0_e1 - c_u0_0_o1;
  let u0_3 = -t_0_2;
  let u1_0 = t_1_0;
  let c_u1_0_e1 = 0.5f * t_1_1;
  let c_u1_0_o1 = 0.5f * t_1_0 + 0.5f * t_1_2;
  let u1_1 = c_u1_0_e1 + c_u1_0_o1;
  let u1_2 = c_u1_0_e1 - c_u1_0_o1;
  let u1_3 = -t_1_2;
  let u2_0 = t_2_0;
  let c_u2_0_e1 = 0.5f * t_2_1;
  let c_u2_0_o1 = 0.5f * t_2_0 + 0.5f * t_2_2;
  let u2_1 = c_u2_0_e1 + c_u2_0_o1;
  let u2_2 = c_u2_0_e1 - c_u2_0_o1;
  let u2_3 = -t_2_2;
  let u3_0 = t_3_0;
  let c_u3_0_e1 = 0.5f * t_3_1;
  let c_u3_0_o1 = 0.5f * t_3_0 + 0.5f * t_3_2;
  let u3_1 = c_u3_0_e1 + c_u3_0_o1;
  let u3_2 = c_u3_0_e1 - c_u3_0_o1;
  let u3_3 = -t_3_2;
  u[0u + c * 16u + o] = u0_0;
  u[256u + c * 16u + o] = u0_1;
  u[512u + c * 16u + o] = u0_2;
  u[768u + c * 16u + o] = u0_3;
  u[1024u + c * 16u + o] = u1_0;
  u[1280u + c * 16u + o] = u1_1;
  u[1536u + c * 16u + o] = u1_2;
  u[1792u + c * 16u + o] = u1_3;
  u[2048u + c * 16u + o] = u2_0;
  u[2304u + c * 16u + o] = u2_1;
  u[2560u + c * 16u + o] = u2_2;
  u[2816u + c * 16u + o] = u2_3;
  u[3072u + c * 16u + o] = u3_0;
  u[3328u + c * 16u + o] = u3_1;
  u[3584u + c * 16u + o] = u3_2;
  u[3840u + c * 16u + o] = u3_3;
}
