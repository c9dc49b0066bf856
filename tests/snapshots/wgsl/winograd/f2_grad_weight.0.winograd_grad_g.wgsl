// spec: {"h":16,"kind":"winograd_grad_g","m":2,"n":2,"o":16,"w":16}
// winograd_grad_g F(3,2): workgroup size 64x1x1, 32x1x1 workgroups, 0 bytes of workgroup memory
// bindings: g:read:f32, gt:read_write:f32
// winograd_grad_g F(3,2) 2x16x16x16
@group(0) @binding(0) var<storage, read> g: array<f32>;
@group(0) @binding(1) var<storage, read_write> gt: array<f32>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = wg.x * 64u + lid.x;
  let o = i / 128u;
  let p = i % 128u;
  let img = p / 64u;
  let oy = (p / 8u) % 8u * 2u;
  let ox = p % 8u * 2u;
  let base = ((img * 16u + o) * 16u + oy) * 16u + ox;
  let g0_0 = g[base + 0u];
  let g0_1 = g[base + 1u];
  let g1_0 = g[base + 16u];
  let g1_1 = g[base + 17u];
  let t_0_0 = g0_0;
  let c_t_0_0_e1 = 0.5f * g1_0;
  let c_t_0_0_o1 = 0.5f * g0_0;
  let t_1_0 = c_t_0_0_e1 + c_t_0_0_o1;
  let t_2_0 = c_t_0_0_e1 - c_t_0_0_o1;
  let t_3_0 = -g1_0;
  let t_0_1 = g0_1;
  let c_t_0_1_e1 = 0.5f * g1_1;
  let c_t_0_1_o1 = 0.5f * g0_1;
  let t_1_1 = c_t_0_1_e1 + c_t_0_1_o1;
  let t_2_1 = c_t_0_1_e1 - c_t_0_1_o1;
  let t_3_1 = -g1_1;
  let gt0_0 = t_0_0;
  let c_gt0_0_e1 = 0.5f * t_0_1;
  let c_gt0_0_o1 = 0.5f * t_0_0;
  let gt0_1 = c_gt0_0_e1 + c_gt0_0_o1;
  let gt0_2 = c_gt0_0_e1 - c_gt0_0_o1;
  let gt0_3 = -t_0_1;
  let gt1_0 = t_1_0;
  let c_gt1_0_e1 = 0.5f * t_1_1;
  let c_gt1_0_o1 = 0.5f * t_1_0;
  let gt1_1 = c_gt1_0_e1 + c_gt1_0_o1;
  let gt1_2 = c_gt1_0_e1 - c_gt1_0_o1;
  let gt1_3 = -t_1_1;
  let gt2_0 = t_2_0;
  let c_gt2_0_e1 = 0.5f * t_2_1;
  let c_gt2_0_o1 = 0.5f * t_2_0;
  let gt2_1 = c_gt2_0_e1 + c_gt2_0_o1;
  let gt2_2 = c_gt2_0_e1 - c_gt2_0_o1;
  let gt2_3 = -t_2_1;
  let gt3_0 = t_3_0;
  let c_gt3_0_e1 = 0.5f * t_3_1;
  let c_gt3_0_o1 = 0.5f * t_3_0;
  let gt3_1 = c_gt3_0_e1 + c_gt3_0_o1;
  let gt3_2 = c_gt3_0_e1 - c_gt3_0_o1;
  let gt3_3 = -t_3_1;
  gt[0u + o * 128u + p] = gt0_0;
  gt[2048u + o * 128u + p] = gt0_1;
  gt[4096u + o * 128u + p] = gt0_2;
  gt[6144u + o * 128u + p] = gt0_3;
  gt[8192u + o * 128u + p] = gt1_0;
  gt[10240u + o * 128u + p] = gt1_1;
  gt[12288u + o * 128u + p] = gt1_2;
  gt[14336u + o * 128u + p] = gt1_3;
  gt[16384u + o * 128u + p] = gt2_0;
  gt[18432u + o * 128u + p] = gt2_1;
  gt[20480u + o * 128u + p] = gt2_2;
  gt[22528u + o * 128u + p] = gt2_3;
  gt[24576u + o * 128u + p] = gt3_0;
  gt[26624u + o * 128u + p] = gt3_1;
  gt[28672u + o * 128u + p] = gt3_2;
  gt[30720u + o * 128u + p] = gt3_3;
}
